/** Starts Debian's Chromium (never a downloaded browser) with the built extension loaded. */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian’s package (`apt-get install chromium`) or set CHROMIUM_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
}

export async function launchWithExtension(options: {
  headless: boolean;
  colorScheme?: 'light' | 'dark';
  /** Chromium flags added to the defaults, e.g. a real-hosts server's `chromiumArgs`. */
  extraArgs?: string[];
  /** Another unpacked build to load (a variant of the manifest, for measurements). */
  extensionDir?: string;
  /** False: pages' own scripts do not run (the extension's content script still does). */
  pageScripts?: boolean;
  /**
   * The welcome page the extension opens on install: 'close' (default) closes it, so a tool or test starts
   * from a browser with no tab of the extension's; 'keep' leaves it open (tests of the first run).
   */
  welcome?: 'close' | 'keep';
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless,
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.pageScripts ?? true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // This machine has no internet: without these, Chromium keeps trying to reach Google's hosts.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (options.welcome !== 'keep') await (await welcomePageOf(context, extensionId)).close();
  return { context, extensionId };
}

/** The welcome page the extension opened on install (a tab of its own), once it has loaded. */
export async function welcomePageOf(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const page = context.pages().find((p) => p.url() === url) ?? (await context.waitForEvent('page', { predicate: (p) => p.url() === url }));
  await page.waitForLoadState();
  return page;
}

/**
 * Stops the extension's service worker as the browser does when it is idle or killed (through CDP, from
 * any page of the context); the next message or port starts it afresh.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const target of targetInfos.filter((t) => t.type === 'service_worker'))
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * The install-time warnings Chrome shows for a manifest (`chrome.management.getPermissionWarningsByManifest`,
 * which an extension page may call without the management permission).
 */
export async function installWarnings(browser: ExtensionBrowser, manifest: unknown): Promise<string[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return await page.evaluate(
      (json) =>
        new Promise<string[]>((resolve) => {
          type Management = { getPermissionWarningsByManifest(json: string, callback: (warnings: string[]) => void): void };
          (globalThis as unknown as { chrome: { management: Management } }).chrome.management.getPermissionWarningsByManifest(
            json,
            resolve,
          );
        }),
      JSON.stringify(manifest),
    );
  } finally {
    await page.close();
  }
}

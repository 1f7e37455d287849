/**
 * E2E fixtures: a real Chromium (Debian's) with the built extension, and the demo site plus test pages
 * served from 127.0.0.1. Nothing is mocked: the extension's worker, IndexedDB and messaging are real.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../src/demo/browser';
import { startDemoServer, type DemoServer } from '../../src/demo/server';

export const ARTIFACTS = resolve('tests/artifacts');

interface Fixtures {
  site: DemoServer & { requests: string[] };
  scheme: 'light' | 'dark';
  /** Extra Chromium flags, e.g. a real-hosts server's host mapping (see real-hosts.ts). */
  chromiumArgs: string[];
  /** The built extension to load: the build itself unless a test loads a copy (see granted-build.ts). */
  extensionDir: string | undefined;
  /** Leave open the welcome page the extension opens on install (closed by default, see launchWithExtension). */
  keepWelcome: boolean;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export const test = base.extend<Fixtures>({
  scheme: ['light', { option: true }],
  chromiumArgs: [[], { option: true }],
  extensionDir: [undefined, { option: true }],
  keepWelcome: [false, { option: true }],
  site: async ({}, use) => {
    const requests: string[] = [];
    const server = await startDemoServer({ mounts: { '/fixtures/': resolve('tests/fixtures/e2e') }, onRequest: (p) => requests.push(p) });
    await use(Object.assign(server, { requests }));
    await server.close();
  },
  context: async ({ scheme, chromiumArgs, extensionDir, keepWelcome }, use) => {
    const { context } = await launchWithExtension({
      headless: true,
      colorScheme: scheme,
      extraArgs: chromiumArgs,
      extensionDir,
      welcome: keepWelcome ? 'keep' : 'close',
    });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

export { expect };

/** The browser's id of the tab showing `page`, asked of the extension's worker. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/** Keeps the worker's thread busy for `ms` (a stuck worker, for real); resolves when it is free again. */
export async function keepWorkerBusy(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((duration) => {
    const end = Date.now() + duration;
    while (Date.now() < end);
  }, ms);
}

/** The worker's answer as an extension page receives it. */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** The options page, and its way of asking the worker (a test sends the messages the page's controls send). */
export async function openOptions(
  context: BrowserContext,
  extensionId: string,
): Promise<{ options: Page; send: <T = unknown>(message: object) => Promise<Reply<T>> }> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const send = <T = unknown>(message: object) => options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T>>;
  return { options, send };
}

/** Opens the popup page for the tab showing `page` (as the toolbar button would, but as a page). */
export async function openPopupFor(context: BrowserContext, extensionId: string, worker: Worker, page: Page): Promise<Page> {
  return openPopupForTab(context, extensionId, await tabIdOf(worker, page));
}

/** Opens the popup page for a tab known by its id (see real-hosts.ts: the worker sees real hosts' URLs only by id). */
export async function openPopupForTab(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

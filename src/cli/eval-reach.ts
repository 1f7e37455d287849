/**
 * eval-reach: the built extension in Chromium on saved real pages served under their real URLs. Counts
 * where the content script ran, where it found an article, and where the badge showed.
 *   npm run --silent eval:reach -- --pages DIR [--negatives DIR] [--all-hosts | --sites-granted] [--no-page-scripts] [--list]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { loadRegistry, type OutletRegistry, outletSitePatterns } from '../core/outlets/index';
import { EXTENSION_DIR, launchWithExtension } from '../demo/browser';
import { tabIdByUrl, waitForPageState } from '../demo/extension-probe';
import { startRealHostServer } from '../demo/real-hosts';
import { readHtmlFile } from './detect';
import { InputError } from './lib/jsonl';
import { htmlFilesIn, readTruth, truthPageFile } from './lib/pages-dir';

const HELP = `Usage: npm run --silent eval:reach -- --pages DIR [--negatives DIR] [--negatives-host HOST] [--all-hosts | --sites-granted]
       [--no-page-scripts] [--list]

Loads the built extension (npm run build first) in Debian's Chromium, serves each saved page under its
real URL (every host name mapped to a local HTTP+HTTPS server) and records, per page: whether the
content script ran, whether it found an article, and whether the badge showed. The badge shows only on
pages of outlets Parallax knows.
  --pages DIR           a pages-dev style folder (<id>.html.gz + truth.jsonl; every page an article)
  --negatives DIR       non-article pages (.html / .html.gz), served under --negatives-host (default
                        www.theguardian.com, a known outlet) at the path of their canonical link
  --all-hosts           run the content script on every host (a patched copy of the build), to measure
                        detection on pages of outlets Parallax does not know too
  --sites-granted       grant the sites of the catalogue outlets among the pages (a patched copy of the
                        build), as enabling those outlets' feeds does: the worker registers the article
                        script there
  --no-page-scripts     do not run the pages' own scripts (the content script still runs). With them, a
                        saved page's script may move it to an address the server cannot answer as the
                        live site did: those pages are counted in "navigatedAway"
  --list                one JSON line per page as well
Prints JSON lines: a summary for the articles and for the negatives, and the hosts of unknown outlets.
`;

const LOAD_TIMEOUT_MS = 20_000;
/** The content script runs at document_idle, by the load event at the latest; a little slack after it. */
const LOAD_EVENT_WAIT_MS = 5_000;
const SCRIPT_WAIT_MS = 1_500;
const BADGE_WAIT_MS = 5_000;

interface Target {
  name: string;
  url: string;
  html: string;
}

interface Outcome {
  name: string;
  url: string;
  outlet: string | null;
  scriptRan: boolean;
  article: boolean;
  badge: boolean;
  reasons?: string[];
  /** The page's own script moved it to another address, which the server cannot answer as the live site did. */
  navigatedTo?: string;
  error?: string;
}

function fail(message: string): never {
  process.stderr.write(`eval-reach: ${message}\n`);
  process.exit(2);
}

/** Host, path and query: what the server answers on, whatever the scheme Chromium chose (HSTS). */
const pageKey = (url: URL) => `${url.hostname}${url.pathname}${url.search}`;

function negativeTargets(dir: string, host: string): Target[] {
  return htmlFilesIn(dir).map((file) => {
    const html = readHtmlFile(file);
    const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1];
    let path = `/pages/${basename(file).replace(/\.html(\.gz)?$/, '')}`;
    try {
      if (canonical) path = new URL(canonical).pathname + new URL(canonical).search;
    } catch {
      // A broken canonical link: keep the file's own path.
    }
    return { name: basename(file), url: `https://${host}${path}`, html };
  });
}

interface Manifest {
  content_scripts: { matches: string[] }[];
  host_permissions?: string[];
}

/** A copy of the build with its manifest changed. */
function patchedBuild(patch: (manifest: Manifest) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-reach-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  patch(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Every host: the article script runs everywhere. */
const everywhere = (manifest: Manifest) => {
  for (const script of manifest.content_scripts) script.matches = ['<all_urls>'];
};

/**
 * The sites of the catalogue outlets among `urls` granted, as enabling their feeds grants them: the
 * worker then registers the article script there, as it does for a reader.
 */
const sitesGranted = (registry: OutletRegistry, urls: readonly string[]) => (manifest: Manifest) => {
  const sites = new Set<string>();
  for (const url of urls) {
    const outlet = registry.resolve(url);
    if (outlet !== null) for (const pattern of outletSitePatterns(outlet)) sites.add(pattern);
  }
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...sites];
};

async function visit(page: Page, worker: Worker, tabId: number, target: Target): Promise<Omit<Outcome, 'name' | 'url' | 'outlet'>> {
  try {
    await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
  } catch (error) {
    return { scriptRan: false, article: false, badge: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
  await page.waitForLoadState('load', { timeout: LOAD_EVENT_WAIT_MS }).catch(() => undefined);
  const state = await waitForPageState(worker, tabId, SCRIPT_WAIT_MS);
  if (state === null) return { scriptRan: false, article: false, badge: false, ...movedFrom(page, target) };
  const article = state.detection.isArticle;
  let badge = false;
  if (article) {
    badge = await page
      .getByTestId('parallax-badge')
      .waitFor({ state: 'visible', timeout: BADGE_WAIT_MS })
      .then(() => true)
      .catch(() => false);
  }
  return { scriptRan: true, article, badge, reasons: state.detection.reasons, ...movedFrom(page, target) };
}

function movedFrom(page: Page, target: Target): { navigatedTo?: string } {
  const final = page.url();
  return pageKey(new URL(final)) === pageKey(new URL(target.url)) ? {} : { navigatedTo: final };
}

function summary(measure: string, outcomes: Outcome[]) {
  const count = (keep: (o: Outcome) => boolean) => outcomes.filter(keep).length;
  const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);
  const known = outcomes.filter((o) => o.outlet !== null);
  const knownBadge = count((o) => o.outlet !== null && o.badge);
  const ran = count((o) => o.scriptRan);
  const detected = count((o) => o.scriptRan && o.article);
  return {
    measure,
    pages: outcomes.length,
    knownOutletPages: known.length,
    scriptRan: ran,
    scriptRanAndArticle: detected,
    articleRateWhereRan: rate(detected, ran),
    badge: count((o) => o.badge),
    badgeRateOfKnownOutletPages: rate(knownBadge, known.length),
    navigatedAway: count((o) => o.navigatedTo !== undefined),
    loadErrors: count((o) => o.error !== undefined),
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  let pagesDir: string | null = null;
  let negativesDir: string | null = null;
  let negativesHost = 'www.theguardian.com';
  let allHosts = false;
  let grantSites = false;
  let pageScripts = true;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pages') pagesDir = argv[++i] ?? fail('--pages needs a folder');
    else if (arg === '--negatives') negativesDir = argv[++i] ?? fail('--negatives needs a folder');
    else if (arg === '--negatives-host') negativesHost = argv[++i] ?? fail('--negatives-host needs a host name');
    else if (arg === '--all-hosts') allHosts = true;
    else if (arg === '--sites-granted') grantSites = true;
    else if (arg === '--no-page-scripts') pageScripts = false;
    else if (arg === '--list') list = true;
    else fail(`unexpected argument ${arg} (see --help)`);
  }
  if (pagesDir === null) fail('--pages DIR is required (see --help)');
  const dir = pagesDir;
  let articles: Target[];
  let negatives: Target[];
  try {
    articles = readTruth(dir).map((line) => ({ name: line.id, url: line.url, html: readHtmlFile(truthPageFile(dir, line)) }));
    negatives = negativesDir === null ? [] : negativeTargets(negativesDir, negativesHost);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  const registry = loadRegistry();
  let current: { key: string; html: string } | null = null;
  const server = await startRealHostServer({
    hosts: '*',
    handle: (url) => {
      if (url.hostname === '127.0.0.1') return { type: 'text/html; charset=utf-8', body: '<!doctype html><title>start</title>' };
      // The saved pages are UTF-8 whatever their meta charset says; everything else they ask for is absent.
      if (current !== null && pageKey(url) === current.key) return { type: 'text/html; charset=utf-8', body: current.html };
      return null;
    },
  });
  const extensionDir = allHosts
    ? patchedBuild(everywhere)
    : grantSites
      ? patchedBuild(
          sitesGranted(
            registry,
            articles.map((a) => a.url),
          ),
        )
      : undefined;
  const browser = await launchWithExtension({ headless: true, extraArgs: server.chromiumArgs, extensionDir, pageScripts });
  try {
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/start`);
    const tabId = await tabIdByUrl(worker, page);
    const run = async (measure: string, targets: Target[]) => {
      const outcomes: Outcome[] = [];
      for (const target of targets) {
        current = { key: pageKey(new URL(target.url)), html: target.html };
        const outlet = registry.resolve(target.url)?.id ?? null;
        const outcome: Outcome = { name: target.name, url: target.url, outlet, ...(await visit(page, worker, tabId, target)) };
        outcomes.push(outcome);
        if (list) console.log(JSON.stringify({ measure, ...outcome }));
      }
      console.log(JSON.stringify(summary(measure, outcomes)));
      return outcomes;
    };
    const articleOutcomes = await run('articles', articles);
    if (negatives.length > 0) await run('negatives', negatives);
    const unknownHosts = [...new Set(articleOutcomes.filter((o) => o.outlet === null).map((o) => new URL(o.url).hostname))].sort();
    console.log(
      JSON.stringify({
        measure: 'unknown-outlet-hosts',
        pages: articleOutcomes.filter((o) => o.outlet === null).length,
        hosts: unknownHosts,
      }),
    );
  } finally {
    await browser.context.close();
    await server.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InputError) fail(error.message);
  process.stderr.write(`eval-reach: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

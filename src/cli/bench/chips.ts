/**
 * Lean chips benchmark, in Debian's Chromium with the built extension and the chips switched on for the
 * local bench site through the worker, as the options page does it:
 * - a 1,000-link results page: the chips script's main-thread time for the whole page;
 * - an infinite-scroll feed adding 100 links at a time: main-thread time per 100 links;
 * - the same feed left alone for a while, with a clock ticking on the page: the work done when no link changed;
 * - the first chip on a slowly loading results page after a worker stop (chips-after-wake.ts).
 * Two measures of main-thread time: the script's own (its find and place work, timed inside it and read
 * from its isolated world over the DevTools protocol), and the renderer's whole task time (CDP
 * `TaskDuration`, so style and layout of the chips included) minus the same page's without chips (served
 * from `localhost`, where the chips are not switched on). Beside them, the floor of that second measure:
 * the same pages without chips where a page script puts a bare inline box of a chip's size after each
 * link a chip would follow, when the chips script puts its chips there: on the results page a frame
 * after the links (the page was drawn before the script ran); on the feed with the links, in the task
 * that adds them (the feed's hosts are known after its first batch). That is what laying out the new
 * boxes costs the browser, whatever puts them there. Medians of several runs, with every run.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { LinkChipsStats } from '../../content/link-chips/link-chips';
import { loadRegistry } from '../../core/outlets/index';
import { EXTENSION_DIR, launchWithExtension } from '../../demo/browser';
import { startDemoServer } from '../../demo/server';
import type { BenchPaths } from './paths';
import { benchFirstChipAfterWake } from './chips-after-wake';
import { median } from './stats';

const RUNS = Number(process.env.CHIPS_BENCH_RUNS ?? 5);
const PAGE_LINKS = 1_000;
const FEED_BATCHES = 10;
const BATCH = 100;
const IDLE_MS = 3_000;

type ChipStats = LinkChipsStats;

const round2 = (x: number) => Math.round(x * 100) / 100;

interface ResultLink {
  href: string;
  n: number;
}

/** Links like a results page's: outlets' articles, wrapped ones, section pages, unknown sites. */
function resultLinks(start: number, count: number, hosts: readonly string[]): ResultLink[] {
  const links: ResultLink[] = [];
  for (let i = start; i < start + count; i += 1) {
    const host = hosts[i % hosts.length];
    const article = `https://${host}/world/2026/03/0${1 + (i % 9)}/storm-hits-the-coast-story-${i}`;
    const href =
      i % 10 === 7
        ? `https://www.google.com/url?q=${encodeURIComponent(article)}`
        : i % 10 === 8
          ? `https://${host}/politics`
          : i % 10 === 9
            ? `https://blog-${i % 37}.example.org/2026/post-about-things-${i}`
            : article;
    links.push({ href, n: i });
  }
  return links;
}

/** The results as the saved page's markup (bench-made addresses only: hosts from the registry, numbers). */
function linkHtml(links: readonly ResultLink[]): string {
  return links
    .map(
      ({ href, n }) =>
        `<li><div class="r"><a href="${href}">Result ${n}: storm hits the coast</a><p>Snippet for result ${n}, a line of text.</p></div></li>`,
    )
    .join('');
}

function benchPage(links: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<style>body{font:14px/1.4 sans-serif;max-width:800px;margin:auto}li{margin:6px 0}</style></head>
<body><span id="clock"></span><ol id="list">${links}</ol></body></html>`;
}

/** The chips script's counters, read in the extension's isolated world of the page. */
async function chipStats(cdp: CDPSession, contexts: Map<string, number>): Promise<ChipStats | null> {
  for (const contextId of contexts.values()) {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: 'globalThis.__parallaxLinkChips ? JSON.stringify(globalThis.__parallaxLinkChips.stats) : null',
      returnByValue: true,
    });
    if (typeof result.value === 'string') return JSON.parse(result.value) as ChipStats;
  }
  return null;
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

interface Opened {
  page: Page;
  cdp: CDPSession;
  contexts: Map<string, number>;
}

async function open(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contexts = new Map<string, number>();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.auxData?.type === 'isolated') contexts.set(c.uniqueId ?? String(c.id), c.id);
  });
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  await page.goto(url);
  return { page, cdp, contexts };
}

/** Waits until the script has looked at `links` links and placed its chips (or, without chips, a fixed settle). */
async function settle(opened: Opened, links: number, withChips: boolean): Promise<ChipStats | null> {
  if (!withChips) {
    await opened.page.waitForTimeout(400);
    return null;
  }
  const deadline = Date.now() + 20_000;
  let last: ChipStats | null = null;
  while (Date.now() < deadline) {
    last = await chipStats(opened.cdp, opened.contexts);
    if (last && last.links >= links) {
      // The chips are placed once the worker answered: wait for the count to stop moving.
      await opened.page.waitForTimeout(200);
      const again = await chipStats(opened.cdp, opened.contexts);
      if (again && again.chips === last.chips) return again;
    }
    await opened.page.waitForTimeout(50);
  }
  throw new Error(`the chips script did not finish (${JSON.stringify(last)})`);
}

/**
 * Adds the results to the feed as the page's own script would, element by element; with `boxes`, a bare
 * box of a chip's size after each link a chip would follow (the floor's boxes, put in with the links).
 */
async function addBatch(page: Page, links: readonly ResultLink[], boxes: boolean): Promise<void> {
  await page.evaluate(
    ({ rows, boxes }) => {
      const list = document.getElementById('list') as HTMLElement;
      for (const { href, n } of rows) {
        const item = document.createElement('li');
        const result = document.createElement('div');
        result.className = 'r';
        const link = document.createElement('a');
        link.href = href;
        link.textContent = `Result ${n}: storm hits the coast`;
        const snippet = document.createElement('p');
        snippet.textContent = `Snippet for result ${n}, a line of text.`;
        result.append(link, snippet);
        if (boxes && n % 10 < 8) {
          const box = document.createElement('span');
          box.style.cssText = 'display:inline-block;width:5.6em;height:1.2em;margin:-0.6em 0 -0.6em 0.35em;vertical-align:middle';
          link.after(box);
        }
        item.append(result);
        list.append(item);
      }
    },
    { rows: links, boxes },
  );
}

/** How a run's page is served: with the chips, without them, or with bare boxes where the chips would be. */
type RunMode = 'chips' | 'baseline' | 'floor';

/**
 * The results page's floor boxes: after each link of `links` that the chips script gives a chip (an
 * outlet's article, wrapped or not: the bench's links numbered 0-7 of each ten), a bare inline box as wide
 * as a chip, from a task after the next frame (the links laid out first), then a frame for the browser to
 * lay them out.
 */
async function addBareBoxes(page: Page, links: readonly ResultLink[]): Promise<void> {
  await page.evaluate(
    async (numbers) => {
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const chipped = new Set(numbers);
      for (const anchor of document.querySelectorAll<HTMLAnchorElement>('#list a')) {
        const n = Number(/^Result (\d+):/.exec(anchor.textContent ?? '')?.[1]);
        if (!chipped.has(n)) continue;
        const box = document.createElement('span');
        box.style.cssText = 'display:inline-block;width:5.6em;height:1.2em;margin:-0.6em 0 -0.6em 0.35em;vertical-align:middle';
        anchor.after(box);
      }
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    },
    links.filter(({ n }) => n % 10 < 8).map(({ n }) => n),
  );
}

interface RunFigures {
  pageScriptMs: number;
  pagePlaceMs: number;
  pageTaskMs: number;
  pageChips: number;
  feedScriptPer100: number;
  feedTaskPer100: number;
  idlePasses: number;
  idleScriptMs: number;
  idleTaskMs: number;
}

async function runOnce(context: BrowserContext, origin: string, hosts: readonly string[], mode: RunMode): Promise<RunFigures> {
  const withChips = mode === 'chips';
  // The 1,000-link page.
  const full = await open(context, `${origin}/bench-chips/results.html`);
  const fullStats = await settle(full, PAGE_LINKS, withChips);
  if (mode === 'floor') await addBareBoxes(full.page, resultLinks(0, PAGE_LINKS, hosts));
  const pageTaskMs = await taskMs(full.cdp);
  await full.page.close();

  // The feed: 100 links at a time.
  const feed = await open(context, `${origin}/bench-chips/feed.html`);
  await settle(feed, 0, withChips);
  const scriptPer: number[] = [];
  const taskPer: number[] = [];
  for (let b = 0; b < FEED_BATCHES; b += 1) {
    const before = { stats: await chipStats(feed.cdp, feed.contexts), task: await taskMs(feed.cdp) };
    const batch = resultLinks(PAGE_LINKS + b * BATCH, BATCH, hosts);
    await addBatch(feed.page, batch, mode === 'floor');
    const after = await settle(feed, (before.stats?.links ?? 0) + BATCH, withChips);
    taskPer.push((await taskMs(feed.cdp)) - before.task);
    scriptPer.push((after?.busyMs ?? 0) - (before.stats?.busyMs ?? 0));
  }

  // Left alone, a clock ticking on the page (text changes, no links). The floor's idle figures are not
  // printed: it skips the wait.
  if (mode === 'floor') {
    await feed.page.close();
    return {
      pageScriptMs: 0,
      pagePlaceMs: 0,
      pageTaskMs,
      pageChips: 0,
      feedScriptPer100: 0,
      feedTaskPer100: median(taskPer),
      idlePasses: 0,
      idleScriptMs: 0,
      idleTaskMs: 0,
    };
  }
  await feed.page.evaluate(() => {
    setInterval(() => {
      (document.getElementById('clock') as HTMLElement).textContent = new Date().toISOString();
    }, 100);
  });
  const idleBefore = { stats: await chipStats(feed.cdp, feed.contexts), task: await taskMs(feed.cdp) };
  await feed.page.waitForTimeout(IDLE_MS);
  const idleAfter = { stats: await chipStats(feed.cdp, feed.contexts), task: await taskMs(feed.cdp) };
  await feed.page.close();

  return {
    pageScriptMs: fullStats?.busyMs ?? 0,
    pagePlaceMs: fullStats?.placeMs ?? 0,
    pageTaskMs,
    pageChips: fullStats?.chips ?? 0,
    feedScriptPer100: median(scriptPer),
    feedTaskPer100: median(taskPer),
    idlePasses: (idleAfter.stats?.passes ?? 0) - (idleBefore.stats?.passes ?? 0),
    idleScriptMs: (idleAfter.stats?.busyMs ?? 0) - (idleBefore.stats?.busyMs ?? 0),
    idleTaskMs: idleAfter.task - idleBefore.task,
  };
}

export async function runBench(_paths: BenchPaths): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(JSON.stringify({ bench: 'chips', skipped: 'no build in .output/chrome-mv3' }));
    return;
  }
  // Hosts of rated and unrated outlets alike, as a results page mixes them.
  const hosts = loadRegistry()
    .all()
    .slice(0, 60)
    .map((outlet) => outlet.domains[0]);
  const dir = await mkdtemp(join(tmpdir(), 'parallax-bench-chips-'));
  await writeFile(join(dir, 'results.html'), benchPage(linkHtml(resultLinks(0, PAGE_LINKS, hosts))));
  await writeFile(join(dir, 'feed.html'), benchPage(''));
  const site = await startDemoServer({ mounts: { '/bench-chips/': dir } });
  const { context, extensionId } = await launchWithExtension({ headless: true });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const reply = (await options.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: 'chips.setSite', origin, enabled: true }),
      site.origin,
    )) as {
      ok: boolean;
      error?: string;
    };
    if (!reply.ok) throw new Error(`could not switch the chips on: ${reply.error}`);
    await options.close();
    const baselineOrigin = site.origin.replace('127.0.0.1', 'localhost');
    const runs: RunFigures[] = [];
    const baselines: RunFigures[] = [];
    const floors: RunFigures[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await runOnce(context, site.origin, hosts, 'chips'));
      baselines.push(await runOnce(context, baselineOrigin, hosts, 'baseline'));
      floors.push(await runOnce(context, baselineOrigin, hosts, 'floor'));
    }
    const figure = (name: keyof RunFigures) => runs.map((r) => round2(r[name]));
    const minusBaseline = (name: keyof RunFigures, of = runs) => of.map((r, i) => round2(r[name] - baselines[i][name]));
    const summary = (values: number[]) => ({ median: median(values), runs: values });
    console.log(
      JSON.stringify({
        bench: 'chips.page',
        links: PAGE_LINKS,
        chips: median(figure('pageChips')),
        scriptMs: summary(figure('pageScriptMs')),
        placeMs: summary(figure('pagePlaceMs')),
        scriptMsPer100Links: round2((median(figure('pageScriptMs')) * 100) / PAGE_LINKS),
        taskMsOverBaseline: summary(minusBaseline('pageTaskMs')),
        bareBoxesTaskMsOverBaseline: summary(minusBaseline('pageTaskMs', floors)),
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'chips.feed',
        batches: FEED_BATCHES,
        linksPerBatch: BATCH,
        scriptMsPer100Links: summary(figure('feedScriptPer100')),
        taskMsPer100LinksOverBaseline: summary(minusBaseline('feedTaskPer100')),
        bareBoxesTaskMsPer100LinksOverBaseline: summary(minusBaseline('feedTaskPer100', floors)),
        budgetMsPer100Links: 5,
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'chips.idle',
        idleMs: IDLE_MS,
        note: 'no link added; a clock on the page changes its text every 100 ms',
        passes: summary(figure('idlePasses')),
        scriptMs: summary(figure('idleScriptMs')),
        taskMsOverBaseline: summary(minusBaseline('idleTaskMs')),
      }),
    );
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/options.html`);
    await benchFirstChipAfterWake(context, control, benchPage(linkHtml(resultLinks(0, 20, hosts))));
    await control.close();
  } finally {
    await context.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}

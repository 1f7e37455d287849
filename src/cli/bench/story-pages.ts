/**
 * Browser benchmark of the story pages, on the index the browser bench imported: the full story page's
 * first screen, and the stories page listing up to 1,000 stories (its first screen, and every story), each
 * from its navigation start to the page's own User Timing mark (set when the answer is drawn).
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import { stopServiceWorker } from '../../demo/browser';
import { median, round1 } from './stats';

const TRIES = 11;
/** Openings of the stories page each right after a worker start (an idle worker is stopped after 30 s). */
const COLD_TRIES = 5;

/** How often the page is asked whether it has drawn. */
const POLL_MS = 25;

/**
 * Evaluates `expression` in the page every POLL_MS until it gives a value other than null. It asks over
 * CDP with plain expressions: Playwright's own waiting and evaluation first inject its helper script into
 * the page, a 6–18 ms task on the page's thread (seen in CDP traces of the stories page) that a reader's
 * page never runs and that landed while the list was being drawn.
 */
async function pollPage<T>(cdp: CDPSession, expression: string, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // While the page is still navigating, its context can go away under the call: asked again.
    const reply = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null);
    const value = reply?.result.value;
    if (value !== null && value !== undefined) return value as T;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const markTime = (name: string) => `performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime`;
const PAGE_STATE = `document.querySelector('[data-state]')?.getAttribute('data-state') ?? ''`;

/**
 * Time from navigation start to `mark` on a fresh page at `url` (and to `allMark`, when given), and how
 * many stories it drew; null (with the page's state) when the page settled without drawing (an error, a
 * missing story).
 */
async function timeToMark(
  context: BrowserContext,
  url: string,
  mark: string,
  allMark?: string,
): Promise<{ ms: number; allMs: number; cards: number } | { state: string }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Page.navigate', { url });
    const settled = await pollPage<string>(
      cdp,
      `${markTime(mark)} !== undefined ? 'drawn' : /error|missing/.test(${PAGE_STATE}) ? 'failed' : null`,
      60_000,
    );
    if (settled === 'drawn' && allMark) await pollPage(cdp, `${markTime(allMark)} ?? null`, 60_000);
    const result = await pollPage<{ ms: number | null; allMs: number | null; cards: number; state: string }>(
      cdp,
      `({
        ms: ${markTime(mark)} ?? null,
        allMs: ${allMark ? `${markTime(allMark)} ?? null` : 'null'},
        cards: document.querySelectorAll('[data-testid="story-card"]').length,
        state: ${PAGE_STATE} + ': ' + (document.querySelector('[data-testid="page-message"]')?.textContent ?? ''),
      })`,
      1_000,
    );
    // Only the timing when drawn: the caller tells a failure by its `state` key.
    if (!result || result.ms === null) return { state: result?.state ?? `not drawn: ${settled}` };
    return { ms: result.ms, allMs: result.allMs ?? Number.NaN, cards: result.cards };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** The session store's key of the stories page's kept first list (src/messaging/kept-story-list.ts). */
const KEPT_LIST_KEY = 'stories-first-list';

/**
 * The stories page opened right after the worker was stopped: the worker starts, and restores its engine
 * before it can list anything. With the list the last opening kept (drawn from the session store), and
 * without it (as after a change of the index, which forgets it).
 */
async function storiesAfterWorkerStart(context: BrowserContext, url: string): Promise<{ kept: number[]; notKept: number[] }> {
  // An extension page, to reach the session store; reading it does not start the worker.
  const control = await context.newPage();
  await control.goto(url);
  const times = { kept: [] as number[], notKept: [] as number[] };
  try {
    for (let i = 0; i < COLD_TRIES * 2; i++) {
      const kept = i % 2 === 0;
      await stopServiceWorker(context, control);
      // Once the worker has stopped: the last opening's worker may still be keeping the list until then.
      if (!kept) await control.evaluate((key) => chrome.storage.session.set({ [key]: null }), KEPT_LIST_KEY);
      await control.waitForTimeout(300);
      const run = await timeToMark(context, url, 'parallax:stories-drawn');
      if (!('state' in run)) times[kept ? 'kept' : 'notKept'].push(run.ms);
    }
  } finally {
    await control.close();
  }
  return times;
}

/** `storyIds`: stories of the imported index (the popup bench's matches); `indexArticles` for the record. */
export async function benchStoryPages(context: BrowserContext, extensionId: string, storyIds: string[], indexArticles: number | null) {
  const base = `chrome-extension://${extensionId}`;
  // The stories page first: its first list computes the window's digests, later ones reuse them.
  const stories: number[] = [];
  const all: number[] = [];
  const failures: string[] = [];
  let cards = 0;
  for (let i = 0; i < TRIES; i++) {
    const run = await timeToMark(context, `${base}/stories.html`, 'parallax:stories-drawn', 'parallax:stories-all-drawn');
    if ('state' in run) failures.push(run.state);
    else {
      stories.push(run.ms);
      all.push(run.allMs);
      cards = run.cards;
    }
  }
  console.log(
    JSON.stringify({
      bench: 'browser.stories-page-list',
      indexArticles,
      tries: TRIES,
      storiesDrawn: cards,
      // Every story of the list drawn (the page draws a screen's worth first, then the rest after that paint).
      firstMs: all.length > 0 ? round1(all[0]) : null,
      p50Ms: all.length > 0 ? round1(median(all)) : null,
      maxMs: all.length > 0 ? round1(Math.max(...all)) : null,
      budgetMs: 300,
      runsMs: all.map(round1),
      // The first screen of the list drawn.
      firstScreenP50Ms: stories.length > 0 ? round1(median(stories)) : null,
      firstScreenRunsMs: stories.map(round1),
      failures,
    }),
  );
  const cold = await storiesAfterWorkerStart(context, `${base}/stories.html`);
  const coldFigures = (runs: number[]) => ({
    p50Ms: runs.length > 0 ? round1(median(runs)) : null,
    maxMs: runs.length > 0 ? round1(Math.max(...runs)) : null,
    runsMs: runs.map(round1),
  });
  console.log(
    JSON.stringify({
      bench: 'browser.stories-page-after-worker-start',
      drawn: 'first screen',
      indexArticles,
      tries: COLD_TRIES,
      // The list kept by the last opening, drawn from the session store while the worker starts.
      ...coldFigures(cold.kept),
      // No list kept (the index changed since the last opening): the woken worker lists the window.
      withoutKeptList: coldFigures(cold.notKept),
    }),
  );
  const story: number[] = [];
  const storyFailures: string[] = [];
  for (const id of storyIds.slice(0, TRIES)) {
    const run = await timeToMark(context, `${base}/story.html?id=${encodeURIComponent(id)}`, 'parallax:story-page-drawn');
    if ('state' in run) storyFailures.push(run.state);
    else story.push(run.ms);
  }
  console.log(
    JSON.stringify({
      bench: 'browser.story-page-first-screen',
      indexArticles,
      tries: storyIds.slice(0, TRIES).length,
      p50Ms: story.length > 0 ? round1(median(story)) : null,
      maxMs: story.length > 0 ? round1(Math.max(...story)) : null,
      budgetMs: 200,
      runsMs: story.map(round1),
      failures: storyFailures,
    }),
  );
}

/**
 * Browser benchmark of the story pages, on the index the browser bench imported: the full story page's
 * first screen, and the stories page listing up to 1,000 stories (its first screen, and every story), each
 * from its navigation start to the page's own User Timing mark (set when the answer is drawn).
 */
import type { BrowserContext } from '@playwright/test';
import { stopServiceWorker } from '../../demo/browser';

const TRIES = 11;
/** Openings of the stories page each right after a worker start (an idle worker is stopped after 30 s). */
const COLD_TRIES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Time from navigation start to `mark` on a fresh page at `url`, and how many stories it drew; null (with
 * the page's state) when the page settled without drawing (an error, a missing story).
 */
async function timeToMark(
  context: BrowserContext,
  url: string,
  mark: string,
  allMark?: string,
): Promise<{ ms: number; allMs: number; cards: number } | { state: string }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForFunction(
    (name) =>
      performance.getEntriesByName(name).length > 0 ||
      /error|missing/.test(document.querySelector('[data-state]')?.getAttribute('data-state') ?? ''),
    mark,
    { polling: 'raf', timeout: 60_000 },
  );
  if (allMark)
    await page
      .waitForFunction((name) => performance.getEntriesByName(name).length > 0, allMark, { polling: 'raf', timeout: 60_000 })
      .catch(() => undefined);
  const result = await page.evaluate(
    ([name, all]) => ({
      ms: performance.getEntriesByName(name)[0]?.startTime ?? NaN,
      allMs: all ? (performance.getEntriesByName(all)[0]?.startTime ?? NaN) : NaN,
      cards: document.querySelectorAll('[data-testid="story-card"]').length,
      state: `${document.querySelector('[data-state]')?.getAttribute('data-state')}: ${document.querySelector('[data-testid="page-message"]')?.textContent ?? ''}`,
    }),
    [mark, allMark ?? ''] as const,
  );
  await page.close();
  // Only the timing when drawn: the caller tells a failure by its `state` key.
  return Number.isNaN(result.ms) ? { state: result.state } : { ms: result.ms, allMs: result.allMs, cards: result.cards };
}

/** The stories page opened right after the worker was stopped: the worker starts, and must list the window anew. */
async function storiesAfterWorkerStart(context: BrowserContext, url: string): Promise<number[]> {
  const control = await context.newPage();
  const times: number[] = [];
  try {
    for (let i = 0; i < COLD_TRIES; i++) {
      await stopServiceWorker(context, control);
      await control.waitForTimeout(300);
      const run = await timeToMark(context, url, 'parallax:stories-drawn');
      if (!('state' in run)) times.push(run.ms);
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
  console.log(
    JSON.stringify({
      bench: 'browser.stories-page-after-worker-start',
      drawn: 'first screen',
      indexArticles,
      tries: COLD_TRIES,
      p50Ms: cold.length > 0 ? round1(median(cold)) : null,
      maxMs: cold.length > 0 ? round1(Math.max(...cold)) : null,
      runsMs: cold.map(round1),
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

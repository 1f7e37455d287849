/**
 * Browser benchmark of the story pages, on the index the browser bench imported: the full story page's
 * first screen, and the stories page listing up to 1,000 stories, each from its navigation start to the
 * page's own User Timing mark (set when the answer is drawn).
 */
import type { BrowserContext } from '@playwright/test';

const TRIES = 11;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Time from navigation start to `mark` on a fresh page at `url`, and what the page says it drew. */
async function timeToMark(context: BrowserContext, url: string, mark: string): Promise<{ ms: number; cards: number }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { polling: 'raf', timeout: 60_000 });
  const result = await page.evaluate(
    (name) => ({
      ms: performance.getEntriesByName(name)[0]?.startTime ?? NaN,
      cards: document.querySelectorAll('[data-testid="story-card"]').length,
    }),
    mark,
  );
  await page.close();
  return result;
}

/** `storyIds`: stories of the imported index (the popup bench's matches); `indexArticles` for the record. */
export async function benchStoryPages(context: BrowserContext, extensionId: string, storyIds: string[], indexArticles: number | null) {
  const base = `chrome-extension://${extensionId}`;
  // The stories page first: its first list computes the window's digests, later ones reuse them.
  const stories: number[] = [];
  let cards = 0;
  for (let i = 0; i < TRIES; i++) {
    const run = await timeToMark(context, `${base}/stories.html`, 'parallax:stories-drawn');
    stories.push(run.ms);
    cards = run.cards;
  }
  console.log(
    JSON.stringify({
      bench: 'browser.stories-page-list',
      indexArticles,
      tries: TRIES,
      storiesDrawn: cards,
      firstMs: round1(stories[0]),
      p50Ms: round1(median(stories)),
      maxMs: round1(Math.max(...stories)),
      budgetMs: 300,
      runsMs: stories.map(round1),
    }),
  );
  const story: number[] = [];
  for (const id of storyIds.slice(0, TRIES)) {
    story.push((await timeToMark(context, `${base}/story.html?id=${encodeURIComponent(id)}`, 'parallax:story-page-drawn')).ms);
  }
  if (story.length === 0) return;
  console.log(
    JSON.stringify({
      bench: 'browser.story-page-first-screen',
      indexArticles,
      tries: story.length,
      p50Ms: round1(median(story)),
      maxMs: round1(Math.max(...story)),
      budgetMs: 200,
      runsMs: story.map(round1),
    }),
  );
}

/**
 * Browser benchmark: the badge on an article page that loads slowly, as a news site's page often does
 * (its body HOLD_MS after its head), opened right after the worker was stopped. Timed in the page, from
 * its navigation start: the page parsed (DOMContentLoaded) and the badge in it. Their difference is what
 * the reader waits for once the page is there: with the wake script (entrypoints/wake.content.ts) the
 * worker restores the index while the page loads, without it only once the article script asks.
 */
import type { BrowserContext } from '@playwright/test';
import { startHeldPages } from '../../demo/held-pages';
import { BADGE_TAG } from '../../ui/badge/badge';
import { firstElementTimes } from './page-timing';
import { median, round1 } from './stats';

/** How long each page's body is held after its head: less than many news pages take to be parsed. */
const HOLD_MS = 500;
const BADGE = BADGE_TAG.toUpperCase();

/**
 * Opens each page (path → HTML) right after `stopWorker`, then again with the worker awake, and prints
 * the medians. `indexArticles` is printed with them.
 */
export async function benchBadgeAfterWake(
  context: BrowserContext,
  pages: Record<string, string>,
  stopWorker: () => Promise<void>,
  indexArticles: number | null,
): Promise<void> {
  const server = await startHeldPages(pages, HOLD_MS);
  const cold: { at: number; parsedAt: number }[] = [];
  const warm: number[] = [];
  const failures: string[] = [];
  try {
    for (const path of Object.keys(pages)) {
      try {
        await stopWorker();
        cold.push(await firstElementTimes(context, server.origin + path, BADGE));
        const again = await firstElementTimes(context, server.origin + path, BADGE);
        warm.push(again.at - again.parsedAt);
      } catch (error) {
        failures.push(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    await server.close();
  }
  const after = cold.map((t) => t.at - t.parsedAt);
  console.log(
    JSON.stringify({
      bench: 'browser.badge-on-slow-page-after-worker-stop',
      indexArticles,
      tries: cold.length,
      bodyHeldMs: HOLD_MS,
      parsedP50Ms: round1(median(cold.map((t) => t.parsedAt))),
      badgeP50Ms: round1(median(cold.map((t) => t.at))),
      badgeAfterParsedP50Ms: round1(median(after)),
      badgeAfterParsedMaxMs: round1(Math.max(...after)),
      // The same pages opened again at once, the worker awake: what is left is the page's own part.
      warmBadgeAfterParsedP50Ms: round1(median(warm)),
      failures,
    }),
  );
}

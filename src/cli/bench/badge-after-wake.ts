/**
 * Browser benchmark: the badge on an article page that loads slowly, as a news site's page often does
 * (its body HOLD_MS after its head), opened right after the worker was stopped. Timed in the page, from
 * its navigation start: the page parsed (DOMContentLoaded) and the badge in it. Their difference is what
 * the reader waits for once the page is there: with the wake script (entrypoints/wake.content.ts) the
 * worker restores the index while the page loads, without it only once the article script asks.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startHeldPages } from '../../demo/held-pages';

/** How long each page's body is held after its head: less than many news pages take to be parsed. */
const HOLD_MS = 500;
const BADGE_WAIT_MS = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Records, in the page's own clock, when the badge's element enters the document (page script, before any other). */
function recordBadge(): void {
  const scope = window as unknown as { __parallaxBadgeAt?: number };
  new MutationObserver((records, observer) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeName === 'PARALLAX-BADGE') {
          scope.__parallaxBadgeAt = performance.now();
          observer.disconnect();
          return;
        }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Opens each page (path → HTML) once, right after `stopWorker`, and prints the medians. `indexArticles`
 * is printed with them.
 */
/** Opens `url` and answers, from its navigation start, when it was parsed and when the badge came. */
async function badgeTimes(context: BrowserContext, url: string): Promise<{ badgeAt: number; parsedAt: number }> {
  const page: Page = await context.newPage();
  await page.addInitScript(recordBadge);
  try {
    await page.goto(url);
    const at = await page.waitForFunction(
      () => {
        const badgeAt = (window as unknown as { __parallaxBadgeAt?: number }).__parallaxBadgeAt;
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return badgeAt === undefined || navigation === undefined ? null : { badgeAt, parsedAt: navigation.domContentLoadedEventEnd };
      },
      undefined,
      { timeout: BADGE_WAIT_MS },
    );
    return (await at.jsonValue()) as { badgeAt: number; parsedAt: number };
  } finally {
    await page.close();
  }
}

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
  const cold: { badgeAt: number; parsedAt: number }[] = [];
  const warm: number[] = [];
  const failures: string[] = [];
  try {
    for (const path of Object.keys(pages)) {
      try {
        await stopWorker();
        cold.push(await badgeTimes(context, server.origin + path));
        const again = await badgeTimes(context, server.origin + path);
        warm.push(again.badgeAt - again.parsedAt);
      } catch (error) {
        failures.push(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    await server.close();
  }
  const after = cold.map((t) => t.badgeAt - t.parsedAt);
  console.log(
    JSON.stringify({
      bench: 'browser.badge-on-slow-page-after-worker-stop',
      indexArticles,
      tries: cold.length,
      bodyHeldMs: HOLD_MS,
      parsedP50Ms: round1(median(cold.map((t) => t.parsedAt))),
      badgeP50Ms: round1(median(cold.map((t) => t.badgeAt))),
      badgeAfterParsedP50Ms: round1(median(after)),
      badgeAfterParsedMaxMs: round1(Math.max(...after)),
      // The same pages opened again at once, the worker awake: what is left is the page's own part.
      warmBadgeAfterParsedP50Ms: round1(median(warm)),
      failures,
    }),
  );
}

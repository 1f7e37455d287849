/**
 * Page timing for the browser benchmarks: when a page was parsed, and when the extension's first element
 * of a kind (the badge, a lean chip) entered it, both in the page's own clock from its navigation start.
 */
import type { BrowserContext, Page } from '@playwright/test';

const WAIT_MS = 10_000;

/** Records, in the page's own clock, when the first element named `name` enters the document (page script, before any other). */
function recordFirst(name: string): void {
  const scope = window as unknown as { __parallaxFirstAt?: number };
  new MutationObserver((records, observer) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeName === name) {
          scope.__parallaxFirstAt = performance.now();
          observer.disconnect();
          return;
        }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Opens `url` and answers, from its navigation start, when it was parsed (DOMContentLoaded) and when the
 * first element named `name` (upper case: "PARALLAX-BADGE") entered it.
 */
export async function firstElementTimes(context: BrowserContext, url: string, name: string): Promise<{ at: number; parsedAt: number }> {
  const page: Page = await context.newPage();
  await page.addInitScript(recordFirst, name);
  try {
    await page.goto(url);
    const times = await page.waitForFunction(
      () => {
        const at = (window as unknown as { __parallaxFirstAt?: number }).__parallaxFirstAt;
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return at === undefined || navigation === undefined ? null : { at, parsedAt: navigation.domContentLoadedEventEnd };
      },
      undefined,
      { timeout: WAIT_MS },
    );
    return (await times.jsonValue()) as { at: number; parsedAt: number };
  } finally {
    await page.close();
  }
}

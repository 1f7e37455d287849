/**
 * Browser benchmark: the first lean chip on a results page that loads slowly (its body HOLD_MS after its
 * head; an address no article has, so only the chips sites' wake script can wake the worker early),
 * opened right after the worker was stopped, then again with it awake. From the page's DOMContentLoaded
 * to the first chip's element: with chips-wake.js the worker has started while the page loaded.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { stopServiceWorker } from '../../demo/browser';
import { startHeldPages } from '../../demo/held-pages';
import { CHIP_TAG } from '../../ui/link-chip/chip';
import { firstElementTimes } from './page-timing';
import { median, round1 } from './stats';

const HOLD_MS = 500;
const TRIES = 8;

/** `options`: an extension page, to switch the chips on for the page's site and to stop the worker from. */
export async function benchFirstChipAfterWake(context: BrowserContext, options: Page, html: string): Promise<void> {
  const server = await startHeldPages({ '/search': html }, HOLD_MS);
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    const reply = (await options.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: 'chips.setSite', origin, enabled: true }),
      server.origin,
    )) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`could not switch the chips on: ${reply.error}`);
    const url = `${server.origin}/search?q=storm`;
    const name = CHIP_TAG.toUpperCase();
    for (let i = 0; i < TRIES; i += 1) {
      await stopServiceWorker(context, options);
      await options.waitForTimeout(300);
      const first = await firstElementTimes(context, url, name);
      cold.push(first.at - first.parsedAt);
      const again = await firstElementTimes(context, url, name);
      warm.push(again.at - again.parsedAt);
    }
  } finally {
    await server.close();
  }
  console.log(
    JSON.stringify({
      bench: 'chips.first-chip-on-slow-page-after-worker-stop',
      tries: TRIES,
      bodyHeldMs: HOLD_MS,
      afterParsedP50Ms: round1(median(cold)),
      afterParsedMaxMs: round1(Math.max(...cold)),
      warmAfterParsedP50Ms: round1(median(warm)),
    }),
  );
}

/**
 * A page cannot pass itself off as another outlet: on a real outlet's host, a page that claims another
 * outlet's article as its canonical (and keeps rewriting the claim and its address) is read as the
 * page it is, once, under its own outlet.
 */
import type { Worker } from '@playwright/test';
import { badgeOf } from './badge';
import { expect, openOnRealHost, test } from './real-hosts';

const PAGE_URL = 'https://www.theguardian.com/world/2026/nov/18/riverside-night-bus-trial';

test.use({ realPages: { [PAGE_URL]: 'tests/fixtures/e2e/real-hosts/forged-canonical.html' } });

interface ReadingRow {
  articleId: string;
  outletId: string | null;
}

/** The reading table, read in the worker (the database is the extension's own). */
function readingRows(worker: Worker): Promise<ReadingRow[]> {
  return worker.evaluate(
    () =>
      new Promise<ReadingRow[]>((resolve, reject) => {
        const open = indexedDB.open('parallax');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reading').objectStore('reading').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as ReadingRow[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('a page naming another outlet as its canonical, 15 times over pushState, adds one row for its own outlet', async ({
  context,
  worker,
  realHosts,
  extensionId,
}) => {
  // Count the content script's reports, to be sure each rewrite was read.
  await worker.evaluate(() => {
    const counter = globalThis as unknown as { __reports: number };
    counter.__reports = 0;
    chrome.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'article/seen') counter.__reports += 1;
      return undefined;
    });
  });
  const reports = () => worker.evaluate(() => (globalThis as unknown as { __reports: number }).__reports);
  const { page, tabId } = await openOnRealHost(context, worker, realHosts, PAGE_URL);
  await badgeOf(page).expectText('The Guardian');
  await expect.poll(() => readingRows(worker)).toHaveLength(1);

  // Each rewrite is a new address for the content script, which reads the page again and reports it.
  await page.evaluate(() => (window as unknown as { forgeCanonical(times: number, gapMs: number): Promise<void> }).forgeCanonical(15, 250));
  await expect(page).toHaveURL(/utm_content=15#v15$/);
  // Let the last reports reach the worker (the content script looks again 400 ms after a change).
  await expect.poll(reports).toBeGreaterThanOrEqual(16);
  await page.waitForTimeout(1_000);
  await badgeOf(page).expectText('The Guardian');

  const rows = await readingRows(worker);
  expect(rows.map((r) => [r.articleId, r.outletId])).toEqual([[PAGE_URL, 'the-guardian']]);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('outlet-card')).toContainText('The Guardian');
  await expect(popup.locator('body')).not.toContainText(/Fox News|foxnews/);
});

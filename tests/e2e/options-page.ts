/** The options page in E2E tests: opening it, asking the worker as it does, rows written as another build left them. */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

// The checks every extension page shares, here too for the options page's tests.
export { answerPermissionPrompt, expectNoSeriousViolations } from './page-checks';

export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * The options page, once the part a test uses has loaded: by default the Sources list, whose first load
 * reads the whole outlet catalogue in a freshly started worker; a test of the Data section waits for that.
 */
export async function openOptions(
  context: BrowserContext,
  extensionId: string,
  ready: 'outlet-row' | 'data-import' = 'outlet-row',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // The worker's first answer reads the shipped catalogue (thousands of outlets): over 10 s on a loaded machine.
  await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 30_000 });
  return page;
}

/** One request to the worker from an extension page, as `ask()` sends it. */
export const send = (page: Page, message: object) => page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply>;

/** Rows written straight into a store of the extension's IndexedDB, as an older build or a tool left them. */
export async function putRows(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ name, items }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('parallax');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          for (const item of items) tx.objectStore(name).put(item);
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: store, items: rows },
  );
}

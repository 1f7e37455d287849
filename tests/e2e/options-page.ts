/** The options page in E2E tests: opening it, asking the worker as it does, and the reader's answers to prompts. */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

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

/** What the reader answers to the browser's permission prompt, for pages opened after this call. */
export async function answerPermissionPrompt(context: BrowserContext, granted: boolean): Promise<void> {
  await context.addInitScript((answer: boolean) => {
    const api = (globalThis as unknown as { chrome?: { permissions?: { request: (p: unknown) => Promise<boolean> } } }).chrome;
    if (api?.permissions) {
      const asked: unknown[] = [];
      (globalThis as unknown as { __permissionRequests: unknown[] }).__permissionRequests = asked;
      api.permissions.request = (p: unknown) => {
        asked.push(p);
        return Promise.resolve(answer);
      };
    }
  }, granted);
}

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

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

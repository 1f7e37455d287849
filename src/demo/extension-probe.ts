/**
 * What the built extension saw in a tab, asked the way the popup asks: the worker sends the page's
 * content script the page-detection request. Used by the reach evaluation and the E2E tests.
 */
import type { Page, Worker } from '@playwright/test';
import { PAGE_DETECTION_REQUEST, type PageState } from '../messaging/page';

interface TabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * The id of the tab showing `page`, found by its URL. Without the `tabs` permission the worker sees the
 * URL of loopback pages only (its host permission): open the tab on a loopback page first, then
 * navigate it; a tab keeps its id across navigations.
 */
export async function tabIdByUrl(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url} (the worker sees the URL of loopback pages only)`);
  return id;
}

/** The content script's answer in the tab, or null when no content script runs there (yet). */
export async function pageStateIn(worker: Worker, tabId: number): Promise<PageState | null> {
  return worker.evaluate(
    async ({ id, type }) => {
      try {
        return ((await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.sendMessage(id, { type })) ?? null) as PageState | null;
      } catch {
        return null; // "Receiving end does not exist": no content script in the tab.
      }
    },
    { id: tabId, type: PAGE_DETECTION_REQUEST },
  );
}

/** Asks until the content script answers or `timeoutMs` passes. */
export async function waitForPageState(worker: Worker, tabId: number, timeoutMs: number): Promise<PageState | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await pageStateIn(worker, tabId);
    if (state !== null || Date.now() >= end) return state;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

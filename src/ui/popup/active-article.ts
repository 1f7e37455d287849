/** Which tab the popup describes, and what its content script detected there. */
import { browser } from 'wxt/browser';
import { PAGE_DETECTION_REQUEST, type PageState } from '../../messaging/page';

/** `?tab=ID` when the popup is opened as a page (from the badge, or in tests); else the active tab. */
export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The tab's detection, or null when no content script runs there (not a news site, or a browser page). */
export async function pageStateOf(tabId: number): Promise<PageState | null> {
  try {
    const state = (await browser.tabs.sendMessage(tabId, { type: PAGE_DETECTION_REQUEST })) as PageState | null | undefined;
    return state ?? null;
  } catch {
    return null;
  }
}

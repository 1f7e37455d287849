/**
 * The popup's question to the worker: what the tab shows and its story, in one message, sent as soon as
 * the popup's script runs, before anything is drawn. Also the story kept from the worker's last answer
 * (storage.session), for a popup whose worker has to start first. Both go through the browser's native
 * promise API (Chrome MV3 and Firefox both have it).
 */
import { NoAnswerError, ask, nativeApi } from '../../messaging/client';
import { KeptStories, type SessionArea } from '../../messaging/kept-story';
import type { PopupStory } from '../../messaging/page';
import { afterNextPaint } from '../after-paint';

/** User Timing marks, read by the popup benchmark (npm run bench). */
export const POPUP_MARKS = { start: 'parallax:popup-start', view: 'parallax:popup-view', rendered: 'parallax:popup-rendered' } as const;

/** A popup that waits longer than this for the worker says so and offers to try again. */
export const POPUP_ANSWER_TIMEOUT_MS = 5_000;

export { NoAnswerError };

export interface TabInfo {
  id?: number;
  url?: string;
}

interface TabsApi {
  tabs: { get(tabId: number): Promise<TabInfo>; query(filter: { active: boolean; currentWindow: boolean }): Promise<TabInfo[]> };
  storage: { session: SessionArea };
}

/** `?tab=ID` when the popup is opened as a page (from the badge, or in tests); null: the active tab. */
export function tabFromSearch(search: string): number | null {
  const param = new URLSearchParams(search).get('tab');
  return param !== null && /^\d{1,15}$/.test(param) ? Number(param) : null;
}

export function requestPopupStory(tabId: number | null, timeoutMs = POPUP_ANSWER_TIMEOUT_MS): Promise<PopupStory> {
  return ask({ type: 'popup/story', tabId }, { timeoutMs });
}

/** The popup's first request, marked for the benchmark. */
export function requestFirstStory(search: string): Promise<PopupStory> {
  performance.mark(POPUP_MARKS.start);
  return requestPopupStory(tabFromSearch(search)).then((story) => {
    performance.mark(POPUP_MARKS.view);
    return story;
  });
}

let drawnMarkScheduled = false;

/**
 * Sets the `rendered` mark once, after the browser has run the rendering steps (style, layout, paint) of
 * the first frame that shows a story: an animation-frame callback runs just before them, the task it
 * queues just after. Called when a story is put in the document. Not from an effect: Preact runs a
 * component's pending effects at once when it renders again before the frame (the kept story replaced by
 * the answer), which would mark a story not yet drawn.
 */
export function markStoryDrawn(): void {
  if (drawnMarkScheduled) return;
  drawnMarkScheduled = true;
  afterNextPaint(() => performance.mark(POPUP_MARKS.rendered));
}

/**
 * The tab the popup speaks of (`?tab=ID`, else the active tab), with its address when the browser shows
 * it (the popup opened from the toolbar has `activeTab`; elsewhere, a site the extension may read).
 */
export async function popupTab(search: string): Promise<TabInfo | undefined> {
  const api = nativeApi<TabsApi>();
  const param = tabFromSearch(search);
  return param !== null ? await api.tabs.get(param) : (await api.tabs.query({ active: true, currentWindow: true }))[0];
}

/**
 * The story the worker last computed for the tab, when the tab still shows that page: drawn at once by
 * a popup whose worker was stopped (an idle MV3 worker is, after 30 s) while the fresh answer comes.
 * Null when there is none, or on any error (the popup then simply waits for the worker).
 */
export async function keptStory(search: string): Promise<PopupStory | null> {
  try {
    const api = nativeApi<TabsApi>();
    const kept = new KeptStories(api.storage.session);
    // A tab given by its id: its address and its kept story are asked for at once.
    const param = tabFromSearch(search);
    if (param !== null)
      return await kept.get(
        param,
        api.tabs.get(param).then((tab) => tab.url || undefined),
      );
    const tab = await popupTab(search);
    if (tab?.id === undefined || !tab.url) return null;
    return await kept.get(tab.id, tab.url);
  } catch {
    return null;
  }
}

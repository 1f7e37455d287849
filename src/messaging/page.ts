/** The one message a content script answers: the popup asking what the page is. */
import type { StoryView } from '../core/story-view';
import type { Detection } from '../core/types';

export const PAGE_DETECTION_REQUEST = 'page/detection';

export interface PageState {
  pageUrl: string;
  detection: Detection;
}

/** The popup's one answer: what the tab shows, and its story. */
export interface PopupStory {
  page: PageState | null;
  view: StoryView;
}

/**
 * The key under which the worker keeps a tab's last PopupStory in `storage.session` (memory only, gone
 * when the browser closes), so a popup opened after the worker was stopped can draw it at once.
 */
export const keptStoryKey = (tabId: number): string => `popup-story:${tabId}`;

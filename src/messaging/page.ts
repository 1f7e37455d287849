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

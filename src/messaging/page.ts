/** The one message a content script answers: the popup asking what the page is. */
import type { Detection } from '../core/types';

export const PAGE_DETECTION_REQUEST = 'page/detection';

export interface PageState {
  pageUrl: string;
  detection: Detection;
}

import { render } from 'preact';
import type { PopupStory } from '../../messaging/page';
import { Popup, type PopupState } from './Popup';

/**
 * How long the popup waits for the worker's answer before drawing its loading state. A warm worker
 * answers in about 10-20 ms: drawing the answer directly then spares the reader a spinner that flashes
 * and a layout that jumps, and the page one render.
 */
const QUICK_ANSWER_MS = 50;

export function mountPopup(first: Promise<PopupStory>, root: HTMLElement): void {
  const answered: Promise<PopupState> = first.then(
    ({ view, page }) => ({ kind: 'view', view, page }),
    () => ({ kind: 'loading' }), // The Popup shows the error itself, from `first`.
  );
  const waited = new Promise<PopupState>((resolve) => setTimeout(() => resolve({ kind: 'loading' }), QUICK_ANSWER_MS));
  void Promise.race([answered, waited]).then((initial) => render(<Popup first={first} initial={initial} />, root));
}

import { render } from 'preact';
import type { PopupStory } from '../../messaging/page';
import { Popup, type PopupState } from './Popup';

/**
 * How long the popup waits for something to draw before its loading state. A warm worker answers in
 * about 10-20 ms, and the story kept from the worker's last run is read in a few: drawing either at once
 * spares the reader a spinner that flashes and a layout that jumps.
 */
const QUICK_ANSWER_MS = 50;

type First = { initial: PopupState; final: boolean };

export function mountPopup(first: Promise<PopupStory>, kept: Promise<PopupStory | null>, root: HTMLElement): void {
  const answered: Promise<First> = first.then(
    ({ view, page }) => ({ initial: { kind: 'view', view, page }, final: true }),
    () => ({ initial: { kind: 'loading' }, final: false }), // The Popup shows the error itself, from `first`.
  );
  // The kept story is drawn only if it comes before the answer, and replaced by the answer when that comes.
  const keptFirst = kept.then((story): First | Promise<First> =>
    story ? { initial: { kind: 'view', view: story.view, page: story.page }, final: false } : new Promise<First>(() => undefined),
  );
  const waited = new Promise<First>((resolve) =>
    setTimeout(() => resolve({ initial: { kind: 'loading' }, final: false }), QUICK_ANSWER_MS),
  );
  void Promise.race<First>([answered, keptFirst, waited]).then(({ initial, final }) =>
    render(<Popup first={first} initial={initial} initialIsAnswer={final} />, root),
  );
}

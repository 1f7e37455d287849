import { render } from 'preact';
import type { PopupStory } from '../../messaging/page';
import { Popup } from './Popup';

export function mountPopup(first: Promise<PopupStory>, root: HTMLElement): void {
  render(<Popup first={first} />, root);
}

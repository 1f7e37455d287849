/**
 * The inline badge: a pill in a shadow root just below the article's headline. Plain DOM (no framework)
 * because it ships in the content script, which runs on every news page and has a 30 kB budget.
 * Its host is a zero-size box, so the page's content never moves; the pill overlays.
 * The page is untrusted: the root is closed (page scripts can neither read nor rewrite the pill) and
 * only the reader's own clicks and key presses act (`isTrusted`), never a script's synthetic events.
 */
import type { BadgeInfo } from '../../core/story-view';
import { badgeCss } from './badge-css';

export interface BadgeTexts {
  summary: string;
  outletLean: string;
  accessibleName: string;
  dismiss: string;
}

export interface BadgeHandle {
  host: HTMLElement;
  remove(): void;
}

export const BADGE_TAG = 'parallax-badge';

/** The pill's height in px (see badge-css). */
const PILL_HEIGHT = 26;

/** Styles set on the host with !important, so page CSS (`* { margin: 2em }`) cannot give it a size. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'relative'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483000'],
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where the pill goes: after the visible headline, or a fixed corner when the page has none. */
function headlineAnchor(): Element | null {
  for (const h1 of Array.from(document.querySelectorAll('h1')).slice(0, 5)) {
    const box = h1.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && h1.parentElement) return h1;
  }
  return null;
}

export function mountBadge(info: BadgeInfo, texts: BadgeTexts, actions: { open(): void; dismiss(): void }): BadgeHandle {
  const host = document.createElement(BADGE_TAG);
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = badgeCss;
  const anchor = headlineAnchor();

  const pill = el('div', anchor ? 'pill' : 'pill corner');
  pill.dataset.side = info.side ?? 'none';
  const open = el('button', 'open');
  open.type = 'button';
  open.setAttribute('aria-label', texts.accessibleName);
  open.setAttribute('data-testid', 'parallax-badge');
  // The "P" mark is drawn by CSS and hidden from assistive technology: the visible text is then exactly
  // the two labels, and the accessible name starts with them.
  const mark = el('span', 'mark');
  mark.setAttribute('aria-hidden', 'true');
  // The space between the labels is not drawn (the button is a flex box) but keeps the words apart
  // in the button's text, as they read on screen.
  open.append(mark, el('span', 'lean', texts.outletLean), ' ', el('span', 'summary', texts.summary));
  open.addEventListener('click', (event) => {
    if (event.isTrusted) actions.open();
  });
  // The "×" is drawn by CSS too: the button's only text is its name.
  const close = el('button', 'dismiss');
  close.type = 'button';
  close.setAttribute('aria-label', texts.dismiss);
  close.title = texts.dismiss;
  close.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    host.remove();
    actions.dismiss();
  });
  pill.append(open, close);
  shadow.append(style, pill);

  if (anchor) {
    anchor.parentElement?.insertBefore(host, anchor.nextSibling);
    // The pill sits in the space under the headline when there is room, so it covers no text;
    // otherwise it becomes the corner pill.
    const gap = host.getBoundingClientRect().top - anchor.getBoundingClientRect().bottom;
    if (gap >= PILL_HEIGHT + 2) pill.classList.add('in-gap');
    else pill.classList.add('corner');
  } else document.documentElement.append(host);
  return { host, remove: () => host.remove() };
}

/**
 * The lean chip beside a link: a small pill in a closed shadow root, with the outlet's name, rating and
 * owner in a tooltip on hover or focus. Plain DOM (no framework): it ships in the chips script, which
 * runs on long, growing pages.
 * Its host is an inline box given its final size before it is drawn (in `ch` of its own font, from the
 * label's length), so adding it never makes anything jump when its styles apply. The page is untrusted:
 * the root is closed, and only the reader's own clicks and keys act (`isTrusted`); a click on the chip
 * never reaches the link around it or the page's handlers.
 */
import type { ChipOutlet } from '../../core/links/chip-outlet';
import { LEANS_7, type Lean7, type LeanSide } from '../../core/types';
import { chipCss } from './chip-css';

export const CHIP_TAG = 'parallax-chip';

export interface ChipTexts {
  /** The visible label: the lean ("Lean Left"), or "Unrated", which stays hidden until hover or focus. */
  label: string;
  accessibleName: string;
  /** The tooltip's lines after the outlet's name: the rating, the owner. */
  details: string[];
}

/** Unrated chips are a small ring; rated ones as wide as their label (11px semi-bold, plus padding). */
const QUIET_WIDTH = '11px';
const labelWidth = (label: string) => `calc(${label.length}ch + 12px)`;

/**
 * The host's style, with !important so page CSS (`span { margin: 2em }`, `* { display: block }`) cannot
 * resize it. One template host per width, cloned for each chip: a clone shares its template's parsed
 * style (no CSS parse per chip), and chips with one style then share their computed style too, which
 * keeps the page's style recalculation small on a page of a thousand chips.
 */
const hostTemplates = new Map<string, HTMLElement>();
function hostTemplate(width: string): HTMLElement {
  let template = hostTemplates.get(width);
  if (template === undefined) {
    template = document.createElement(CHIP_TAG);
    template.setAttribute(
      'style',
      [
        'all: initial',
        'display: inline-block',
        'position: relative',
        'box-sizing: border-box',
        `width: ${width}`,
        'height: 15px',
        'margin: 0 0 0 0.35em',
        'padding: 0',
        'border: 0',
        'font: 600 11px/15px system-ui, sans-serif',
        'vertical-align: middle',
        'text-indent: 0',
      ]
        .map((declaration) => `${declaration} !important`)
        .join('; '),
    );
    hostTemplates.set(width, template);
  }
  return template;
}

/** The 7-point lean folded to the chip's colour (the ratings module's own fold carries the rating data). */
const sideOf = (lean: Lean7): LeanSide => {
  const at = LEANS_7.indexOf(lean);
  return at < 3 ? 'L' : at === 3 ? 'C' : 'R';
};

let sheet: CSSStyleSheet | null | undefined;

/** One constructed style sheet for every chip of the page (parsed once); null where a content script cannot adopt one. */
function styleRoot(shadow: ShadowRoot): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(chipCss);
    } catch {
      sheet = null;
    }
  }
  if (sheet !== null) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox's content scripts cannot hand their sheets to the page's document.
      sheet = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = chipCss;
  shadow.append(style);
}

/** A chip's content, built once per outlet and cloned into each chip of that outlet. */
function chipContent(outlet: ChipOutlet, texts: ChipTexts): DocumentFragment {
  const content = document.createDocumentFragment();
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = outlet.lean === null ? 'chip quiet' : 'chip';
  chip.dataset.side = outlet.lean === null ? 'none' : sideOf(outlet.lean);
  chip.setAttribute('aria-label', texts.accessibleName);
  chip.setAttribute('aria-describedby', 'tip');
  chip.setAttribute('aria-expanded', 'false');
  if (outlet.lean !== null) chip.textContent = texts.label;
  const tip = document.createElement('span');
  tip.id = 'tip';
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  const name = document.createElement('strong');
  name.textContent = outlet.name;
  tip.append(name);
  for (const line of texts.details) {
    const span = document.createElement('span');
    span.textContent = line;
    tip.append(span);
  }
  content.append(chip, tip);
  return content;
}

const setExpanded = (chip: Element, expanded: boolean) => chip.setAttribute('aria-expanded', String(expanded));

/** One set of listeners for every chip (on each closed root; `currentTarget` is that root). */
const CHIP_EVENTS: [string, (event: Event) => void][] = Object.entries({
  // Inside a link (a search result's title), a click on the chip opens its tooltip, never the link.
  click: (event) => {
    event.preventDefault();
    event.stopPropagation();
    const chip = (event.currentTarget as ShadowRoot).querySelector('.chip');
    if (event.isTrusted && chip) setExpanded(chip, chip.getAttribute('aria-expanded') !== 'true');
  },
  keydown: (event) => {
    const chip = (event.currentTarget as ShadowRoot).querySelector('.chip');
    if (event.isTrusted && chip && (event as KeyboardEvent).key === 'Escape') setExpanded(chip, false);
  },
  focusout: (event) => {
    const chip = (event.currentTarget as ShadowRoot).querySelector('.chip');
    if (chip) setExpanded(chip, false);
  },
} satisfies Record<string, (event: Event) => void>);

/**
 * Makes chips for one outlet. Its words are asked for and its content built on the first call, then
 * cloned: an outlet none of the page's links lead to costs nothing.
 */
export function chipMaker(outlet: ChipOutlet, texts: () => ChipTexts): () => HTMLElement {
  let template: HTMLElement | null = null;
  let content: DocumentFragment | null = null;
  return () => {
    if (template === null || content === null) {
      const words = texts();
      template = hostTemplate(outlet.lean === null ? QUIET_WIDTH : labelWidth(words.label));
      content = chipContent(outlet, words);
    }
    const host = template.cloneNode(false) as HTMLElement;
    const shadow = host.attachShadow({ mode: 'closed' });
    styleRoot(shadow);
    shadow.append(content.cloneNode(true));
    for (const [type, listener] of CHIP_EVENTS) shadow.addEventListener(type, listener);
    return host;
  };
}

export function createChip(outlet: ChipOutlet, texts: ChipTexts): HTMLElement {
  return chipMaker(outlet, () => texts)();
}

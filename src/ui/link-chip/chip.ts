/**
 * The lean chip beside a link: a small pill in a closed shadow root, with the outlet's name, rating and
 * owner in a tooltip on hover or focus. Plain DOM (no framework): it ships in the chips script, which
 * runs on long, growing pages.
 * Its host is an inline box given its final size before it is drawn (in `em` of the text around it, from
 * the label's measured width), so adding it never makes anything jump when its styles apply. The page is untrusted:
 * the root is closed, and only the reader's own clicks and keys act (`isTrusted`); a click on the chip
 * never reaches the link around it or the page's handlers.
 */
import type { ChipOutlet, ChipTexts } from '../../core/links/chip-outlet';
import { chipSide } from '../../core/links/chip-side';
import { chipCss } from './chip-css';
import { chipButtonStyle, QUIET_RING_STYLE } from './chip-look';
import { measureLabelEm } from './label-width';

export const CHIP_TAG = 'parallax-chip';

/**
 * The chip is sized in `em` of the text around it (its host inherits the font size), so it follows the
 * page's text: as tall as a line of small text allows (at most 1.2em and one line height), its label at
 * LABEL_EM of that size.
 */
const LABEL_EM = 0.78;
/** Space each side of the label, and before the chip, in em of the surrounding text. */
const PAD_EM = 0.4;
const GAP_EM = 0.35;
/** Unrated chips are a small ring; compact ones a round badge with a letter, closer to the link. */
const QUIET_EM = 0.8;
const COMPACT_EM = 1.1;
const COMPACT_GAP_EM = 0.25;

/** The label's width in em of its own font: as the worker measured it, else measured here. */
function labelEm(label: string, measured: number | undefined): number {
  // Without any canvas (a DOM without layout), a wide-ish average glyph.
  return measured ?? measureLabelEm(label) ?? label.length * 0.62;
}

/** The chip's width in em of the surrounding text. */
function chipWidthEm(label: string | null, measured: number | undefined, compact: boolean): number {
  if (label === null) return QUIET_EM;
  const width = labelEm(label, measured) * LABEL_EM;
  return Math.ceil((compact ? Math.max(COMPACT_EM, width + PAD_EM) : width + 2 * PAD_EM) * 100) / 100;
}

/** Its height: 1.2em, but never taller than the line it sits in. */
const HEIGHT = 'min(1.2em, 1lh)';

/**
 * The host's style, with !important so page CSS (`span { margin: 2em }`, `* { display: block }`) cannot
 * resize it. One template host per width, cloned for each chip: a clone shares its template's parsed
 * style (no CSS parse per chip), and chips with one style then share their computed style too, which
 * keeps the page's style recalculation small on a page of a thousand chips.
 * Its vertical margins cancel its height, so its margin box is a point on the line's middle: the line
 * box never grows for it, whatever the page's line height.
 * It is contained (size, layout, style): its box is fixed, so nothing inside it can change the page's
 * layout. Without that, every frame in which the page changes anything made the browser walk every
 * chip's inside again in its pre-paint and compositing phases: a page of 1,000 chips with a clock
 * ticking spent nearly twice the time there. Layout containment also makes the host the tooltip's
 * containing block, and a stacking context: the chip's own styles raise it while its tooltip can show.
 */
const hostTemplates = new Map<string, HTMLElement>();
function hostTemplate(widthEm: number, gapEm: number): HTMLElement {
  const key = `${widthEm} ${gapEm}`;
  let template = hostTemplates.get(key);
  if (template === undefined) {
    template = document.createElement(CHIP_TAG);
    template.setAttribute(
      'style',
      [
        'all: initial',
        'display: inline-block',
        'box-sizing: border-box',
        `width: ${widthEm}em`,
        `height: ${HEIGHT}`,
        `margin: calc(${HEIGHT} / -2) 0 calc(${HEIGHT} / -2) ${gapEm}em`,
        'padding: 0',
        'border: 0',
        'font-family: system-ui, sans-serif',
        'font-weight: 600',
        'font-size: inherit',
        'line-height: inherit',
        'vertical-align: middle',
        'text-indent: 0',
        'contain: size layout style',
      ]
        .map((declaration) => `${declaration} !important`)
        .join('; '),
    );
    hostTemplates.set(key, template);
  }
  return template;
}

/**
 * A chip for a line with no room left: floated to the right of the next line, which has room (the
 * placement checks). Its margins then keep its height, so the float shortens only the line it sits on.
 */
export function floatChip(host: HTMLElement): void {
  host.style.setProperty('float', 'right', 'important');
  host.style.setProperty('margin', `0 0 0 ${GAP_EM}em`, 'important');
}

let sheet: CSSStyleSheet | null | undefined;

/**
 * Gives a chip's root the chips' style sheet, when it first shows its tooltip: one constructed sheet for
 * the page (parsed once), or a style element where a content script cannot adopt one (Firefox).
 */
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
  // First, so that the tooltip still follows the button (the sheet's `.chip + .tip`).
  shadow.prepend(style);
}

/** A chip's button, built once per outlet and form, and cloned into each chip. */
function chipButton(outlet: ChipOutlet, texts: ChipTexts, compact: boolean): HTMLButtonElement {
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = outlet.lean === null ? 'chip quiet' : compact ? 'chip compact' : 'chip';
  const side = outlet.lean === null ? 'none' : chipSide(outlet.lean);
  chip.dataset.side = side;
  chip.setAttribute('style', chipButtonStyle(outlet.lean === null ? 'quiet' : compact ? 'compact' : 'label', side));
  chip.setAttribute('aria-label', texts.accessibleName);
  // The tooltip's words, for assistive technology, without an element per chip to point at.
  chip.setAttribute('aria-description', texts.details.join('. '));
  chip.setAttribute('aria-expanded', 'false');
  // The label is the button's own text: one node less to clone, style and lay out per chip.
  if (outlet.lean !== null) chip.textContent = compact ? texts.shortLabel : texts.label;
  else {
    const ring = document.createElement('span');
    ring.setAttribute('style', QUIET_RING_STYLE);
    chip.append(ring);
  }
  return chip;
}

/** The tooltip: the outlet's name, then the details. Its words are the button's description already. */
function chipTip(outlet: ChipOutlet, texts: ChipTexts): HTMLElement {
  const tip = document.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('aria-hidden', 'true');
  const name = document.createElement('strong');
  name.textContent = outlet.name;
  tip.append(name);
  for (const line of texts.details) {
    const span = document.createElement('span');
    span.textContent = line;
    tip.append(span);
  }
  return tip;
}

const setExpanded = (chip: Element, expanded: boolean) => chip.setAttribute('aria-expanded', String(expanded));

interface Chip {
  host: HTMLElement;
  /** Its closed root: for a chip cloned whole, read from its host the first time it is needed. */
  root: ShadowRoot | null;
  /** Builds the tooltip and gives the root its style sheet, the first time the reader points at the chip
   * or focuses it: most chips of a long page are never hovered, and a chip without them is a button with
   * its own style and its label only. */
  tip: (() => HTMLElement) | null;
}

/** The page's chips, by host element: the page cannot reach their closed roots, the script can. */
const chips = new WeakMap<Element, Chip>();

/** Whether `element` is a chip this script made, rather than a copy of one the page made by cloning its content. */
export const isChip = (element: Element) => chips.has(element);

/**
 * How the script reaches a closed root it did not attach itself: the extension API's (Chrome's content
 * scripts) or the element's own (Firefox's); null in a plain page.
 */
type RootReader = (host: HTMLElement) => ShadowRoot | null;
function closedRootReader(): RootReader | null {
  type Reader = { openOrClosedShadowRoot?: (host: HTMLElement) => ShadowRoot | null };
  const dom = (globalThis as { chrome?: { dom?: Reader } }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') return (host) => dom.openOrClosedShadowRoot?.(host) ?? null;
  if (typeof (HTMLElement.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot === 'function')
    return (host) => (host as unknown as { openOrClosedShadowRoot(): ShadowRoot | null }).openOrClosedShadowRoot();
  return null;
}
/** Looked for on first use: the module also loads where there is no DOM (the benchmarks, in Node). */
let reader: RootReader | null | undefined;
const readRoot = (host: HTMLElement) => {
  if (reader === undefined) reader = closedRootReader();
  return reader === null ? null : reader(host);
};

const rootOf = (chip: Chip): ShadowRoot | null => (chip.root ??= readRoot(chip.host));

/** A closed root that its host's clones copy (`clonable`). */
const attachClonable = (host: HTMLElement) => host.attachShadow({ mode: 'closed', clonable: true } as ShadowRootInit);

let clonesWhole: boolean | undefined;
/** Whether this browser copies such a root with its host, and the script can reach the copy. */
function canCloneWhole(): boolean {
  if (clonesWhole === undefined) {
    const probe = document.createElement(CHIP_TAG);
    attachClonable(probe).append(document.createElement('span'));
    clonesWhole = readRoot(probe.cloneNode(true) as HTMLElement)?.firstChild != null;
  }
  return clonesWhole;
}

function ensureTip(chip: Chip): void {
  const root = rootOf(chip);
  if (chip.tip === null || root === null) return;
  styleRoot(root);
  root.append(chip.tip());
  chip.tip = null;
}

/**
 * The chips' events, handled for the whole page by one listener per type on the window, in its capture
 * phase (an event from inside a chip's closed root reaches the window with the chip's host as its
 * target): no listener per chip.
 */
const CHIP_EVENTS: Record<string, (event: Event, chip: Chip) => void> = {
  mouseover: (_event, chip) => ensureTip(chip),
  focusin: (_event, chip) => ensureTip(chip),
  // Inside a link (a search result's title), a click on the chip opens its tooltip, never the link, and
  // goes no further.
  click: (event, chip) => {
    event.preventDefault();
    event.stopPropagation();
    const button = rootOf(chip)?.querySelector('.chip');
    if (!event.isTrusted || !button) return;
    ensureTip(chip);
    setExpanded(button, button.getAttribute('aria-expanded') !== 'true');
  },
  keydown: (event, chip) => {
    const button = rootOf(chip)?.querySelector('.chip');
    if (event.isTrusted && button && (event as KeyboardEvent).key === 'Escape') setExpanded(button, false);
  },
  focusout: (_event, chip) => {
    const button = rootOf(chip)?.querySelector('.chip');
    if (button) setExpanded(button, false);
  },
};

let listening = false;
function listenForChips(): void {
  if (listening) return;
  listening = true;
  for (const [type, handle] of Object.entries(CHIP_EVENTS)) {
    window.addEventListener(
      type,
      (event) => {
        // The chip's host, wherever it sits (inside a page's open shadow root too).
        for (const node of event.composedPath()) {
          const chip = node instanceof HTMLElement ? chips.get(node) : undefined;
          if (chip !== undefined) return handle(event, chip);
        }
      },
      true,
    );
  }
}

/**
 * Makes one outlet's chips, whole or compact (the lean's side in a letter, for a line with no room), and
 * says how wide they are (in em of the text around them).
 */
export interface ChipMaker {
  (compact?: boolean): HTMLElement;
  /** The room it takes on its line, gap before it included. */
  advanceEm(compact?: boolean): number;
}

interface ChipForm {
  advanceEm: number;
  template: HTMLElement;
  button: HTMLButtonElement;
  /** The whole chip, host and root, cloned in one call for each chip where the browser can (canCloneWhole). */
  whole: HTMLElement | null;
}

/**
 * Makes chips for one outlet. Its content is built on the first use, then cloned: an outlet none of the
 * page's links lead to costs nothing.
 */
export function chipMaker(outlet: ChipOutlet, words: ChipTexts): ChipMaker {
  let tip: HTMLElement | null = null;
  const makeTip = () => {
    tip ??= chipTip(outlet, words);
    return tip.cloneNode(true) as HTMLElement;
  };
  const forms: (ChipForm | null)[] = [null, null];
  const form = (compact: boolean) => {
    const at = compact ? 1 : 0;
    let made = forms[at];
    if (made === null) {
      const widthEm =
        outlet.lean === null
          ? chipWidthEm(null, undefined, compact)
          : compact
            ? chipWidthEm(words.shortLabel, words.shortLabelEm, compact)
            : chipWidthEm(words.label, words.labelEm, compact);
      const gapEm = compact ? COMPACT_GAP_EM : GAP_EM;
      const template = hostTemplate(widthEm, gapEm);
      const button = chipButton(outlet, words, compact);
      let whole: HTMLElement | null = null;
      if (canCloneWhole()) {
        whole = template.cloneNode(false) as HTMLElement;
        attachClonable(whole).append(button.cloneNode(true));
      }
      made = { advanceEm: widthEm + gapEm, template, button, whole };
      forms[at] = made;
    }
    return made;
  };
  const make = (compact = false) => {
    const { template, button, whole } = form(compact);
    listenForChips();
    // One call where four were (clone, attach, clone, append): about 2.5 times faster per chip.
    if (whole !== null) {
      const host = whole.cloneNode(true) as HTMLElement;
      chips.set(host, { host, root: null, tip: makeTip });
      return host;
    }
    const host = template.cloneNode(false) as HTMLElement;
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.append(button.cloneNode(true));
    chips.set(host, { host, root: shadow, tip: makeTip });
    return host;
  };
  make.advanceEm = (compact = false) => form(compact).advanceEm;
  return make;
}

export function createChip(outlet: ChipOutlet, texts: ChipTexts): HTMLElement {
  return chipMaker(outlet, texts)();
}

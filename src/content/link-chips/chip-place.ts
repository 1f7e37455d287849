/**
 * Where each chip goes, decided from one read of the page's layout for the whole batch, then every chip
 * inserted in one go (read all, then write all: one layout, never one per link).
 *
 * - After an inline link; inside a block-level link (a card, a preview), right after its last text, so
 *   the chip ends the title's line rather than opening a line of its own; inside the site's title
 *   element where the site has a rule.
 * - Only where the line has room for it: a chip that would wrap a nearly full line goes instead to the
 *   right of the next line of the same block when that line has room (a float), or else takes its
 *   compact form (the side's letter; the whole lean stays in its name and tooltip), which is placed even
 *   where no room is left (the reader keeps the lean; the line then grows by the least).
 */
import { type ChipMaker, floatChip } from '../../ui/link-chip/chip';

/** Where a chip is inserted: in `parent`, before `before` (null: at the end). */
interface Spot {
  parent: Node;
  before: Node | null;
  /** What the chip follows on its line: its last box is where the chip starts. */
  follows: Node;
  /** Whether that is an inline element (its own boxes are its line fragments). */
  followsInline: boolean;
}

interface Line {
  top: number;
  bottom: number;
  right: number;
}

/** Slack for sub-pixel rounding. */
const EPSILON = 0.5;

const isInline = (display: string) => display.startsWith('inline') || display === 'contents';

/** The last text in `root` that shows something (not only spaces). */
function lastText(root: Element): Text | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').trim() !== '') last = node as Text;
  }
  return last;
}

/**
 * Whether links shaped like `anchor` (its class, and its parent's tag and class) are laid out inline, as
 * seen last. The rows a feed adds share their shape, so a batch of fresh content is placed without a
 * read of its style: the first read of a fresh row's style would have the browser compute the style of
 * the whole batch there and then.
 */
const inlineByShape = new Map<string, boolean>();
/** Shapes remembered at most: a page of endless new shapes starts over. */
const SHAPES_MAX = 500;

/** Forgets the shapes: a resized window may lay them out otherwise (a page's media queries). */
export const forgetLinkShapes = () => inlineByShape.clear();

const shapeOf = (anchor: Element) => {
  const parent = anchor.parentElement;
  return `${anchor.getAttribute('class') ?? ''}<${parent?.localName ?? ''}.${parent?.getAttribute('class') ?? ''}`;
};

/** Whether `anchor` is laid out inline: read from its style, or, with `read` false, as its shape last was. */
function inlineLink(anchor: HTMLAnchorElement, read: boolean): boolean {
  const shape = shapeOf(anchor);
  if (!read) {
    const known = inlineByShape.get(shape);
    if (known !== undefined) return known;
  }
  const inline = isInline(getComputedStyle(anchor).display);
  if (inlineByShape.size >= SHAPES_MAX) inlineByShape.clear();
  inlineByShape.set(shape, inline);
  return inline;
}

function spotOf(anchor: HTMLAnchorElement, placeIn: string | undefined, read: boolean): Spot | null {
  const parent = anchor.parentNode;
  if (parent === null) return null;
  const title = placeIn === undefined ? null : anchor.querySelector(placeIn);
  // Whether what the chip follows is inline matters only to the layout's reads.
  if (title !== null)
    return { parent: title, before: null, follows: title, followsInline: read && isInline(getComputedStyle(title).display) };
  const after = { parent, before: anchor.nextSibling, follows: anchor, followsInline: true };
  if (inlineLink(anchor, read)) return after;
  const text = lastText(anchor);
  if (text === null || text.parentNode === null) return { ...after, followsInline: false };
  return { parent: text.parentNode, before: text.nextSibling, follows: text, followsInline: false };
}

/** Whether a style lays its element's children in a row, each as wide as its content (a row flex box). */
const isRow = (style: CSSStyleDeclaration) => style.display.endsWith('flex') && style.flexDirection.startsWith('row');

/**
 * The block whose lines the spot's line belongs to, with its computed style (read once): its nearest
 * ancestor that is not inline, or, for an item of a row (as wide as its content), the row, whose room
 * the item would grow into.
 */
function blockOf(node: Node): { block: Element; style: CSSStyleDeclaration } | null {
  for (let element = node instanceof Element ? node : node.parentElement; element !== null; element = element.parentElement) {
    const style = getComputedStyle(element);
    if (isInline(style.display)) continue;
    const row = element.parentElement;
    if (row !== null) {
      const rowStyle = getComputedStyle(row);
      if (isRow(rowStyle)) return { block: row, style: rowStyle };
    }
    return { block: element, style };
  }
  return null;
}

const range = () => document.createRange();

/**
 * The line the chip would start on: the last box of what it follows (an inline element's own boxes hold
 * its generated content too, a "…" after a cut address; a block's or a text's are read through a range).
 */
function lineOf({ follows, followsInline }: Spot): Line | null {
  let boxes: DOMRectList;
  if (follows instanceof Element && followsInline) boxes = follows.getClientRects();
  else {
    const around = range();
    if (follows instanceof Element) around.selectNodeContents(follows);
    else around.selectNode(follows);
    boxes = around.getClientRects();
  }
  for (let i = boxes.length - 1; i >= 0; i--) {
    const box = boxes[i];
    if (box.width > 0 || box.height > 0) return { top: box.top, bottom: box.bottom, right: box.right };
  }
  return null;
}

/**
 * The spot's line (made to end where its text after the spot ends), the next line of its block, and the
 * top of the line after that, from the boxes of the text that follows the spot (a block's own boxes span
 * its width: text only).
 */
function linesFrom(spot: Spot, block: Element, first: Line): { line: Line; next: Line | null; afterTop: number } {
  const line = { ...first };
  let next: Line | null = null;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = spot.follows;
  const text = range();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (spot.follows.contains(node) || (node.nodeValue ?? '').trim() === '') continue;
    text.selectNodeContents(node);
    for (const box of text.getClientRects()) {
      if (box.width === 0) continue;
      if (box.top < line.bottom - EPSILON) line.right = Math.max(line.right, box.right);
      else if (next === null) next = { top: box.top, bottom: box.bottom, right: box.right };
      else if (box.top < next.bottom - EPSILON) next.right = Math.max(next.right, box.right);
      else return { line, next, afterTop: box.top };
    }
  }
  return { line, next, afterTop: Number.POSITIVE_INFINITY };
}

/** Whether text that shows nothing (spaces between tags) or a comment. */
const isBlank = (node: Node) =>
  node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && (node.nodeValue ?? '').trim() === '');

/**
 * Whether nothing follows the spot on its line: what comes after it, up to the end of its block, is
 * blank or starts a box of its own (a result's snippet under its title). Then the spot's line is known
 * from the spot alone, without reading the boxes of the text after it. False when unsure.
 */
function endsLine(spot: Spot, block: Element): boolean {
  for (let node: Node = spot.follows; node !== block; ) {
    let next = node.nextSibling;
    while (next !== null && isBlank(next)) next = next.nextSibling;
    if (next !== null) return next instanceof Element && !isInline(getComputedStyle(next).display);
    const parent = node.parentNode;
    // The end of an inline element continues its line; the end of any other box than the block: unsure.
    if (parent === null || (parent !== block && !(parent instanceof Element && isInline(getComputedStyle(parent).display)))) {
      return false;
    }
    node = parent;
  }
  return true;
}

type Form = 'inline' | 'float' | 'compact';
type Placement = { spot: Spot; make: ChipMaker; form: Form };

/** Reads where each chip goes and in which form: layout reads only, no write. */
function formAt(spot: Spot, make: ChipMaker): Form {
  const found = blockOf(spot.parent);
  if (found === null) return 'inline';
  const { block, style } = found;
  if (style.direction !== 'ltr') return 'inline';
  const first = lineOf(spot);
  if (first === null) return 'inline';
  const fontSize = Number.parseFloat(
    (spot.parent === block || !(spot.parent instanceof Element) ? style : getComputedStyle(spot.parent)).fontSize,
  );
  const width = make.advanceEm() * fontSize;
  const bounds = block.getBoundingClientRect();
  const right = bounds.right - Number.parseFloat(style.paddingRight) - Number.parseFloat(style.borderRightWidth) + EPSILON;
  if (first.right + width <= right && endsLine(spot, block)) return 'inline';
  const { line, next, afterTop } = linesFrom(spot, block, first);
  if (line.right + width <= right) return 'inline';
  // Floated, the chip sits at the right of the next line: that line must have room, and the chip must
  // end before the line after it and inside its block (a float sticking out would shorten other lines).
  if (next !== null && next.right + width <= right && next.top + 1.2 * fontSize <= Math.min(afterTop, bounds.bottom) + EPSILON) {
    return 'float';
  }
  // Else the compact chip: on the line if it has room for that, and the least growth if not.
  return 'compact';
}

/**
 * Puts a chip beside each link: every layout read first, then every insertion. Returns how many.
 * Without `read` (content not laid out yet, which no reader has seen) every chip takes its whole form
 * inline and nothing reads the layout, nor the style of a link of a shape seen before: the browser then
 * styles and lays the content out once, chips included.
 * With `read`, a link that starts below the viewport is placed the same way: the reader has not seen its
 * line, and a line there that grows moves only what lies below it. On a long results page that is most
 * of its links, and one box read each instead of their lines'.
 */
export function placeChips(links: readonly [HTMLAnchorElement, ChipMaker][], placeIn: string | undefined, read: boolean): number {
  const placements: Placement[] = [];
  const fold = read ? window.innerHeight : Number.NEGATIVE_INFINITY;
  for (const [anchor, make] of links) {
    if (!anchor.isConnected) continue;
    const seen = read && anchor.getBoundingClientRect().top < fold;
    const spot = spotOf(anchor, placeIn, seen);
    if (spot !== null) placements.push({ spot, make, form: seen ? formAt(spot, make) : 'inline' });
  }
  for (const { spot, make, form } of placements) {
    const chip = make(form === 'compact');
    if (form === 'float') floatChip(chip);
    spot.parent.insertBefore(chip, spot.before);
  }
  return placements.length;
}

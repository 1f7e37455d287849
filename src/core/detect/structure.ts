/**
 * Page structure: one main body of paragraphs (an article) versus many short teasers and links
 * (a front, a hub, a list). Read-only; bounded work on huge DOMs.
 */
import type { PageScan } from './scan';

export interface StructureSignals {
  /** Characters of paragraph text in the densest block (paragraph siblings, grouped one level up). */
  mainChars: number;
  /** Paragraphs in that block. */
  mainParagraphs: number;
  /** Characters of all substantial paragraphs on the page. */
  totalChars: number;
  /** Paragraphs that stand alone in their container (teaser summaries, captions). */
  loneParagraphs: number;
  /** Links inside h2/h3/h4 headings: teaser headlines. */
  headlineLinks: number;
  /** `<article>` elements. */
  articleElements: number;
  h1Count: number;
  firstH1: string | null;
  /** Containers holding 300+ characters of paragraphs: one for an article, many for forum posts or comment-like lists. */
  textBlocks: number;
  /** `<figure>` elements: a gallery is many figures around little text. */
  figures: number;
}

const MAX_PARAGRAPHS = 1500;
const MAX_TEXT_CONTAINERS = 6000;
const MIN_PARAGRAPH_CHARS = 40;
const TEXT_NODE = 3;
/** Below this, the paragraph scan found no body and pages that write text in divs get a second look. */
const FALLBACK_BELOW_CHARS = 800;
/** Containers whose text is page furniture or teasers, never the article body. */
const BOILERPLATE_TAGS = new Set(['footer', 'nav', 'aside', 'header', 'figcaption', 'a', 'form', 'li', 'button', 'label', 'select']);

interface Bucket {
  chars: number;
  count: number;
}

function add(map: Map<Element, Bucket>, key: Element, chars: number, count: number): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, { chars, count });
  else {
    bucket.chars += chars;
    bucket.count += count;
  }
}

function maxChars(buckets: Map<Element, Bucket>): number {
  let max = 0;
  for (const bucket of buckets.values()) if (bucket.chars > max) max = bucket.chars;
  return max;
}

/** Text of a paragraph that is not in links (link text is navigation, not body). */
function ownTextLength(paragraph: Element, length: number): number {
  const links = paragraph.getElementsByTagName('a');
  if (links.length === 0) return length;
  let linkChars = 0;
  for (let i = 0; i < links.length; i++) linkChars += (links[i].textContent ?? '').trim().length;
  return Math.max(0, length - linkChars);
}

/** Wrappers climbed at most above a paragraph's parent in search of the block it belongs to. */
const MAX_WRAPPER_CLIMB = 3;

/**
 * The block a paragraph belongs to: its parent, or higher while the parent only wraps it (one child, no
 * text of its own). Some CMSs put each body paragraph in its own card (`div > div > p`): the paragraphs
 * then meet in the block that holds the cards. A teaser card holds its headline too, so it stays apart.
 */
function blockOf(paragraph: Element, length: number): Element | null {
  let block = paragraph.parentElement;
  for (let climbed = 0; climbed < MAX_WRAPPER_CLIMB && block?.parentElement && block.childElementCount === 1; climbed++) {
    if ((block.textContent ?? '').trim().length !== length) break;
    block = block.parentElement;
  }
  return block;
}

/** Whether an element sits in page furniture; memoised per ancestor since paragraphs share them. */
function inBoilerplate(element: Element, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let current: Element | null = element;
  let verdict = false;
  while (current !== null) {
    const known = memo.get(current);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(current);
    if (BOILERPLATE_TAGS.has(current.localName)) {
      verdict = true;
      break;
    }
    current = current.parentElement;
  }
  for (const visited of path) memo.set(visited, verdict);
  return verdict;
}

/** Direct text of an element (its own text nodes, not its children's): `<br>`-separated or `<div>` paragraphs. */
function directText(element: Element): { chars: number; pieces: number } {
  let chars = 0;
  let pieces = 0;
  const nodes = element.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.nodeType !== TEXT_NODE) continue;
    const length = (node.textContent ?? '').trim().length;
    if (length >= 20) chars += length;
    if (length >= MIN_PARAGRAPH_CHARS) pieces++;
  }
  return { chars, pieces };
}

function countHeadlineLinks(subheadings: readonly Element[]): number {
  let links = 0;
  for (const heading of subheadings) {
    const anchors = heading.getElementsByTagName('a');
    for (let i = 0; i < anchors.length; i++) if (anchors[i].hasAttribute('href')) links++;
  }
  return links;
}

export function readStructure(scan: PageScan): StructureSignals {
  const byParent = new Map<Element, Bucket>();
  const boilerplateMemo = new Map<Element, boolean>();
  let totalChars = 0;
  const paragraphCount = Math.min(scan.paragraphs.length, MAX_PARAGRAPHS);
  for (let i = 0; i < paragraphCount; i++) {
    const paragraph = scan.paragraphs[i];
    const length = (paragraph.textContent ?? '').trim().length;
    if (length < MIN_PARAGRAPH_CHARS) continue;
    const own = ownTextLength(paragraph, length);
    // A paragraph that is mostly links is a list of links.
    if (own < MIN_PARAGRAPH_CHARS || own < length * 0.5) continue;
    const block = blockOf(paragraph, length);
    if (block === null || inBoilerplate(paragraph, boilerplateMemo)) continue;
    totalChars += own;
    add(byParent, block, own, 1);
  }
  if (maxChars(byParent) < FALLBACK_BELOW_CHARS) {
    const containerCount = Math.min(scan.textContainers.length, MAX_TEXT_CONTAINERS);
    for (let i = 0; i < containerCount; i++) {
      const container = scan.textContainers[i];
      const text = directText(container);
      if (text.chars < MIN_PARAGRAPH_CHARS) continue;
      const parent = container.parentElement;
      if (parent === null || inBoilerplate(container, boilerplateMemo)) continue;
      totalChars += text.chars;
      add(byParent, parent, text.chars, Math.max(1, text.pieces));
    }
  }
  let mainChars = 0;
  let mainParagraphs = 0;
  let loneParagraphs = 0;
  let textBlocks = 0;
  // Bodies split across sibling wrappers (ad slots between paragraph groups) are merged one level up;
  // only groups of 2+ paragraphs merge, so lone teaser summaries never add up into a "body".
  const byGrandparent = new Map<Element, Bucket>();
  for (const [parent, bucket] of byParent) {
    if (bucket.count === 1) loneParagraphs++;
    if (bucket.chars >= 300) textBlocks++;
    if (bucket.chars > mainChars) {
      mainChars = bucket.chars;
      mainParagraphs = bucket.count;
    }
    const grandparent = parent.parentElement;
    if (bucket.count >= 2 && grandparent !== null) add(byGrandparent, grandparent, bucket.chars, bucket.count);
  }
  for (const bucket of byGrandparent.values()) {
    if (bucket.chars > mainChars) {
      mainChars = bucket.chars;
      mainParagraphs = bucket.count;
    }
  }
  let firstH1: string | null = null;
  for (let i = 0; i < scan.h1s.length && firstH1 === null; i++) {
    const text = (scan.h1s[i].textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length >= 3) firstH1 = text;
  }
  return {
    mainChars,
    mainParagraphs,
    totalChars,
    loneParagraphs,
    headlineLinks: countHeadlineLinks(scan.subheadings),
    articleElements: scan.articleElements,
    h1Count: scan.h1s.length,
    firstH1,
    textBlocks,
    figures: scan.figures,
  };
}

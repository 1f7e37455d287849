/**
 * One pass over the document's elements, sorting out what every signal needs. A single tree walk
 * is several times cheaper than one selector query per signal in DOM implementations without a
 * native selector engine (linkedom), and cheap in browsers too.
 */

export interface PageScan {
  metas: Element[];
  links: Element[];
  /** Text of `<script type=application/ld+json>` blocks. */
  jsonLdTexts: string[];
  paragraphs: Element[];
  h1s: Element[];
  /** h2, h3, h4: where teaser headlines live. */
  subheadings: Element[];
  articleElements: number;
  figures: number;
  title: Element | null;
  base: Element | null;
  /** Elements that may hold text directly (div-based or `<br>`-separated paragraphs). */
  textContainers: Element[];
  /** Author markup: `<a rel=author>`, `[itemprop=author]`. */
  authorElements: Element[];
  /** Lower-case schema.org type names of microdata `itemtype`s, one entry per element. */
  microdataTypes: string[];
  /** Microdata `datePublished` / `dateModified` values (datetime, content or text). */
  microdataPublished: string | null;
  microdataModified: string | null;
}

const MAX_ELEMENTS = 60_000;
const TEXT_CONTAINERS = new Set(['div', 'td', 'section', 'article', 'font', 'span', 'dd', 'blockquote', 'main']);

export function scanPage(doc: Document): PageScan {
  const scan: PageScan = {
    metas: [],
    links: [],
    jsonLdTexts: [],
    paragraphs: [],
    h1s: [],
    subheadings: [],
    articleElements: 0,
    figures: 0,
    title: null,
    base: null,
    textContainers: [],
    authorElements: [],
    microdataTypes: [],
    microdataPublished: null,
    microdataModified: null,
  };
  const root = doc.documentElement;
  if (root === null) return scan;
  // Document order, depth first, with an explicit stack: no recursion limit on deep pages.
  const stack: Element[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_ELEMENTS) {
    const element = stack.pop() as Element;
    visited++;
    for (let child = element.lastElementChild; child !== null; child = child.previousElementSibling) stack.push(child);
    const name = element.localName;
    switch (name) {
      case 'p':
        scan.paragraphs.push(element);
        break;
      case 'a':
        if ((element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author')) scan.authorElements.push(element);
        break;
      case 'meta':
        scan.metas.push(element);
        break;
      case 'link':
        scan.links.push(element);
        break;
      case 'script': {
        const type = element.getAttribute('type');
        if (type?.toLowerCase().includes('ld+json')) scan.jsonLdTexts.push(element.textContent ?? '');
        break;
      }
      case 'h1':
        scan.h1s.push(element);
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        scan.subheadings.push(element);
        break;
      case 'title':
        if (scan.title === null) scan.title = element;
        break;
      case 'base':
        if (scan.base === null) scan.base = element;
        break;
      default:
        break;
    }
    if (name === 'article') scan.articleElements++;
    else if (name === 'figure') scan.figures++;
    if (TEXT_CONTAINERS.has(name)) scan.textContainers.push(element);
    const itemtype = element.getAttribute('itemtype');
    if (itemtype !== null) {
      for (const type of itemtype.trim().split(/\s+/))
        scan.microdataTypes.push(type.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
    }
    const itemprop = name === 'meta' ? null : element.getAttribute('itemprop');
    if (itemprop !== null) {
      if (itemprop === 'author' && name !== 'a') scan.authorElements.push(element);
      else if (itemprop === 'datePublished' && scan.microdataPublished === null) scan.microdataPublished = microdataValue(element);
      else if (itemprop === 'dateModified' && scan.microdataModified === null) scan.microdataModified = microdataValue(element);
    }
  }
  return scan;
}

function microdataValue(element: Element): string | null {
  return element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent;
}

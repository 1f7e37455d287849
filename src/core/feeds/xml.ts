/**
 * A lenient, non-validating XML reader for feeds. It builds a small element tree, reads ill-formed
 * documents as far as they go (recording warnings), never fetches anything, and bounds entity
 * expansion so that "billion laughs" documents cannot blow up memory or time.
 */

import { HTML_ENTITIES, numericReference } from './entities';
import { resolveUrl } from './urls';

export interface XmlElement {
  /** Qualified name as written, e.g. "dc:creator". */
  name: string;
  /** Local part of the name, e.g. "creator". */
  local: string;
  /** Canonical namespace key (see NAMESPACE_KEYS): "atom", "dc", "media"...; "" for none. */
  ns: string;
  /** Attributes by qualified name as written, values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Effective xml:base (inherited), or null when none applies. */
  base: string | null;
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement | null;
  /** Whether the root element was properly closed (false for truncated documents). */
  complete: boolean;
  warnings: string[];
}

export interface XmlParseOptions {
  /** Base URL of the document (its fetch URL), for xml:base resolution. */
  baseUrl?: string | null;
}

/** Short keys for the namespaces feeds use, by normalised URI. */
const NAMESPACE_KEYS = new Map<string, string>([
  ['http://www.w3.org/2005/atom', 'atom'],
  ['http://purl.org/atom/ns', 'atom'],
  ['http://purl.org/dc/elements/1.1', 'dc'],
  ['http://purl.org/dc/terms', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content', 'content'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://video.search.yahoo.com/mrss', 'media'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns', 'rdf'],
  ['http://purl.org/rss/1.0', 'rss'],
  ['http://my.netscape.com/rdf/simple/0.9', 'rss'],
  ['http://channel.netscape.com/rdf/simple/0.9', 'rss'],
  ['http://backend.userland.com/rss2', 'rss'],
  ['http://backend.userland.com/rss', 'rss'],
  ['http://blogs.law.harvard.edu/tech/rss', 'rss'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd/', 'itunes'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://purl.org/rss/1.0/modules/syndication', 'sy'],
  ['http://www.w3.org/xml/1998/namespace', 'xml'],
  ['https://jsonfeed.org', 'jsonfeed'],
]);

/** Namespaces real feeds use with undeclared prefixes. */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  atom: 'atom',
  atom10: 'atom',
  atom03: 'atom',
  dc: 'dc',
  dcterms: 'dcterms',
  content: 'content',
  media: 'media',
  rdf: 'rdf',
  itunes: 'itunes',
  feedburner: 'feedburner',
  sy: 'sy',
  xhtml: 'xhtml',
  xml: 'xml',
};

const namespaceKeyCache = new Map<string, string>();

function namespaceKey(uri: string): string {
  const cached = namespaceKeyCache.get(uri);
  if (cached !== undefined) return cached;
  const normalised = uri
    .trim()
    .toLowerCase()
    .replace(/[/#]+$/, '');
  const key = NAMESPACE_KEYS.get(normalised) ?? NAMESPACE_KEYS.get(uri.trim().toLowerCase()) ?? uri.trim();
  if (namespaceKeyCache.size < 1000) namespaceKeyCache.set(uri, key);
  return key;
}

/** Limits that keep hostile documents bounded. */
const MAX_DEPTH = 256;
/** Longest replacement text one declared entity may expand to. */
const MAX_ENTITY_LENGTH = 16 * 1024;
/** Total characters all declared-entity references in one document may expand to. */
const MAX_TOTAL_ENTITY_EXPANSION = 1024 * 1024;
const MAX_DECLARED_ENTITIES = 1000;

interface Frame {
  element: XmlElement;
  namespaces: Map<string, string>;
}

class EntityTable {
  private readonly declared = new Map<string, string>();
  private readonly resolved = new Map<string, string | null>();
  private expandedTotal = 0;
  budgetExceeded = false;

  declare(name: string, value: string): void {
    if (this.declared.size >= MAX_DECLARED_ENTITIES || this.declared.has(name)) return;
    this.declared.set(name, value);
  }

  get size(): number {
    return this.declared.size;
  }

  /** Replacement text of a declared entity, or null when undeclared, recursive or too large. */
  expand(name: string): string | null {
    if (!this.declared.has(name)) return null;
    const value = this.resolve(name, []);
    if (value === null) return null;
    if (this.expandedTotal + value.length > MAX_TOTAL_ENTITY_EXPANSION) {
      this.budgetExceeded = true;
      return null;
    }
    this.expandedTotal += value.length;
    return value;
  }

  private resolve(name: string, stack: string[]): string | null {
    const cached = this.resolved.get(name);
    if (cached !== undefined) return cached;
    const raw = this.declared.get(name);
    if (raw === undefined || stack.includes(name) || stack.length > 16) return null;
    stack.push(name);
    let failed = false;
    let out = '';
    let last = 0;
    const pattern = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_:][\w.:-]*);/g;
    for (let m = pattern.exec(raw); m !== null; m = pattern.exec(raw)) {
      out += raw.slice(last, m.index);
      last = m.index + m[0].length;
      const body = m[1];
      const piece =
        body[0] === '#' ? numericReference(body) : (PREDEFINED[body] ?? this.resolve(body, stack) ?? HTML_ENTITIES.get(body) ?? null);
      if (piece === null) {
        failed = this.declared.has(body);
        if (failed) break;
        out += m[0];
      } else {
        out += piece;
      }
      if (out.length > MAX_ENTITY_LENGTH) {
        failed = true;
        break;
      }
    }
    stack.pop();
    if (!failed) out += raw.slice(last);
    const result = failed || out.length > MAX_ENTITY_LENGTH ? null : out;
    this.resolved.set(name, result);
    if (result === null) this.budgetExceeded = true;
    return result;
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const NAME_AT = /[^\s/>]+/y;
const REFERENCE_AT = /(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_:][\w.:-]{0,39});/y;
const ATTRIBUTE_AT = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;
const SPACE_AT = /\s*/y;
const ENTITY_DECL = /<!ENTITY\s+(%\s+)?([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;

class XmlReader {
  private readonly text: string;
  private readonly warnings: string[] = [];
  private readonly warned = new Set<string>();
  private readonly entities = new EntityTable();
  private readonly stack: Frame[] = [];
  private root: XmlElement | null = null;
  private rootClosed = false;
  private ignoredDepth = 0;

  constructor(
    text: string,
    private readonly baseUrl: string | null,
  ) {
    this.text = text;
  }

  /** Records a warning once per kind, with the line of its first occurrence. */
  private warn(kind: string, message: string, position: number): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.warnings.push(`line ${this.lineOf(position)}: ${message}`);
  }

  private lineOf(position: number): number {
    let line = 1;
    const limit = Math.min(position, this.text.length);
    for (let i = this.text.indexOf('\n'); i >= 0 && i < limit; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }

  read(): XmlDocument {
    const text = this.text;
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      let lt = text.indexOf('<', pos);
      // A "<" that starts no markup ("a < b" in text) stays in the text run.
      while (lt >= 0 && !startsMarkup(text.charCodeAt(lt + 1))) {
        this.warn('lt', 'unescaped "<" in text', lt);
        lt = text.indexOf('<', lt + 1);
      }
      if (lt < 0) {
        this.addText(text.slice(pos), true, pos);
        break;
      }
      if (lt > pos) this.addText(text.slice(pos, lt), true, pos);
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          const end = text.indexOf('-->', lt + 4);
          if (end < 0) {
            this.warn('comment', 'unterminated comment', lt);
            pos = length;
          } else pos = end + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
          const end = text.indexOf(']]>', lt + 9);
          if (end < 0) {
            this.warn('cdata', 'unterminated CDATA section', lt);
            this.addText(text.slice(lt + 9), false, lt);
            pos = length;
          } else {
            this.addText(text.slice(lt + 9, end), false, lt);
            pos = end + 3;
          }
          continue;
        }
        pos = this.readDeclaration(lt);
        continue;
      }
      if (next === 63 /* ? */) {
        const end = text.indexOf('?>', lt + 2);
        pos = end < 0 ? length : end + 2;
        continue;
      }
      if (next === 47 /* / */) {
        pos = this.readEndTag(lt);
        continue;
      }
      pos = this.readStartTag(lt);
    }
    if (this.root && !this.rootClosed) {
      this.warn('eof', `document ended before </${this.stack[0]?.element.name ?? this.root.name}> (truncated or ill-formed)`, length);
    }
    if (this.entities.budgetExceeded) {
      this.warnings.push('entity expansion limit reached: some entity references were left unexpanded');
    }
    return { root: this.root, complete: this.rootClosed, warnings: this.warnings };
  }

  private readDeclaration(lt: number): number {
    const text = this.text;
    if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      const close = text.indexOf('>', lt);
      const bracketInDeclaration = text.slice(lt, close < 0 ? text.length : close).indexOf('[');
      const bracket = bracketInDeclaration < 0 ? -1 : lt + bracketInDeclaration;
      if (bracket >= 0) {
        const endPattern = /\]\s*>/g;
        endPattern.lastIndex = bracket;
        const end = endPattern.exec(text);
        const subsetEnd = end ? end.index : text.length;
        this.readInternalSubset(text.slice(bracket + 1, subsetEnd), lt);
        return end ? end.index + end[0].length : text.length;
      }
      return close < 0 ? text.length : close + 1;
    }
    const close = text.indexOf('>', lt);
    return close < 0 ? text.length : close + 1;
  }

  private readInternalSubset(subset: string, position: number): void {
    ENTITY_DECL.lastIndex = 0;
    for (let m = ENTITY_DECL.exec(subset); m !== null; m = ENTITY_DECL.exec(subset)) {
      if (m[1]) {
        this.warn('pe', 'parameter entities are not supported; ignored', position);
        continue;
      }
      if (m[5]) {
        // External entities are never fetched (XXE): the reference stays unexpanded.
        this.warn('xxe', `external entity "${m[2]}" ignored`, position);
        continue;
      }
      this.entities.declare(m[2], m[3] ?? m[4] ?? '');
    }
  }

  private readStartTag(lt: number): number {
    const text = this.text;
    NAME_AT.lastIndex = lt + 1;
    const nameMatch = NAME_AT.exec(text);
    const name = nameMatch ? nameMatch[0] : '';
    let pos = lt + 1 + name.length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    let closed = false;
    while (pos < text.length) {
      SPACE_AT.lastIndex = pos;
      SPACE_AT.exec(text);
      pos = SPACE_AT.lastIndex;
      const c = text.charCodeAt(pos);
      if (c === 62 /* > */) {
        pos++;
        closed = true;
        break;
      }
      if (c === 47 /* / */) {
        if (text.charCodeAt(pos + 1) === 62) {
          selfClosing = true;
          closed = true;
          pos += 2;
          break;
        }
        pos++;
        continue;
      }
      if (c === 60 /* < */) {
        // A new tag starts before this one ended: treat this one as closed here.
        this.warn('tag', `unterminated start tag <${name}>`, lt);
        closed = true;
        break;
      }
      ATTRIBUTE_AT.lastIndex = pos;
      const m = ATTRIBUTE_AT.exec(text);
      if (!m || ATTRIBUTE_AT.lastIndex === pos) {
        this.warn('attr', `malformed attribute in <${name}>`, lt);
        pos++;
        continue;
      }
      pos = ATTRIBUTE_AT.lastIndex;
      const value = m[2] ?? m[3] ?? m[4];
      if (value === undefined) this.warn('attrvalue', `attribute without value in <${name}>`, lt);
      if (!(m[1] in attrs)) attrs[m[1]] = value === undefined ? '' : this.decode(value, lt);
    }
    if (!closed) this.warn('tag', `unterminated start tag <${name}>`, lt);
    this.openElement(name, attrs, lt);
    if (selfClosing) this.closeTop();
    return pos;
  }

  private openElement(name: string, attrs: Record<string, string>, position: number): void {
    if (this.rootClosed) {
      this.warn('afterroot', `content after the root element ignored (<${name}>)`, position);
      this.ignoredDepth++;
      return;
    }
    if (this.stack.length >= MAX_DEPTH) {
      this.warn('depth', `elements nested deeper than ${MAX_DEPTH} levels flattened`, position);
      this.ignoredDepth++;
      return;
    }
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    let namespaces = parent ? parent.namespaces : new Map<string, string>();
    let copied = false;
    for (const attr in attrs) {
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        if (!copied) {
          namespaces = new Map(namespaces);
          copied = true;
        }
        namespaces.set(attr === 'xmlns' ? '' : attr.slice(6), attrs[attr]);
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const local = colon > 0 ? name.slice(colon + 1) : name;
    const uri = namespaces.get(prefix);
    let ns: string;
    if (uri !== undefined && uri !== '') {
      // A well-known prefix bound to a misspelt URI ("…/mrss/rss") still means what it always means.
      const key = namespaceKey(uri);
      const known = prefix === '' ? undefined : WELL_KNOWN_PREFIXES[prefix.toLowerCase()];
      ns = key === uri.trim() && known !== undefined ? known : key;
    } else if (prefix === '') ns = '';
    else ns = WELL_KNOWN_PREFIXES[prefix.toLowerCase()] ?? `${prefix}:`;
    const parentBase = parent ? parent.element.base : this.baseUrl;
    const declaredBase = attrs['xml:base'];
    // A base that does not resolve to an absolute URL ("#fragment" with no document URL) is ignored.
    const resolvedBase = declaredBase !== undefined ? resolveUrl(declaredBase, parentBase) : null;
    const base = resolvedBase !== null && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(resolvedBase) ? resolvedBase : parentBase;
    const element: XmlElement = { name, local, ns, attrs, children: [], base };
    if (parent) parent.element.children.push(element);
    else if (this.root === null) this.root = element;
    else {
      this.warn('afterroot', `second root element <${name}> ignored`, position);
      this.ignoredDepth++;
      return;
    }
    this.stack.push({ element, namespaces });
  }

  private closeTop(): void {
    if (this.ignoredDepth > 0) {
      this.ignoredDepth--;
      return;
    }
    this.stack.pop();
    if (this.stack.length === 0 && this.root) this.rootClosed = true;
  }

  private readEndTag(lt: number): number {
    const text = this.text;
    const close = text.indexOf('>', lt + 2);
    const end = close < 0 ? text.length : close;
    const name = text.slice(lt + 2, end).trim();
    const pos = close < 0 ? text.length : close + 1;
    if (this.ignoredDepth > 0) {
      this.ignoredDepth--;
      return pos;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].element.name === name) {
        if (i < this.stack.length - 1) {
          this.warn(`unclosed`, `<${this.stack[this.stack.length - 1].element.name}> not closed before </${name}>`, lt);
        }
        this.stack.length = i;
        if (i === 0) this.rootClosed = true;
        return pos;
      }
    }
    this.warn('stray', `end tag </${name}> without a matching start tag ignored`, lt);
    return pos;
  }

  private addText(raw: string, decode: boolean, position: number): void {
    if (this.stack.length === 0) {
      if (/\S/.test(raw) && this.root === null) this.warn('pretext', 'text before the root element ignored', position);
      return;
    }
    const value = decode ? this.decode(raw, position) : raw;
    if (value === '') return;
    const children = this.stack[this.stack.length - 1].element.children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] = (children[last] as string) + value;
    else children.push(value);
  }

  /** Decodes character and entity references in text or an attribute value. */
  private decode(raw: string, position: number): string {
    if (raw.indexOf('&') < 0) return raw;
    let out = '';
    let last = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', last)) {
      out += raw.slice(last, amp);
      // Sticky match right after "&": bounded, so a text full of bare "&" stays linear.
      REFERENCE_AT.lastIndex = amp + 1;
      const reference = REFERENCE_AT.exec(raw);
      const body = reference ? reference[1] : '';
      const semi = amp + 1 + body.length;
      let piece: string | null = null;
      if (body !== '') {
        if (body[0] === '#') piece = numericReference(`${body}`);
        else {
          piece = PREDEFINED[body] ?? null;
          if (piece === null && this.entities.size > 0) piece = this.entities.expand(body);
          if (piece === null) {
            piece = HTML_ENTITIES.get(body) ?? null;
            if (piece !== null) this.warn('htmlentity', `undeclared HTML entity &${body}; decoded`, position);
          }
        }
        if (piece === null) {
          this.warn('unknownentity', `unknown entity &${body}; kept as text`, position);
          piece = `&${body};`;
        }
        out += piece;
        last = semi + 1;
      } else {
        this.warn('amp', 'unescaped "&" in text', position);
        out += '&';
        last = amp + 1;
      }
    }
    return out + raw.slice(last);
  }
}

/** Whether the character after a "<" begins markup (tag, end tag, comment, declaration, PI). */
function startsMarkup(code: number): boolean {
  return code === 33 /* ! */ || code === 63 /* ? */ || code === 47 /* / */ || isNameStart(code);
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58 || code > 127;
}

/** Parses `text` into an element tree, leniently. Never throws. */
export function parseXml(text: string, options: XmlParseOptions = {}): XmlDocument {
  return new XmlReader(text, options.baseUrl ?? null).read();
}

// ---- Tree helpers -------------------------------------------------------------------------------

/** First child element with the given local name whose namespace is one of `namespaces`. */
export function childElement(parent: XmlElement, namespaces: readonly string[], local: string): XmlElement | null {
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.local === local && namespaces.includes(child.ns)) return child;
  }
  return null;
}

/** All child elements with the given local name in one of `namespaces`. */
export function childElements(parent: XmlElement, namespaces: readonly string[], local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.local === local && namespaces.includes(child.ns)) found.push(child);
  }
  return found;
}

export function elementChildren(parent: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) if (typeof child !== 'string') found.push(child);
  return found;
}

/** Concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  if (element.children.length === 1 && typeof element.children[0] === 'string') return element.children[0];
  let out = '';
  const pending: XmlNode[] = [...element.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }
  return out;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The element's content as an HTML string. Child elements (HTML written unescaped inside a
 * description, or Atom XHTML) are serialised back as tags. With `escapeText`, text nodes are
 * escaped (they are literal text, as in XHTML); otherwise they are taken as HTML source (as in
 * an RSS description whose HTML was entity-escaped or in CDATA).
 */
export function innerMarkup(element: XmlElement, escapeText: boolean): string {
  let out = '';
  const walk = (node: XmlNode, depth: number): void => {
    if (typeof node === 'string') {
      out += escapeText ? escapeMarkup(node) : node;
      return;
    }
    let attributes = '';
    for (const [key, value] of Object.entries(node.attrs)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attributes += ` ${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }
    out += `<${node.local}${attributes}>`;
    if (depth < MAX_DEPTH) for (const child of node.children) walk(child, depth + 1);
    out += `</${node.local}>`;
  };
  for (const child of element.children) walk(child, 0);
  return out;
}

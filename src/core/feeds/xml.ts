/**
 * A lenient, non-validating XML reader for feeds. It builds a small element tree, reads ill-formed
 * documents as far as they go (recording warnings), never fetches anything, and bounds entity
 * expansion so that "billion laughs" documents cannot blow up memory or time.
 */

import { HTML_ENTITIES, numericReference } from './entities';
import { resolveUrl } from './urls';
import { EntityTable, PREDEFINED } from './xml-entities';
import { namespaceKey, WELL_KNOWN_PREFIXES } from './xml-namespaces';
import { MAX_DEPTH, type XmlElement } from './xml-tree';

export type { XmlElement, XmlNode } from './xml-tree';

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

interface Frame {
  element: XmlElement;
  namespaces: Map<string, string>;
}

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

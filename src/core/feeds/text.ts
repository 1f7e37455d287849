/** Turning feed HTML into the plain text readers see: no markup, no scripts, collapsed spaces. */

import { decodeHtmlEntities } from './entities';

/** Elements whose content is never visible text. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);

/** Elements that separate words when removed (block-level and line breaks). */
const BREAKING_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'img',
  'video',
  'audio',
  'caption',
  'center',
  'details',
  'summary',
  'option',
  'select',
  'textarea',
  'button',
  'input',
]);

/** 1: whitespace (collapsed to one space), 2: invisible (removed: controls, zero-width, BOM). */
function charClass(code: number): number {
  if (code > 0x20 && code < 0x7f) return 0;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c) return 1;
  if (code < 0x20 || code === 0x7f) return 2;
  if (code < 0xa0) return code >= 0x80 && code <= 0x9f ? 2 : 0;
  if (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
    return 1;
  if (code === 0x200b || code === 0xfeff || code === 0xfffe || code === 0xffff) return 2;
  return 0;
}

/**
 * Collapses runs of whitespace (including no-break and other Unicode spaces) to one space,
 * removes control and zero-width characters, and trims. One pass: this runs on every summary.
 */
export function collapseWhitespace(text: string): string {
  let out = '';
  let runStart = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const kind = charClass(text.charCodeAt(i));
    if (kind === 0) continue;
    if (i > runStart) {
      if (pendingSpace && out !== '') out += ' ';
      out += text.slice(runStart, i);
      pendingSpace = false;
    }
    if (kind === 1) pendingSpace = true;
    runStart = i + 1;
  }
  if (text.length > runStart) {
    if (pendingSpace && out !== '') out += ' ';
    out += text.slice(runStart);
  }
  return out;
}

/**
 * Plain text of an HTML fragment: tags dropped (block elements leave a space), script/style and
 * other hidden elements removed with their content, comments removed, entities decoded,
 * whitespace collapsed. Text that merely contains "<" not starting a tag ("a < b") is kept.
 */
export function htmlToText(html: string): string {
  if (html.indexOf('<') < 0) return collapseWhitespace(decodeHtmlEntities(html));
  const lower = html.toLowerCase();
  let out = '';
  let pos = 0;
  const length = html.length;
  while (pos < length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      out += decodeHtmlEntities(html.slice(pos));
      break;
    }
    out += decodeHtmlEntities(html.slice(pos, lt));
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      pos = end < 0 ? length : end + 3;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9);
        out += html.slice(lt + 9, end < 0 ? length : end);
        pos = end < 0 ? length : end + 3;
        continue;
      }
      const end = html.indexOf('>', lt + 2);
      pos = end < 0 ? length : end + 1;
      continue;
    }
    const isEnd = next === 47; /* / */
    const nameStart = isEnd ? lt + 2 : lt + 1;
    const first = html.charCodeAt(nameStart);
    const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    if (!isLetter) {
      // Not a tag: a literal "<".
      out += '<';
      pos = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < length && /[A-Za-z0-9:_-]/.test(html[nameEnd])) nameEnd++;
    const name = lower.slice(nameStart, nameEnd).replace(/^.*:/, '');
    const tagEnd = findTagEnd(html, nameEnd);
    pos = tagEnd;
    if (!isEnd && HIDDEN_ELEMENTS.has(name)) {
      const close = lower.indexOf(`</${name}`, tagEnd);
      if (close < 0) {
        pos = length;
      } else {
        pos = findTagEnd(html, close + 2 + name.length);
      }
      out += ' ';
      continue;
    }
    if (BREAKING_ELEMENTS.has(name)) out += ' ';
  }
  return collapseWhitespace(out);
}

/** Index just after the ">" that ends a tag starting before `from`, honouring quoted values. */
function findTagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // Quotes only open a value right after "=" (possibly spaced); elsewhere they are junk.
      let j = i - 1;
      while (j >= from && /\s/.test(html[j])) j--;
      if (html[j] === '=') quote = c;
    } else if (c === 62 /* > */) return i + 1;
  }
  return html.length;
}

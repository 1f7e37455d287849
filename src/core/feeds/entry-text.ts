/**
 * The text of feed elements: plain text, HTML and Atom text constructs reduced to plain text, dates,
 * and people's names.
 */

import { parseFeedDate } from './dates';
import { collapseWhitespace, htmlToText } from './text';
import { ATOM } from './xml-namespaces';
import { childElement, childElements, elementChildren, innerMarkup, textContent, type XmlElement } from './xml-tree';

export function text(element: XmlElement | null): string | null {
  if (!element) return null;
  const value = collapseWhitespace(textContent(element));
  return value === '' ? null : value;
}

/** Plain text of an element whose content is HTML (RSS title/description, content:encoded). */
export function htmlText(element: XmlElement | null): string | null {
  if (!element) return null;
  const hasElements = element.children.some((c) => typeof c !== 'string');
  const value = htmlToText(hasElements ? innerMarkup(element, false) : textContent(element));
  return value === '' ? null : value;
}

// Markup left after one pass means the publisher escaped its HTML twice (reddit does).
const LEFTOVER_MARKUP = /<(?:!--|\/?(?:p|div|a|br|span|img|strong|em|b|i|ul|ol|li|h[1-6]|table|tr|td|blockquote|figure)\b[^<>]{0,500}>)/i;

/** Like htmlText, for summaries: also undoes double-escaped HTML. */
export function summaryText(element: XmlElement | null): string | null {
  const value = htmlText(element);
  if (value === null || !LEFTOVER_MARKUP.test(value)) return value;
  const again = htmlToText(value);
  return again === '' ? null : again;
}

/**
 * Plain text of an Atom text construct (type text, html or xhtml; Atom 0.3 mode="escaped"), or of
 * base64 content: Atom 0.3 mode="base64", a type with a base64 parameter, or an Atom 1.0 media type
 * that is neither text nor XML (RFC 4287 4.1.3.3), when it decodes to readable text.
 */
export function atomText(element: XmlElement | null): string | null {
  if (!element) return null;
  const type = (element.attrs.type ?? 'text').toLowerCase();
  const mediaType = type.split(';')[0].trim();
  if ((element.attrs.mode ?? '').toLowerCase() === 'base64' || /;\s*base64\b/.test(type) || isBase64MediaType(mediaType)) {
    const decoded = base64Text(textContent(element));
    const value = decoded === null ? '' : mediaType.includes('html') ? htmlToText(decoded) : collapseWhitespace(decoded);
    return value === '' ? null : value;
  }
  let value: string;
  if (type === 'xhtml' || type === 'application/xhtml+xml') value = htmlToText(innerMarkup(element, true));
  else if (type === 'html' || type.includes('html') || element.attrs.mode === 'escaped') return htmlText(element);
  else if (type === 'text' || type === 'text/plain') value = collapseWhitespace(textContent(element));
  else if (type.startsWith('text/')) value = collapseWhitespace(textContent(element));
  else return null; // other media types are not text
  return value === '' ? null : value;
}

/** Atom 1.0: content of a MIME media type that is neither text/* nor XML is base64-encoded. */
function isBase64MediaType(mediaType: string): boolean {
  return mediaType.includes('/') && !mediaType.startsWith('text/') && !/[+/]xml$/.test(mediaType);
}

/** The UTF-8 text base64 data encodes, or null when it is not base64 or not readable text (an image, say). */
function base64Text(raw: string): string | null {
  const data = raw.replace(/\s+/g, '');
  if (data === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tabs and line breaks mean binary data.
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if (code === 0x7f || (code < 0x20 && (code < 0x09 || code > 0x0d))) return null;
  }
  return decoded;
}

export function firstDate(elements: (XmlElement | null)[]): string | null {
  for (const element of elements) {
    if (!element) continue;
    const raw = textContent(element).trim();
    if (raw === '') continue;
    const parsed = parseFeedDate(raw);
    if (parsed !== null) return parsed;
  }
  return null;
}

export function firstText(elements: (XmlElement | null)[]): string | null {
  for (const element of elements) {
    const value = text(element);
    if (value !== null) return value;
  }
  return null;
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@example.com>" → "Jane Doe". */
export function personName(raw: string | null): string | null {
  if (raw === null) return null;
  const inParens = /^\s*[^\s()]+@[^\s()]+\s*\((.+)\)\s*$/.exec(raw);
  if (inParens) return collapseWhitespace(inParens[1]) || raw;
  const withMailto = /^\s*(.+?)\s*\((?:mailto:)?[^\s()]+@[^\s()]+\)\s*$/.exec(raw);
  if (withMailto) return collapseWhitespace(withMailto[1]) || raw;
  const withAddress = /^\s*(.+?)\s*<[^<>@\s]+@[^<>\s]+>\s*$/.exec(raw);
  if (withAddress) return collapseWhitespace(withAddress[1].replace(/^"|"$/g, '')) || raw;
  return raw;
}

export function atomPerson(parent: XmlElement, local: string): string | null {
  for (const person of childElements(parent, ATOM, local)) {
    const name = text(childElement(person, ATOM, 'name'));
    if (name !== null) return name;
    const email = text(childElement(person, ATOM, 'email'));
    if (email !== null) return email;
    // Some feeds put the name directly in <author>.
    if (!elementChildren(person).length) {
      const direct = text(person);
      if (direct !== null) return direct;
    }
  }
  return null;
}

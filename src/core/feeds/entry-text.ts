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

/** Plain text of an Atom text construct (type text, html or xhtml; Atom 0.3 mode="escaped"). */
export function atomText(element: XmlElement | null): string | null {
  if (!element) return null;
  const type = (element.attrs.type ?? 'text').toLowerCase();
  let value: string;
  if (type === 'xhtml' || type === 'application/xhtml+xml') value = htmlToText(innerMarkup(element, true));
  else if (type === 'html' || type.includes('html') || element.attrs.mode === 'escaped') return htmlText(element);
  else if (type === 'text' || type === 'text/plain') value = collapseWhitespace(textContent(element));
  else if (type.startsWith('text/')) value = collapseWhitespace(textContent(element));
  else return null; // base64 or other media types are not text
  return value === '' ? null : value;
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

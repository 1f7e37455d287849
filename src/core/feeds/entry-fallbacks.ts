/**
 * Where an entry's visible text is when its usual elements are missing: a media feed's `media:title`
 * (on the item, in its `media:group` or `media:content`), a podcast's `itunes:summary`, and the XHTML
 * body of RSS's `xhtml:body` extension. An entry with visible text is never left empty.
 */

import { htmlText } from './entry-text';
import { htmlToText } from './text';
import { MEDIA } from './xml-namespaces';
import { childElement, childElements, innerMarkup, type XmlElement } from './xml-tree';

/** media:title of the entry, of its media:group, or of its first media:content that has one. */
export function mediaTitle(entry: XmlElement): string | null {
  const holders = [entry, ...childElements(entry, MEDIA, 'group')];
  for (const group of childElements(entry, MEDIA, 'group')) holders.push(...childElements(group, MEDIA, 'content'));
  holders.push(...childElements(entry, MEDIA, 'content'));
  for (const holder of holders) {
    const title = htmlText(childElement(holder, MEDIA, 'title'));
    if (title !== null) return title;
  }
  return null;
}

/** The summary of last resort: RSS's xhtml:body, then itunes:summary. */
export function fallbackSummary(entry: XmlElement): string | null {
  const body = childElement(entry, ['xhtml'], 'body');
  if (body !== null) {
    const text = htmlToText(innerMarkup(body, true));
    if (text !== '') return text;
  }
  return htmlText(childElement(entry, ['itunes'], 'summary'));
}

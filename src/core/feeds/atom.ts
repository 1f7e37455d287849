/** Atom 1.0 and 0.3 feeds, and a lone Atom entry document, to Parallax's feed shape. */

import type { FeedEntry, ParsedFeed } from '../types';
import { atomPerson, atomText, firstDate, personName, text } from './entry-text';
import { fallbackSummary, mediaTitle } from './entry-fallbacks';
import { finishEntries } from './finish-entries';
import { imageInHtml, itemImage } from './images';
import { atomAlternateLink, atomLinkHref, selfLink } from './links';
import { ATOM, DC, MEDIA } from './xml-namespaces';
import { isAbsoluteHttpUrl, resolveUrl } from './urls';
import { adoptNamespace, childElement, childElements, type XmlElement } from './xml-tree';

function atomEntry(entry: XmlElement, fallbackBase: string | null, feedAuthor: string | null): FeedEntry {
  const id = text(childElement(entry, ATOM, 'id'));
  // An entry without a link but with an http(s) id: the id is its address (common in small feeds).
  const link = atomLinkHref(atomAlternateLink(entry), fallbackBase) ?? (isAbsoluteHttpUrl(id) ? resolveUrl(id, null) : null);
  const content = childElement(entry, ATOM, 'content');
  const summaryElement = childElement(entry, ATOM, 'summary');
  const mediaGroup = childElement(entry, MEDIA, 'group');
  const summary =
    atomText(summaryElement) ??
    (content && content.attrs.src === undefined ? atomText(content) : null) ??
    text(childElement(mediaGroup ?? entry, MEDIA, 'description')) ??
    text(childElement(entry, MEDIA, 'description')) ??
    fallbackSummary(entry);
  const source = childElement(entry, ATOM, 'source');
  const author =
    atomPerson(entry, 'author') ??
    (source ? atomPerson(source, 'author') : null) ??
    personName(text(childElement(entry, DC, 'creator'))) ??
    feedAuthor;
  return {
    title: atomText(childElement(entry, ATOM, 'title')) ?? mediaTitle(entry),
    link,
    id,
    published: firstDate([
      childElement(entry, ATOM, 'published'),
      childElement(entry, ATOM, 'issued'),
      childElement(entry, ATOM, 'created'),
      childElement(entry, DC, 'date'),
    ]),
    updated: firstDate([childElement(entry, ATOM, 'updated'), childElement(entry, ATOM, 'modified')]),
    summary,
    author,
    image: itemImage(entry, fallbackBase) ?? imageInHtml([content, summaryElement], fallbackBase),
  };
}

export function extractAtom(root: XmlElement, kind: 'atom' | 'atom-entry', warnings: string[]): ParsedFeed {
  if (root.ns !== 'atom') {
    warnings.push('Atom feed without the Atom namespace; read as Atom');
    adoptNamespace(root, root.ns, 'atom');
  }
  if (kind === 'atom-entry') {
    const self = selfLink(root);
    return { title: null, link: null, entries: finishEntries([atomEntry(root, self, null)], warnings) };
  }
  const self = selfLink(root);
  const alternate = atomAlternateLink(root);
  const feedId = text(childElement(root, ATOM, 'id'));
  const link = atomLinkHref(alternate, self) ?? (isAbsoluteHttpUrl(feedId) ? resolveUrl(feedId, null) : null);
  const fallbackBase = root.base ?? self ?? (isAbsoluteHttpUrl(link) ? link : null);
  const feedAuthor = atomPerson(root, 'author');
  const entries = childElements(root, ATOM, 'entry').map((entry) => atomEntry(entry, fallbackBase, feedAuthor));
  return { title: atomText(childElement(root, ATOM, 'title')), link, entries: finishEntries(entries, warnings) };
}

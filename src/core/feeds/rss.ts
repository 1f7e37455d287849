/** RSS 0.9x / 2.0 and RSS 1.0 (RDF): channel and items to Parallax's feed shape. */

import type { FeedEntry, ParsedFeed } from '../types';
import { atomText, firstDate, firstText, htmlText, personName, summaryText, text, atomPerson } from './entry-text';
import { fallbackSummary, mediaTitle } from './entry-fallbacks';
import { finishEntries } from './finish-entries';
import { imageInHtml, itemImage } from './images';
import { atomAlternateLink, atomLinkHref, selfLink } from './links';
import { ATOM, DC, MEDIA, RSS } from './xml-namespaces';
import { isAbsoluteHttpUrl, resolveUrl } from './urls';
import { adoptNamespace, childElement, childElements, type XmlElement } from './xml-tree';

function rssItems(root: XmlElement, channel: XmlElement | null, warnings: string[]): XmlElement[] {
  const items: XmlElement[] = [];
  const containers = channel && channel !== root ? [channel, root] : [root];
  for (const container of containers) items.push(...childElements(container, RSS, 'item'));
  let nested = 0;
  for (const item of items) nested += childElements(item, RSS, 'item').length;
  // Items illegally nested inside items are ignored: they are publishing errors (often empty).
  if (nested > 0) warnings.push(`${nested} <item> element(s) nested inside other items ignored`);
  return items;
}

function rssEntry(item: XmlElement, fallbackBase: string | null): FeedEntry {
  const base = (element: XmlElement): string | null => element.base ?? fallbackBase;
  const guidElement = childElement(item, RSS, 'guid');
  const guid = text(guidElement);
  // <link href="..."/> written Atom-style inside RSS is common enough to honour; one with another rel
  // (an enclosure, say) is not the item's page, even when it comes first.
  const linkElement =
    childElements(item, RSS, 'link').find(
      (l) => (text(l) !== null || l.attrs.href) && (l.attrs.rel ?? 'alternate').trim().toLowerCase() === 'alternate',
    ) ?? null;
  let link: string | null = linkElement ? resolveUrl(text(linkElement) ?? linkElement.attrs.href, base(linkElement)) : null;
  if (link === null) link = atomLinkHref(atomAlternateLink(item), fallbackBase);
  if (link === null && guid !== null && guidElement && (guidElement.attrs.isPermaLink ?? 'true').toLowerCase() !== 'false') {
    // A permalink guid is the item's URL when it has no <link> (RSS 2.0).
    if (/^https?:\/\//i.test(guid)) link = resolveUrl(guid, base(guidElement));
  }
  if (link === null) {
    const about = item.attrs['rdf:about'];
    if (about && /^https?:\/\//i.test(about.trim())) link = resolveUrl(about, item.base ?? fallbackBase);
  }
  const about = item.attrs['rdf:about']?.trim() || null;
  const id = guid ?? text(childElement(item, ATOM, 'id')) ?? about ?? text(childElement(item, DC, 'identifier'));
  const description = childElement(item, RSS, 'description');
  const encoded = childElement(item, ['content'], 'encoded');
  const mediaDescription =
    childElement(item, MEDIA, 'description') ?? childElement(childElement(item, MEDIA, 'group') ?? item, MEDIA, 'description');
  const summary =
    summaryText(description) ??
    summaryText(encoded) ??
    summaryText(childElement(item, DC, 'description')) ??
    atomText(childElement(item, ATOM, 'summary')) ??
    text(mediaDescription) ??
    fallbackSummary(item);
  const title =
    htmlText(childElement(item, RSS, 'title')) ??
    htmlText(childElement(item, DC, 'title')) ??
    atomText(childElement(item, ATOM, 'title')) ??
    mediaTitle(item);
  const author = personName(
    firstText([
      childElement(item, DC, 'creator'),
      childElement(item, RSS, 'author'),
      childElement(item, ['itunes'], 'author'),
      childElement(item, ['dcterms'], 'creator'),
    ]) ?? atomPerson(item, 'author'),
  );
  const dcDate = childElement(item, DC, 'date');
  const published = firstDate([
    childElement(item, RSS, 'pubDate'),
    childElement(item, RSS, 'pubdate'),
    dcDate,
    childElement(item, ['dcterms'], 'issued'),
    childElement(item, ['dcterms'], 'created'),
    childElement(item, ATOM, 'published'),
  ]);
  const updated = firstDate([childElement(item, ATOM, 'updated'), childElement(item, ['dcterms'], 'modified'), dcDate]);
  const image = itemImage(item, fallbackBase) ?? imageInHtml([description, encoded], fallbackBase);
  return { title, link, id, published, updated, summary, author, image };
}

export function extractRss(root: XmlElement, kind: 'rss' | 'rdf', warnings: string[]): ParsedFeed {
  if (kind === 'rss' && !(RSS as readonly string[]).includes(root.ns)) {
    warnings.push(`RSS in an unknown default namespace (${root.ns}); read as RSS`);
    adoptNamespace(root, root.ns, '');
  }
  const channel = kind === 'rss' && root.local.toLowerCase() === 'channel' ? root : childElement(root, RSS, 'channel');
  const meta = channel ?? root;
  const self = selfLink(meta);
  const channelLinkElement = childElements(meta, RSS, 'link').find((l) => text(l) !== null) ?? null;
  let link = channelLinkElement ? resolveUrl(text(channelLinkElement), channelLinkElement.base ?? self) : null;
  if (link === null) link = atomLinkHref(atomAlternateLink(meta), self);
  const fallbackBase = self ?? (isAbsoluteHttpUrl(link) ? link : null);
  const title =
    htmlText(childElement(meta, RSS, 'title')) ?? htmlText(childElement(meta, DC, 'title')) ?? atomText(childElement(meta, ATOM, 'title'));
  const entries = rssItems(root, channel, warnings).map((item) => rssEntry(item, fallbackBase));
  return { title, link, entries: finishEntries(entries, warnings) };
}

/**
 * From an element tree to Parallax's feed shape: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0.
 */

import type { FeedEntry, ParsedFeed } from '../types';
import { parseFeedDate } from './dates';
import { decodeHtmlEntities } from './entities';
import { updateHintMinutes } from './hints';
import { collapseWhitespace, htmlToText } from './text';
import { isAbsoluteHttpUrl, resolveUrl } from './urls';
import { childElement, childElements, elementChildren, innerMarkup, textContent, type XmlElement } from './xml';

/** Namespaces in which RSS elements appear: none (RSS 2.0), or the RSS 1.0 / 0.90 / Userland ones. */
const RSS = ['', 'rss'] as const;
const ATOM = ['atom'] as const;
const DC = ['dc'] as const;
const MEDIA = ['media'] as const;

export type XmlFeedKind = 'rss' | 'rdf' | 'atom' | 'atom-entry';

/** Which feed format a root element is, or null when it is not a feed. */
export function feedKindOf(root: XmlElement): XmlFeedKind | null {
  const local = root.local.toLowerCase();
  if ((local === 'rss' && !root.name.includes(':')) || (local === 'channel' && (root.ns === '' || root.ns === 'rss'))) return 'rss';
  if (local === 'rdf' && root.ns === 'rdf') return 'rdf';
  if (local === 'feed' && (root.ns === 'atom' || root.ns === '')) return 'atom';
  if (local === 'entry' && root.ns === 'atom') return 'atom-entry';
  return null;
}

function text(element: XmlElement | null): string | null {
  if (!element) return null;
  const value = collapseWhitespace(textContent(element));
  return value === '' ? null : value;
}

/** Plain text of an element whose content is HTML (RSS title/description, content:encoded). */
function htmlText(element: XmlElement | null): string | null {
  if (!element) return null;
  const hasElements = element.children.some((c) => typeof c !== 'string');
  const value = htmlToText(hasElements ? innerMarkup(element, false) : textContent(element));
  return value === '' ? null : value;
}

// Markup left after one pass means the publisher escaped its HTML twice (reddit does).
const LEFTOVER_MARKUP = /<(?:!--|\/?(?:p|div|a|br|span|img|strong|em|b|i|ul|ol|li|h[1-6]|table|tr|td|blockquote|figure)\b[^<>]{0,500}>)/i;

/** Like htmlText, for summaries: also undoes double-escaped HTML. */
function summaryText(element: XmlElement | null): string | null {
  const value = htmlText(element);
  if (value === null || !LEFTOVER_MARKUP.test(value)) return value;
  const again = htmlToText(value);
  return again === '' ? null : again;
}

/** Plain text of an Atom text construct (type text, html or xhtml; Atom 0.3 mode="escaped"). */
function atomText(element: XmlElement | null): string | null {
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

function firstDate(elements: (XmlElement | null)[]): string | null {
  for (const element of elements) {
    if (!element) continue;
    const raw = textContent(element).trim();
    if (raw === '') continue;
    const parsed = parseFeedDate(raw);
    if (parsed !== null) return parsed;
  }
  return null;
}

function firstText(elements: (XmlElement | null)[]): string | null {
  for (const element of elements) {
    const value = text(element);
    if (value !== null) return value;
  }
  return null;
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@example.com>" → "Jane Doe". */
function personName(raw: string | null): string | null {
  if (raw === null) return null;
  const inParens = /^\s*[^\s()]+@[^\s()]+\s*\((.+)\)\s*$/.exec(raw);
  if (inParens) return collapseWhitespace(inParens[1]) || raw;
  const withMailto = /^\s*(.+?)\s*\((?:mailto:)?[^\s()]+@[^\s()]+\)\s*$/.exec(raw);
  if (withMailto) return collapseWhitespace(withMailto[1]) || raw;
  const withAddress = /^\s*(.+?)\s*<[^<>@\s]+@[^<>\s]+>\s*$/.exec(raw);
  if (withAddress) return collapseWhitespace(withAddress[1].replace(/^"|"$/g, '')) || raw;
  return raw;
}

function atomPerson(parent: XmlElement, local: string): string | null {
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

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return type.toLowerCase().startsWith('image/');
  return !!url && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

/** Image of an item: media thumbnail/content (also inside media:group), enclosure, itunes:image. */
function itemImage(item: XmlElement, fallbackBase: string | null): string | null {
  const candidates: { href: string; from: XmlElement }[] = [];
  const thumbnails: { href: string; from: XmlElement }[] = [];
  const scan = (parent: XmlElement, depth: number): void => {
    for (const child of elementChildren(parent)) {
      if (child.ns === 'media') {
        if (child.local === 'thumbnail' && child.attrs.url) thumbnails.push({ href: child.attrs.url, from: child });
        else if (child.local === 'content' && child.attrs.url) {
          const medium = child.attrs.medium?.toLowerCase();
          if (medium === 'image' || (medium === undefined && isImageType(child.attrs.type, child.attrs.url))) {
            candidates.push({ href: child.attrs.url, from: child });
          }
        }
        if ((child.local === 'group' || child.local === 'content') && depth < 2) scan(child, depth + 1);
      }
    }
  };
  scan(item, 0);
  // A thumbnail is made for listings: the publisher's first one comes before full-size media.
  candidates.unshift(...thumbnails);
  // Thumbnails and image media first (the article picture), then enclosures, then podcast art.
  if (candidates.length === 0) {
    for (const enclosure of childElements(item, RSS, 'enclosure')) {
      if (enclosure.attrs.url && isImageType(enclosure.attrs.type, enclosure.attrs.url)) {
        candidates.push({ href: enclosure.attrs.url, from: enclosure });
      }
    }
    for (const link of childElements(item, ATOM, 'link')) {
      if (link.attrs.rel === 'enclosure' && link.attrs.href && isImageType(link.attrs.type, link.attrs.href)) {
        candidates.push({ href: link.attrs.href, from: link });
      }
    }
    // Non-standard but common: <image>URL</image> or <image><url>URL</url></image> in an item.
    const plainImage = childElement(item, RSS, 'image');
    if (plainImage) {
      const url = text(childElement(plainImage, RSS, 'url')) ?? (elementChildren(plainImage).length === 0 ? text(plainImage) : null);
      if (url !== null) candidates.push({ href: url, from: plainImage });
    }
    const itunes = childElement(item, ['itunes'], 'image');
    if (itunes && (itunes.attrs.href || itunes.attrs.url)) candidates.push({ href: itunes.attrs.href ?? itunes.attrs.url, from: itunes });
  }
  for (const candidate of candidates) {
    const resolved = resolveUrl(candidate.href, candidate.from.base ?? fallbackBase);
    if (resolved !== null) return resolved;
  }
  return null;
}

// Trackers, share buttons, icons and avatars are not the article's picture.
const TRACKING_IMAGE =
  /feeds\.feedburner\.com\/~r\/|\/~ff\/|feedflare|pheedo|doubleclick|pixel|tracking|beacon|\/stats?\b|gravatar\.com\/avatar|(?:twitter|facebook|linkedin|whatsapp|share|icon|logo|button|badge|emoji|smiley|spacer|blank)[^/]*$|\.gif(?:[?#]|$)/i;

/** First picture inside an item's HTML (description or content), skipping 1×1 trackers and icons. */
function imageInHtml(elements: (XmlElement | null)[], fallbackBase: string | null): string | null {
  for (const element of elements) {
    if (!element) continue;
    const hasElements = element.children.some((c) => typeof c !== 'string');
    const html = hasElements ? innerMarkup(element, false) : textContent(element);
    if (html.indexOf('<img') < 0 && html.indexOf('<IMG') < 0) continue;
    const lower = html.toLowerCase();
    let close = -1;
    for (let at = lower.indexOf('<img'); at >= 0; at = lower.indexOf('<img', at + 4)) {
      // The first ">" after this "<img" is the one already found while it lies ahead: the scan stays linear.
      if (close < at) close = html.indexOf('>', at);
      if (close < 0) break;
      if (close - at > 2000) continue;
      const tag = html.slice(at, close + 1);
      const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = src ? (src[1] ?? src[2] ?? src[3]) : undefined;
      if (!value) continue;
      const width = /\swidth\s*=\s*["']?(\d+)/i.exec(tag);
      const height = /\sheight\s*=\s*["']?(\d+)/i.exec(tag);
      if ((width && Number(width[1]) < 50) || (height && Number(height[1]) < 50)) continue;
      if (TRACKING_IMAGE.test(value)) continue;
      const resolved = resolveUrl(decodeHtmlEntities(value), element.base ?? fallbackBase);
      if (resolved !== null && /^https?:/i.test(resolved)) return resolved;
    }
  }
  return null;
}

/** The alternate (reader-facing) link among Atom <link>s, preferring HTML. */
function atomAlternateLink(parent: XmlElement): XmlElement | null {
  const links = childElements(parent, ATOM, 'link').filter((l) => l.attrs.href !== undefined && l.attrs.href.trim() !== '');
  const alternates = links.filter((l) => (l.attrs.rel ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.find((l) => !l.attrs.type || /html/i.test(l.attrs.type));
  return html ?? alternates[0] ?? null;
}

function atomLinkHref(link: XmlElement | null, fallbackBase: string | null): string | null {
  if (!link) return null;
  return resolveUrl(link.attrs.href, link.base ?? fallbackBase);
}

/** Base for resolving relative references when the document gives no xml:base or URL. */
function selfLink(parent: XmlElement): string | null {
  for (const link of childElements(parent, ATOM, 'link')) {
    if ((link.attrs.rel ?? '').toLowerCase() === 'self' && isAbsoluteHttpUrl(link.attrs.href)) return link.attrs.href.trim();
  }
  return null;
}

/** Drops empty entries and duplicates (same id; or, without id, same link), keeping the first. */
export function finishEntries(entries: FeedEntry[], warnings: string[]): FeedEntry[] {
  const seenIds = new Set<string>();
  const seenLinks = new Set<string>();
  const kept: FeedEntry[] = [];
  let duplicates = 0;
  let empty = 0;
  for (const entry of entries) {
    if (entry.title === null && entry.link === null && entry.id === null && entry.summary === null) {
      empty++;
      continue;
    }
    // Duplicate: same id; or, for an entry without id, a link already seen.
    const duplicate = entry.id !== null ? seenIds.has(entry.id) : entry.link !== null && seenLinks.has(entry.link);
    if (duplicate) {
      duplicates++;
      continue;
    }
    if (entry.id !== null) seenIds.add(entry.id);
    if (entry.link !== null) seenLinks.add(entry.link);
    kept.push(entry);
  }
  if (duplicates > 0) warnings.push(`${duplicates} duplicate entr${duplicates === 1 ? 'y' : 'ies'} (same guid/id or link) removed`);
  if (empty > 0) warnings.push(`${empty} empty entr${empty === 1 ? 'y' : 'ies'} ignored`);
  return kept;
}

// ---- RSS 0.9x / 2.0 / 1.0 -----------------------------------------------------------------------

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
  const linkElement = childElements(item, RSS, 'link').find((l) => text(l) !== null || l.attrs.href) ?? null;
  // <link href="..."/> written Atom-style inside RSS is common enough to honour.
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
    text(mediaDescription);
  const title =
    htmlText(childElement(item, RSS, 'title')) ?? htmlText(childElement(item, DC, 'title')) ?? atomText(childElement(item, ATOM, 'title'));
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

function extractRss(root: XmlElement, kind: 'rss' | 'rdf', warnings: string[]): ParsedFeed {
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
  return withUpdateHint({ title, link, entries: finishEntries(entries, warnings) }, meta);
}

// ---- Atom ----------------------------------------------------------------------------------------

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
    text(childElement(entry, MEDIA, 'description'));
  const source = childElement(entry, ATOM, 'source');
  const author =
    atomPerson(entry, 'author') ??
    (source ? atomPerson(source, 'author') : null) ??
    personName(text(childElement(entry, DC, 'creator'))) ??
    feedAuthor;
  return {
    title: atomText(childElement(entry, ATOM, 'title')),
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

/** Moves every element of namespace `from` to `to` (Atom documents that forgot their namespace). */
function adoptNamespace(root: XmlElement, from: string, to: string): void {
  const pending: XmlElement[] = [root];
  while (pending.length > 0) {
    const element = pending.pop() as XmlElement;
    if (element.ns === from) element.ns = to;
    pending.push(...elementChildren(element));
  }
}

function extractAtom(root: XmlElement, kind: 'atom' | 'atom-entry', warnings: string[]): ParsedFeed {
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
  return withUpdateHint({ title: atomText(childElement(root, ATOM, 'title')), link, entries: finishEntries(entries, warnings) }, root);
}

function withUpdateHint(feed: ParsedFeed, meta: XmlElement): ParsedFeed {
  const minutes = updateHintMinutes(meta);
  return minutes === null ? feed : { ...feed, updateMinutes: minutes };
}

export function extractXmlFeed(root: XmlElement, kind: XmlFeedKind, warnings: string[]): ParsedFeed {
  if (kind === 'rss' || kind === 'rdf') return extractRss(root, kind, warnings);
  return extractAtom(root, kind, warnings);
}

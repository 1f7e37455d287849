/** An entry's picture: media thumbnails and contents, enclosures, podcast art, or the first image in its HTML. */

import { decodeHtmlEntities } from './entities';
import { text } from './entry-text';
import { resolveUrl } from './urls';
import { ATOM, RSS } from './xml-namespaces';
import { childElement, childElements, elementChildren, innerMarkup, textContent, type XmlElement } from './xml-tree';

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return type.toLowerCase().startsWith('image/');
  return !!url && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

/** Image of an item: media thumbnail/content (also inside media:group), enclosure, itunes:image. */
export function itemImage(item: XmlElement, fallbackBase: string | null): string | null {
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
export function imageInHtml(elements: (XmlElement | null)[], fallbackBase: string | null): string | null {
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

/** Atom links: the reader-facing alternate, and the self link that serves as a base for relative ones. */

import { ATOM } from './xml-namespaces';
import { isAbsoluteHttpUrl, resolveUrl } from './urls';
import { childElements, type XmlElement } from './xml-tree';

/** The alternate (reader-facing) link among Atom <link>s, preferring HTML. */
export function atomAlternateLink(parent: XmlElement): XmlElement | null {
  const links = childElements(parent, ATOM, 'link').filter((l) => l.attrs.href !== undefined && l.attrs.href.trim() !== '');
  const alternates = links.filter((l) => (l.attrs.rel ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.find((l) => !l.attrs.type || /html/i.test(l.attrs.type));
  return html ?? alternates[0] ?? null;
}

export function atomLinkHref(link: XmlElement | null, fallbackBase: string | null): string | null {
  if (!link) return null;
  return resolveUrl(link.attrs.href, link.base ?? fallbackBase);
}

/** Base for resolving relative references when the document gives no xml:base or URL. */
export function selfLink(parent: XmlElement): string | null {
  for (const link of childElements(parent, ATOM, 'link')) {
    if ((link.attrs.rel ?? '').toLowerCase() === 'self' && isAbsoluteHttpUrl(link.attrs.href)) return link.attrs.href.trim();
  }
  return null;
}

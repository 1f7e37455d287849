/**
 * Which of a page's links get a chip, decided in the worker from what the chips script sends of them
 * (their addresses, and their text where the site hides the target there): the page's own thread only
 * collects the links and places the chips. A link gets one when its resolved target is on another site,
 * on a known outlet's host, and one of its article pages (`isArticleLink`, asked only of those).
 */
import { bareHost } from '../url';
import { isArticleLink } from './article-link';
import { resolveLinkUrl } from './resolve';
import { targetFromText } from './site-rules';

/** The most links one message carries; a pass with more sends several. */
export const CHIP_LINKS_MAX = 1000;
/** The most hosts a script says it knows already. */
export const CHIP_KNOWN_MAX_HOSTS = 500;
/** Longer addresses are no article links a chip is for: the script does not send them. */
export const CHIP_HREF_MAX = 2048;
/** Longer link texts hold no cut address (X's are short): the script does not send them. */
export const CHIP_TEXT_MAX = 300;

/** A link as the chips script sends it: its address as the page wrote it (resolved against the page's). */
export interface PageLink {
  href: string;
  /** Its text, sent only on sites that keep the whole target in it (X's cut addresses). */
  text?: string;
}

/** A link that gets a chip: its index among the links sent, and its target's host. */
export type ChipLink = [index: number, host: string];

/** Whether a link to `host` stays on the page's own site ("www.bbc.co.uk" and "bbc.co.uk" are one). */
function sameSite(host: string, pageHost: string): boolean {
  const a = bareHost(host);
  const b = bareHost(pageHost);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The resolved target of a link on another site, or null. */
function linkTargetOf(link: PageLink, pageUrl: string, pageHost: string): URL | null {
  let target = resolveLinkUrl(link.href, pageUrl);
  if (target === null && link.text !== undefined) {
    const text = targetFromText(link.text);
    target = text === null ? null : resolveLinkUrl(text, pageUrl);
  }
  return target === null || sameSite(target.hostname, pageHost) ? null : target;
}

/** The links that get a chip, in order; `isOutlet` says whether a known outlet publishes at a host. */
export function chipLinks(links: readonly PageLink[], pageUrl: string, isOutlet: (host: string) => boolean): ChipLink[] {
  let pageHost: string;
  try {
    pageHost = new URL(pageUrl).hostname;
  } catch {
    return [];
  }
  const chips: ChipLink[] = [];
  links.forEach((link, index) => {
    const target = linkTargetOf(link, pageUrl, pageHost);
    if (target === null) return;
    const host = target.hostname;
    if (isOutlet(host) && isArticleLink(target)) chips.push([index, host]);
  });
  return chips;
}

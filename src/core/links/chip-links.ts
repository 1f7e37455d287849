/**
 * Which of a page's links get a chip, decided by the chips script for each link as it finds it: a link
 * gets one when its resolved target is on another site and one of its article pages (`isArticleLink`),
 * and its host is a known outlet's, which the worker says once per host (`chips.outlets`). Deciding on
 * the page lets a link whose host is known get its chip in the same task that added the link, before the
 * browser lays it out.
 */
import { bareHost } from '../url';
import { resolveLinkUrl } from './resolve';
import { targetFromText } from './site-rules';

/** The most hosts one `chips.outlets` message asks about; a pass with more sends several. */
export const CHIP_HOSTS_MAX = 500;
/** Longer addresses are no article links a chip is for: the script skips them. */
export const CHIP_HREF_MAX = 2048;
/** Longer link texts hold no cut address (X's are short): the script does not read them. */
export const CHIP_TEXT_MAX = 300;

/** A link as the page wrote it: its `href` attribute, and its text where the site hides the target there. */
export interface PageLink {
  href: string;
  text?: string;
}

/** The page a link is on: its address, and its host (same-site links get no chip). */
export interface LinkPage {
  url: string;
  host: string;
}

/** Whether a link to `host` stays on the page's own site ("www.bbc.co.uk" and "bbc.co.uk" are one). */
function sameSite(host: string, pageHost: string): boolean {
  const a = bareHost(host);
  const b = bareHost(pageHost);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * The resolved target of a link on another site, or null (the page's own site, a shortened link, no web
 * address). Whether it is an article (`isArticleLink`) and whether an outlet publishes at its host are
 * the caller's to ask, in the order that costs it least.
 */
export function linkTargetOf(link: PageLink, page: LinkPage): URL | null {
  let target = resolveLinkUrl(link.href, page.url);
  if (target === null && link.text !== undefined) {
    const text = targetFromText(link.text);
    target = text === null ? null : resolveLinkUrl(text, page.url);
  }
  return target === null || sameSite(target.hostname, page.host) ? null : target;
}

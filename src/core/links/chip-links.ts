/**
 * Which of a page's links get a chip, decided by the chips script for each link as it finds it: a link
 * gets one when its resolved target is on another site and one of its article pages (`isArticleLink`),
 * and its host is a known outlet's, which the worker says once per host (`chips.outlets`). Deciding on
 * the page lets a link whose host is known get its chip in the same task that added the link, before the
 * browser lays it out.
 */
import type { PathParts } from '../detect/path';
import { bareHost } from '../url';
import { linksMayLeaveHost, resolveLinkUrl } from './resolve';
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

/** The page a link is on: the address its links are resolved against, and its host (same-site links get no chip). */
export interface LinkPage {
  /** The document's base address: its own, or where its `<base href>` points. */
  url: string;
  host: string;
}

/** Whether relative links resolve on the page's own host (no `<base href>` elsewhere). */
const baseIsOnPageHost = (page: LinkPage) => page.url.startsWith(`https://${page.host}/`) || page.url.startsWith(`http://${page.host}/`);

/** Whether a link to `host` stays on the page's own site ("www.bbc.co.uk" and "bbc.co.uk" are one). */
function sameSite(host: string, pageHost: string): boolean {
  const a = bareHost(host);
  const b = bareHost(pageHost);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * An address with a scheme ("https:", "mailto:") or a host of its own ("//cdn.example"), after the
 * spaces and controls a URL parser drops in front; or one with a tab or line break, which the parser
 * drops anywhere ("ht\ttps:"), so that only a full parse tells. Any other address is relative.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a URL parser drops in front of an address.
const HAS_SCHEME_OR_HOST = /^[\x00-\x20]*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})|[\t\n\r]/i;

/** A plain absolute web address: scheme, then a host of letters, digits, dots and hyphens, then its path, query or fragment, or its end. */
const PLAIN_HOST = /^https?:\/\/([a-z0-9.-]+)(?=[/?#]|$)/i;

/**
 * The host of a plain absolute web address, as a URL parser gives it (lower case), or null when only a
 * full parse can tell (a port, credentials, escapes, a trailing dot, a relative address).
 */
export function plainHostOf(href: string): string | null {
  const host = PLAIN_HOST.exec(href)?.[1];
  return host === undefined || host.endsWith('.') ? null : host.toLowerCase();
}

/**
 * What makes a path one only a URL parser reads right: spaces and controls (dropped or escaped),
 * backslashes (read as slashes), dot segments ("/./", "/../", escaped too: removed).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a URL parser drops or escapes.
const UNPLAIN_PATH = /[\x00-\x20\\]|\/(?:\.|%2e)/i;

/** A link's target as the chips script reads it: a URL, or the same parts of a plain address. */
export interface LinkTarget extends PathParts {
  hostname: string;
}

/**
 * A plain absolute address's host, path and query, as a URL parser gives them for what the article test
 * reads (the path's escapes aside, which the test decodes), without building a URL; null when only a
 * full parse can tell. Parsing is most of the cost of looking at a link on the page's thread.
 */
export function plainAddress(href: string): LinkTarget | null {
  const hostname = plainHostOf(href);
  if (hostname === null) return null;
  const rest = href.slice(href.indexOf('//') + 2 + hostname.length);
  if (UNPLAIN_PATH.test(rest)) return null;
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const pathname = (query < 0 ? beforeHash : beforeHash.slice(0, query)) || '/';
  // A bare "?" is no query.
  const search = query < 0 || query === beforeHash.length - 1 ? '' : beforeHash.slice(query);
  return new PlainAddress(hostname, pathname, search);
}

/** A plain address's parts; one class, so that every instance shares its shape and its getter. */
class PlainAddress implements LinkTarget {
  constructor(
    readonly hostname: string,
    readonly pathname: string,
    readonly search: string,
  ) {}

  /** Parsed only when asked: the article test asks only when there is a query. */
  get searchParams(): URLSearchParams {
    return new URLSearchParams(this.search);
  }
}

/**
 * The resolved target of a link on another site, or null (the page's own site, a shortened link, no web
 * address). Whether it is an article (`isArticleLink`) and whether an outlet publishes at its host are
 * the caller's to ask, in the order that costs it least.
 */
export function linkTargetOf(link: PageLink, page: LinkPage): LinkTarget | null {
  // A relative address is on the page's own host (where the base is): no chip, unless some links there
  // lead elsewhere (Google's `/url?q=`). Most of a social site's links are relative: this spares parsing them.
  if (!HAS_SCHEME_OR_HOST.test(link.href) && !linksMayLeaveHost(page.host) && baseIsOnPageHost(page)) return null;
  const plain = plainAddress(link.href);
  let target: LinkTarget | null = plain !== null && !linksMayLeaveHost(plain.hostname) ? plain : resolveLinkUrl(link.href, page.url);
  if (target === null && link.text !== undefined) {
    const text = targetFromText(link.text);
    target = text === null ? null : resolveLinkUrl(text, page.url);
  }
  return target === null || sameSite(target.hostname, page.host) ? null : target;
}

/**
 * Whether a page's own claim about its address (canonical link, og:url) may stand for the article read.
 * The page is untrusted: a claim naming another outlet would file the reader's visit under that outlet,
 * so it holds only on the page's own outlet (same registrable domain, or a host the same outlet claims).
 */
import { publisherHost } from './host';

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The claimed URL when it names a page of the outlet the reader is on, else null (use the page's URL).
 * `outletOf` answers the outlet id for a URL (registry and reader's outlets), null when unknown.
 * A page served from this machine (the demo site, a saved copy) keeps its claim: it stands for the
 * article it is a copy of, and only the reader can serve it.
 */
export function trustedCanonical(pageUrl: string, claimedUrl: string | null, outletOf: (url: string) => string | null): string | null {
  if (claimedUrl === null) return null;
  const pageHostname = hostnameOf(pageUrl);
  if (pageHostname === null || hostnameOf(claimedUrl) === null) return null;
  if (isLoopbackHost(pageHostname)) return claimedUrl;
  // publisherHost unwraps AMP caches, so an AMP cache copy still names its publisher.
  const page = publisherHost(pageUrl);
  const claimed = publisherHost(claimedUrl);
  if (page === null || claimed === null) return null;
  if (page.domain === claimed.domain) return claimedUrl;
  const outlet = outletOf(pageUrl);
  return outlet !== null && outlet === outletOf(claimedUrl) ? claimedUrl : null;
}

/**
 * From a URL or a host name to the publisher's host: unwraps AMP caches and the Google AMP viewer,
 * and refuses what cannot be a publisher (IPs, localhost, bare names).
 */
import { parse } from 'tldts';
import { decodeAmpCacheLabel } from './amp-label';

export { decodeAmpCacheLabel };

/** AMP caches that serve a publisher's page under an encoded subdomain of their own. */
const AMP_CACHE_SUFFIXES = ['.cdn.ampproject.org', '.bing-amp.com'];

const SCHEME_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

export interface PublisherHost {
  /** Lowercase host name, without port or trailing dot. */
  hostname: string;
  /** Registrable domain through the public suffix list (private suffixes included). */
  domain: string;
}

interface SplitInput {
  hostname: string;
  pathname: string;
}

function splitInput(urlOrHost: string): SplitInput | null {
  const input = urlOrHost.trim();
  if (input === '') return null;
  const withScheme = SCHEME_PATTERN.test(input) ? input : input.startsWith('//') ? `http:${input}` : `http://${input}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return { hostname: url.hostname.replace(/\.$/, '').toLowerCase(), pathname: url.pathname };
  } catch {
    return null;
  }
}

/**
 * The publisher's host for a URL or a host name, or null when there is none (IP address,
 * localhost, a bare name, a hashed AMP cache host, unparseable input).
 */
export function publisherHost(urlOrHost: string): PublisherHost | null {
  return publisherHostAt(urlOrHost, 0);
}

function publisherHostAt(urlOrHost: string, depth: number): PublisherHost | null {
  // One level of wrapping is all real AMP URLs have; the limit stops crafted nesting.
  if (depth > 2) return null;
  const split = splitInput(urlOrHost);
  if (split === null) return null;
  const parsed = parse(split.hostname, { allowPrivateDomains: true });
  if (parsed.isIp || parsed.hostname === null) return null;

  for (const suffix of AMP_CACHE_SUFFIXES) {
    if (split.hostname.endsWith(suffix)) {
      const label = split.hostname.slice(0, -suffix.length);
      if (label.includes('.')) return null;
      const decoded = decodeAmpCacheLabel(label);
      return decoded === null ? null : publisherHostAt(decoded, depth + 1);
    }
  }

  // Google's AMP viewer: https://www.google.com/amp/s/www.bbc.co.uk/news/… ("s/" means https).
  if (parsed.domainWithoutSuffix === 'google') {
    const viewer = /^\/amp\/(?:s\/)?([^/?#]+)/.exec(split.pathname);
    if (viewer) return publisherHostAt(decodeURIComponent(viewer[1]), depth + 1);
  }

  if (parsed.domain === null) return null;
  return { hostname: split.hostname, domain: parsed.domain };
}

/**
 * The host and its parent hosts down to the registrable domain, most specific first:
 * "edition.cnn.com" gives ["edition.cnn.com", "cnn.com"]. Never goes above the registrable
 * domain, so a public suffix ("co.uk") is never looked up.
 */
export function hostCandidates(host: PublisherHost): string[] {
  const candidates: string[] = [];
  let current = host.hostname;
  while (true) {
    candidates.push(current);
    if (current === host.domain) break;
    const dot = current.indexOf('.');
    if (dot < 0 || !current.endsWith(`.${host.domain}`)) break;
    current = current.slice(dot + 1);
  }
  return candidates;
}

/**
 * What `byHost` holds for the host of a URL or host name, or for its nearest parent up to the
 * registrable domain: "edition.cnn.com" finds what "cnn.com" holds unless it has an entry of its own.
 */
export function lookupHost<T>(byHost: ReadonlyMap<string, T>, urlOrHost: string): T | null {
  const host = publisherHost(urlOrHost);
  if (host === null) return null;
  for (const candidate of hostCandidates(host)) {
    const found = byHost.get(candidate);
    if (found !== undefined) return found;
  }
  return null;
}

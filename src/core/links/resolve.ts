/**
 * A link's real target, worked out from the link alone: redirect wrappers of search engines and social
 * sites carry the target in their query, AMP caches in their path. No request is ever made, so a
 * shortened link (its target known only to the shortener's server) has no target here.
 */
import { decodeAmpCacheLabel } from '../outlets/amp-label';

/** Hosts whose links name their target only on the shortener's server. */
const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  't.co',
  'bit.ly',
  'apple.news',
  'goo.gl',
  'ow.ly',
  'buff.ly',
  'tinyurl.com',
  'dlvr.it',
  'trib.al',
  'lnkd.in',
  'fb.me',
  'wp.me',
  'youtu.be',
  'flip.it',
  'ift.tt',
  'shorturl.at',
  'rb.gy',
  'cutt.ly',
  'is.gd',
  'bl.ink',
]);

const AMP_CACHE = /^([a-z0-9-]+)\.(?:cdn\.ampproject\.org|bing-amp\.com)$/;
/** google.com, google.co.uk, google.de…: the search engine's own hosts. */
const GOOGLE = /^(?:www\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;
/** Wrapping deeper than this is not how real links look: the limit stops crafted nesting. */
const MAX_UNWRAP = 3;

/**
 * The address a link leads to (absolute, http or https), its wrappers removed; null when it cannot be
 * known without a request (a shortener) or is not a web page (mailto:, javascript:, a bad address).
 */
export function resolveLinkTarget(href: string, baseUrl: string): string | null {
  return resolveLinkUrl(href, baseUrl)?.href ?? null;
}

/** `resolveLinkTarget` as a parsed URL, for callers that go on to read its parts. */
export function resolveLinkUrl(href: string, baseUrl: string): URL | null {
  let url = parseWeb(href, baseUrl);
  for (let depth = 0; url !== null && depth <= MAX_UNWRAP; depth += 1) {
    const host = url.hostname;
    if (SHORTENER_HOSTS.has(host)) return null;
    const inner = host === 'news.google.com' ? googleNewsTarget(url.pathname) : unwrap(url, host);
    if (inner === undefined) return url;
    url = inner === null ? null : parseWeb(inner, url.href);
  }
  return null;
}

/** An absolute web address: the base plays no part in it, so it need not be parsed too. */
const ABSOLUTE_WEB = /^https?:\/\//i;

function parseWeb(href: string, baseUrl: string): URL | null {
  let url: URL;
  try {
    url = ABSOLUTE_WEB.test(href) ? new URL(href) : new URL(href, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "bbc.co.uk." is bbc.co.uk; setting the host re-serialises the whole URL, so only when needed.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  return url;
}

/**
 * Google News' article links (`./articles/ID`, `./read/ID`, `/rss/articles/ID`) redirect on Google's
 * server. Older ids are the target itself in base64url (inside a small protobuf), decoded here; newer
 * ones are opaque, and those links have no target. Google News' other pages are no wrappers.
 */
function googleNewsTarget(path: string): string | null | undefined {
  const match = /^\/(?:rss\/)?(?:articles|read)\/([A-Za-z0-9_-]+)/.exec(path);
  if (!match) return undefined;
  const bytes = decodeBase64Url(match[1]);
  return bytes === null ? null : (/https?:\/\/[\x21-\x7e]+/.exec(bytes)?.[0] ?? null);
}

/** base64url to a string of bytes (one char per byte), or null. */
function decodeBase64Url(text: string): string | null {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** Hosts some of whose links are wrappers (`unwrap` and Google News' ids): the same tests as there. */
const WRAPPER_HOSTS: ReadonlySet<string> = new Set([
  'news.google.com',
  'l.facebook.com',
  'lm.facebook.com',
  'out.reddit.com',
  'duckduckgo.com',
  'html.duckduckgo.com',
  'www.bing.com',
  'bing.com',
]);

/**
 * Whether some links at `host` lead elsewhere: wrappers, AMP caches, shorteners. A link at any other
 * host leads to that host, so a caller can decide from the host alone.
 */
export function linksMayLeaveHost(host: string): boolean {
  return WRAPPER_HOSTS.has(host) || SHORTENER_HOSTS.has(host) || GOOGLE.test(host) || AMP_CACHE.test(host);
}

/** The wrapped address; undefined when `url` is no wrapper; null when it is one that carries no target. */
function unwrap(url: URL, host: string): string | null | undefined {
  // The query's parameters are parsed only for a wrapper (most links are none).
  const query = () => url.searchParams;
  const path = url.pathname;
  if (GOOGLE.test(host)) {
    if (path === '/url') return query().get('q') ?? query().get('url');
    const viewer = /^\/amp\/(s\/)?(.+)$/.exec(path);
    if (viewer) return `${viewer[1] ? 'https' : 'http'}://${viewer[2]}${url.search}`;
    return undefined;
  }
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && path === '/l.php') return query().get('u');
  if (host === 'out.reddit.com') return query().get('url');
  if ((host === 'duckduckgo.com' || host === 'html.duckduckgo.com') && path === '/l/') return query().get('uddg');
  if ((host === 'www.bing.com' || host === 'bing.com') && path === '/ck/a') return bingTarget(query().get('u'));
  const cache = AMP_CACHE.exec(host);
  if (cache) return ampCacheTarget(cache[1], path, url.search);
  return undefined;
}

/** Bing's `u=a1` + the target in base64url. */
function bingTarget(u: string | null): string | null {
  return u === null || !u.startsWith('a1') ? null : decodeBase64Url(u.slice(2));
}

/**
 * An AMP cache's page: `/c/s/host/path` (https), `/c/host/path` (http), `/v/…` the viewer's, `/i/` images;
 * a path without a host (`/c/s/`) falls back to the subdomain label, which encodes the publisher's host.
 */
function ampCacheTarget(label: string, path: string, search: string): string | null {
  const match = /^\/[cv]\/(s\/)?([^/]+)(\/.*)?$/.exec(path);
  if (match) return `${match[1] ? 'https' : 'http'}://${match[2]}${match[3] ?? '/'}${search}`;
  const host = decodeAmpCacheLabel(label);
  return host === null ? null : `https://${host}/`;
}

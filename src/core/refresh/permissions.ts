/**
 * Host permissions for feeds. Feed hosts are optional permissions in the manifest, asked for when the
 * reader enables feeds: these give the match patterns to ask for.
 */
import { outletSitePatterns } from '../outlets/reach';
import type { Outlet } from '../outlets/schema';

/** The match pattern covering a feed URL's origin ("https://rss.cnn.com/*"), or null for a non-web URL. */
export function feedOriginPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Match patterns take no port: "http://127.0.0.1/*" covers every port.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The distinct patterns for a list of feed URLs, sorted, for one `permissions.request({ origins })`. */
export function feedOriginPatterns(urls: readonly string[]): string[] {
  return [...new Set(urls.map(feedOriginPattern).filter((p): p is string => p !== null))].sort();
}

/**
 * What enabling feeds asks for: each feed's origin, and the site of each feed's outlet that the
 * manifest does not reach, so that the badge shows on that outlet's articles once its feeds are on.
 */
export function feedAccessOrigins(urls: readonly string[], registry: { resolve(urlOrHost: string): Outlet | null }): string[] {
  const origins = new Set(feedOriginPatterns(urls));
  for (const url of urls) {
    const outlet = registry.resolve(url);
    if (outlet !== null) for (const pattern of outletSitePatterns(outlet)) origins.add(pattern);
  }
  return [...origins].sort();
}

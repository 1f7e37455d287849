/**
 * Host permissions for feeds. Feed hosts are optional permissions in the manifest, asked for when the
 * reader enables feeds: these give the match patterns to ask for.
 */

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

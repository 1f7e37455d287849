/**
 * The article's canonical URL: which of the page's own claims (canonical link, og:url, other metas,
 * JSON-LD) names the page being read, and which name another page (a CMS's home-page default, a
 * syndicating outlet's original).
 */
import { canonicalizeUrl } from '../url/index';
import type { JsonLdArticle } from './jsonld';
import { firstMeta, type HeadSignals } from './meta';

/** Host reduced to its registrable part, approximately ("news.bbc.co.uk" to "bbc.co.uk"); no suffix list shipped. */
export function siteKey(hostname: string): string {
  const labels = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (labels.length >= 3 && labels[labels.length - 1].length === 2 && labels[labels.length - 2].length <= 3) {
    return labels.slice(-3).join('.');
  }
  return labels.slice(-2).join('.');
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** A page URL we may rely on: `.invalid` (RFC 2606) marks "location unknown", as in the CLI. */
export function knownPageUrl(pageUrl: string): string | null {
  const url = canonicalizeUrl(pageUrl);
  if (url === null) return null;
  const host = hostOf(url);
  return host === null || host === 'invalid' || host.endsWith('.invalid') ? null : url;
}

export function resolveCanonical(
  head: HeadSignals,
  mainArticle: JsonLdArticle | null,
  page: string | null,
  pageUrl: string,
  isAmp: boolean,
  reasons: string[],
): string | null {
  const ogUrl = head.metas.get('og:url') ?? null;
  const ogAbsolute = ogUrl === null ? null : canonicalizeUrl(ogUrl);
  const fallbackBase = page ?? ogAbsolute ?? pageUrl;
  const base = (head.baseHref !== null ? canonicalizeUrl(head.baseHref, fallbackBase) : null) ?? fallbackBase;
  const candidates: Array<[string | null, string]> = [
    [head.canonical, 'link'],
    [ogUrl, 'og'],
    [firstMeta(head.metas, ['twitter:url', 'parsely-link', 'al:web:url']), 'meta'],
    [mainArticle === null ? null : mainArticle.url, 'jsonld'],
  ];
  const pagePath = page === null ? null : pathOf(page);
  // Location unknown and the canonical link names another site than og:url: syndication (the link
  // credits the original outlet, og:url is the page being read), so og:url describes this page.
  const linkUrl = head.canonical === null ? null : canonicalizeUrl(head.canonical, base);
  const linkHost = linkUrl === null ? null : hostOf(linkUrl);
  const ogHost = ogAbsolute === null ? null : hostOf(ogAbsolute);
  if (
    page === null &&
    !isAmp &&
    linkHost !== null &&
    ogHost !== null &&
    pathOf(ogAbsolute ?? '').length > 1 &&
    siteKey(linkHost) !== siteKey(ogHost)
  ) {
    reasons.push('canonical:og-over-cross-site-link');
    return ogAbsolute;
  }
  for (const [raw, source] of candidates) {
    if (raw === null) continue;
    const url = canonicalizeUrl(raw, base);
    if (url === null) continue;
    const host = hostOf(url);
    if (host === null || host.endsWith('.invalid')) continue;
    // A canonical pointing at the home page from a deeper page is a CMS default, not this article.
    if (pathOf(url) === '/' && pagePath !== null && pagePath !== '/') continue;
    if (pathOf(url) === '/' && pagePath === null && source !== 'jsonld' && otherDeeper(candidates, base)) continue;
    // Cross-site canonicals (syndication, regional editions) name another outlet's page; the reader
    // is on this one. Two exceptions mirror an article: AMP pages, and pages served from this machine
    // (the demo site, a saved page), whose canonical is the article they are a copy of.
    const pageHost = page === null ? null : hostOf(page);
    if (pageHost !== null && !isAmp && !isLoopbackHost(pageHost) && siteKey(host) !== siteKey(pageHost)) {
      reasons.push(`canonical:${source}-cross-site-ignored`);
      continue;
    }
    reasons.push(`canonical:${source}`);
    return url;
  }
  if (page !== null) reasons.push('canonical:page-url');
  return page;
}

function otherDeeper(candidates: Array<[string | null, string]>, base: string): boolean {
  return candidates.some(([raw]) => raw !== null && pathOf(canonicalizeUrl(raw, base) ?? '').length > 1);
}

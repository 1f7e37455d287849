/**
 * Article detection and metadata extraction over a parsed `Document`. Pure: runs in the content
 * script, in a DOM-less worker over a DOM implementation, and in Node (linkedom). Never mutates the
 * document and never throws: a hostile or broken page yields a non-article with a reason.
 */
import type { Detection } from '../types';
import { canonicalizeUrl } from '../url/index';
import { ARTICLE_TYPES, readJsonLd, type JsonLdArticle, type JsonLdSignals } from './jsonld';
import { DETECTION_LIMITS } from './limits';
import { firstMeta, readHead, readParselyPage, type HeadSignals } from './meta';
import { classifyPath, type PathKind } from './path';
import { scanPage, type PageScan } from './scan';
import { readStructure, type StructureSignals } from './structure';
import { cleanText, decodeEntities, normalizeLang, stripSiteFromTitle, toIsoDate } from './text';

/** Evidence total at or above which a page is an article. */
export const ARTICLE_THRESHOLD = 2.5;

const PATH_SCORES: Record<PathKind, number> = { home: -4, search: -4, hub: -2, media: -2, forum: -2, recipe: -2, article: 1, unknown: 0 };

const OG_NON_ARTICLE = /^(video|music|profile|product|book|place|business|restaurant)/;

/** Host reduced to its registrable part, approximately ("news.bbc.co.uk" to "bbc.co.uk"); no suffix list shipped. */
function siteKey(hostname: string): string {
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

function hostOf(url: string): string | null {
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
function knownPageUrl(pageUrl: string): string | null {
  const url = canonicalizeUrl(pageUrl);
  if (url === null) return null;
  const host = hostOf(url);
  return host === null || host === 'invalid' || host.endsWith('.invalid') ? null : url;
}

function resolveCanonical(
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

function distinctArticles(articles: JsonLdArticle[]): number {
  const keys = new Set<string>();
  for (const article of articles) keys.add(article.url ?? article.headline ?? article.type);
  return keys.size;
}

function jsonLdScore(jsonld: JsonLdSignals, reasons: string[]): number {
  let score = 0;
  const articleCount = distinctArticles(jsonld.articles);
  const hasArticle = articleCount > 0;
  if (articleCount >= 3) {
    reasons.push('jsonld:many-articles');
    score -= 2;
  } else if (hasArticle) {
    reasons.push(`jsonld:${jsonld.articles[0].type}`);
    score += 3;
  }
  for (const type of jsonld.nonArticleTypes) {
    reasons.push(`jsonld:${type}`);
    // A recipe is never a news article, even when the blog's SEO plugin also declares an Article.
    if (type === 'recipe') score -= 6;
    else if (type === 'discussionforumposting' || type === 'qapage' || type === 'socialmediaposting') score -= 4;
    else if (type === 'collectionpage' || type === 'itemlist' || type === 'searchresultspage' || type === 'profilepage')
      score -= hasArticle ? 1 : 3;
    else if (!hasArticle) score -= 2;
  }
  if (jsonld.invalidBlocks > 0) reasons.push('jsonld:invalid-skipped');
  return score;
}

/** Microdata `itemtype`s: one Article-family item marks an article (when JSON-LD said nothing); many mark a list. */
function microdataScore(scan: PageScan, jsonLdArticle: boolean, reasons: string[]): number {
  const articleTypes = scan.microdataTypes.filter((type) => ARTICLE_TYPES.has(type));
  if (articleTypes.length >= 3) {
    reasons.push('microdata:many-articles');
    return -1.5;
  }
  if (articleTypes.length > 0 && !jsonLdArticle) {
    reasons.push(`microdata:${articleTypes[0]}`);
    return 2;
  }
  return 0;
}

function structureScore(structure: StructureSignals, reasons: string[]): number {
  let score = 0;
  const chars = structure.mainChars;
  const strongBody = (structure.mainParagraphs >= 3 && chars >= 800) || chars >= 1500;
  if (strongBody) {
    reasons.push('body:strong');
    score += 2;
    // A long consolidated text with few teaser links reads as a document, not a listing.
    if (chars >= 3000 && structure.headlineLinks < 12) {
      reasons.push('body:long');
      score += 0.5;
    }
  } else if (chars >= 500) {
    reasons.push('body:medium');
    score += 1;
  } else if (chars >= 250) {
    reasons.push('body:short');
    score += 0.5;
  } else {
    reasons.push('body:none');
    score -= 2;
  }
  if (structure.headlineLinks >= 30 && structure.mainChars < 3000) {
    reasons.push('teasers:many');
    score -= 2;
  } else if (structure.headlineLinks >= 12 && structure.mainChars < 1500) {
    reasons.push('teasers:some');
    score -= 1;
  }
  if (structure.loneParagraphs >= 10 && structure.mainParagraphs < 4) {
    reasons.push('teasers:summaries');
    score -= 1;
  }
  if (structure.articleElements >= 6 && !strongBody) {
    reasons.push('teasers:article-elements');
    score -= 1;
  }
  // Many comparable text blocks and no dominant one: forum posts, comment threads, card grids.
  if (structure.textBlocks >= 5 && structure.mainChars < structure.totalChars * 0.4) {
    reasons.push('blocks:many');
    score -= 1.5;
  }
  if (structure.figures >= 8 && structure.mainChars < 1500) {
    reasons.push('gallery:figures');
    score -= 3;
  }
  if (structure.h1Count === 1) {
    reasons.push('h1:one');
    score += 0.5;
  }
  return score;
}

function emptyDetection(reason: string): Detection {
  return {
    isArticle: false,
    reasons: [reason],
    title: null,
    canonicalUrl: null,
    siteName: null,
    byline: null,
    published: null,
    modified: null,
    description: null,
    lang: null,
  };
}

/** Byline text without a leading "By ", or null for URLs and handles (`article:author` is often a profile URL). */
function cleanByline(value: string | null): string | null {
  const text = cleanText(value, 200);
  if (text === null || /^https?:\/\//i.test(text) || text.startsWith('@')) return null;
  return text.replace(/^by\s+/i, '') || null;
}

/** First usable outlet name: not a URL or a bare domain, which some sites put in og:site_name. */
function firstSiteName(candidates: ReadonlyArray<string | null>): string | null {
  for (const candidate of candidates) {
    const name = cleanText(candidate === null ? null : decodeEntities(candidate), 200);
    if (name !== null && !/^https?:\/\//i.test(name) && !/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/?$/i.test(name)) return name;
  }
  return null;
}

/** First meta among keys that holds a usable byline (skips profile URLs). */
function firstByline(metas: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const byline = cleanByline(metas.get(key) ?? null);
    if (byline !== null) return byline;
  }
  return null;
}

export function detectArticle(doc: Document, pageUrl: string): Detection {
  try {
    return withinLimits(detect(doc, pageUrl));
  } catch {
    return emptyDetection('error:detector');
  }
}

const cut = (value: string | null, max: number): string | null => (value !== null && value.length > max ? value.slice(0, max) : value);

function withinLimits(d: Detection): Detection {
  const L = DETECTION_LIMITS;
  // A canonical URL cut short would name another page: drop it instead.
  const canonicalUrl = d.canonicalUrl !== null && d.canonicalUrl.length > L.canonicalUrl ? null : d.canonicalUrl;
  return {
    ...d,
    reasons: d.reasons.slice(0, L.reasons).map((r) => r.slice(0, L.reason)),
    title: cut(d.title, L.title),
    canonicalUrl,
    siteName: cut(d.siteName, L.siteName),
    byline: cut(d.byline, L.byline),
    published: cut(d.published, L.published),
    modified: cut(d.modified, L.modified),
    description: cut(d.description, L.description),
    lang: cut(d.lang, L.lang),
  };
}

function safely<T>(read: () => T, fallback: T, reasons: string[], name: string): T {
  try {
    return read();
  } catch {
    reasons.push(`error:${name}`);
    return fallback;
  }
}

function detect(doc: Document, pageUrl: string): Detection {
  const reasons: string[] = [];
  const root = doc.documentElement;
  if (root === null || root === undefined) return emptyDetection('page:empty');
  const page = knownPageUrl(pageUrl);
  const scan: PageScan = scanPage(doc);
  const head = safely(
    () => readHead(scan),
    { metas: new Map<string, string>(), canonical: null, ampHtml: null, relAuthor: null, baseHref: null },
    reasons,
    'meta',
  );
  const jsonld = safely(
    () => readJsonLd(scan.jsonLdTexts),
    { articles: [], nonArticleTypes: new Set<string>(), websiteName: null, invalidBlocks: 0 },
    reasons,
    'jsonld',
  );
  const metas = head.metas;
  const mainArticle = jsonld.articles[0] ?? null;
  const isAmp = root.hasAttribute('amp') || root.hasAttribute('⚡');
  if (isAmp) reasons.push('amp');

  const canonicalUrl = resolveCanonical(head, mainArticle, page, pageUrl, isAmp, reasons);
  const parsely = readParselyPage(metas);

  let score = jsonLdScore(jsonld, reasons);
  score += microdataScore(scan, jsonld.articles.length > 0, reasons);

  const ogType = (metas.get('og:type') ?? '').toLowerCase();
  if (ogType === 'article' || ogType.endsWith(':article')) {
    reasons.push('og:article');
    score += 1;
  } else if (OG_NON_ARTICLE.test(ogType)) {
    reasons.push(`og:${ogType}`);
    score -= 2;
  } else if (ogType === 'website') {
    reasons.push('og:website');
    score -= 0.5;
  }
  const parselyType = (typeof parsely.type === 'string' ? parsely.type : (metas.get('parsely-type') ?? '')).toLowerCase();
  if (parselyType === 'frontpage' || parselyType === 'sectionpage' || parselyType === 'index') {
    reasons.push(`parsely:${parselyType}`);
    score -= 2;
  }

  const published =
    toIsoDate(mainArticle?.datePublished) ??
    toIsoDate(
      firstMeta(metas, [
        'article:published_time',
        'og:published_time',
        'article:published',
        'datepublished',
        'parsely-pub-date',
        'sailthru.date',
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.date',
        'dcterms.created',
        'cxenseparse:recs:publishtime',
        'og:article:published_time',
      ]),
    ) ??
    toIsoDate(parsely.pub_date) ??
    toIsoDate(scan.microdataPublished);
  if (published !== null) {
    reasons.push('date:published');
    score += 1;
  }
  const modified =
    toIsoDate(mainArticle?.dateModified) ??
    toIsoDate(
      firstMeta(metas, [
        'article:modified_time',
        'og:updated_time',
        'datemodified',
        'dcterms.modified',
        'last-modified',
        'article:modified',
      ]),
    ) ??
    toIsoDate(scan.microdataModified);

  const byline =
    cleanByline(mainArticle !== null && mainArticle.authorNames.length > 0 ? mainArticle.authorNames.join(', ') : null) ??
    firstByline(metas, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator', 'cxenseparse:author']) ??
    cleanByline(typeof parsely.author === 'string' ? parsely.author : null) ??
    cleanByline(head.relAuthor);
  if (byline !== null) {
    reasons.push('byline');
    score += 0.5;
  }

  const pathKind = classifyPath(canonicalUrl ?? page);
  if (pathKind !== 'unknown') reasons.push(`path:${pathKind}`);
  score += PATH_SCORES[pathKind];

  // Clear non-articles stop here: the body scan is the costly part and cannot lift them over the line.
  const structureMaxGain = 3;
  let structure: StructureSignals | null = null;
  if (score + structureMaxGain >= ARTICLE_THRESHOLD) {
    structure = safely(() => readStructure(scan), null, reasons, 'structure');
    if (structure !== null) score += structureScore(structure, reasons);
  } else {
    reasons.push('early-exit');
  }
  const isArticle = score >= ARTICLE_THRESHOLD;
  reasons.push(`score:${score}`);

  const siteName = firstSiteName([
    ...['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'al:ios:app_name', 'cxenseparse:sitename'].map(
      (key) => metas.get(key) ?? null,
    ),
    mainArticle?.publisherName ?? null,
    jsonld.websiteName,
  ]);

  const titleTag = cleanText(scan.title?.textContent ?? null, 500);
  const h1 = structure?.firstH1 ?? cleanText(scan.h1s[0]?.textContent ?? null, 500);
  const rawTitles = [
    mainArticle?.headline ?? null,
    firstMeta(metas, ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'headline', 'title']),
    typeof parsely.title === 'string' ? parsely.title : null,
    h1,
    titleTag,
  ];
  const titles = rawTitles
    .map((value) => cleanText(value === null ? null : decodeEntities(value), 500))
    .filter((value): value is string => value !== null);
  const host = hostOf(canonicalUrl ?? page ?? '');
  const siteNames = [siteName ?? '', host === null ? '' : siteKey(host).split('.')[0]].filter((name) => name.length >= 2);
  const firstTitle = titles[0] ?? null;
  const title = firstTitle === null ? null : stripSiteFromTitle(firstTitle, siteNames, titles.slice(1));

  const description = cleanText(
    decodeEntities(
      firstMeta(metas, ['og:description', 'description', 'twitter:description', 'sailthru.description']) ?? mainArticle?.description ?? '',
    ),
    1000,
  );

  const lang =
    normalizeLang(root.getAttribute('lang') ?? root.getAttribute('xml:lang')) ??
    normalizeLang(firstMeta(metas, ['content-language', 'language', 'dc.language', 'og:locale'])) ??
    normalizeLang(mainArticle?.inLanguage ?? null);

  return { isArticle, reasons, title, canonicalUrl, siteName, byline, published, modified, description, lang };
}

/**
 * Field extraction: the article's dates, byline, outlet name, title, description and language, each
 * taken from the first source that holds a usable value (JSON-LD, then metas, then the page itself).
 */
import { siteKey } from './canonical';
import type { JsonLdArticle, JsonLdSignals } from './jsonld';
import { firstMeta, type readParselyPage } from './meta';
import type { PageScan } from './scan';
import { cleanText, decodeEntities, normalizeLang, stripSiteFromTitle, toIsoDate } from './text';

type Metas = Map<string, string>;
type Parsely = ReturnType<typeof readParselyPage>;

const PUBLISHED_KEYS = [
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
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'article:modified'];
const BYLINE_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator', 'cxenseparse:author'];
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'al:ios:app_name', 'cxenseparse:sitename'];
const TITLE_KEYS = ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'headline', 'title'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description', 'sailthru.description'];
const LANG_KEYS = ['content-language', 'language', 'dc.language', 'og:locale'];

export function readPublished(mainArticle: JsonLdArticle | null, metas: Metas, parsely: Parsely, scan: PageScan): string | null {
  return (
    toIsoDate(mainArticle?.datePublished) ??
    toIsoDate(firstMeta(metas, PUBLISHED_KEYS)) ??
    toIsoDate(parsely.pub_date) ??
    toIsoDate(scan.microdataPublished)
  );
}

export function readModified(mainArticle: JsonLdArticle | null, metas: Metas, scan: PageScan): string | null {
  return toIsoDate(mainArticle?.dateModified) ?? toIsoDate(firstMeta(metas, MODIFIED_KEYS)) ?? toIsoDate(scan.microdataModified);
}

/** Byline text without a leading "By ", or null for URLs and handles (`article:author` is often a profile URL). */
function cleanByline(value: string | null): string | null {
  const text = cleanText(value, 200);
  if (text === null || /^https?:\/\//i.test(text) || text.startsWith('@')) return null;
  return text.replace(/^by\s+/i, '') || null;
}

/** First meta among keys that holds a usable byline (skips profile URLs). */
function firstByline(metas: Metas, keys: readonly string[]): string | null {
  for (const key of keys) {
    const byline = cleanByline(metas.get(key) ?? null);
    if (byline !== null) return byline;
  }
  return null;
}

export function readByline(mainArticle: JsonLdArticle | null, metas: Metas, parsely: Parsely, relAuthor: string | null): string | null {
  return (
    cleanByline(mainArticle !== null && mainArticle.authorNames.length > 0 ? mainArticle.authorNames.join(', ') : null) ??
    firstByline(metas, BYLINE_KEYS) ??
    cleanByline(typeof parsely.author === 'string' ? parsely.author : null) ??
    cleanByline(relAuthor)
  );
}

/** First usable outlet name: not a URL or a bare domain, which some sites put in og:site_name. */
export function readSiteName(metas: Metas, mainArticle: JsonLdArticle | null, jsonld: JsonLdSignals): string | null {
  const candidates = [...SITE_NAME_KEYS.map((key) => metas.get(key) ?? null), mainArticle?.publisherName ?? null, jsonld.websiteName];
  for (const candidate of candidates) {
    const name = cleanText(candidate === null ? null : decodeEntities(candidate), 200);
    if (name !== null && !/^https?:\/\//i.test(name) && !/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/?$/i.test(name)) return name;
  }
  return null;
}

/** The headline, with the outlet's name taken off ("Headline | Outlet"), compared with the other headline sources. */
export function readTitle(
  scan: PageScan,
  h1: string | null,
  metas: Metas,
  mainArticle: JsonLdArticle | null,
  parsely: Parsely,
  siteName: string | null,
  host: string | null,
): string | null {
  const titleTag = cleanText(scan.title?.textContent ?? null, 500);
  const rawTitles = [
    mainArticle?.headline ?? null,
    firstMeta(metas, TITLE_KEYS),
    typeof parsely.title === 'string' ? parsely.title : null,
    h1 ?? cleanText(scan.h1s[0]?.textContent ?? null, 500),
    titleTag,
  ];
  const titles = rawTitles
    .map((value) => cleanText(value === null ? null : decodeEntities(value), 500))
    .filter((value): value is string => value !== null);
  const siteNames = [siteName ?? '', host === null ? '' : siteKey(host).split('.')[0]].filter((name) => name.length >= 2);
  const firstTitle = titles[0] ?? null;
  return firstTitle === null ? null : stripSiteFromTitle(firstTitle, siteNames, titles.slice(1));
}

export function readDescription(metas: Metas, mainArticle: JsonLdArticle | null): string | null {
  return cleanText(decodeEntities(firstMeta(metas, DESCRIPTION_KEYS) ?? mainArticle?.description ?? ''), 1000);
}

export function readLang(root: Element, metas: Metas, mainArticle: JsonLdArticle | null): string | null {
  return (
    normalizeLang(root.getAttribute('lang') ?? root.getAttribute('xml:lang')) ??
    normalizeLang(firstMeta(metas, LANG_KEYS)) ??
    normalizeLang(mainArticle?.inLanguage ?? null)
  );
}

/**
 * JSON-LD signals: which schema.org types the page declares about itself, and the fields of its
 * main article. Invalid or hostile JSON is skipped; walking is bounded.
 */

/** schema.org Article family that Parallax treats as a news/blog article. */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'article',
  'newsarticle',
  'analysisnewsarticle',
  'askpublicnewsarticle',
  'backgroundnewsarticle',
  'opinionnewsarticle',
  'reportagenewsarticle',
  'reviewnewsarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'report',
  'advertisercontentarticle',
]);

/** Types that, as the page's own subject, mean "not a single article". */
const NON_ARTICLE_TYPES = new Set([
  'collectionpage',
  'itemlist',
  'searchresultspage',
  'videoobject',
  'videogallery',
  'imagegallery',
  'mediagallery',
  'recipe',
  'discussionforumposting',
  'qapage',
  'profilepage',
  'product',
  'event',
  'howto',
  'faqpage',
  'socialmediaposting',
  'musicrecording',
  'podcastepisode',
  'movie',
  'jobposting',
]);

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  url: string | null;
  datePublished: unknown;
  dateModified: unknown;
  authorNames: string[];
  publisherName: string | null;
  description: string | null;
  inLanguage: string | null;
}

export interface JsonLdSignals {
  /** Article-family items the page declares about itself (top level, @graph, WebPage.mainEntity). */
  articles: JsonLdArticle[];
  /** Lower-case non-article types declared at top level. */
  nonArticleTypes: Set<string>;
  /** A WebSite item's name, a fallback for the outlet name. */
  websiteName: string | null;
  /** Scripts that were not valid JSON. */
  invalidBlocks: number;
}

const MAX_SCRIPT_CHARS = 500_000;
const MAX_ITEMS = 200;

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(item: JsonObject): string[] {
  const raw = item['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  const types: string[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') types.push(entry.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
  }
  return types;
}

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = firstString(entry);
      if (found !== null) return found;
    }
    return null;
  }
  if (isObject(value)) {
    const id = value['@id'] ?? value.url ?? value.name;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.name === 'string') return value.name;
  return null;
}

function authorNamesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const entry of list.slice(0, 10)) {
    const name = nameOf(entry);
    if (name !== null) names.push(name);
  }
  return names;
}

function toArticle(item: JsonObject, type: string): JsonLdArticle {
  const mainEntity = item.mainEntityOfPage;
  const url =
    firstString(item.url) ?? (isObject(mainEntity) ? firstString(mainEntity) : typeof mainEntity === 'string' ? mainEntity : null);
  return {
    type,
    headline: typeof item.headline === 'string' ? item.headline : typeof item.name === 'string' ? item.name : null,
    url,
    datePublished: item.datePublished ?? item.dateCreated ?? null,
    dateModified: item.dateModified ?? null,
    authorNames: authorNamesOf(item.author ?? item.creator),
    publisherName: nameOf(item.publisher) ?? nameOf(item.sourceOrganization),
    description: typeof item.description === 'string' ? item.description : null,
    inLanguage: firstString(item.inLanguage),
  };
}

export function readJsonLd(texts: readonly string[]): JsonLdSignals {
  const signals: JsonLdSignals = { articles: [], nonArticleTypes: new Set(), websiteName: null, invalidBlocks: 0 };
  const items: JsonObject[] = [];
  for (const text of texts) {
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripWrapper(text));
    } catch {
      signals.invalidBlocks++;
      continue;
    }
    collectTopLevel(parsed, items, 0);
  }
  for (const item of items.slice(0, MAX_ITEMS)) {
    const types = typesOf(item);
    const articleType = types.find((type) => ARTICLE_TYPES.has(type));
    if (articleType !== undefined) {
      signals.articles.push(toArticle(item, articleType));
      continue;
    }
    for (const type of types) if (NON_ARTICLE_TYPES.has(type)) signals.nonArticleTypes.add(type);
    if (types.includes('website') && signals.websiteName === null && typeof item.name === 'string') {
      signals.websiteName = item.name;
    }
  }
  return signals;
}

/** Some CMSs wrap JSON-LD in HTML comments or CDATA. */
function stripWrapper(text: string): string {
  return text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
}

/** Items that describe the page itself: top-level, @graph members, and a WebPage's mainEntity. */
function collectTopLevel(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 4 || out.length >= MAX_ITEMS) return;
  if (Array.isArray(value)) {
    for (const entry of value) collectTopLevel(entry, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if ('@type' in value) out.push(value);
  const graph = value['@graph'];
  if (graph !== undefined) collectTopLevel(graph, out, depth + 1);
  const mainEntity = value.mainEntity;
  if (isObject(mainEntity) || Array.isArray(mainEntity)) {
    const types = typesOf(value);
    if (types.some((type) => type.endsWith('page'))) collectTopLevel(mainEntity, out, depth + 1);
  }
}

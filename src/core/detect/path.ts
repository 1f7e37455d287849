/** What a URL's path says about the page: an article slug or id, or a hub (home, section, tag, search...). */

export type PathKind = 'home' | 'hub' | 'search' | 'media' | 'forum' | 'recipe' | 'article' | 'unknown';

/** Path segments that name a listing of many items rather than one item. */
const HUB_SEGMENTS = new Set([
  'tag',
  'tags',
  'topic',
  'topics',
  'section',
  'sections',
  'category',
  'categories',
  'author',
  'authors',
  'archive',
  'archives',
  'latest',
  'page',
  'people',
  'profile',
  'hub',
  'themen',
  'thema',
  'rubrik',
  'rubrique',
  'seccion',
  'categoria',
  'editoria',
  'live-blogs',
  'liveblogs',
  'newsletters',
  'series',
  'sitemap',
]);
const SEARCH_SEGMENTS = new Set(['search', 'suche', 'recherche', 'buscar', 'busca', 'cerca', 'results']);
/** Segments naming a video, photo or audio page; anywhere in the path ("/2019/11/19/world/gallery/slug"). */
const MEDIA_SEGMENTS = new Set([
  'video',
  'videos',
  'watch',
  'gallery',
  'galleries',
  'photos',
  'photo',
  'pictures',
  'in-pictures',
  'slideshow',
  'slideshows',
  'fotogalerie',
  'bildergalerie',
  'fotos',
  'galeria',
  'galerie',
  'player',
  // BBC News' video pages (/news/av/uk-68224178).
  'av',
]);
/** Audio pages: only as the first segment, since "/podcasts" sections also host written articles' hubs. */
const AUDIO_FIRST_SEGMENTS = new Set(['podcast', 'podcasts', 'audio']);
/** Forum and Q&A software paths; generic words ("community", "comments") alone are news sections too. */
const FORUM_SEGMENTS = new Set([
  'forum',
  'forums',
  'thread',
  'threads',
  'showthread.php',
  'viewtopic.php',
  'questions',
  'discussion',
  'discussions',
]);
const RECIPE_SEGMENTS = new Set([
  'recipe',
  'recipes',
  'rezept',
  'rezepte',
  'recette',
  'recettes',
  'receta',
  'recetas',
  'ricetta',
  'ricette',
]);

const SEARCH_PARAMS = ['q', 'query', 's', 'search', 'keywords', 'term'];

/**
 * What the classifier reads of an address: a URL, or the same parts taken from a plain address without
 * one (see `plainAddress` in src/core/links/chip-links.ts).
 */
export interface PathParts {
  pathname: string;
  search: string;
  readonly searchParams: Pick<URLSearchParams, 'has'>;
}

/** What a page's address says it is; parts parsed already (a link's resolved target) are not parsed again. */
export function classifyPath(url: string | PathParts | null): PathKind {
  if (url === null) return 'unknown';
  let parsed: PathParts;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return 'unknown';
  }
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => safeDecode(segment).toLowerCase());
  // "/2019/11/18/slug/index.html": the file name says nothing, the folder names the item.
  if (segments.length > 1 && /^(index|default)\.(s?html?|php|aspx?|jsp)$/.test(segments[segments.length - 1])) segments.pop();
  // The query's parameters are parsed only when there is a query (most article addresses have none).
  if (parsed.search !== '') for (const name of SEARCH_PARAMS) if (parsed.searchParams.has(name)) return 'search';
  if (segments.length === 0) return parsed.search === '' ? 'home' : 'unknown';
  const last = segments[segments.length - 1].replace(/\.(s?html?|php|aspx?|jsp)$/, '');
  const datedPath = segments.length >= 3 && segments.some((segment) => /^(19|20)\d{2}$/.test(segment)) && !isListWord(last);
  if (looksLikeItem(last) || datedPath) {
    // Item-like tail; a media or recipe prefix still decides the kind ("/video/2019/11/19/slug").
    const folders = segments.slice(0, -1);
    if (segments.some((segment) => RECIPE_SEGMENTS.has(segment))) return 'recipe';
    if (folders.some((segment) => MEDIA_SEGMENTS.has(segment)) || AUDIO_FIRST_SEGMENTS.has(segments[0])) return 'media';
    if (isForumPath(segments)) return 'forum';
    return 'article';
  }
  if (segments.some((segment) => SEARCH_SEGMENTS.has(segment))) return 'search';
  if (segments.some((segment) => RECIPE_SEGMENTS.has(segment))) return 'recipe';
  if (isForumPath(segments)) return 'forum';
  if (segments.some((segment) => MEDIA_SEGMENTS.has(segment)) || AUDIO_FIRST_SEGMENTS.has(segments[0])) return 'media';
  if (segments.some((segment) => HUB_SEGMENTS.has(segment))) return 'hub';
  // "/politics", "/news/world": one or two plain words, no slug, id or file name.
  if (segments.length <= 2 && parsed.search === '' && segments.every((segment) => /^[\p{L}]{2,20}$/u.test(segment))) return 'hub';
  return 'unknown';
}

/** Forum software paths, plus Reddit ("/r/x/comments/...") and Discourse ("/t/slug/123"). */
function isForumPath(segments: readonly string[]): boolean {
  if (segments.some((segment) => FORUM_SEGMENTS.has(segment))) return true;
  if (segments[0] === 'r' && segments[2] === 'comments') return true;
  return segments[0] === 't' && segments.length >= 2;
}

function isListWord(segment: string): boolean {
  return HUB_SEGMENTS.has(segment) || MEDIA_SEGMENTS.has(segment) || SEARCH_SEGMENTS.has(segment);
}

/** A slug of several words, or an id with many digits: names one item. */
function looksLikeItem(segment: string): boolean {
  const words = segment.split(/[-_+]+/).filter((word) => word !== '');
  if (words.length >= 4 && segment.length >= 20) return true;
  if (/\d{5,}/.test(segment)) return true;
  if (/^[a-z0-9]*\d[a-z0-9]*$/.test(segment) && segment.length >= 8 && /[a-z]/.test(segment)) return true;
  return false;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

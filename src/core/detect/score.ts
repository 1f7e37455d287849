/**
 * Evidence scoring: each signal adds or takes away points, and a page is an article when the total
 * reaches the threshold. Every scorer records why in `reasons`.
 */
import { ARTICLE_TYPES, type JsonLdSignals } from './jsonld';
import type { PathKind } from './path';
import type { PageScan } from './scan';
import type { StructureSignals } from './structure';

/** Evidence total at or above which a page is an article. */
export const ARTICLE_THRESHOLD = 2.5;

/** The most the body scan can add: below `ARTICLE_THRESHOLD - STRUCTURE_MAX_GAIN` the scan is skipped. */
export const STRUCTURE_MAX_GAIN = 3;

const PATH_SCORES: Record<PathKind, number> = { home: -4, search: -4, hub: -2, media: -2, forum: -2, recipe: -2, article: 1, unknown: 0 };

const OG_NON_ARTICLE = /^(video|music|profile|product|book|place|business|restaurant)/;

function distinctArticles(articles: JsonLdSignals['articles']): number {
  const keys = new Set<string>();
  for (const article of articles) keys.add(article.url ?? article.headline ?? article.type);
  return keys.size;
}

export function jsonLdScore(jsonld: JsonLdSignals, reasons: string[]): number {
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
export function microdataScore(scan: PageScan, jsonLdArticle: boolean, reasons: string[]): number {
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

/** The page's own type claims: Open Graph's `og:type` and Parse.ly's page type. */
export function pageTypeScore(ogTypeRaw: string, parselyTypeRaw: string, reasons: string[]): number {
  let score = 0;
  const ogType = ogTypeRaw.toLowerCase();
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
  const parselyType = parselyTypeRaw.toLowerCase();
  if (parselyType === 'frontpage' || parselyType === 'sectionpage' || parselyType === 'index') {
    reasons.push(`parsely:${parselyType}`);
    score -= 2;
  }
  return score;
}

/** A publication date and a byline are what news articles carry. */
export function fieldsScore(published: string | null, byline: string | null, reasons: string[]): number {
  let score = 0;
  if (published !== null) {
    reasons.push('date:published');
    score += 1;
  }
  if (byline !== null) {
    reasons.push('byline');
    score += 0.5;
  }
  return score;
}

export function pathScore(pathKind: PathKind, reasons: string[]): number {
  if (pathKind !== 'unknown') reasons.push(`path:${pathKind}`);
  return PATH_SCORES[pathKind];
}

export function structureScore(structure: StructureSignals, reasons: string[]): number {
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
  // A gallery is many figures around little text; an article with a gallery embedded keeps its body.
  if (structure.figures >= 8 && !strongBody) {
    reasons.push('gallery:figures');
    score -= 3;
  }
  if (structure.h1Count === 1) {
    reasons.push('h1:one');
    score += 0.5;
  }
  return score;
}

/**
 * Article detection and metadata extraction over a parsed `Document`. Pure: runs in the content
 * script, in a DOM-less worker over a DOM implementation, and in Node (linkedom). Never mutates the
 * document and never throws: a hostile or broken page yields a non-article with a reason.
 *
 * The jobs live apart: `canonical.ts` names the page, `score.ts` weighs the evidence, `fields.ts`
 * reads the metadata; this module runs them in order, cheapest first.
 */
import type { Detection } from '../types';
import { hostOf, knownPageUrl, resolveCanonical } from './canonical';
import { readByline, readDescription, readLang, readModified, readPublished, readSiteName, readTitle } from './fields';
import { readJsonLd } from './jsonld';
import { DETECTION_LIMITS } from './limits';
import { readHead, readParselyPage } from './meta';
import { classifyPath } from './path';
import { scanPage, type PageScan } from './scan';
import {
  ARTICLE_THRESHOLD,
  STRUCTURE_MAX_GAIN,
  fieldsScore,
  jsonLdScore,
  microdataScore,
  pageTypeScore,
  pathScore,
  structureScore,
} from './score';
import { readStructure, type StructureSignals } from './structure';

export { ARTICLE_THRESHOLD } from './score';

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
  const published = readPublished(mainArticle, metas, parsely, scan);
  const modified = readModified(mainArticle, metas, scan);
  const byline = readByline(mainArticle, metas, parsely, head.relAuthor);

  let score = jsonLdScore(jsonld, reasons);
  score += microdataScore(scan, jsonld.articles.length > 0, reasons);
  const parselyType = typeof parsely.type === 'string' ? parsely.type : (metas.get('parsely-type') ?? '');
  score += pageTypeScore(metas.get('og:type') ?? '', parselyType, reasons);
  score += fieldsScore(published, byline, reasons);
  score += pathScore(classifyPath(canonicalUrl ?? page), reasons);

  // Clear non-articles stop here: the body scan is the costly part and cannot lift them over the line.
  let structure: StructureSignals | null = null;
  if (score + STRUCTURE_MAX_GAIN >= ARTICLE_THRESHOLD) {
    structure = safely(() => readStructure(scan), null, reasons, 'structure');
    if (structure !== null) score += structureScore(structure, reasons);
  } else {
    reasons.push('early-exit');
  }
  const isArticle = score >= ARTICLE_THRESHOLD;
  reasons.push(`score:${score}`);

  const siteName = readSiteName(metas, mainArticle, jsonld);
  const title = readTitle(scan, structure?.firstH1 ?? null, metas, mainArticle, parsely, siteName, hostOf(canonicalUrl ?? page ?? ''));
  const description = readDescription(metas, mainArticle);
  const lang = readLang(root, metas, mainArticle);

  return { isArticle, reasons, title, canonicalUrl, siteName, byline, published, modified, description, lang };
}

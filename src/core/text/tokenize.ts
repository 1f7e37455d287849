import { CJK_PARTICLES, STOP_WORDS } from './stopwords';

/**
 * Scripts written without spaces between words: only these go through Intl.Segmenter (dictionary-based
 * word breaks); everything else is split by a Unicode-aware regex, which is several times faster and
 * gives the same words for spaced scripts.
 */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.'’&][\p{L}\p{M}\p{N}]+)*/gu;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;
const NUMBER_WITH_DOTS = /^[\p{N}.]+$/u;
const ELISION = /^(?:[ldjmnst]|qu)['’]/iu;
const POSSESSIVE = /['’]s$/u;
const APOSTROPHE = /['’]/gu;
const COMBINING_MARK = /[\u0300-\u036f]/g;
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/;
const LATIN_ONLY = /^[a-z0-9&]+$/;
const HAS_LOWERCASE = /\p{Ll}/u;
/** Signs that NFKC spells as letters ("TM", "SM"), which would glue onto the name they follow. */
export const TRADEMARK_SIGNS = /[\u2122\u2120]/g;

/** Unicode NFKC, trademark signs dropped first: the form of a text that words are taken from. */
export const normalizeText = (text: string) => text.replace(TRADEMARK_SIGNS, ' ').normalize('NFKC');

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Case fold: lower case plus the one common full folding lower-casing misses. */
function fold(word: string): string {
  let folded = word.toLowerCase();
  if (folded.includes('ß')) folded = folded.replace(/ß/g, 'ss');
  // Accents are dropped for Latin letters only ("économie" = "economie"); other scripts keep their marks
  // because there they distinguish words.
  if (LATIN_WITH_MARKS.test(folded)) folded = folded.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC');
  return folded;
}

const VOWEL = /[aeiouy]/;
/** A short stem ending consonant-vowel-consonant lost a final e ("hiked" → "hik" → "hike"). */
const SHORT_CVC_STEM = /^[^aeiouy]*[aeiouy][^aeiouwxy]$/;

/**
 * Light inflection folding for Latin-script words, after Porter's first step: plurals ("shares" =
 * "share", "companies" = "company") and -ed/-ing ("launched" = "launching" = "launch"). Headlines of one
 * story differ mostly in such forms; a full stemmer per language is not worth its weight here.
 */
function foldInflection(word: string): string {
  if (word.length < 4 || !LATIN_ONLY.test(word)) return word;
  let stem = word;
  if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(?:ch|sh|x|z)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us') && !stem.endsWith('is')) stem = stem.slice(0, -1);
  let base: string | undefined;
  if (stem.endsWith('ing') && stem.length >= 6) base = stem.slice(0, -3);
  else if (stem.endsWith('ed') && !stem.endsWith('eed') && stem.length >= 5) base = stem.slice(0, -2);
  if (base !== undefined && VOWEL.test(base)) {
    if (/([^aeiouslz])\1$/.test(base)) base = base.slice(0, -1);
    else if (/(?:at|bl|iz)$/.test(base) || SHORT_CVC_STEM.test(base)) base = `${base}e`;
    stem = base;
  }
  return stem;
}

/** Splits one regex word into its final word forms (before stop-word filtering). */
function wordForms(raw: string): string[] {
  let word = raw;
  if (word.includes('.')) {
    if (DOTTED_ACRONYM.test(word)) word = word.replace(/\./g, '');
    else if (!NUMBER_WITH_DOTS.test(word)) return word.split('.').flatMap(wordForms);
  }
  if (word.includes("'") || word.includes('’')) {
    word = word.replace(ELISION, '').replace(POSSESSIVE, '').replace(APOSTROPHE, '');
  }
  return word.length > 0 ? [word] : [];
}

/** Tokens with the surface form each came from (for showing evidence to the reader). */
export interface TokenList {
  tokens: string[];
  surfaces: string[];
}

/** A short all-capitals word in a normally cased text: an acronym ("US", "IT", "WHO"), not a stop word. */
export const isShortCapitals = (word: string, textHasLowercase: boolean) =>
  textHasLowercase && word.length >= 2 && word.length <= 5 && !HAS_LOWERCASE.test(word);

function pushToken(out: TokenList, original: string, textHasLowercase: boolean): void {
  const folded = fold(original);
  const isAcronym = isShortCapitals(original, textHasLowercase);
  if (!isAcronym && (STOP_WORDS.has(folded) || CJK_PARTICLES.has(folded))) return;
  const stemmed = foldInflection(folded);
  if (!isAcronym && stemmed !== folded && STOP_WORDS.has(stemmed)) return;
  // Single Latin letters carry no evidence; single digits and single CJK characters do.
  if (stemmed.length === 1 && /[a-z]/.test(stemmed)) return;
  out.tokens.push(stemmed);
  out.surfaces.push(original);
}

/**
 * Unicode-normalised (NFKC), case-folded word tokens of `text`, stop words removed, numbers and names
 * kept. Works for every script: Chinese, Japanese, Thai and similar go through Intl.Segmenter.
 * `lang` (BCP 47) only refines word breaking of unspaced scripts.
 */
export function tokenize(text: string, lang?: string): string[] {
  return tokenizeWithSurfaces(text, lang).tokens;
}

/** `tokenize`, plus the surface form of every token (same order and length). */
export function tokenizeWithSurfaces(text: string, lang?: string): TokenList {
  const normalized = normalizeText(text);
  const out: TokenList = { tokens: [], surfaces: [] };
  const textHasLowercase = HAS_LOWERCASE.test(normalized);
  if (UNSPACED_SCRIPT.test(normalized) && typeof Intl.Segmenter === 'function') {
    for (const segment of segmenterFor(lang ?? 'und').segment(normalized)) {
      if (!segment.isWordLike) continue;
      // The segmenter leaves Latin runs whole ("iPhone's"); give them the same treatment as spaced text.
      for (const match of segment.segment.matchAll(WORD)) {
        for (const form of wordForms(match[0])) pushToken(out, form, textHasLowercase);
      }
    }
    return out;
  }
  for (const match of normalized.matchAll(WORD)) {
    for (const form of wordForms(match[0])) pushToken(out, form, textHasLowercase);
  }
  return out;
}

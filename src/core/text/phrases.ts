/**
 * Names and phrases of a headline, as terms of their own: capitalised multiword names ("Federal Reserve",
 * "Bank of America"), quoted titles ("'Fed Up'", «…», 《…》) and pairs of adjacent words that the index
 * already knows as a name ("world cup" in a headline written in lower or title case). With them, one
 * common word that two headlines share ("fed", "cup") is a small part of what each says, and a name they
 * share is strong evidence.
 *
 * Capitalisation marks a name only where the script has case and the headline is written in sentence
 * case: in Title Case every word is capitalised, and a caseless script (Arabic, Chinese, Hindi…) has no
 * capitals at all; there only quoted titles and known pairs count.
 */
import { STOP_WORDS } from './stopwords';
import { fold, tokenizeWithSurfaces, type TokenList, type WordSpan } from './tokenize';

/** A phrase term: `key` is its words folded like single-word terms and joined by spaces. */
export interface Phrase {
  key: string;
  /** The words as written, for showing to the reader. */
  surface: string;
}

export interface PhraseCandidates {
  /** Capitalised names and quoted titles: terms of the headline whatever the index holds. */
  names: Phrase[];
  /** Adjacent words (and "X of Y" triples): terms only where the index already knows them as a name. */
  pairs: Phrase[];
}

const UPPER_FIRST = /^[\p{Lu}\p{Lt}]/u;
const HAS_UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER_FIRST = /^\p{Ll}/u;
const DIGIT_FIRST = /^\p{N}/u;
/** Lower-case words that stay inside a name ("Bank of America", "Banco do Brasil", "Lord of the Rings"). */
const CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'du',
  'des',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
]);
/** Articles that open a sentence and so carry a capital without being part of a name ("The Fed Up film"). */
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  'der',
  'die',
  'das',
  'el',
  'los',
  'las',
  'il',
  'lo',
  'gli',
  'het',
  'een',
  'ο',
  'η',
  'το',
  'οι',
  'τα',
]);
/** Scripts written without spaces: pairs of their words are not looked up. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Quotation marks: checked first, as most headlines have none. */
const ANY_QUOTE = /[“„«‘"'「『《]/u;
/** Quoted spans: the common quotation marks of European and East Asian typography. */
const QUOTED =
  /“([^“”]{2,80})”|„([^“”„]{2,80})[“”]|«\s*([^«»]{2,80}?)\s*»|‘([^‘’]{2,80})’|"([^"]{2,80})"|(?<![\p{L}\p{N}])'([^']{2,80})'(?![\p{L}\p{N}])|「([^「」]{1,80})」|『([^『』]{1,80})』|《([^《》]{1,80})》/gu;
/** Opens the key of a title in an unspaced script (it has no space to tell it from a word). */
const TITLE_MARK = '「';
/** Longest quoted title, in words: longer quotes are speech. */
const MAX_TITLE_WORDS = 6;
/** Longest capitalised run that is a name, in capitalised words: longer ones are title-cased clauses. */
const MAX_NAME_RUN = 4;

enum Case {
  Capital,
  Lower,
  Caseless,
}

/** How a word is written: capitalised or mixed case ("Fed", "iPhone", "S5"), lower case, or without case. */
function caseOf(surface: string): Case {
  const code = surface.charCodeAt(0);
  if (code >= 65 && code <= 90) return Case.Capital;
  if (code >= 97 && code <= 122) {
    for (let i = 1; i < surface.length; i++) {
      const c = surface.charCodeAt(i);
      if (c >= 65 && c <= 90) return Case.Capital;
    }
    return code < 128 && surface.length < 40 && !HAS_UPPER.test(surface) ? Case.Lower : Case.Capital;
  }
  if (code >= 48 && code <= 57) return Case.Caseless;
  if (UPPER_FIRST.test(surface)) return Case.Capital;
  if (LOWER_FIRST.test(surface)) return HAS_UPPER.test(surface) ? Case.Capital : Case.Lower;
  return HAS_UPPER.test(surface) ? Case.Capital : Case.Caseless;
}

const isDigit = (word: WordSpan) => DIGIT_FIRST.test(word.surface);

/** Two neighbouring words belong to one phrase when only spaces, or a compound's hyphen, stand between them. */
function joined(text: string, a: WordSpan, b: WordSpan): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && !(c === 45 && b.start - a.end === 1)) return false;
  }
  return true;
}

function phraseOf(text: string, words: readonly WordSpan[], from: number, to: number): Phrase {
  let key = words[from].key;
  for (let i = from + 1; i <= to; i++) key += ` ${words[i].key}`;
  const last = words[to];
  // Shown without a possessive ending: "Katie Couric", not "Katie Couric's".
  return { key, surface: text.slice(words[from].start, last.possessive ? last.end - 2 : last.end) };
}

/**
 * Title Case, all capitals, or no case at all: capitals then mark no names. A headline in sentence case
 * has lower-case content words; a caseless script with a few Latin names in it is not title case.
 */
function capitalsMarkNames(words: readonly WordSpan[], cases: readonly Case[]): boolean {
  let capital = 0;
  let lower = 0;
  let caseless = 0;
  for (let i = 0; i < words.length; i++) {
    if (cases[i] === Case.Caseless) caseless++;
    else if (STOP_WORDS.has(words[i].key) || CONNECTORS.has(words[i].key)) continue;
    else if (cases[i] === Case.Lower) lower++;
    else capital++;
  }
  if (capital < 2) return false;
  return lower > 0 || caseless >= capital || capital === 2;
}

/**
 * Runs of capitalised words (connectors and numbers inside), split where the text has punctuation or
 * a possessive; each pair of neighbouring capitalised words in a run of at most MAX_NAME_RUN is a name.
 */
function capitalisedNames(text: string, words: readonly WordSpan[], cases: readonly Case[], out: Phrase[]): void {
  const head = (i: number) => cases[i] === Case.Capital || isDigit(words[i]);
  let start = -1;
  const flush = (end: number): void => {
    // From `start` to `end` inclusive. Sentence-opening articles ("The Fed Up film") and trailing
    // connectors belong to no name.
    let from = start;
    let to = end;
    start = -1;
    while (from <= to && (ARTICLES.has(words[from].key) || cases[from] !== Case.Capital)) from++;
    while (to >= from && !head(to)) to--;
    let heads = 0;
    for (let i = from; i <= to; i++) if (head(i)) heads++;
    if (heads < 2 || heads > MAX_NAME_RUN) return;
    let previous = from;
    for (let i = from + 1; i <= to; i++) {
      if (!head(i)) continue;
      out.push(phraseOf(text, words, previous, i));
      previous = i;
    }
  };
  for (let i = 0; i < words.length; i++) {
    if (start >= 0 && !joined(text, words[i - 1], words[i])) flush(i - 1);
    const inside =
      cases[i] === Case.Capital ||
      (start >= 0 && isDigit(words[i])) ||
      (start >= 0 && cases[i] === Case.Lower && CONNECTORS.has(words[i].key));
    if (!inside) {
      if (start >= 0) flush(i - 1);
      continue;
    }
    if (start < 0) start = i;
    if (words[i].possessive) flush(i);
  }
  if (start >= 0) flush(words.length - 1);
}

/** Quoted spans of 2 to MAX_TITLE_WORDS words, or an unspaced-script title of 2 characters or more. */
function quotedTitles(text: string, out: Phrase[]): void {
  if (!ANY_QUOTE.test(text)) return;
  for (const match of text.matchAll(QUOTED)) {
    const content = match.slice(1).find((group) => group !== undefined);
    if (content === undefined) continue;
    const trimmed = content.trim();
    if (UNSPACED.test(trimmed) && !trimmed.includes(' ')) {
      if ([...trimmed].length >= 2) out.push({ key: `${TITLE_MARK}${fold(trimmed)}`, surface: trimmed });
      continue;
    }
    const words = tokenizeWithSurfaces(trimmed, undefined, true).words ?? [];
    if (words.length >= 2 && words.length <= MAX_TITLE_WORDS) out.push(phraseOf(trimmed, words, 0, words.length - 1));
  }
}

/** Neighbouring words of a spaced text, and "X of Y" triples, as keys to look up among known names. */
function adjacentPairs(text: string, words: readonly WordSpan[], cases: readonly Case[], out: Phrase[]): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (a.possessive || !joined(text, a, b)) continue;
    if (CONNECTORS.has(b.key) && i + 2 < words.length && !b.possessive && joined(text, b, words[i + 2])) {
      out.push(phraseOf(text, words, i, i + 2));
    }
    // A pair that starts with a stop word, or ends in one written in lower case, is never a name.
    if (STOP_WORDS.has(a.key) || (cases[i + 1] === Case.Lower && STOP_WORDS.has(b.key))) continue;
    if (cases[i] === Case.Caseless && cases[i + 1] === Case.Caseless) continue;
    out.push(phraseOf(text, words, i, i + 1));
  }
}

/** Whether a term is a phrase (several words) rather than a word. */
export function isPhraseKey(key: string): boolean {
  return key.includes(' ') || key.startsWith(TITLE_MARK);
}

/** The names and candidate pairs of a tokenised text (from tokenizeWithSurfaces with `withWords`), each key once. */
export function phrasesOf(list: TokenList): PhraseCandidates {
  const text = list.text ?? '';
  const words = list.words ?? [];
  const names: Phrase[] = [];
  const pairs: Phrase[] = [];
  quotedTitles(text, names);
  const cases = words.map((word) => caseOf(word.surface));
  if (capitalsMarkNames(words, cases)) capitalisedNames(text, words, cases, names);
  if (!UNSPACED.test(text)) adjacentPairs(text, words, cases, pairs);
  if (names.length + pairs.length === 0) return { names, pairs };
  const seen = new Set<string>();
  const unique = (phrase: Phrase): boolean => {
    // A phrase is two words or more; one that folded to a single key is just a word.
    if (seen.has(phrase.key) || !isPhraseKey(phrase.key)) return false;
    seen.add(phrase.key);
    return true;
  };
  return { names: names.filter(unique), pairs: pairs.filter(unique) };
}

/** `phrasesOf` for a plain text. */
export function extractPhrases(text: string, lang?: string): PhraseCandidates {
  return phrasesOf(tokenizeWithSurfaces(text, lang, true));
}

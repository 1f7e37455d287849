/**
 * Which of a text's words are names, from the text's own case: an acronym ("NASA", "EU") anywhere, and,
 * in a text written in sentence case, a capitalised word other than the one that opens the text. A
 * title-case headline capitalises every word, so there only acronyms count; a script without case has
 * no names by this test.
 */

import { isShortCapitals } from './tokenize';

const UPPER_FIRST = /^\p{Lu}/u;
const HAS_UPPERCASE = /\p{Lu}/u;
const HAS_LOWERCASE = /\p{Ll}/u;
const CASED_WORD = /[\p{Lu}\p{Ll}][\p{L}\p{M}\p{N}'’.&-]*/gu;

/** Whether nearly every longer word is capitalised (verbs too), as in "Fed Up Documentary Takes Aim At Sugar". */
function isTitleCase(words: readonly string[]): boolean {
  const long = words.filter((word) => word.length >= 4);
  if (long.length < 3) return false;
  const lower = long.filter((word) => !UPPER_FIRST.test(word)).length;
  return lower <= (long.length >= 6 ? 1 : 0);
}

/** For each surface form the tokeniser took from `text` (in order), whether it is a name. */
export function namesIn(text: string, surfaces: readonly string[]): boolean[] {
  const textHasLowercase = HAS_LOWERCASE.test(text);
  const words = text.match(CASED_WORD) ?? [];
  const sentenceCase = textHasLowercase && !isTitleCase(words);
  const opening = words[0];
  return surfaces.map((surface, index) => {
    // An acronym, as the tokeniser tells them, with a letter ("US", not "5.5").
    if (isShortCapitals(surface, textHasLowercase) && HAS_UPPERCASE.test(surface)) return true;
    if (!sentenceCase || !UPPER_FIRST.test(surface)) return false;
    // The text's first word is capitalised as the sentence's start, name or not.
    return !(index === 0 && opening !== undefined && opening.startsWith(surface));
  });
}

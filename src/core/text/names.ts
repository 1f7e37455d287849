/**
 * Which of a text's words are names, from the text's own case: an acronym ("NASA", "EU") anywhere, and,
 * in a text written in sentence case, a capitalised word other than the one that opens the text. A
 * title-case headline capitalises every word, so there only acronyms count; a script without case has
 * no names by this test.
 */

const UPPER_FIRST = /^\p{Lu}/u;
const HAS_LOWERCASE = /\p{Ll}/u;
const CASED_WORD = /[\p{Lu}\p{Ll}][\p{L}\p{M}\p{N}'’.&-]*/gu;
const ACRONYM_LETTERS = /^[\p{Lu}\p{N}.&]+$/u;

/** Whether nearly every longer word is capitalised (verbs too), as in "Fed Up Documentary Takes Aim At Sugar". */
function isTitleCase(text: string): boolean {
  const long = [...text.matchAll(CASED_WORD)].map((match) => match[0]).filter((word) => word.length >= 4);
  if (long.length < 3) return false;
  const lower = long.filter((word) => !UPPER_FIRST.test(word)).length;
  return lower <= (long.length >= 6 ? 1 : 0);
}

/** A short all-capitals word in a text that also has lower case. */
const isAcronym = (surface: string, textHasLowercase: boolean) =>
  textHasLowercase && surface.length >= 2 && surface.length <= 6 && ACRONYM_LETTERS.test(surface) && /\p{Lu}/u.test(surface);

/** For each surface form the tokeniser took from `text` (in order), whether it is a name. */
export function namesIn(text: string, surfaces: readonly string[]): boolean[] {
  const textHasLowercase = HAS_LOWERCASE.test(text);
  const sentenceCase = textHasLowercase && !isTitleCase(text);
  const opening = text.match(CASED_WORD)?.[0];
  return surfaces.map((surface, index) => {
    if (isAcronym(surface, textHasLowercase)) return true;
    if (!sentenceCase || !UPPER_FIRST.test(surface)) return false;
    // The text's first word is capitalised as the sentence's start, name or not.
    return !(index === 0 && opening !== undefined && opening.startsWith(surface));
  });
}

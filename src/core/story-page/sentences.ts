/**
 * Sentences of a feed's description, in any script: Intl.Segmenter's sentence breaks where the runtime has
 * them (every current browser and Node), else a split after sentence-ending punctuation.
 */

import { TRADEMARK_SIGNS } from '../text/tokenize';

/** Feed furniture that says nothing about the story ("The post X appeared first on Y.", "Read more"). */
const FURNITURE = [
  /\bthe post\b.+\bappeared first on\b.*$/iu,
  /\b(?:continue|keep) reading\b.*$/iu,
  /\bread (?:more|the full (?:story|article))\b.*$/iu,
  /\bclick here\b.*$/iu,
  /\[(?:…|\.\.\.|&#8230;)\]\s*$/u,
];
const FALLBACK_BREAK = /(?<=[.!?。！？।؟])\s+|(?<=[。！？])/u;

let segmenter: Intl.Segmenter | null | undefined;
function sentenceSegmenter(): Intl.Segmenter | null {
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'sentence' }) : null;
  return segmenter;
}

/**
 * Signs NFKC would spell out in letters ("ALPROLIX™" as "ALPROLIXTM"): kept as they are, since the
 * description is shown to the reader (split on, the captured signs come back as the odd parts).
 */
const SPELLED_OUT_SIGNS = new RegExp(`(${TRADEMARK_SIGNS.source})`, 'u');

/** The description without feed furniture, compatibility characters normalised, whitespace collapsed. */
export function cleanDescription(text: string): string {
  const normalised = text
    .split(SPELLED_OUT_SIGNS)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC')))
    .join('');
  let out = normalised.replace(/\s+/gu, ' ').trim();
  for (const pattern of FURNITURE) out = out.replace(pattern, '').trim();
  return out;
}

/** The sentences of `text` (furniture removed), trimmed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  const clean = cleanDescription(text);
  if (clean === '') return [];
  const seg = sentenceSegmenter();
  const parts = seg ? Array.from(seg.segment(clean), (s) => s.segment) : clean.split(FALLBACK_BREAK);
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

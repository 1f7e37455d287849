/**
 * The extractive summary of a story: two or three sentences taken from the coverage's own descriptions,
 * central to the story (close to the centroid of every sentence's terms) and different from each other
 * (maximal marginal relevance), drawn from more than one side when the coverage has more than one.
 * Deterministic: ties go to the earlier article, then the earlier sentence.
 */
import type { LeanSide } from '../types';
import { tokenize } from '../text';
import { splitSentences } from './sentences';

export interface SummarySource {
  articleId: string;
  url: string;
  outletName: string;
  side: LeanSide | null;
  published: number;
  description: string | undefined;
  lang?: string;
}

export interface SummarySentence {
  text: string;
  articleId: string;
  url: string;
  outletName: string;
  side: LeanSide | null;
}

export const SUMMARY_SENTENCES = 3;
/** A sentence with fewer terms says too little to summarise a story ("Watch the video."). */
const MIN_TERMS = 4;
/** Longer sentences are usually several run together by a feed without punctuation. */
const MAX_CHARS = 320;
/** Weight of centrality against novelty when choosing the next sentence (maximal marginal relevance). */
const RELEVANCE_WEIGHT = 0.7;
/** A candidate this close to a chosen sentence repeats it. */
const REPEAT_SIMILARITY = 0.6;

interface Candidate {
  source: SummarySource;
  text: string;
  order: number;
  vector: Map<string, number>;
  norm: number;
}

function cosine(a: Candidate, b: Candidate): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size <= b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

function candidatesOf(sources: readonly SummarySource[]): Candidate[] {
  const ordered = [...sources].sort((a, b) => a.published - b.published || a.articleId.localeCompare(b.articleId));
  const out: Candidate[] = [];
  const seenText = new Set<string>();
  for (const source of ordered) {
    if (!source.description) continue;
    for (const text of splitSentences(source.description)) {
      const folded = text.toLowerCase();
      if (text.length > MAX_CHARS || seenText.has(folded)) continue;
      const terms = tokenize(text, source.lang);
      if (new Set(terms).size < MIN_TERMS) continue;
      seenText.add(folded);
      const vector = new Map<string, number>();
      for (const term of terms) vector.set(term, 1);
      out.push({ source, text, order: out.length, vector, norm: 0 });
    }
  }
  return out;
}

/**
 * Up to `count` sentences, in the order chosen (most central first). Empty when the coverage has no
 * usable description.
 */
export function extractSummary(sources: readonly SummarySource[], count = SUMMARY_SENTENCES): SummarySentence[] {
  const candidates = candidatesOf(sources);
  if (candidates.length === 0) return [];
  // Terms weighted by how rare they are among the sentences: "said" is everywhere, "Koizumi" is not.
  const df = new Map<string, number>();
  for (const c of candidates) for (const term of c.vector.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = candidates.length;
  const centroid: Candidate = { source: candidates[0].source, text: '', order: -1, vector: new Map(), norm: 0 };
  for (const c of candidates) {
    let sq = 0;
    for (const term of c.vector.keys()) {
      const w = Math.log(1 + n / (df.get(term) ?? 1));
      c.vector.set(term, w);
      sq += w * w;
      // The centroid counts a term once per sentence using it: what many sentences say is central.
      centroid.vector.set(term, (centroid.vector.get(term) ?? 0) + w);
    }
    c.norm = Math.sqrt(sq);
  }
  let csq = 0;
  for (const w of centroid.vector.values()) csq += w * w;
  centroid.norm = Math.sqrt(csq);
  const relevance = candidates.map((c) => cosine(c, centroid));
  const sides = new Set(candidates.map((c) => c.source.side).filter((s) => s !== null));

  const chosen: Candidate[] = [];
  while (chosen.length < count) {
    const chosenSides = new Set(chosen.map((c) => c.source.side));
    // With sentences from more than one side, the second pick must come from another side than the first.
    const needOtherSide = chosen.length === 1 && sides.size > 1;
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (chosen.includes(c) || chosen.some((x) => x.source.articleId === c.source.articleId)) continue;
      if (needOtherSide && (c.source.side === null || chosenSides.has(c.source.side))) continue;
      const redundancy = chosen.reduce((max, x) => Math.max(max, cosine(c, x)), 0);
      if (redundancy >= REPEAT_SIMILARITY) continue;
      const score = RELEVANCE_WEIGHT * relevance[c.order] - (1 - RELEVANCE_WEIGHT) * redundancy;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) {
      if (needOtherSide) {
        sides.clear(); // No usable sentence on another side: carry on without the constraint.
        continue;
      }
      break;
    }
    chosen.push(best);
  }
  return chosen.map((c) => ({
    text: c.text,
    articleId: c.source.articleId,
    url: c.source.url,
    outletName: c.source.outletName,
    side: c.source.side,
  }));
}

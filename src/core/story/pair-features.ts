/**
 * What an (article, story) pair has in common, as the numbers the decision model weighs: how much of the
 * article the story explains and how much of the story the article explains, how many of the story's
 * characteristic terms, names and numbers they share, how rare the strongest shared term is, how far
 * apart in time, and how large and tight the story is.
 *
 * One pass over the article's terms gathers everything (the same pass computes the cosine), so the
 * features cost no more than the plain score did.
 */

/** Term kinds, per term id. */
export const TERM_WORD = 0;
export const TERM_PHRASE = 1;
export const TERM_NUMBER = 2;

/** Share of a story's articles a term must appear in to characterise the story. */
export const CHARACTERISTIC_SHARE = 0.1;

/** An article as weighted term ids (−1: a word the index has never seen). */
export interface QueryTerms {
  ids: readonly number[];
  weights: readonly number[];
}

/** A story as the engine keeps it: summed member weights per term, and its size. */
export interface StoryTerms {
  weights: ReadonlyMap<number, number>;
  size: number;
}

/** The index-wide term statistics the evidence is weighed with. */
export interface TermTable {
  idf: ArrayLike<number>;
  /** TERM_WORD, TERM_PHRASE or TERM_NUMBER per term id. */
  kind: ArrayLike<number>;
  /** IDF of a term the index has never seen (the highest there is). */
  unseenIdf: number;
}

/** The shared-term half of a pair's evidence. */
export interface SharedTerms {
  /** Σ over shared terms of query weight × centroid weight × idf²: the cosine's numerator. */
  dot: number;
  /** Σ (query weight × idf)² over all of the article's terms: its squared norm. */
  querySquares: number;
  /** The same over the shared terms only. */
  sharedQuerySquares: number;
  /** Σ (centroid weight × idf)² over the shared terms. */
  sharedStorySquares: number;
  /** Shared terms used by at least CHARACTERISTIC_SHARE of the story's articles. */
  characteristic: number;
  /** Of those, phrases (names, titles) and numbers. */
  names: number;
  numbers: number;
  /** The article's phrases that the story does not have (at a characteristic share). */
  unsharedNames: number;
  /** IDF of the shared term that adds most to the dot product (0: none shared). */
  strongestIdf: number;
}

/** Gathers the shared-term evidence of an article and a story in one pass over the article's terms. */
export function sharedTerms(query: QueryTerms, story: StoryTerms, table: TermTable): SharedTerms {
  const minimum = CHARACTERISTIC_SHARE * story.size;
  const out: SharedTerms = {
    dot: 0,
    querySquares: 0,
    sharedQuerySquares: 0,
    sharedStorySquares: 0,
    characteristic: 0,
    names: 0,
    numbers: 0,
    unsharedNames: 0,
    strongestIdf: 0,
  };
  let strongest = 0;
  for (let i = 0; i < query.ids.length; i++) {
    const id = query.ids[i];
    const idf = id < 0 ? table.unseenIdf : table.idf[id];
    const queryWeight = query.weights[i] * idf;
    out.querySquares += queryWeight * queryWeight;
    const kind = id < 0 ? TERM_WORD : table.kind[id];
    const sum = id < 0 ? undefined : story.weights.get(id);
    if (sum === undefined) {
      if (kind === TERM_PHRASE) out.unsharedNames++;
      continue;
    }
    const centroid = (sum / story.size) * idf;
    const contribution = queryWeight * centroid;
    out.dot += contribution;
    out.sharedQuerySquares += queryWeight * queryWeight;
    out.sharedStorySquares += centroid * centroid;
    if (contribution > strongest) {
      strongest = contribution;
      out.strongestIdf = idf;
    }
    if (sum >= minimum) {
      out.characteristic++;
      if (kind === TERM_PHRASE) out.names++;
      else if (kind === TERM_NUMBER) out.numbers++;
    } else if (kind === TERM_PHRASE) out.unsharedNames++;
  }
  return out;
}

/** The rest of a pair's evidence: the story's shape and where the article falls in time. */
export interface PairContext {
  /** The story centroid's norm in IDF space. */
  storyNorm: number;
  /** Typical member-to-centroid cosine of the story (1 for a single article). */
  cohesion: number;
  size: number;
  /** How far the story, with the article added, would exceed one coverage period. */
  timeExcessMs: number;
  decayMs: number;
  /** The story already has an article of the same outlet. */
  samePublisher: boolean;
  /** Number of terms of the article. */
  queryTerms: number;
  /** ln of the index's article count: the IDF scale. */
  logArticles: number;
}

/** The model's inputs, in this order (the shipped weights name them, and are checked against this list). */
export const PAIR_FEATURE_NAMES = [
  'cosine',
  'logCosine',
  'calibratedCosine',
  'articleShare',
  'storyShare',
  'characteristic',
  'names',
  'numbers',
  'unsharedNames',
  'strongestIdf',
  'logSize',
  'cohesion',
  'samePublisher',
  'logTerms',
] as const;

export const PAIR_FEATURE_COUNT = PAIR_FEATURE_NAMES.length;

/**
 * Writes the features of a pair into `out` (length PAIR_FEATURE_COUNT); returns the cosine, decayed by
 * time. Time enters through that decay only (e per `decayMs` beyond one coverage period, as the engine
 * has always weighed it), never as a fitted weight of its own: a fitted weight would learn the training
 * set's spread of publication times.
 */
export function pairFeatures(shared: SharedTerms, context: PairContext, out: Float64Array): number {
  const queryNorm = Math.sqrt(shared.querySquares);
  const norms = queryNorm * context.storyNorm;
  const decay = Math.exp(-context.timeExcessMs / context.decayMs);
  const cosine = norms === 0 ? 0 : Math.min(1, shared.dot / norms) * decay;
  out[0] = cosine;
  out[1] = Math.log(Math.max(cosine, 1e-3));
  // A story worded many ways is matched on less overlap than one whose articles repeat one headline.
  out[2] = Math.min(1.5, cosine / Math.sqrt(Math.max(0.05, context.cohesion)));
  out[3] = shared.querySquares === 0 ? 0 : shared.sharedQuerySquares / shared.querySquares;
  out[4] = context.storyNorm === 0 ? 0 : Math.min(1, shared.sharedStorySquares / (context.storyNorm * context.storyNorm));
  out[5] = Math.min(6, shared.characteristic);
  out[6] = Math.min(3, shared.names);
  out[7] = Math.min(2, shared.numbers);
  out[8] = Math.min(3, shared.unsharedNames);
  out[9] = context.logArticles === 0 ? 0 : shared.strongestIdf / context.logArticles;
  out[10] = Math.log1p(context.size);
  out[11] = context.cohesion;
  out[12] = context.samePublisher ? 1 : 0;
  out[13] = Math.log1p(context.queryTerms);
  return cosine;
}

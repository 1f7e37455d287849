/**
 * The story engine's tuning: its options with their defaults, and the fixed constants of its algorithms.
 */

import { DECISION_MODEL } from './decision-model';

export interface EngineOptions {
  /**
   * Probability (decision-model.ts) at which an added article joins its most probable story instead of
   * starting one. Defaults to the shipped model's.
   */
  joinThreshold: number;
  /** Probability at which `match` names its most probable story rather than answering null. */
  matchThreshold: number;
  /** Probability at which two stories are merged into one. */
  mergeThreshold: number;
  /** How long after its first report a story keeps collecting coverage at full weight. */
  storySpanMs: number;
  /** Time scale of the similarity decay beyond that span: each `decayMs` further divides the score by e. */
  decayMs: number;
  /** Weight of words found only in the description, relative to headline words. */
  descriptionWeight: number;
  /** Number of shared terms reported as evidence. */
  evidenceTerms: number;
  /**
   * Exponent applied to each term's share of a story's articles in its centroid when ranking candidates
   * (1: plain mean). The decision model's features always use the plain mean.
   */
  centroidSaturation: number;
  /**
   * Nearest neighbours per article in `settle()`'s graph refinement (0: no refinement). See
   * refine-graph.ts: articles move to the story their most similar headlines sit in.
   */
  refineNeighbours: number;
  /**
   * In that refinement, the vote an article's current story gets on top of its neighbours' (in cosine
   * units): a move needs the neighbourhood to outweigh the story by one near-identical headline.
   */
  refineSelfWeight: number;
}

/**
 * Defaults: the decisions are the decision model's (fitted by `npm run train:engine`), at its
 * thresholds; the rest is chosen by principle rather than fitted: a story is one news event, covered over
 * a day and a half, so similarity decays by e per half day beyond that period. Centroid saturation stays
 * neutral (1): on the dev set it did not improve clustering.
 */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  joinThreshold: DECISION_MODEL.thresholds.join,
  matchThreshold: DECISION_MODEL.thresholds.match,
  mergeThreshold: DECISION_MODEL.thresholds.merge,
  storySpanMs: 36 * 3600 * 1000,
  decayMs: 12 * 3600 * 1000,
  descriptionWeight: 0.5,
  evidenceTerms: 5,
  centroidSaturation: 1,
  refineNeighbours: 10,
  refineSelfWeight: 1,
};

/**
 * Time-decayed cosine below which an article and a story share no more than an incidental word: a story
 * that far in time cannot reach it even with a perfect overlap is no candidate, and two headlines below
 * it are not neighbours in the graph refinement.
 */
export const REACH_SCORE = 0.2;

/** A story slot that names no story: an article removed from the index, or no story found. */
export const NO_STORY = -1;
/** Term look-ups a restored engine answers by scanning its vocabulary before it builds the term → id map. */
export const VOCABULARY_SCANS = 64;
/** Article slots a new engine has room for before its columns first grow. */
export const INITIAL_ARTICLE_CAPACITY = 1024;
/** Size of the prior pseudo-collection in the IDF (matters only while the index is small). */
export const IDF_PRIOR_ARTICLES = 100;
/** Stories of at most this many articles get a second look when their coverage period ends. */
export const SMALL_STORY_SIZE = 3;
/** Candidate stories (best by time-decayed cosine) the decision model weighs for a join or a match. */
export const DECISION_CANDIDATES = 4;
/** Terms of a story's centroid whose postings are searched for stories to merge with. */
export const MERGE_PROBE_TERMS = 24;
/** Stories smaller than this are not merged as wholes (their articles get a second look instead). */
export const MERGE_MIN_SIZE = 3;

/**
 * How far in time a story can be from an article (or another story) and still be in reach: the coverage
 * period plus the decay that brings a perfect score down to REACH_SCORE.
 */
export function reachWindowMs(options: EngineOptions): number {
  return options.storySpanMs + options.decayMs * Math.log(1 / REACH_SCORE);
}

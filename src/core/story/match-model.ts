/**
 * The read path's learned decision: how likely an article belongs to the best candidate story, from
 * features of the (article, story) pair, by logistic regression. Shipped as plain numbers
 * (data/match-model.json), reproduced by `npm run train:engine`.
 */

/** What the scoring measures of an (article, story) pair; `matchFeatures` turns it into the model's input. */
export interface MatchEvidence {
  /** The hand-set decision's score: the better of `calibrated` and `nearHeadline` (ranks the candidates). */
  score: number;
  /** Time-decayed cosine with the story's centroid. */
  centroid: number;
  /** `centroid` calibrated against the story's cohesion (0 without enough characteristic shared terms). */
  calibrated: number;
  /** Cosine with the story's second-closest headline near in time (see `StoryScoring.nearHeadline`). */
  nearHeadline: number;
  /** Shared terms that characterise the story; all shared terms; the article's known terms. */
  characteristicTerms: number;
  sharedTerms: number;
  knownTerms: number;
  /**
   * Rarity of the rarest shared term, and the sum over shared terms: IDF over the IDF of a term never
   * seen, 0..1, so that it reads the same in an index of a thousand articles and of a hundred thousand.
   */
  maxSharedRarity: number;
  sharedRaritySum: number;
  /** Shared terms that are names in the article's text. */
  sharedNames: number;
  /** Of the shared terms, the largest and the mean share of the story's articles that use them. */
  maxTermShare: number;
  meanTermShare: number;
  /** Story size (articles) and cohesion (members' typical similarity to the centroid, 0..1). */
  size: number;
  cohesion: number;
  /** Hours from the earliest to the latest of the story's core and the article. */
  extentHours: number;
  /** The next candidate's `score` (0 when none): a close second is a sign of an ambiguous article. */
  runnerUp: number;
}

/** The model's inputs, in order (capped and logged where a count or a span has a long tail). */
export const MATCH_FEATURES = [
  'score',
  'centroid',
  'calibrated',
  'nearHeadline',
  'min(characteristicTerms, 6)',
  'min(sharedTerms, 8)',
  'sharedTerms / knownTerms',
  'maxSharedRarity',
  'sharedRaritySum',
  'min(sharedNames, 4)',
  'knownTerms',
  'log1p(size)',
  'cohesion',
  'log1p(extentHours)',
  'runnerUp',
  'maxTermShare',
  'meanTermShare',
] as const;

export function matchFeatures(e: MatchEvidence): number[] {
  return [
    e.score,
    e.centroid,
    e.calibrated,
    e.nearHeadline,
    Math.min(e.characteristicTerms, 6),
    Math.min(e.sharedTerms, 8),
    e.knownTerms === 0 ? 0 : e.sharedTerms / e.knownTerms,
    e.maxSharedRarity,
    e.sharedRaritySum,
    Math.min(e.sharedNames, 4),
    e.knownTerms,
    Math.log1p(e.size),
    e.cohesion,
    Math.log1p(e.extentHours),
    e.runnerUp,
    e.maxTermShare,
    e.meanTermShare,
  ];
}

/**
 * Regression trees of one depth, each added to the logit (boosted on the logistic regression's residuals,
 * train-match-trees.ts): they weigh features together where a sum of single weights cannot, as a shared
 * name counts for more when the times are close. Complete trees, flat: tree t's split k (0 ..
 * 2^depth − 2, children 2k+1 and 2k+2) sends features[...] below threshold left, and its leaf j holds
 * leaves[t·2^depth + j]. A node that does not split has threshold Number.MAX_VALUE (always left).
 */
export interface MatchTrees {
  depth: number;
  features: readonly number[];
  thresholds: readonly number[];
  leaves: readonly number[];
}

/**
 * A logistic regression over standardised features, plus optional trees:
 * p = 1 / (1 + e^-(bias + Σ weight·(x - mean) / scale + Σ tree(x))).
 * `version` changes whenever the numbers do.
 */
export interface MatchModel {
  version: number;
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  trees?: MatchTrees;
}

/** The trees' sum for one feature vector (see MatchTrees). */
export function treesLogit({ depth, features: splitOn, thresholds, leaves }: MatchTrees, features: readonly number[]): number {
  const splits = (1 << depth) - 1;
  let sum = 0;
  for (let tree = 0, base = 0; base < splitOn.length; tree++, base += splits) {
    let node = 0;
    while (node < splits) node = features[splitOn[base + node]] < thresholds[base + node] ? 2 * node + 1 : 2 * node + 2;
    sum += leaves[tree * (splits + 1) + node - splits];
  }
  return sum;
}

/** The model's probability that the article belongs to the story the features describe. */
export function matchProbability(model: MatchModel, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] * (features[i] - model.mean[i])) / model.scale[i];
  if (model.trees) z += treesLogit(model.trees, features);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The engine's learned decisions, logistic regressions over the features of a pair:
 * - `pair` (pair-features.ts): the probability that an article reports a story's event. Clustering joins
 *   the most probable story when it reaches `thresholds.join`.
 * - `match`: the same question on the read path (an article against a settled index), fitted on
 *   held-out articles; `match` names the most probable story when it reaches `thresholds.match`.
 * - `merge` (merge-features.ts): the probability that two stories are one event; they merge at
 *   `thresholds.merge`.
 *
 * The weights are plain numbers in decision-weights.json, written by `npm run train:engine`, which fits
 * them on the development set. They carry a version: a stored index built with other weights is rebuilt
 * (its stories were cut by other decisions).
 */
import shipped from './decision-weights.json';
import { MERGE_FEATURE_NAMES } from './merge-features';
import { PAIR_FEATURE_NAMES } from './pair-features';

/** One logistic regression: a weight per named feature, and a bias. */
export interface LogisticWeights {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
}

export interface DecisionModel {
  /** Changes with every retrained set of weights; part of the stored snapshot. */
  version: string;
  pair: LogisticWeights;
  /** The read path's model: same features as `pair`, fitted on held-out articles against a clustered index. */
  match: LogisticWeights;
  merge: LogisticWeights;
  /** Probability thresholds of the decisions. */
  thresholds: { join: number; match: number; merge: number };
}

function fits(part: LogisticWeights | undefined, names: readonly string[]): boolean {
  return (
    typeof part === 'object' &&
    part !== null &&
    Array.isArray(part.features) &&
    part.features.length === names.length &&
    part.features.every((name, i) => name === names[i]) &&
    Array.isArray(part.weights) &&
    part.weights.length === names.length &&
    part.weights.every((w) => Number.isFinite(w)) &&
    Number.isFinite(part.bias)
  );
}

/** Checks that a model fits the features this build computes; returns it typed. */
export function checkedModel(value: unknown): DecisionModel {
  const model = value as DecisionModel;
  const thresholds = model?.thresholds;
  const ok =
    typeof model === 'object' &&
    model !== null &&
    typeof model.version === 'string' &&
    fits(model.pair, PAIR_FEATURE_NAMES) &&
    fits(model.match, PAIR_FEATURE_NAMES) &&
    fits(model.merge, MERGE_FEATURE_NAMES) &&
    typeof thresholds === 'object' &&
    [thresholds?.join, thresholds?.match, thresholds?.merge].every((t) => Number.isFinite(t) && t > 0 && t < 1);
  if (!ok) throw new Error('decision model does not fit the features this build computes');
  return model;
}

/** The weights this build ships. */
export const DECISION_MODEL: DecisionModel = checkedModel(shipped);

/** A logistic regression's linear score (log-odds) for a feature vector. */
export function logOdds(part: LogisticWeights, features: ArrayLike<number>): number {
  let sum = part.bias;
  for (let i = 0; i < part.weights.length; i++) sum += part.weights[i] * features[i];
  return sum;
}

/** The probability a logistic regression gives a feature vector. */
export function probability(part: LogisticWeights, features: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-logOdds(part, features)));
}

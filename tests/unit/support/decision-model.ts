/**
 * A decision model for tests: every decision reads the time-decayed cosine alone, with even odds at the
 * given cosine, so that a test knows which way the engine decides without depending on trained weights.
 */
import type { DecisionModel } from '../../../src/core/story/decision-model';
import { MERGE_FEATURE_NAMES } from '../../../src/core/story/merge-features';
import { PAIR_FEATURE_NAMES } from '../../../src/core/story/pair-features';

/** Log-odds per unit of cosine: steep, so that a decision flips close to its cosine. */
const STEEPNESS = 40;

function onCosine(names: readonly string[], evenAt: number) {
  return { features: [...names], weights: names.map((name) => (name === 'cosine' ? STEEPNESS : 0)), bias: -STEEPNESS * evenAt };
}

export function cosineModel({ join, match = join, merge }: { join: number; match?: number; merge: number }): DecisionModel {
  return {
    version: `cosine-${join}-${match}-${merge}`,
    pair: onCosine(PAIR_FEATURE_NAMES, join),
    match: onCosine(PAIR_FEATURE_NAMES, match),
    merge: onCosine(MERGE_FEATURE_NAMES, merge),
    thresholds: { join: 0.5, match: 0.5, merge: 0.5 },
  };
}

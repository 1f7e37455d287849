import { describe, expect, it } from 'vitest';
import { DECISION_MODEL, checkedModel, logOdds, probability, type DecisionModel } from '../../../../src/core/story/decision-model';
import { MERGE_FEATURE_NAMES } from '../../../../src/core/story/merge-features';
import { PAIR_FEATURE_COUNT, PAIR_FEATURE_NAMES } from '../../../../src/core/story/pair-features';

/** A tiny model: the pair decision reads the cosine alone (log-odds 10·cosine − 5: even odds at 0.5). */
function tinyModel(): DecisionModel {
  const only = (names: readonly string[], name: string, weight: number) => names.map((n) => (n === name ? weight : 0));
  const pair = { features: [...PAIR_FEATURE_NAMES], weights: only(PAIR_FEATURE_NAMES, 'cosine', 10), bias: -5 };
  return {
    version: 'tiny',
    pair,
    match: pair,
    merge: { features: [...MERGE_FEATURE_NAMES], weights: only(MERGE_FEATURE_NAMES, 'cosine', 10), bias: -8 },
    thresholds: { join: 0.5, match: 0.5, merge: 0.5 },
  };
}

function withCosine(cosine: number): Float64Array {
  const features = new Float64Array(PAIR_FEATURE_COUNT);
  features[PAIR_FEATURE_NAMES.indexOf('cosine')] = cosine;
  return features;
}

describe('decision model', () => {
  it('gives the known log-odds and probabilities of a fixed tiny model', () => {
    const model = checkedModel(tinyModel());
    expect(logOdds(model.pair, withCosine(0.5))).toBe(0);
    expect(probability(model.pair, withCosine(0.5))).toBe(0.5);
    expect(probability(model.pair, withCosine(0.8))).toBeCloseTo(1 / (1 + Math.exp(-3)));
    expect(probability(model.pair, withCosine(0.2))).toBeCloseTo(1 / (1 + Math.exp(3)));
    // Decisions at the model's thresholds: join above 0.5, not at 0.45.
    expect(probability(model.pair, withCosine(0.55)) >= model.thresholds.join).toBe(true);
    expect(probability(model.pair, withCosine(0.45)) >= model.thresholds.join).toBe(false);
  });

  it('refuses weights that do not fit the features this build computes', () => {
    const model = tinyModel();
    expect(() => checkedModel({ ...model, pair: { ...model.pair, weights: model.pair.weights.slice(1) } })).toThrow(/does not fit/);
    expect(() => checkedModel({ ...model, merge: { ...model.merge, features: [...model.merge.features].reverse() } })).toThrow();
    expect(() => checkedModel({ ...model, thresholds: { join: 0.5, match: 1.5, merge: 0.5 } })).toThrow();
    expect(() => checkedModel({ ...model, pair: { ...model.pair, bias: Number.NaN } })).toThrow();
  });

  it('ships trained weights with a version', () => {
    expect(DECISION_MODEL.version).toMatch(/^m[0-9a-z]+$/);
    // Sanity of the shipped pair model: more overlap is more probable, all else equal.
    expect(probability(DECISION_MODEL.pair, withCosine(0.9))).toBeGreaterThan(probability(DECISION_MODEL.pair, withCosine(0.1)));
  });
});

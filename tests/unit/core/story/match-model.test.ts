import { describe, expect, it } from 'vitest';
import {
  MATCH_FEATURES,
  MATCH_MODEL,
  type MatchEvidence,
  type MatchModel,
  fitMatchModel,
  matchFeatures,
  matchProbability,
} from '../../../../src/core/story/index';

const evidence = (overrides: Partial<MatchEvidence> = {}): MatchEvidence => ({
  score: 0.5,
  centroid: 0.4,
  calibrated: 0.5,
  nearHeadline: 0,
  characteristicTerms: 2,
  sharedTerms: 3,
  knownTerms: 6,
  maxSharedRarity: 0.8,
  sharedRaritySum: 1.5,
  sharedNames: 1,
  size: 4,
  cohesion: 0.7,
  extentHours: 5,
  runnerUp: 0.1,
  maxTermShare: 1,
  meanTermShare: 0.6,
  ...overrides,
});

describe('match model', () => {
  it('gives the decisions a fixed tiny model must give', () => {
    // p = sigmoid(-1 + 2·(x0 - 0.5)/0.5 - 1·x1): the first feature for, the second against.
    const model: MatchModel = { version: 1, features: ['x0', 'x1'], mean: [0.5, 0], scale: [0.5, 1], weights: [2, -1], bias: -1 };
    expect(matchProbability(model, [1, 0])).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(matchProbability(model, [0.5, 0])).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(matchProbability(model, [1, 3])).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(matchProbability(model, [1, 0])).toBeGreaterThan(0.5);
    expect(matchProbability(model, [1, 3])).toBeLessThan(0.5);
  });

  it('turns evidence into features in the listed order, long tails capped or logged', () => {
    const features = matchFeatures(evidence({ characteristicTerms: 11, sharedTerms: 20, knownTerms: 40, sharedNames: 9, size: 0 }));
    expect(features).toHaveLength(MATCH_FEATURES.length);
    const at = (name: (typeof MATCH_FEATURES)[number]) => features[MATCH_FEATURES.indexOf(name)];
    expect(at('min(characteristicTerms, 6)')).toBe(6);
    expect(at('min(sharedTerms, 8)')).toBe(8);
    expect(at('sharedTerms / knownTerms')).toBe(0.5);
    expect(at('min(sharedNames, 4)')).toBe(4);
    expect(at('log1p(size)')).toBe(0);
    expect(at('log1p(extentHours)')).toBeCloseTo(Math.log(6), 12);
    expect(matchFeatures(evidence({ knownTerms: 0, sharedTerms: 0 }))[MATCH_FEATURES.indexOf('sharedTerms / knownTerms')]).toBe(0);
  });

  it('ships one finite number per feature, and a close second candidate counts against a match', () => {
    for (const list of [MATCH_MODEL.mean, MATCH_MODEL.scale, MATCH_MODEL.weights]) {
      expect(list).toHaveLength(MATCH_FEATURES.length);
      expect(list.every(Number.isFinite)).toBe(true);
    }
    expect(MATCH_MODEL.features).toEqual(MATCH_FEATURES);
    const clear = matchProbability(MATCH_MODEL, matchFeatures(evidence({ runnerUp: 0 })));
    const contested = matchProbability(MATCH_MODEL, matchFeatures(evidence({ runnerUp: 0.5 })));
    expect(contested).toBeLessThan(clear);
  });
});

describe('fitting the match model', () => {
  // One informative feature (matches above 0.5), one constant feature.
  const examples = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9].map((x) => ({ features: [x, 3], label: x > 0.5, weight: 1 }));

  it('learns the rule the examples follow, and gives a constant feature no weight', () => {
    const model = fitMatchModel(examples, ['x', 'constant'], 1);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBe(0);
    expect(model.scale[1]).toBe(1);
    for (const example of examples) expect(matchProbability(model, example.features) >= 0.5).toBe(example.label);
  });

  it('gives the same numbers every time, and weighs examples by their weight', () => {
    expect(fitMatchModel(examples, ['x', 'constant'], 1)).toEqual(fitMatchModel(examples, ['x', 'constant'], 1));
    // The positives weighted up: the line moves toward the negatives (0.45 now counts as a match).
    const weighted = examples.map((e) => ({ ...e, weight: e.label ? 5 : 1 }));
    expect(matchProbability(fitMatchModel(weighted, ['x', 'constant'], 1), [0.45, 3])).toBeGreaterThan(
      matchProbability(fitMatchModel(examples, ['x', 'constant'], 1), [0.45, 3]),
    );
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitMatchModel([], ['x'], 1)).toThrow(/no examples/);
  });
});

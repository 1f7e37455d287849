/** The match model's boosted trees: how they add to the regression's logit, and how they are fitted. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TREE_FIT,
  MATCH_FEATURES,
  MATCH_MODEL,
  type MatchExample,
  type MatchModel,
  type MatchTrees,
  fitMatchModel,
  fitMatchTrees,
  matchProbability,
  treesLogit,
} from '../../../../src/core/story/index';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('match trees', () => {
  it('give the decisions a fixed tiny model must give', () => {
    // One tree of depth 2: split on x0 < 0.5, then x1 < 2 on the left; the right node does not split.
    const trees: MatchTrees = { depth: 2, features: [0, 1, 0], thresholds: [0.5, 2, Number.MAX_VALUE], leaves: [1, -1, 0.5, 9] };
    expect(treesLogit(trees, [0.2, 1])).toBe(1);
    expect(treesLogit(trees, [0.2, 3])).toBe(-1);
    expect(treesLogit(trees, [0.9, 3])).toBe(0.5);
    // Two trees add up; a value on the threshold goes right.
    const two: MatchTrees = {
      ...trees,
      features: [...trees.features, 1, 0, 0],
      thresholds: [...trees.thresholds, 2, 1, 1],
      leaves: [...trees.leaves, 0.25, 0.25, -2, -2],
    };
    expect(treesLogit(two, [0.5, 2])).toBe(0.5 - 2);
    // Added to the regression's logit: bias −1, no weights.
    const model: MatchModel = { version: 1, features: ['x0', 'x1'], mean: [0, 0], scale: [1, 1], weights: [0, 0], bias: -1, trees };
    expect(matchProbability(model, [0.2, 1])).toBeCloseTo(sigmoid(0), 12);
    expect(matchProbability(model, [0.2, 3])).toBeCloseTo(sigmoid(-2), 12);
    expect(matchProbability({ ...model, trees: undefined }, [0.2, 1])).toBeCloseTo(sigmoid(-1), 12);
  });

  it('learn what a sum of single weights cannot: a weaker signal that counts only beside another', () => {
    // x0 (say, the similarity) decides alone above 0.8, and from 0.3 when x1 (say, a close time) is high.
    const examples: MatchExample[] = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        const x = [i / 19, j / 19];
        examples.push({ features: x, label: x[1] > 0.5 ? x[0] > 0.3 : x[0] > 0.8, weight: 1 });
      }
    }
    const linear = fitMatchModel(examples, ['x0', 'x1'], 1);
    const logit = (features: readonly number[]) => {
      const p = matchProbability(linear, features);
      return Math.log(p / (1 - p));
    };
    const right = (model: MatchModel) =>
      examples.filter((e) => matchProbability(model, e.features) >= 0.5 === e.label).length / examples.length;
    expect(right(linear)).toBeLessThan(0.95);
    const trees = fitMatchTrees(examples, logit, { ...DEFAULT_TREE_FIT, minChildWeight: 1 });
    expect(right({ ...linear, trees })).toBe(1);
    // The same numbers every time.
    expect(fitMatchTrees(examples, logit, { ...DEFAULT_TREE_FIT, minChildWeight: 1 })).toEqual(trees);
    expect(trees.features).toHaveLength(DEFAULT_TREE_FIT.trees * 7);
    expect(trees.leaves).toHaveLength(DEFAULT_TREE_FIT.trees * 8);
  });

  it('are shipped complete and finite, on the listed features', () => {
    const trees = MATCH_MODEL.trees!;
    const splits = (1 << trees.depth) - 1;
    expect(trees.features.length % splits).toBe(0);
    expect(trees.thresholds).toHaveLength(trees.features.length);
    expect(trees.leaves).toHaveLength((trees.features.length / splits) * (splits + 1));
    expect(trees.features.every((f) => Number.isInteger(f) && f >= 0 && f < MATCH_FEATURES.length)).toBe(true);
    expect(trees.leaves.every(Number.isFinite)).toBe(true);
    expect(trees.thresholds.every(Number.isFinite)).toBe(true);
  });

  it('refuse to fit on nothing', () => {
    expect(() => fitMatchTrees([], () => 0)).toThrow(/no examples/);
  });
});

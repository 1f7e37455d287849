/**
 * Fits the match model's trees (MatchTrees in match-model.ts): gradient boosting of complete regression
 * trees on the logistic loss, starting from a given logit (the logistic regression's). Splits are chosen
 * among quantile cuts of each feature (histograms); everything is deterministic, so the same examples
 * always give the same numbers.
 */
import type { MatchTrees } from './match-model';
import type { MatchExample } from './train-match-model';

export interface TreeFitOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values, in units of summed hessian. */
  lambda: number;
  /** Least summed hessian (weighted p·(1−p)) on each side of a split. */
  minChildWeight: number;
  /** Candidate cuts per feature. */
  bins: number;
}

export const DEFAULT_TREE_FIT: TreeFitOptions = { trees: 50, depth: 3, learningRate: 0.1, lambda: 1, minChildWeight: 20, bins: 32 };

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Each feature's cuts: the distinct values at the examples' quantiles (a split is `value < cut`). */
function quantileCuts(examples: readonly MatchExample[], feature: number, bins: number): number[] {
  const values = examples.map((e) => e.features[feature]).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const value = values[Math.floor((k * values.length) / bins)];
    if (value > values[0] && (cuts.length === 0 || value > cuts[cuts.length - 1])) cuts.push(value);
  }
  return cuts;
}

/** The trees, fitted to the residuals of `start` (a logit per example's features). */
export function fitMatchTrees(
  examples: readonly MatchExample[],
  start: (features: readonly number[]) => number,
  fit: TreeFitOptions = DEFAULT_TREE_FIT,
): MatchTrees {
  const count = examples.length;
  if (count === 0) throw new Error('no examples to fit the match trees on');
  const featureCount = examples[0].features.length;
  const cuts = Array.from({ length: featureCount }, (_, f) => quantileCuts(examples, f, fit.bins));
  // Bin b of feature f holds the values in [cuts[b-1], cuts[b]).
  const bins = examples.map(({ features }) =>
    features.map((x, f) => {
      let b = 0;
      while (b < cuts[f].length && x >= cuts[f][b]) b++;
      return b;
    }),
  );
  const splits = (1 << fit.depth) - 1;
  const out: MatchTrees = { depth: fit.depth, features: [], thresholds: [], leaves: [] };
  const features = out.features as number[];
  const thresholds = out.thresholds as number[];
  const leaves = out.leaves as number[];
  const logit = examples.map((e) => start(e.features));
  const gradient = new Float64Array(count);
  const hessian = new Float64Array(count);
  for (let tree = 0; tree < fit.trees; tree++) {
    for (let i = 0; i < count; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]));
      gradient[i] = (p - (examples[i].label ? 1 : 0)) * examples[i].weight;
      hessian[i] = Math.max(p * (1 - p), 1e-9) * examples[i].weight;
    }
    const treeLeaves: number[] = [];
    // Breadth first, so that node k's split lands at index k; a node that cannot split sends all left.
    let level: number[][] = [examples.map((_, i) => i)];
    for (let depth = 0; depth < fit.depth; depth++) {
      const next: number[][] = [];
      for (const members of level) {
        const split = bestSplit(members, gradient, hessian, bins, cuts, fit);
        features.push(split?.feature ?? 0);
        thresholds.push(split ? cuts[split.feature][split.bin] : Number.MAX_VALUE);
        next.push(split ? members.filter((i) => bins[i][split.feature] <= split.bin) : members);
        next.push(split ? members.filter((i) => bins[i][split.feature] > split.bin) : []);
      }
      level = next;
    }
    for (const members of level) {
      let g = 0;
      let h = 0;
      for (const i of members) {
        g += gradient[i];
        h += hessian[i];
      }
      treeLeaves.push(round((-g / (h + fit.lambda)) * fit.learningRate));
    }
    leaves.push(...treeLeaves);
    const base = tree * splits;
    for (let i = 0; i < count; i++) {
      let node = 0;
      while (node < splits) node = examples[i].features[features[base + node]] < thresholds[base + node] ? 2 * node + 1 : 2 * node + 2;
      logit[i] += treeLeaves[node - splits];
    }
  }
  return out;
}

/** The split of `members` with the largest gain in the second-order loss, or null when none helps. */
function bestSplit(
  members: readonly number[],
  gradient: Float64Array,
  hessian: Float64Array,
  bins: readonly (readonly number[])[],
  cuts: readonly (readonly number[])[],
  fit: TreeFitOptions,
): { feature: number; bin: number } | null {
  let g = 0;
  let h = 0;
  for (const i of members) {
    g += gradient[i];
    h += hessian[i];
  }
  const parent = (g * g) / (h + fit.lambda);
  let best: { feature: number; bin: number } | null = null;
  let bestGain = 1e-9;
  for (let feature = 0; feature < cuts.length; feature++) {
    const binCount = cuts[feature].length + 1;
    const gs = new Float64Array(binCount);
    const hs = new Float64Array(binCount);
    for (const i of members) {
      gs[bins[i][feature]] += gradient[i];
      hs[bins[i][feature]] += hessian[i];
    }
    let gl = 0;
    let hl = 0;
    for (let bin = 0; bin < binCount - 1; bin++) {
      gl += gs[bin];
      hl += hs[bin];
      const gr = g - gl;
      const hr = h - hl;
      if (hl < fit.minChildWeight || hr < fit.minChildWeight) continue;
      const gain = (gl * gl) / (hl + fit.lambda) + (gr * gr) / (hr + fit.lambda) - parent;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature, bin };
      }
    }
  }
  return best;
}

/**
 * Fits the match model (match-model.ts): L2-regularised logistic regression by full-batch gradient
 * descent from zero, a fixed number of steps, so the same examples always give the same numbers.
 */
import type { MatchModel } from './match-model';

export interface MatchExample {
  features: readonly number[];
  /** Whether the candidate is the article's story. */
  label: boolean;
  /** How much the example counts (groups of unequal size can be made to count equally). */
  weight: number;
}

export interface FitOptions {
  steps: number;
  learningRate: number;
  l2: number;
}

export const DEFAULT_FIT: FitOptions = { steps: 3000, learningRate: 0.5, l2: 0.01 };

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function fitMatchModel(
  examples: readonly MatchExample[],
  featureNames: readonly string[],
  version: number,
  fit: FitOptions = DEFAULT_FIT,
): MatchModel {
  const n = featureNames.length;
  if (examples.length === 0) throw new Error('no examples to fit the match model on');
  const mean = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(0);
  for (const { features } of examples) for (let j = 0; j < n; j++) mean[j] += features[j] / examples.length;
  for (const { features } of examples) for (let j = 0; j < n; j++) scale[j] += (features[j] - mean[j]) ** 2 / examples.length;
  // A constant feature gets scale 1: its standardised value is 0 whatever its weight.
  for (let j = 0; j < n; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const rows = examples.map(({ features }) => features.map((x, j) => (x - mean[j]) / scale[j]));
  const totalWeight = examples.reduce((sum, e) => sum + e.weight, 0);
  const weights = new Array<number>(n).fill(0);
  let bias = 0;
  const gradient = new Array<number>(n);
  for (let step = 0; step < fit.steps; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let z = bias;
      for (let j = 0; j < n; j++) z += weights[j] * row[j];
      const error = (1 / (1 + Math.exp(-z)) - (examples[i].label ? 1 : 0)) * examples[i].weight;
      for (let j = 0; j < n; j++) gradient[j] += error * row[j];
      biasGradient += error;
    }
    for (let j = 0; j < n; j++) weights[j] -= fit.learningRate * (gradient[j] / totalWeight + fit.l2 * weights[j]);
    bias -= fit.learningRate * (biasGradient / totalWeight);
  }
  return {
    version,
    features: [...featureNames],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map(round),
    bias: round(bias),
  };
}

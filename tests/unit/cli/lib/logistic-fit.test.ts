/** The trainer's logistic regression: it recovers known weights, and the same data gives the same numbers. */
import { describe, expect, it } from 'vitest';
import { type Examples, fitLogistic } from '../../../../src/cli/lib/logistic-fit';

/**
 * Examples drawn from a known model (log-odds 3·x0 − 2·x1 + 0.5), with a fixed pseudo-random sequence so
 * that the test always sees the same data.
 */
function examplesOfKnownModel(count: number): Examples {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rows = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const x0 = next() * 2 - 1;
    const x1 = next() * 2 - 1;
    rows[r * 2] = x0;
    rows[r * 2 + 1] = x1;
    const p = 1 / (1 + Math.exp(-(3 * x0 - 2 * x1 + 0.5)));
    labels[r] = next() < p ? 1 : 0;
  }
  return { width: 2, rows, labels, count };
}

describe('fitLogistic', () => {
  it('recovers the weights of the model the examples were drawn from', () => {
    const fit = fitLogistic(examplesOfKnownModel(20_000), 0);
    expect(fit.weights[0]).toBeCloseTo(3, 0);
    expect(fit.weights[1]).toBeCloseTo(-2, 0);
    expect(fit.bias).toBeCloseTo(0.5, 0);
  });

  it('gives the same numbers for the same examples (the shipped weights are reproducible)', () => {
    const data = examplesOfKnownModel(5_000);
    expect(fitLogistic(data, 1e-4)).toEqual(fitLogistic(data, 1e-4));
  });

  it('shrinks the weights towards zero as the penalty grows', () => {
    const data = examplesOfKnownModel(5_000);
    expect(Math.abs(fitLogistic(data, 1).weights[0])).toBeLessThan(Math.abs(fitLogistic(data, 0).weights[0]));
  });
});

import { describe, expect, it } from 'vitest';
import { balancedCounts } from '../../../../src/core/starter-set';

const none = { L: 0, C: 0, R: 0 };

describe('balancedCounts', () => {
  it('gives equal thirds when every side offers enough', () => {
    expect(balancedCounts({ L: 50, C: 50, R: 50 }, none, 60)).toEqual({ L: 20, C: 20, R: 20 });
  });

  it('lets the scarce side hold 25 % and the others share the rest, up to 40 % each', () => {
    expect(balancedCounts({ L: 100, C: 100, R: 5 }, none, 100)).toEqual({ L: 8, C: 7, R: 5 });
    expect(balancedCounts({ L: 100, C: 6, R: 6 }, none, 100)).toEqual({ L: 8, C: 6, R: 6 });
  });

  it('keeps what a side already holds (wire services), and stays within the bounds', () => {
    const counts = balancedCounts({ L: 40, C: 40, R: 40 }, { L: 0, C: 9, R: 0 }, 24)!;
    expect(counts.C).toBeGreaterThanOrEqual(9);
    expect(counts.C / (counts.L + counts.C + counts.R)).toBeLessThanOrEqual(0.4);
  });

  it('is null when a side has no rated feed at all', () => {
    expect(balancedCounts({ L: 30, C: 30, R: 0 }, none, 80)).toBeNull();
  });
});

/** Where a story's sources are from: each outlet once, shares of the known countries adding up to 100. */
import { describe, expect, it } from 'vitest';
import { countryShares } from '../../../../src/core/story-page';
import { coverage } from '../../support/coverage-item';

describe('countryShares', () => {
  it('counts an outlet once however many articles it ran, largest share first, whole percents adding up to 100', () => {
    const shares = countryShares([
      coverage('a1', 'x', { outlet: 'cnn', country: 'US' }),
      coverage('a2', 'x', { outlet: 'cnn', country: 'US' }),
      coverage('a3', 'x', { outlet: 'cnn', country: 'US' }),
      coverage('b', 'x', { outlet: 'fox', country: 'us' }),
      coverage('c', 'x', { outlet: 'bbc', country: 'GB' }),
      coverage('d', 'x', { outlet: 'nhk', country: 'JP' }),
      coverage('e', 'x', { outlet: 'blog', country: null }),
    ]);
    expect(shares.shares).toEqual([
      { country: 'US', sources: 2, percent: 50 },
      { country: 'GB', sources: 1, percent: 25 },
      { country: 'JP', sources: 1, percent: 25 },
    ]);
    expect(shares.known).toBe(4);
    expect(shares.unknown).toBe(1);
  });

  it('rounds so the shares still add up to 100 (thirds), ties by code', () => {
    const shares = countryShares([
      coverage('a', 'x', { outlet: 'a', country: 'FR' }),
      coverage('b', 'x', { outlet: 'b', country: 'DE' }),
      coverage('c', 'x', { outlet: 'c', country: 'IT' }),
    ]).shares;
    expect(shares.map((s) => s.country)).toEqual(['DE', 'FR', 'IT']);
    expect(shares.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
  });

  it('leaves hidden outlets out, and has no shares when no country is known', () => {
    expect(countryShares([coverage('a', 'x', { country: 'US', hidden: true })]).shares).toEqual([]);
    expect(countryShares([coverage('a', 'x')])).toEqual({ shares: [], known: 0, unknown: 1 });
  });
});

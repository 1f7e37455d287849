import { describe, expect, it } from 'vitest';
import { blindspot, firstReported, groupBySide, leanDistribution, percentages, type CoverageItem } from '../../../src/core/coverage';
import type { Lean7, LeanSide } from '../../../src/core/types';

const SIDE: Record<Lean7, LeanSide> = {
  'far-left': 'L',
  left: 'L',
  'lean-left': 'L',
  center: 'C',
  'lean-right': 'R',
  right: 'R',
  'far-right': 'R',
};

function item(outletId: string | null, lean: Lean7 | null, extra: Partial<CoverageItem> = {}): CoverageItem {
  return {
    articleId: `${outletId}-${Math.random()}`,
    url: 'https://example.com/',
    title: 't',
    published: 0,
    outletId,
    outletName: outletId ?? 'Unknown',
    lean,
    side: lean ? SIDE[lean] : null,
    preferred: false,
    hidden: false,
    country: null,
    ...extra,
  };
}

describe('percentages', () => {
  it('always add to 100 for any rated mix', () => {
    for (let l = 0; l < 12; l++)
      for (let c = 0; c < 12; c++)
        for (let r = 0; r < 12; r++) {
          if (l + c + r === 0) continue;
          const p = percentages({ L: l, C: c, R: r });
          expect(p.L + p.C + p.R).toBe(100);
          for (const side of ['L', 'C', 'R'] as const)
            expect(Math.abs(p[side] - ({ L: l, C: c, R: r }[side] * 100) / (l + c + r))).toBeLessThan(1);
        }
  });
  it('gives thirds as 34/33/33, not 33/33/33', () => {
    expect(percentages({ L: 1, C: 1, R: 1 })).toEqual({ L: 34, C: 33, R: 33 });
  });
  it('is all zero when nothing is rated', () => {
    expect(percentages({ L: 0, C: 0, R: 0 })).toEqual({ L: 0, C: 0, R: 0 });
  });
});

describe('leanDistribution', () => {
  it('counts each outlet once, keeps unrated apart, and folds the 7-point scale', () => {
    const d = leanDistribution([
      item('guardian', 'lean-left'),
      item('guardian', 'lean-left'),
      item('jacobin', 'far-left'),
      item('reuters', 'center'),
      item('fox', 'right'),
      item(null, null),
      item('france24', null),
    ]);
    expect(d.counts).toEqual({ L: 2, C: 1, R: 1 });
    expect(d.percent).toEqual({ L: 50, C: 25, R: 25 });
    expect(d.detail['far-left']).toBe(1);
    expect(d.detail['lean-left']).toBe(1);
    expect(d.unrated).toBe(2);
    expect(d.rated).toBe(4);
    expect(d.sources).toBe(6);
  });
  it('excludes hidden outlets from counts and percentages', () => {
    const d = leanDistribution([item('a', 'left'), item('b', 'center'), item('c', 'right', { hidden: true })]);
    expect(d.counts).toEqual({ L: 1, C: 1, R: 0 });
    expect(d.percent).toEqual({ L: 50, C: 50, R: 0 });
    expect(d.sources).toBe(2);
  });
});

describe('blindspot', () => {
  const many = (lean: Lean7, n: number, prefix: string) => Array.from({ length: n }, (_, i) => item(`${prefix}${i}`, lean));
  it('flags the side with 10% or less of at least 6 rated sources', () => {
    expect(blindspot(leanDistribution([...many('left', 5, 'l'), ...many('center', 5, 'c')]))).toEqual({ side: 'R', percent: 0 });
    expect(blindspot(leanDistribution([...many('right', 9, 'r'), item('x', 'left')]))).toEqual({ side: 'L', percent: 10 });
  });
  it('does not flag small or balanced stories', () => {
    expect(blindspot(leanDistribution([...many('left', 3, 'l'), ...many('center', 2, 'c')]))).toBeNull();
    expect(blindspot(leanDistribution([...many('left', 3, 'l'), ...many('center', 3, 'c'), ...many('right', 3, 'r')]))).toBeNull();
  });
});

describe('grouping and first reported', () => {
  it('puts preferred outlets first, then newest, and leaves hidden out', () => {
    const groups = groupBySide([
      item('a', 'left', { published: 1 }),
      item('b', 'left', { published: 3 }),
      item('c', 'left', { published: 2, preferred: true }),
      item('d', 'left', { published: 9, hidden: true }),
      item('e', null),
    ]);
    expect(groups.L.map((i) => i.outletId)).toEqual(['c', 'b', 'a']);
    expect(groups.unrated.map((i) => i.outletId)).toEqual(['e']);
  });
  it('names the earliest visible article as first', () => {
    const first = firstReported([
      item('a', 'left', { published: 5 }),
      item('b', 'right', { published: 2, hidden: true }),
      item('c', 'center', { published: 3 }),
    ]);
    expect(first?.outletId).toBe('c');
  });
});

/** The timeline's dots: bounded for big stories, one row per lean, every article counted once. */
import { describe, expect, it } from 'vitest';
import type { CoverageItem } from '../../../../src/core/coverage';
import { timelineDots } from '../../../../src/ui/popup/Timeline';

const T0 = Date.UTC(2026, 0, 16, 0);
const HOUR = 3_600_000;

function item(i: number, side: 'L' | 'C' | 'R' | null, hours: number): CoverageItem {
  return {
    articleId: `a${i}`,
    url: `https://example.org/${i}`,
    title: `Headline ${i}`,
    published: T0 + hours * HOUR,
    outletId: `o${i}`,
    outletName: `Outlet ${i}`,
    lean: side === null ? null : side === 'L' ? 'left' : side === 'C' ? 'center' : 'right',
    side,
    preferred: false,
    hidden: false,
    country: null,
  };
}

describe('timelineDots', () => {
  it('draws a 400-article story with at most one dot per bin and side, counting every article', () => {
    const sides = ['L', 'C', 'R', null] as const;
    const items = Array.from({ length: 400 }, (_, i) => item(i, sides[i % 4], (i * 36) / 400));
    const layout = timelineDots(items)!;
    expect(layout.dots.length).toBeLessThanOrEqual(4 * (Math.ceil(344 / 6) + 1));
    expect(layout.dots.reduce((sum, dot) => sum + dot.outlets.length, 0)).toBe(400);
    expect(new Set(layout.dots.map((dot) => `${dot.side}:${dot.x}`)).size).toBe(layout.dots.length);
    expect(layout.start).toBe(T0);
    expect(layout.end).toBe(T0 + (399 * 36 * HOUR) / 400);
  });

  it('keeps articles of different times and sides apart, earliest first', () => {
    const layout = timelineDots([item(1, 'R', 10), item(2, 'L', 0), item(3, 'L', 0.001)])!;
    expect(layout.dots.map((dot) => [dot.side, dot.outlets])).toEqual([
      ['L', ['Outlet 2', 'Outlet 3']],
      ['R', ['Outlet 1']],
    ]);
    expect(layout.dots[0].x).toBeLessThan(layout.dots[1].x);
  });

  it('draws nothing for fewer than two dated articles', () => {
    expect(timelineDots([item(1, 'C', 0)])).toBeNull();
    expect(timelineDots([item(1, 'C', 0), { ...item(2, 'C', 0), published: Number.NaN }])).toBeNull();
  });
});

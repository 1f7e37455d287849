/**
 * The balance rule of a starter set: how many rated feeds each side (Left incl. lean left, Center,
 * Right incl. lean right) gets so that each holds between 25 % and 40 % of the rated feeds, with as
 * many rated feeds as the edition offers up to a budget.
 */
import type { LeanSide } from '../types';

export const SIDES: readonly LeanSide[] = ['L', 'C', 'R'];
export const SHARE_MIN = 0.25;
export const SHARE_MAX = 0.4;

export type SideCounts = Record<LeanSide, number>;

/**
 * The per-side counts: the largest rated total T ≤ `budget` for which every side can hold between
 * ⌈25 % T⌉ and ⌊40 % T⌋ feeds within what it `offers` and no fewer than it already `holds` (wire
 * services, taken first); from those lower bounds, feeds go one at a time to the side holding fewest.
 * Null when no total of at least three feeds can be balanced (a side has no rated feed).
 */
export function balancedCounts(offers: SideCounts, holds: SideCounts, budget: number): SideCounts | null {
  const most = Math.min(budget, offers.L + offers.C + offers.R);
  for (let total = most; total >= 3; total--) {
    const low = Math.ceil(SHARE_MIN * total - 1e-9);
    const high = Math.floor(SHARE_MAX * total + 1e-9);
    const counts = { L: 0, C: 0, R: 0 };
    let feasible = true;
    for (const side of SIDES) {
      const min = Math.max(low, holds[side]);
      const max = Math.min(high, offers[side]);
      if (min > max) feasible = false;
      counts[side] = min;
    }
    if (!feasible) continue;
    let left = total - counts.L - counts.C - counts.R;
    if (left < 0) continue;
    while (left > 0) {
      const open = SIDES.filter((side) => counts[side] < Math.min(high, offers[side]));
      if (open.length === 0) break;
      const side = open.reduce((best, s) => (counts[s] < counts[best] ? s : best));
      counts[side]++;
      left--;
    }
    if (left === 0) return counts;
  }
  return null;
}

/** A coverage item for tests: an article of outlet `outlet` on `side`, published `minutes` after a fixed hour. */
import type { CoverageItem } from '../../../src/core/coverage';
import type { LeanSide } from '../../../src/core/types';

const LEAN = { L: 'left', C: 'center', R: 'right' } as const;
export const T0 = Date.UTC(2026, 0, 16, 0, 0);

export function coverage(
  id: string,
  title: string,
  options: { outlet?: string; side?: LeanSide | null; minutes?: number; country?: string | null; hidden?: boolean } = {},
): CoverageItem {
  const outlet = options.outlet ?? id;
  const side = options.side === undefined ? 'C' : options.side;
  return {
    articleId: id,
    url: `https://${outlet}.example/${id}`,
    title,
    published: T0 + (options.minutes ?? 0) * 60_000,
    outletId: outlet,
    outletName: outlet.toUpperCase(),
    lean: side ? LEAN[side] : null,
    side,
    preferred: false,
    hidden: options.hidden ?? false,
    country: options.country ?? null,
  };
}

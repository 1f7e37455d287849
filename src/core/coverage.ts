/**
 * Coverage statistics of one story: the lean distribution of its rated sources, the coverage grouped
 * by lean, who reported first, and the blindspot. Pure: the caller resolves outlets and preferences.
 */
import type { LeanSide, Lean7 } from './types';
import { wholePercents } from './percent';

export interface CoverageItem {
  articleId: string;
  url: string;
  title: string;
  /** Epoch ms. */
  published: number;
  outletId: string | null;
  outletName: string;
  /** Lean after the reader's override, or null when the outlet is unrated. */
  lean: Lean7 | null;
  side: LeanSide | null;
  preferred: boolean;
  hidden: boolean;
  /** The outlet's country (ISO 3166-1 alpha-2) when the catalogue gives it. */
  country: string | null;
}

export interface LeanDistribution {
  /** Distinct rated sources per side (an outlet with several articles counts once). */
  counts: Record<LeanSide, number>;
  /** Whole percentages of the rated sources; they add to 100 when any source is rated, else all 0. */
  percent: Record<LeanSide, number>;
  /** Distinct sources per point of the 7-point scale. */
  detail: Record<Lean7, number>;
  rated: number;
  unrated: number;
  /** Distinct sources shown (hidden ones excluded). */
  sources: number;
}

export const SIDES: readonly LeanSide[] = ['L', 'C', 'R'];

/**
 * Largest-remainder rounding: whole percentages that always add to exactly 100, so the bar and the
 * labels never disagree (plain rounding gives 33+33+33 = 99).
 */
export function percentages(counts: Record<LeanSide, number>): Record<LeanSide, number> {
  const [L, C, R] = wholePercents(SIDES.map((side) => counts[side]));
  return { L, C, R };
}

/** One source per outlet (or per publisher name when the outlet is unknown). */
function sourceKey(item: CoverageItem): string {
  return item.outletId ?? `name:${item.outletName.toLowerCase()}`;
}

export function leanDistribution(items: readonly CoverageItem[]): LeanDistribution {
  const seen = new Map<string, CoverageItem>();
  for (const item of items) if (!item.hidden && !seen.has(sourceKey(item))) seen.set(sourceKey(item), item);
  const counts: Record<LeanSide, number> = { L: 0, C: 0, R: 0 };
  const detail: Record<Lean7, number> = {
    'far-left': 0,
    left: 0,
    'lean-left': 0,
    center: 0,
    'lean-right': 0,
    right: 0,
    'far-right': 0,
  };
  let unrated = 0;
  for (const item of seen.values()) {
    if (item.side && item.lean) {
      counts[item.side] += 1;
      detail[item.lean] += 1;
    } else unrated += 1;
  }
  const rated = counts.L + counts.C + counts.R;
  return { counts, percent: percentages(counts), detail, rated, unrated, sources: seen.size };
}

export interface Blindspot {
  /** The side that is nearly absent. */
  side: LeanSide;
  /** Share of the rated sources that side has, in percent. */
  percent: number;
}

/** Blindspot rule, stated to the reader in the popup: see BLINDSPOT_MIN_RATED and BLINDSPOT_MAX_SHARE. */
export const BLINDSPOT_MIN_RATED = 6;
export const BLINDSPOT_MAX_SHARE = 10;

/**
 * A story is a blindspot for one wing when it has at least BLINDSPOT_MIN_RATED rated sources and the
 * left or the right has at most BLINDSPOT_MAX_SHARE percent of them. Center is never a blindspot: the
 * question readers ask is whether one side of the spectrum is ignoring a story.
 */
export function blindspot(dist: LeanDistribution): Blindspot | null {
  if (dist.rated < BLINDSPOT_MIN_RATED) return null;
  const candidates = (['L', 'R'] as const)
    .map((side) => ({ side, percent: (dist.counts[side] * 100) / dist.rated }))
    .filter((c) => c.percent <= BLINDSPOT_MAX_SHARE)
    .sort((a, b) => a.percent - b.percent);
  const worst = candidates[0];
  return worst ? { side: worst.side, percent: Math.round(worst.percent) } : null;
}

/** Visible items ordered for display: preferred outlets first, then newest first. */
export function orderCoverage(items: readonly CoverageItem[]): CoverageItem[] {
  return items
    .filter((i) => !i.hidden)
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.published - a.published || a.articleId.localeCompare(b.articleId));
}

export function groupBySide(items: readonly CoverageItem[]): Record<LeanSide | 'unrated', CoverageItem[]> {
  const groups: Record<LeanSide | 'unrated', CoverageItem[]> = { L: [], C: [], R: [], unrated: [] };
  for (const item of orderCoverage(items)) groups[item.side ?? 'unrated'].push(item);
  return groups;
}

/** The earliest visible article: who broke the story. */
export function firstReported(items: readonly CoverageItem[]): CoverageItem | null {
  let first: CoverageItem | null = null;
  for (const item of items) {
    if (item.hidden || !Number.isFinite(item.published)) continue;
    if (!first || item.published < first.published) first = item;
  }
  return first;
}

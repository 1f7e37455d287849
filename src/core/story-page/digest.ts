/**
 * A story in brief, as the stories list and "related stories" show it: its headline, how many sources and
 * original reports, its Left / Center / Right counts, its blindspot, and when it ran.
 */
import { blindspot, leanDistribution, type CoverageItem } from '../coverage';
import { representativeHeadline } from '../story-view';
import type { LeanSide } from '../types';
import { groupReposts } from './reposts';

export interface StoryDigest {
  id: string;
  headline: string;
  sources: number;
  originals: number;
  /** Distinct rated sources per side, and their whole percentages. */
  counts: Record<LeanSide, number>;
  percent: Record<LeanSide, number>;
  /** The side nearly absent from the original reports, or null. */
  blindspot: LeanSide | null;
  /** Epoch ms of the first and the last visible article. */
  firstAt: number;
  lastAt: number;
}

/** Epoch ms of the first and the last of `items`. */
export function publishedSpan(items: readonly Pick<CoverageItem, 'published'>[]): { firstAt: number; lastAt: number } {
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (const item of items) {
    firstAt = Math.min(firstAt, item.published);
    lastAt = Math.max(lastAt, item.published);
  }
  return { firstAt, lastAt };
}

/** The digest of one story from its articles' coverage items (hidden outlets left out); null when none is visible. */
export function digestStory(id: string, items: readonly CoverageItem[]): StoryDigest | null {
  const visible = items.filter((i) => !i.hidden);
  if (visible.length === 0) return null;
  const distribution = leanDistribution(visible);
  const originals = groupReposts(visible).map((g) => g.original);
  const originalDistribution = leanDistribution(originals);
  const { firstAt, lastAt } = publishedSpan(visible);
  return {
    id,
    headline: representativeHeadline(visible.map((i) => i.title)),
    sources: distribution.sources,
    originals: originalDistribution.sources,
    counts: distribution.counts,
    percent: distribution.percent,
    blindspot: blindspot(originalDistribution)?.side ?? null,
    firstAt,
    lastAt,
  };
}

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

/**
 * A short signature of a text: two FNV-1a hashes from different starting states, so that two texts
 * giving one signature are very unlikely.
 */
export function textSignature(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return `${a.toString(36)}.${b.toString(36)}`;
}

/**
 * What a story's digest is computed from, besides the outlets, ratings and preferences: its member
 * articles, in any order. Articles are only ever added to the index or removed, never changed, so the
 * same members give the same digest.
 */
export function membersSignature(articleIds: readonly string[]): string {
  return `${articleIds.length}.${textSignature([...articleIds].sort().join('\n'))}`;
}

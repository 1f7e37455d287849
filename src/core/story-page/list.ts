/** The stories page's list: stories by number of sources, filtered by blindspot, by side and by words. */
import type { LeanSide } from '../types';
import type { StoryDigest } from './digest';

export interface StoryFilter {
  /** Only blindspots. */
  blindspots: boolean;
  /** Only stories whose coverage comes mostly from this side (its share is the largest). */
  side: LeanSide | null;
  /** Words that must all appear in the headline (case and accents ignored). */
  query: string;
}

export const NO_FILTER: StoryFilter = { blindspots: false, side: null, query: '' };

/** Lower case without accents, for matching what a reader types. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function mostlyFrom(story: StoryDigest, side: LeanSide): boolean {
  const { L, C, R } = story.counts;
  return story.counts[side] > 0 && story.counts[side] === Math.max(L, C, R);
}

/** Most sources first, then the most recent, then the id: the same list for the same index. */
export function byCoverage(a: StoryDigest, b: StoryDigest): number {
  return b.sources - a.sources || b.lastAt - a.lastAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The stories that pass `filter`, in `byCoverage` order (the input is expected sorted so already). */
export function filterStories(stories: readonly StoryDigest[], filter: StoryFilter): StoryDigest[] {
  const words = foldText(filter.query)
    .split(/[\s,]+/u)
    .filter((w) => w.length > 0);
  return stories.filter((story) => {
    if (filter.blindspots && story.blindspot === null) return false;
    if (filter.side && !mostlyFrom(story, filter.side)) return false;
    if (words.length === 0) return true;
    const headline = foldText(story.headline);
    return words.every((w) => headline.includes(w));
  });
}

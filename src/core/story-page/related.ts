/**
 * Related stories: other stories of the same days that share key names or terms with a story. Shared
 * terms are weighted by how rare they are among the stories (sharing "Hegseth" says more than sharing
 * "says"), and two shared terms are the least that makes a relation.
 */
import type { StoryDigest } from './digest';

export const RELATED_MAX = 5;
export const RELATED_MIN_SHARED_TERMS = 2;

export interface RelatedIndex {
  /** Stories using each key term. */
  byTerm: Map<string, StoryDigest[]>;
  /** How many stories the index holds. */
  size: number;
}

export function relatedIndex(stories: readonly StoryDigest[]): RelatedIndex {
  const byTerm = new Map<string, StoryDigest[]>();
  for (const story of stories) {
    for (const term of story.terms) {
      const list = byTerm.get(term);
      if (list) list.push(story);
      else byTerm.set(term, [story]);
    }
  }
  return { byTerm, size: stories.length };
}

/**
 * Up to `max` stories of the index related to one with `terms` (the story itself, `id`, left out),
 * strongest first; ties go to the story with more sources, then the later one, then the id.
 */
export function relatedStories(id: string, terms: readonly string[], index: RelatedIndex, max = RELATED_MAX): StoryDigest[] {
  const scores = new Map<StoryDigest, { score: number; shared: number }>();
  for (const term of new Set(terms)) {
    const users = index.byTerm.get(term);
    if (!users) continue;
    const weight = Math.log((index.size + 1) / users.length);
    for (const story of users) {
      if (story.id === id) continue;
      const entry = scores.get(story) ?? { score: 0, shared: 0 };
      entry.score += weight;
      entry.shared += 1;
      scores.set(story, entry);
    }
  }
  return [...scores]
    .filter(([, s]) => s.shared >= RELATED_MIN_SHARED_TERMS)
    .sort(([a, sa], [b, sb]) => sb.score - sa.score || b.sources - a.sources || b.lastAt - a.lastAt || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map(([story]) => story);
}

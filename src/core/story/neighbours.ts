/**
 * Related stories from the engine's own memory: the stories of nearby days that share characteristic
 * terms with a story. A story's characteristic terms are those most of its articles use, weighted by
 * rarity (sharing "Hegseth" says more than sharing "says"); another story shares one when enough of its
 * own articles use it too, and two shared terms are the least that makes a relation. Reads no article:
 * the story pages ask for it without reading a window of the index.
 */
import type { StoryStore } from './story-store';
import type { Vocabulary } from './vocabulary';

export const RELATED_MAX = 5;
export const RELATED_MIN_SHARED_TERMS = 2;
/** Characteristic terms of the story compared. */
export const RELATED_TERMS = 8;
/** Share of a story's articles that must use a term for the story to share it. */
export const RELATED_MIN_SHARE = 0.2;

export interface NeighbourWindow {
  /** Epoch ms: only stories with an article within [from, to]. */
  from: number;
  to: number;
  max?: number;
}

/** The story's RELATED_TERMS characteristic terms (share of its articles × IDF), strongest first. */
function characteristicTerms(stories: StoryStore, vocabulary: Vocabulary, story: number): { term: number; idf: number }[] {
  const size = stories.members[story].length;
  const terms: { term: number; idf: number; strength: number }[] = [];
  for (const [term, sum] of stories.weightsOf(story)) {
    const idf = vocabulary.idf(term);
    if (sum / size >= RELATED_MIN_SHARE && idf > 0) terms.push({ term, idf, strength: (sum / size) * idf });
  }
  terms.sort((a, b) => b.strength - a.strength || a.term - b.term);
  return terms.slice(0, RELATED_TERMS);
}

/**
 * Slots of up to `max` stories related to `story`, strongest first; ties go to the story with more
 * articles, then the later one, then the id.
 */
export function neighbourStories(stories: StoryStore, vocabulary: Vocabulary, story: number, window: NeighbourWindow): number[] {
  const scores = new Map<number, { score: number; shared: number }>();
  for (const { term, idf } of characteristicTerms(stories, vocabulary, story)) {
    const posting = stories.posting(term);
    const seen = new Set<number>();
    for (let k = 0; k < posting.length; k++) {
      const other = posting[k];
      // Postings may name a story twice or one merged away (emptied): each counts once, live ones only.
      if (other === story || seen.has(other)) continue;
      seen.add(other);
      const size = stories.members[other]?.length ?? 0;
      if (size === 0 || stories.last[other] < window.from || stories.first[other] > window.to) continue;
      if ((stories.weightsOf(other).get(term) ?? 0) / size < RELATED_MIN_SHARE) continue;
      const entry = scores.get(other) ?? { score: 0, shared: 0 };
      entry.score += idf;
      entry.shared += 1;
      scores.set(other, entry);
    }
  }
  const ids = stories.ids;
  return [...scores]
    .filter(([, s]) => s.shared >= RELATED_MIN_SHARED_TERMS)
    .sort(
      ([a, sa], [b, sb]) =>
        sb.score - sa.score ||
        stories.members[b].length - stories.members[a].length ||
        stories.last[b] - stories.last[a] ||
        (ids[a] < ids[b] ? -1 : 1),
    )
    .slice(0, window.max ?? RELATED_MAX)
    .map(([slot]) => slot);
}

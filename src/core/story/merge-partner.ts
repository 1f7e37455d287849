/**
 * The merge decision at the end of a story's period (StoryEngine's revision walk): which story, if any,
 * a closed story merges with.
 */
import { type EngineOptions, MERGE_MIN_SHARED_TERMS, MERGE_MIN_SIZE, MERGE_PROBE_TERMS, NO_STORY } from './options';
import type { StoryScoring } from './scoring';
import type { StoryStore } from './story-store';
import type { Vocabulary } from './vocabulary';

/** The engine parts the decision reads; it changes none. */
export interface MergeContext {
  readonly options: EngineOptions;
  /** Stories whose time span is further than this from another cannot reach the thresholds. */
  readonly windowMs: number;
  readonly stories: StoryStore;
  readonly vocabulary: Vocabulary;
  readonly scoring: StoryScoring;
}

/**
 * The merge decision at the end of a story's period: the story whose centroid is most similar to
 * `story`'s (at least `mergeThreshold`), both of at least MERGE_MIN_SIZE articles, sharing
 * MERGE_MIN_SHARED_TERMS terms that characterise both, and their cores within one period together, or
 * NO_STORY. Candidates are gathered through the postings of the story's
 * strongest terms only (cheap; a story that shares none of them is not a fragment of the same event).
 */
export function closestMergePartner({ options, windowMs, stories, vocabulary, scoring }: MergeContext, story: number): number {
  const size = stories.members[story].length;
  if (size < MERGE_MIN_SIZE) return NO_STORY;
  const strongest = [...stories.weightsOf(story)]
    .map(([id, weight]) => ({ id, weight: (weight / size) * vocabulary.idf(id) }))
    .sort((x, y) => y.weight - x.weight || x.id - y.id)
    .slice(0, MERGE_PROBE_TERMS);
  const low = stories.coreFirst(story);
  const high = stories.coreLast(story);
  const first = stories.first[story];
  const last = stories.last[story];
  const seen = new Set<number>();
  let best = NO_STORY;
  let bestScore = options.mergeThreshold;
  for (const { id } of strongest) {
    const posting = stories.posting(id);
    for (let p = posting.length - 1; p >= 0; p--) {
      const other = posting[p];
      if (other === story || seen.has(other)) continue;
      const otherFirst = stories.first[other];
      if (otherFirst > first + windowMs) continue;
      if (otherFirst < last - windowMs) {
        if (otherFirst < last - 2 * windowMs) break;
        continue;
      }
      seen.add(other);
      if (stories.members[other].length < MERGE_MIN_SIZE || !stories.weightsOf(other).has(id)) continue;
      // One event's articles all lie within one coverage period; a union that does not fit is two events.
      // The core of each story is used, so that one stray member cannot block or allow a merge.
      if (Math.max(high, stories.coreLast(other)) - Math.min(low, stories.coreFirst(other)) > options.storySpanMs) continue;
      const score = scoring.centroidCosine(story, other);
      if (score < bestScore || !scoring.shareCharacteristicTerms(story, other, MERGE_MIN_SHARED_TERMS)) continue;
      if (score > bestScore || (score === bestScore && best !== NO_STORY && other < best)) {
        best = other;
        bestScore = score;
      }
    }
  }
  return best;
}

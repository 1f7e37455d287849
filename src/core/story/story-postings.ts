/**
 * The stories' inverted index as a snapshot stores it, term → story slots, built from the stories' term
 * lists when a snapshot lacks it.
 */

/**
 * Term → story slots, from the stories' term lists, each list in `order`: the stories by their earliest
 * article (storiesInTimeOrder), which the candidate walk relies on.
 */
export function invertStoryTerms(
  offsets: Uint32Array,
  termIds: Uint32Array,
  termCount: number,
  order: readonly number[],
): { offsets: Uint32Array; stories: Uint32Array } {
  const starts = new Uint32Array(termCount + 1);
  for (let k = 0; k < termIds.length; k++) starts[termIds[k] + 1]++;
  for (let t = 0; t < termCount; t++) starts[t + 1] += starts[t];
  const fill = starts.slice(0, termCount);
  const stories = new Uint32Array(termIds.length);
  for (const story of order) {
    for (let k = offsets[story]; k < offsets[story + 1]; k++) stories[fill[termIds[k]]++] = story;
  }
  return { offsets: starts, stories };
}

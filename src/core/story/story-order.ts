/**
 * The order posting lists keep stories in: by their earliest article (ties: lower slot first). The
 * candidate search walks a list newest first and stops at the first story too old to reach, which holds
 * only while the lists are in this order (story-store.ts builds them so; snapshot.ts derives a stored
 * snapshot's postings the same way).
 */
export function storiesInTimeOrder(stories: number[], earliest: (story: number) => number): number[] {
  const first = new Float64Array(stories.length);
  for (let i = 0; i < stories.length; i++) first[i] = earliest(stories[i]);
  const order = stories.map((_, i) => i);
  order.sort((a, b) => first[a] - first[b] || stories[a] - stories[b]);
  return order.map((i) => stories[i]);
}

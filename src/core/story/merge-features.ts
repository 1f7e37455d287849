/**
 * What two stories have in common, as the numbers the merge model weighs: how close their centroids are,
 * how much of that closeness is left without the one term they share most (two stories held together by
 * one word, "Samsung" or "Twitter", are two events), how many characteristic terms and names they share,
 * and how large and tight each is. One pass over the smaller story's terms.
 */
import { CHARACTERISTIC_SHARE, TERM_PHRASE, type StoryTerms } from './pair-features';

/** A story with the figures the engine caches for it. */
export interface StoryShape extends StoryTerms {
  /** Centroid norm in IDF space. */
  norm: number;
  cohesion: number;
  /** Σ S_t²·idf² and Σ S_t·idf² over the story's summed term weights S (see the story store). */
  squares: number;
  linear: number;
}

export const MERGE_FEATURE_NAMES = [
  'cosine',
  'logCosine',
  'residualCosine',
  'strongestShare',
  'characteristic',
  'names',
  'logSmaller',
  'logLarger',
  'cohesionSmaller',
  'cohesionLarger',
  'outletOverlap',
  'unionCohesion',
] as const;

export const MERGE_FEATURE_COUNT = MERGE_FEATURE_NAMES.length;

/**
 * Writes the features of two stories into `out` (length MERGE_FEATURE_COUNT). `decay` is the time factor
 * of their union (1 while it fits one coverage period). Returns the decayed centroid cosine.
 */
export function mergeFeatures(
  a: StoryShape,
  b: StoryShape,
  idf: ArrayLike<number>,
  kind: ArrayLike<number>,
  decay: number,
  outletOverlap: number,
  out: Float64Array,
): number {
  const [small, large] = a.size < b.size || (a.size === b.size && a.weights.size <= b.weights.size) ? [a, b] : [b, a];
  const smallMinimum = CHARACTERISTIC_SHARE * small.size;
  const largeMinimum = CHARACTERISTIC_SHARE * large.size;
  let dot = 0;
  let strongest = 0;
  let characteristic = 0;
  let names = 0;
  for (const [id, sum] of small.weights) {
    const other = large.weights.get(id);
    if (other === undefined) continue;
    const contribution = (sum / small.size) * (other / large.size) * idf[id] * idf[id];
    dot += contribution;
    if (contribution > strongest) strongest = contribution;
    if (sum >= smallMinimum && other >= largeMinimum) {
      characteristic++;
      if (kind[id] === TERM_PHRASE) names++;
    }
  }
  const norms = small.norm * large.norm;
  const cosine = norms === 0 ? 0 : Math.min(1, dot / norms) * decay;
  out[0] = cosine;
  out[1] = Math.log(Math.max(cosine, 1e-3));
  out[2] = norms === 0 ? 0 : Math.min(1, (dot - strongest) / norms) * decay;
  out[3] = dot === 0 ? 0 : strongest / dot;
  out[4] = Math.min(8, characteristic);
  out[5] = Math.min(4, names);
  out[6] = Math.log1p(small.size);
  out[7] = Math.log1p(large.size);
  out[8] = small.cohesion;
  out[9] = large.cohesion;
  // Share of the smaller story's outlets that also wrote in the larger one: an outlet usually covers an
  // event once, so fragments of one event have different outlets, and two events of one topic the same.
  out[10] = outletOverlap;
  // How tight the merged story would be, relative to its parts (their cohesion weighted by size): two
  // events merged make a story whose articles agree with its centroid less than each part's did.
  const size = small.size + large.size;
  const unionSquares = small.squares + large.squares + 2 * dot * small.size * large.size;
  const unionLinear = small.linear + large.linear;
  const unionCohesion = unionLinear <= 0 ? 1 : Math.min(1, Math.sqrt(Math.max(0, unionSquares)) / Math.sqrt(unionLinear * size));
  const partsCohesion = (small.cohesion * small.size + large.cohesion * large.size) / size;
  out[11] = partsCohesion === 0 ? 1 : Math.min(1.5, unionCohesion / partsCohesion);
  return cosine;
}

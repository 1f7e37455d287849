/**
 * Coherent stories: a story whose articles hold together only through one term is two events or more
 * ("Twitter" joining Turkey's ban of Twitter and Twitter's eighth birthday; "Samsung" joining a profit
 * warning and a phone launch), and is split.
 *
 * Within a story, two articles are linked when they are near neighbours (the refinement's kNN graph) and
 * share a term other than the story's most common one. The linked groups (connected components) are the
 * story's parts: the largest keeps the story; every other part of at least `minPart` articles and
 * `minShare` of the story becomes a story of its own. Articles linked to no part stay where they are (one
 * headline is no evidence of a second event).
 *
 * Pure and deterministic: typed arrays in, labels out.
 */
import type { NeighbourGraph, RefineInput } from './refine-graph';

export interface CoherenceOptions {
  /** Smallest part split off, in articles. */
  minPart: number;
  /** Smallest part split off, as a share of the story. */
  minShare: number;
  /** Stories smaller than this are left whole. */
  minStory: number;
  /** Terms besides the story's most common one that two neighbours must share to be linked. */
  sharedTerms: number;
}

export const DEFAULT_COHERENCE_OPTIONS: CoherenceOptions = { minPart: 4, minShare: 0.1, minStory: 8, sharedTerms: 1 };

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root];
  while (parent[x] !== root) {
    const next = parent[x];
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Whether articles i and j share `needed` terms other than `skip` (term lists are short: a plain double loop). */
function shareOtherTerms(input: RefineInput, i: number, j: number, skip: number, needed: number): boolean {
  const { termOffsets, termIds } = input;
  let shared = 0;
  for (let a = termOffsets[i]; a < termOffsets[i + 1]; a++) {
    const term = termIds[a];
    if (term === skip) continue;
    for (let b = termOffsets[j]; b < termOffsets[j + 1]; b++) {
      if (termIds[b] === term) {
        if (++shared >= needed) return true;
        break;
      }
    }
  }
  return false;
}

/**
 * Labels with the incoherent stories split: parts split off get new labels from `nextLabel` upwards.
 * `labels` are the articles' stories (same order as `input`), `graph` their nearest neighbours.
 */
export function splitIncoherentStories(
  input: RefineInput,
  labels: Int32Array,
  graph: NeighbourGraph,
  nextLabel: number,
  options: Partial<CoherenceOptions> = {},
): { labels: Int32Array; created: number } {
  const settings = { ...DEFAULT_COHERENCE_OPTIONS, ...options };
  const articles = labels.length;
  const out = Int32Array.from(labels);
  const byStory = new Map<number, number[]>();
  for (let i = 0; i < articles; i++) {
    let list = byStory.get(labels[i]);
    if (!list) byStory.set(labels[i], (list = []));
    list.push(i);
  }
  const termCount = new Int32Array(input.idf.length);
  const parent = new Int32Array(articles);
  for (let i = 0; i < articles; i++) parent[i] = i;
  let created = 0;
  const stories = [...byStory.keys()].sort((a, b) => a - b);
  for (const story of stories) {
    const members = byStory.get(story) ?? [];
    if (members.length < settings.minStory) continue;
    // The story's most common term (ties: the lower id).
    let top = -1;
    for (const i of members) {
      for (let t = input.termOffsets[i]; t < input.termOffsets[i + 1]; t++) {
        const term = input.termIds[t];
        termCount[term]++;
        if (top < 0 || termCount[term] > termCount[top] || (termCount[term] === termCount[top] && term < top)) top = term;
      }
    }
    for (const i of members) for (let t = input.termOffsets[i]; t < input.termOffsets[i + 1]; t++) termCount[input.termIds[t]] = 0;
    for (const i of members) {
      for (let s = i * graph.k; s < i * graph.k + graph.count[i]; s++) {
        const j = graph.index[s];
        if (labels[j] !== story || !shareOtherTerms(input, i, j, top, settings.sharedTerms)) continue;
        const a = find(parent, i);
        const b = find(parent, j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    const parts = new Map<number, number[]>();
    for (const i of members) {
      const root = find(parent, i);
      let part = parts.get(root);
      if (!part) parts.set(root, (part = []));
      part.push(i);
    }
    if (parts.size < 2) continue;
    const ranked = [...parts.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
    const minimum = Math.max(settings.minPart, settings.minShare * members.length);
    for (const part of ranked.slice(1)) {
      if (part.length < minimum) continue;
      const label = nextLabel + created++;
      for (const i of part) out[i] = label;
    }
  }
  return { labels: out, created };
}

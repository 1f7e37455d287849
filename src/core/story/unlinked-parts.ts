/**
 * The parts of a story that no neighbour link joins to the rest of it.
 *
 * Online assignment compares an article with a story's centroid, so a story can grow around one common word
 * ("George" in news of George Clooney and of George R. R. Martin; "smart" in a small car and a contact lens):
 * each article matched half of the centroid. Their headlines' nearest neighbours (refine-graph.ts) tell
 * such halves apart: within a real story, headlines link to each other through their neighbour lists;
 * halves joined by one word have no link between them. A story whose linked parts hold at least
 * `minPart` articles each is split into them (the largest keeps the story); smaller unlinked pieces stay,
 * as a few stray headlines are no story of their own.
 *
 * Pure and deterministic: labels and the graph in, parts out.
 */
import type { NeighbourGraph } from './refine-graph';

/** Articles in each unlinked part to split off (its story's largest part not included), in index order. */
export function unlinkedParts(graph: NeighbourGraph, labels: Int32Array, minPart: number): number[][] {
  const articles = labels.length;
  // Union-find over links inside one story.
  const root = new Int32Array(articles);
  for (let i = 0; i < articles; i++) root[i] = i;
  const find = (node: number): number => {
    let at = node;
    while (root[at] !== at) {
      root[at] = root[root[at]];
      at = root[at];
    }
    return at;
  };
  const { k, index, count } = graph;
  for (let i = 0; i < articles; i++) {
    for (let s = i * k; s < i * k + count[i]; s++) {
      const j = index[s];
      if (labels[i] !== labels[j]) continue;
      const a = find(i);
      const b = find(j);
      // The lower index as the root, so the parts do not depend on the order links are seen in.
      if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < articles; i++) {
    const part = find(i);
    let list = members.get(part);
    if (list === undefined) members.set(part, (list = []));
    list.push(i);
  }
  // Each story's parts large enough to stand alone.
  const partsOf = new Map<number, number[][]>();
  for (const list of members.values()) {
    if (list.length < minPart) continue;
    const label = labels[list[0]];
    let parts = partsOf.get(label);
    if (parts === undefined) partsOf.set(label, (parts = []));
    parts.push(list);
  }
  const split: number[][] = [];
  for (const parts of partsOf.values()) {
    if (parts.length < 2) continue;
    // The largest part keeps the story (ties: the one with the earliest index).
    let keep = 0;
    for (let p = 1; p < parts.length; p++) if (parts[p].length > parts[keep].length) keep = p;
    for (let p = 0; p < parts.length; p++) if (p !== keep) split.push(parts[p]);
  }
  return split;
}

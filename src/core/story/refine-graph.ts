/**
 * Batch refinement of story labels through an article similarity graph.
 *
 * Online assignment compares an article with story centroids only, and an event worded several ways ends
 * up in fragments. The evidence that links the fragments is transitive: headline A shares words with B, B
 * with C. Here every article gets its nearest neighbours (TF-IDF cosine of the headline terms, among
 * articles published within one story period of it, found through an inverted index), and then each
 * article takes the story its neighbourhood's similarity points to (label propagation seeded with the
 * online labels: the online stories stay the starting point, and only articles whose neighbours clearly
 * sit elsewhere move). The time model is the engine's: one event's coverage fits one period, so a vote for
 * a story whose core period the article would stretch decays like the engine's scores do.
 *
 * Pure and deterministic: typed arrays in, labels out.
 */
import { DEFAULT_ENGINE_OPTIONS, SPLIT_MIN_PART } from './options';
import { unlinkedParts } from './unlinked-parts';

/** The articles of a batch as flat typed arrays (the engine's snapshot layout). */
export interface RefineInput {
  /** Epoch milliseconds per article. */
  published: Float64Array;
  /** Article i's terms are termIds/termWeights[termOffsets[i] .. termOffsets[i+1]). */
  termOffsets: Uint32Array;
  termIds: Uint32Array;
  termWeights: Float32Array;
  /** IDF per term id. */
  idf: Float64Array;
  /** Outlet per article, −1 when unknown (not used by this refinement; part of the common input shape). */
  publisher: Int32Array;
  /** Current story label per article (any non-negative integers). */
  initial: Int32Array;
}

export interface GraphRefineOptions {
  /** One event's coverage period: articles further apart are never neighbours, and stories stay within it. */
  spanMs: number;
  /** Time scale of the decay of a vote for a story whose period the article would stretch beyond `spanMs`. */
  decayMs: number;
  /** Nearest neighbours kept per article. */
  neighbours: number;
  /** Cosine below which two headlines share no more than an incidental word (the engine's join threshold). */
  similarityFloor: number;
  /**
   * Vote an article's current story gets on top of its neighbours' (in cosine units): a move needs the
   * neighbourhood to outweigh the current story by one near-identical headline.
   */
  selfWeight: number;
  /** Label propagation sweeps (stops earlier when nothing moves). */
  passes: number;
}

/** The engine's own defaults, so that the refinement run on its own works on the engine's time model. */
export const DEFAULT_GRAPH_REFINE_OPTIONS: GraphRefineOptions = {
  spanMs: DEFAULT_ENGINE_OPTIONS.storySpanMs,
  decayMs: DEFAULT_ENGINE_OPTIONS.decayMs,
  neighbours: DEFAULT_ENGINE_OPTIONS.refineNeighbours,
  similarityFloor: DEFAULT_ENGINE_OPTIONS.joinThreshold,
  selfWeight: DEFAULT_ENGINE_OPTIONS.refineSelfWeight,
  passes: 3,
};

/** Share of a story's earliest and latest members left out of its period, as the engine's story core. */
const CORE_SHARE = 0.1;

/** The k-nearest-neighbour graph: node i's neighbours are index/similarity[i*k .. i*k + count[i]). */
export interface NeighbourGraph {
  k: number;
  index: Int32Array;
  similarity: Float32Array;
  count: Uint8Array;
}

/** Articles in time order (ties: lower index first). */
function timeOrder(published: Float64Array): Int32Array {
  const order = new Int32Array(published.length);
  let sorted = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && published[i] < published[i - 1]) sorted = false;
  }
  // A batch usually arrives in time order already (the engine adds articles as they are published).
  if (!sorted) order.sort((a, b) => published[a] - published[b] || a - b);
  return order;
}

/** Unit-length TF-IDF weights, aligned with termIds. */
function normalisedWeights(input: RefineInput): Float32Array {
  const { termOffsets, termIds, termWeights, idf } = input;
  const weights = new Float32Array(termIds.length);
  const articles = termOffsets.length - 1;
  for (let i = 0; i < articles; i++) {
    let squares = 0;
    for (let k = termOffsets[i]; k < termOffsets[i + 1]; k++) {
      const weight = termWeights[k] * idf[termIds[k]];
      weights[k] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares);
    if (norm === 0) continue;
    for (let k = termOffsets[i]; k < termOffsets[i + 1]; k++) weights[k] /= norm;
  }
  return weights;
}

/**
 * Each article's `k` most similar articles published within `spanMs` of it (cosine ≥ `floor`). One sweep in
 * time order over an inverted index whose postings are filled as the sweep goes, so each pair is scored
 * once, from its later article, and only the postings inside the time window are walked.
 */
export function nearestNeighbours(
  input: RefineInput,
  k: number,
  floor: number,
  spanMs: number,
  order = timeOrder(input.published),
): NeighbourGraph {
  const { published, termOffsets, termIds } = input;
  const articles = published.length;
  const weights = normalisedWeights(input);
  const termCount = input.idf.length;
  // Postings as one pool: term t owns postingRank/Weight/Time[postingStart[t] .. postingStart[t+1]), where
  // an article is named by its rank in time order.
  const postingStart = new Uint32Array(termCount + 1);
  for (let j = 0; j < termIds.length; j++) postingStart[termIds[j] + 1]++;
  for (let t = 0; t < termCount; t++) postingStart[t + 1] += postingStart[t];
  const postingFill = postingStart.slice(0, termCount);
  const postingLow = postingStart.slice(0, termCount);
  const postingRank = new Int32Array(termIds.length);
  const postingWeight = new Float32Array(termIds.length);
  // Times alongside, to move each list's window start.
  const postingTime = new Float64Array(termIds.length);

  const index = new Int32Array(articles * k).fill(-1);
  const similarity = new Float32Array(articles * k);
  const count = new Uint8Array(articles);
  // Each full list's weakest entry, so that an offer that cannot enter costs one comparison.
  const weakest = new Float32Array(articles);
  const weakestAt = new Int32Array(articles);
  const offer = (node: number, other: number, score: number): void => {
    const base = node * k;
    const filled = count[node];
    let at: number;
    if (filled < k) {
      at = base + filled;
      count[node] = filled + 1;
    } else {
      at = weakestAt[node];
    }
    index[at] = other;
    similarity[at] = score;
    if (filled + 1 >= k) {
      let low = base;
      for (let s = base + 1; s < base + k; s++) if (similarity[s] < similarity[low]) low = s;
      weakest[node] = similarity[low];
      weakestAt[node] = low;
    }
  };

  // Only articles inside one window are ever scored together, so the accumulator is a ring over ranks sized
  // to the busiest window: small enough to stay in cache however long the batch.
  let widest = 1;
  for (let rank = 0, low = 0; rank < articles; rank++) {
    while (published[order[low]] < published[order[rank]] - spanMs) low++;
    widest = Math.max(widest, rank - low + 1);
  }
  let ringSize = 1;
  while (ringSize < widest) ringSize *= 2;
  const ringMask = ringSize - 1;
  const accumulator = new Float64Array(ringSize);
  const touched = new Int32Array(ringSize);
  for (let rank = 0; rank < articles; rank++) {
    const i = order[rank];
    const earliest = published[i] - spanMs;
    let touchedCount = 0;
    for (let t = termOffsets[i]; t < termOffsets[i + 1]; t++) {
      const term = termIds[t];
      const queryWeight = weights[t];
      // Articles come in time order, so each list's window start only moves forward.
      let low = postingLow[term];
      const end = postingFill[term];
      while (low < end && postingTime[low] < earliest) low++;
      postingLow[term] = low;
      for (let p = low; p < end; p++) {
        const slot = postingRank[p] & ringMask;
        if (accumulator[slot] === 0) touched[touchedCount++] = postingRank[p];
        accumulator[slot] += queryWeight * postingWeight[p];
      }
      postingRank[postingFill[term]] = rank;
      postingWeight[postingFill[term]] = queryWeight;
      postingTime[postingFill[term]] = published[i];
      postingFill[term]++;
    }
    for (let x = 0; x < touchedCount; x++) {
      const slot = touched[x] & ringMask;
      const score = accumulator[slot];
      accumulator[slot] = 0;
      if (score < floor) continue;
      const j = order[touched[x]];
      if (count[i] < k || score > weakest[i]) offer(i, j, score);
      if (count[j] < k || score > weakest[j]) offer(j, i, score);
    }
  }
  return { k, index, similarity, count };
}

/**
 * Undirected adjacency from the kNN lists: i–j is an edge when either lists the other; an edge both list
 * (mutual neighbours) counts twice, which favours links inside dense groups over links to hub headlines.
 */
function symmetricAdjacency(graph: NeighbourGraph, articles: number): { offsets: Uint32Array; target: Int32Array; weight: Float32Array } {
  const { k, index, similarity, count } = graph;
  const degree = new Uint32Array(articles + 1);
  for (let i = 0; i < articles; i++) {
    for (let s = i * k; s < i * k + count[i]; s++) {
      degree[i + 1]++;
      degree[index[s] + 1]++;
    }
  }
  for (let i = 0; i < articles; i++) degree[i + 1] += degree[i];
  const fill = degree.slice(0, articles);
  const target = new Int32Array(degree[articles]);
  const weight = new Float32Array(degree[articles]);
  for (let i = 0; i < articles; i++) {
    for (let s = i * k; s < i * k + count[i]; s++) {
      const j = index[s];
      target[fill[i]] = j;
      weight[fill[i]++] = similarity[s];
      target[fill[j]] = i;
      weight[fill[j]++] = similarity[s];
    }
  }
  return { offsets: degree, target, weight };
}

/**
 * Each story's core period: from the 10th to the 90th percentile of its members' times, so that one stray
 * member neither stretches nor ends it (as the engine's story core).
 */
function storyCores(order: Int32Array, labels: Int32Array, published: Float64Array, first: Float64Array, last: Float64Array): void {
  const size = new Int32Array(first.length);
  for (let i = 0; i < labels.length; i++) size[labels[i]]++;
  const seen = new Int32Array(first.length);
  first.fill(Infinity);
  last.fill(-Infinity);
  // Walking articles in time order, a story's r-th member is its r-th earliest.
  for (const i of order) {
    const label = labels[i];
    const rank = seen[label]++;
    const n = size[label];
    if (rank === Math.floor((n - 1) * CORE_SHARE)) first[label] = published[i];
    if (rank === Math.ceil((n - 1) * (1 - CORE_SHARE))) last[label] = published[i];
  }
}

/** The refinement's neighbour graph under these options (also read by the split of unlinked stories). */
export function neighbourGraph(input: RefineInput, options: Partial<GraphRefineOptions> = {}): NeighbourGraph {
  const settings = { ...DEFAULT_GRAPH_REFINE_OPTIONS, ...options };
  // Neighbour counts are stored in bytes.
  const k = Math.max(1, Math.min(255, Math.round(settings.neighbours)));
  return nearestNeighbours(input, k, settings.similarityFloor, settings.spanMs);
}

/**
 * New story labels: the online labels refined by neighbour votes over the kNN graph. Each sweep visits the
 * articles in time order; an article's vote for a story is the summed similarity of its neighbours in it
 * (its own story also gets `selfWeight`), decayed by how far the article would stretch the story's core
 * beyond one period (its own story's core included); it moves to the best-voted story. The returned
 * labels are a subset of `initial`'s values (stories are only emptied, never invented), same length,
 * deterministic.
 */
export function refineByNeighbourVotes(
  input: RefineInput,
  options: Partial<GraphRefineOptions> = {},
  graph: NeighbourGraph = neighbourGraph(input, options),
): Int32Array {
  const settings = { ...DEFAULT_GRAPH_REFINE_OPTIONS, ...options };
  const { published } = input;
  const articles = published.length;
  const labels = Int32Array.from(input.initial);
  if (articles === 0) return labels;
  const order = timeOrder(published);
  const { offsets, target, weight } = symmetricAdjacency(graph, articles);
  // Dense label numbers for the vote arrays.
  const denseOf = new Map<number, number>();
  const labelOfDense: number[] = [];
  const dense = new Int32Array(articles);
  for (let i = 0; i < articles; i++) {
    let d = denseOf.get(labels[i]);
    if (d === undefined) {
      d = labelOfDense.length;
      denseOf.set(labels[i], d);
      labelOfDense.push(labels[i]);
    }
    dense[i] = d;
  }
  const votes = new Float64Array(labelOfDense.length);
  const voted = new Int32Array(labelOfDense.length + 1);
  const first = new Float64Array(labelOfDense.length);
  const last = new Float64Array(labelOfDense.length);
  for (let pass = 0; pass < settings.passes; pass++) {
    // Cores are taken at the start of each sweep; moves within it only extend the target's period.
    storyCores(order, dense, published, first, last);
    let moved = 0;
    for (const i of order) {
      const own = dense[i];
      let votedCount = 0;
      votes[own] = settings.selfWeight;
      voted[votedCount++] = own;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const label = dense[target[e]];
        if (votes[label] === 0) voted[votedCount++] = label;
        votes[label] += weight[e];
      }
      let best = own;
      let bestVote = votes[own];
      // The same time rule for the article's own story: one that has grown past one period holds on less.
      const ownExcess = Math.max(last[own], published[i]) - Math.min(first[own], published[i]) - settings.spanMs;
      if (ownExcess > 0) bestVote *= Math.exp(-ownExcess / settings.decayMs);
      for (let v = 0; v < votedCount; v++) {
        const label = voted[v];
        let vote = votes[label];
        votes[label] = 0;
        if (label === own) continue;
        const excess = Math.max(last[label], published[i]) - Math.min(first[label], published[i]) - settings.spanMs;
        if (excess > 0) vote *= Math.exp(-excess / settings.decayMs);
        if (vote > bestVote || (vote === bestVote && best !== own && label < best)) {
          best = label;
          bestVote = vote;
        }
      }
      if (best !== own) {
        dense[i] = best;
        if (published[i] < first[best]) first[best] = published[i];
        if (published[i] > last[best]) last[best] = published[i];
        moved++;
      }
    }
    if (moved === 0) break;
  }
  for (let i = 0; i < articles; i++) labels[i] = labelOfDense[dense[i]];
  return labels;
}

/**
 * The refinement as the engine runs it: the labels after the neighbour votes, and the parts of their stories
 * that no link joins to the rest (unlinked-parts.ts), each with at least `minPart` articles, to split off.
 */
export function refineAndSplit(
  input: RefineInput,
  options: Partial<GraphRefineOptions>,
  minPart = SPLIT_MIN_PART,
): { labels: Int32Array; parts: number[][] } {
  const graph = neighbourGraph(input, options);
  const labels = refineByNeighbourVotes(input, options, graph);
  return { labels, parts: unlinkedParts(graph, labels, minPart) };
}

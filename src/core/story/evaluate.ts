/**
 * Clustering quality measures (pairwise and BCubed precision/recall/F1) and the held-out matching split.
 * Pure functions, used by the eval CLI and the tests.
 */

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringScores {
  pairwise: PrecisionRecall;
  bcubed: PrecisionRecall;
  goldClusters: number;
  predictedClusters: number;
  items: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Scores predicted cluster labels against gold labels (same length, item i in both). */
export function scoreClustering(gold: readonly string[], predicted: readonly string[]): ClusteringScores {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const goldSize = new Map<string, number>();
  const predictedSize = new Map<string, number>();
  const jointSize = new Map<string, number>();
  for (let i = 0; i < gold.length; i++) {
    goldSize.set(gold[i], (goldSize.get(gold[i]) ?? 0) + 1);
    predictedSize.set(predicted[i], (predictedSize.get(predicted[i]) ?? 0) + 1);
    const key = `${gold[i]}\u0000${predicted[i]}`;
    jointSize.set(key, (jointSize.get(key) ?? 0) + 1);
  }
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  let truePairs = 0;
  for (const n of jointSize.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of predictedSize.values()) predictedPairs += pairs(n);
  let goldPairs = 0;
  for (const n of goldSize.values()) goldPairs += pairs(n);
  const pairPrecision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const pairRecall = goldPairs === 0 ? 1 : truePairs / goldPairs;

  // BCubed: per item, the share of its predicted cluster that is its gold story, and vice versa; averaged.
  let precisionSum = 0;
  let recallSum = 0;
  for (const [key, n] of jointSize) {
    const [goldLabel, predictedLabel] = key.split('\u0000');
    precisionSum += (n * n) / (predictedSize.get(predictedLabel) ?? 1);
    recallSum += (n * n) / (goldSize.get(goldLabel) ?? 1);
  }
  const items = gold.length;
  const bPrecision = items === 0 ? 1 : precisionSum / items;
  const bRecall = items === 0 ? 1 : recallSum / items;
  return {
    pairwise: { precision: pairPrecision, recall: pairRecall, f1: f1(pairPrecision, pairRecall) },
    bcubed: { precision: bPrecision, recall: bRecall, f1: f1(bPrecision, bRecall) },
    goldClusters: goldSize.size,
    predictedClusters: predictedSize.size,
    items,
  };
}

/** FNV-1a 32-bit: a stable, platform-independent hash for reproducible splits. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface HoldoutSplit<T> {
  /** Articles to index. */
  indexed: T[];
  /** One article of each of `singleStories` stories: should match its story's cluster. */
  heldOutSingles: T[];
  /** All articles of `wholeStories` further stories: should match nothing. */
  heldOutWhole: T[];
}

/**
 * The held-out matching split: stories (with at least two articles) ordered by a hash of their label; the
 * first `singleStories` lose one article each (the one with the lowest hash of its id), the next
 * `wholeStories` are withheld entirely.
 */
export function holdoutSplit<T extends { id: string; story?: string }>(
  articles: readonly T[],
  singleStories = 1000,
  wholeStories = 300,
): HoldoutSplit<T> {
  const byStory = new Map<string, T[]>();
  for (const article of articles) {
    const label = article.story ?? '';
    let list = byStory.get(label);
    if (!list) byStory.set(label, (list = []));
    list.push(article);
  }
  const labels = [...byStory.keys()]
    .filter((label) => (byStory.get(label)?.length ?? 0) >= 2)
    .sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
  const singles = new Set<T>();
  const whole = new Set<string>(labels.slice(singleStories, singleStories + wholeStories));
  for (const label of labels.slice(0, singleStories)) {
    const members = byStory.get(label) ?? [];
    let chosen = members[0];
    for (const member of members) if (fnv1a(member.id) < fnv1a(chosen.id)) chosen = member;
    singles.add(chosen);
  }
  const split: HoldoutSplit<T> = { indexed: [], heldOutSingles: [], heldOutWhole: [] };
  for (const article of articles) {
    if (singles.has(article)) split.heldOutSingles.push(article);
    else if (whole.has(article.story ?? '')) split.heldOutWhole.push(article);
    else split.indexed.push(article);
  }
  return split;
}

/**
 * Labels of `queries` whose stories are demonstrably the same event as a story in `index`: one of their
 * headlines appears word for word (case and punctuation folded, the aggregator's "..." cut dropped) in
 * an article of another labelled story published within `windowMs` of it. Such a pair is one event filed
 * twice, so an engine that answers "no coverage" for it is wrong for the reader, whatever the labels say.
 */
export function storiesWithHeadlineTwins<T extends { title: string; published: number; story?: string }>(
  queries: readonly T[],
  index: readonly T[],
  windowMs: number,
): Set<string> {
  const fold = (title: string) =>
    title
      .toLowerCase()
      .replace(/\s*(?:\.{2,}|…)\s*$/u, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const indexed = new Map<string, { story: string; published: number }[]>();
  for (const article of index) {
    const key = fold(article.title);
    let list = indexed.get(key);
    if (!list) indexed.set(key, (list = []));
    list.push({ story: article.story ?? '', published: article.published });
  }
  const twinned = new Set<string>();
  for (const query of queries) {
    const story = query.story ?? '';
    if (twinned.has(story)) continue;
    const twins = indexed.get(fold(query.title)) ?? [];
    if (twins.some((twin) => twin.story !== story && Math.abs(twin.published - query.published) <= windowMs)) twinned.add(story);
  }
  return twinned;
}

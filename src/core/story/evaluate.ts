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

/** Article ids by story label (articles without one under ""). */
export function idsByLabel(articles: readonly { id: string; story?: string }[]): Map<string, string[]> {
  const byLabel = new Map<string, string[]>();
  for (const article of articles) {
    const label = article.story ?? '';
    const list = byLabel.get(label);
    if (list) list.push(article.id);
    else byLabel.set(label, [article.id]);
  }
  return byLabel;
}

/** A held-out article's best answer: its score, whether it is the article's own story, whether the index holds its event twice. */
export interface HeldOutAnswer {
  score: number;
  own: boolean;
  twinned: boolean;
}

/**
 * The held-out matching rates at `threshold`: singles answered with their own story, singles given no
 * answer, whole withheld stories given none, and the same for those without a headline twin in the index.
 */
export function holdoutRates(singles: readonly HeldOutAnswer[], whole: readonly HeldOutAnswer[], threshold: number) {
  const share = (part: readonly HeldOutAnswer[], test: (answer: HeldOutAnswer) => boolean) =>
    Math.round((part.filter(test).length / Math.max(1, part.length)) * 10_000) / 10_000;
  const untwinned = whole.filter((answer) => !answer.twinned);
  return {
    threshold,
    singlesHit: share(singles, (answer) => answer.own && answer.score >= threshold),
    singlesNull: share(singles, (answer) => answer.score < threshold),
    wholeNull: share(whole, (answer) => answer.score < threshold),
    wholeNullUntwinned: share(untwinned, (answer) => answer.score < threshold),
  };
}

/** The story holding most of the given articles (ties: the smaller id): where a held-out article belongs. */
export function majorityStory(storyOf: (articleId: string) => string | undefined, ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const story = storyOf(id);
    if (story !== undefined) counts.set(story, (counts.get(story) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [story, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && story < best)) {
      best = story;
      bestCount = count;
    }
  }
  return best;
}

/** Shortest headline (in words) that counts as a twin: shorter ones ("Stocks", "Markets live") recur. */
export const TWIN_MIN_WORDS = 6;

/** A headline for the twin test: case and punctuation folded, the aggregator's "..." cut dropped. */
function foldHeadline(title: string): string {
  return title
    .toLowerCase()
    .replace(/\s*(?:\.{2,}|…)\s*$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type Dated = { title: string; published: number; story?: string };

/** Articles by folded headline, headlines of at least TWIN_MIN_WORDS words only. */
function byHeadline<T extends Dated>(articles: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const article of articles) {
    const key = foldHeadline(article.title);
    if (key.split(' ').length < TWIN_MIN_WORDS) continue;
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(article);
  }
  return map;
}

/**
 * Labels of `queries` whose stories are demonstrably the same event as a story in `index`: one of their
 * headlines (of TWIN_MIN_WORDS words or more) appears word for word in an article of another labelled
 * story published within `windowMs` of it. Such a pair is one event filed twice, so an engine that
 * answers "no coverage" for it is wrong for the reader, whatever the labels say.
 */
export function storiesWithHeadlineTwins<T extends Dated>(queries: readonly T[], index: readonly T[], windowMs: number): Set<string> {
  const indexed = byHeadline(index);
  const twinned = new Set<string>();
  for (const query of queries) {
    const story = query.story ?? '';
    if (twinned.has(story)) continue;
    const twins = indexed.get(foldHeadline(query.title)) ?? [];
    if (twins.some((twin) => (twin.story ?? '') !== story && Math.abs(twin.published - query.published) <= windowMs)) twinned.add(story);
  }
  return twinned;
}

/** Pairs of labels (both orders, "a\u0000b") that share a twin headline within `windowMs` (see above). */
export function twinStoryPairs(articles: readonly Dated[], windowMs: number): Set<string> {
  const pairs = new Set<string>();
  for (const list of byHeadline(articles).values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i].story ?? '';
        const b = list[j].story ?? '';
        if (a === b || Math.abs(list[i].published - list[j].published) > windowMs) continue;
        pairs.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
      }
    }
  }
  return pairs;
}

/**
 * Where BCubed precision goes: 1 − precision split into the share of predicted clusters taken by gold
 * stories that are twins of the item's own story (one event the labels file twice) and by other stories.
 */
export function bcubedPrecisionLoss(
  gold: readonly string[],
  predicted: readonly string[],
  twins: ReadonlySet<string>,
): { toTwins: number; toOthers: number } {
  let toTwins = 0;
  let toOthers = 0;
  for (const counts of goldCountsByCluster(gold, predicted).values()) {
    const lost = clusterLoss(counts, twins);
    toTwins += lost.toTwins;
    toOthers += lost.toOthers;
  }
  const items = Math.max(1, gold.length);
  return { toTwins: toTwins / items, toOthers: toOthers / items };
}

/** Per predicted cluster, how many of its items each gold story has. */
function goldCountsByCluster(gold: readonly string[], predicted: readonly string[]): Map<string, Map<string, number>> {
  const clusters = new Map<string, Map<string, number>>();
  for (let i = 0; i < gold.length; i++) {
    let counts = clusters.get(predicted[i]);
    if (!counts) clusters.set(predicted[i], (counts = new Map()));
    counts.set(gold[i], (counts.get(gold[i]) ?? 0) + 1);
  }
  return clusters;
}

/** A cluster's items' summed BCubed precision loss, to twin stories and to others (not yet divided by all items). */
function clusterLoss(counts: ReadonlyMap<string, number>, twins: ReadonlySet<string>): { size: number; toTwins: number; toOthers: number } {
  let size = 0;
  for (const n of counts.values()) size += n;
  let toTwins = 0;
  let toOthers = 0;
  for (const [a, n] of counts) {
    for (const [b, m] of counts) {
      if (a === b) continue;
      // n items of story a each lose m/size to story b.
      if (twins.has(`${a}\u0000${b}`)) toTwins += (n * m) / size;
      else toOthers += (n * m) / size;
    }
  }
  return { size, toTwins, toOthers };
}

/** Lower bounds of the predicted-cluster size classes that precision loss is told by. */
export const LOSS_SIZE_CLASSES = [1, 2, 6, 21, 101, 501] as const;

export interface SizeClassLoss {
  /** "2-5", "501+". */
  sizes: string;
  clusters: number;
  articles: number;
  /** BCubed precision of this class's articles. */
  precision: number;
  /** What this class takes of 1 − BCubed precision over all articles: to twin stories, to others. */
  lostToTwins: number;
  lostToOthers: number;
}

/**
 * Where BCubed precision is lost, by the size of the predicted cluster an article is in: the losses of
 * all classes sum to `bcubedPrecisionLoss`'s. Shows whether a few over-grown stories or many small mixes
 * cost the precision.
 */
export function precisionLossBySize(gold: readonly string[], predicted: readonly string[], twins: ReadonlySet<string>): SizeClassLoss[] {
  const classes = LOSS_SIZE_CLASSES.map((from, index) => {
    const next = LOSS_SIZE_CLASSES[index + 1];
    const sizes = next === undefined ? `${from}+` : next - 1 === from ? `${from}` : `${from}-${next - 1}`;
    return { sizes, from, clusters: 0, articles: 0, lostToTwins: 0, lostToOthers: 0 };
  });
  for (const counts of goldCountsByCluster(gold, predicted).values()) {
    const lost = clusterLoss(counts, twins);
    const sizeClass = classes.findLast((c) => lost.size >= c.from) ?? classes[0];
    sizeClass.clusters += 1;
    sizeClass.articles += lost.size;
    sizeClass.lostToTwins += lost.toTwins;
    sizeClass.lostToOthers += lost.toOthers;
  }
  const items = Math.max(1, gold.length);
  return classes.map((c) => ({
    sizes: c.sizes,
    clusters: c.clusters,
    articles: c.articles,
    precision: c.articles === 0 ? 1 : 1 - (c.lostToTwins + c.lostToOthers) / c.articles,
    lostToTwins: c.lostToTwins / items,
    lostToOthers: c.lostToOthers / items,
  }));
}

/** The labels of the held-out singles' stories whose indexed articles have a headline twin under another label. */
export function twinnedSingleStories<T extends Dated & { id: string }>(split: HoldoutSplit<T>, windowMs: number): Set<string> {
  const singleStories = new Set(split.heldOutSingles.map((article) => article.story ?? ''));
  return storiesWithHeadlineTwins(
    split.indexed.filter((article) => singleStories.has(article.story ?? '')),
    split.indexed,
    windowMs,
  );
}

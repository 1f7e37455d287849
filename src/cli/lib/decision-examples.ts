/**
 * Training examples for the engine's decision model, from labelled articles: the articles are indexed in
 * time order into their own (gold) stories, and before each one is added, its candidate stories are
 * scored as the engine would score them. A candidate is a positive example when it is the article's own
 * story, a negative one otherwise; the first article of a story has only negatives (it should start a new
 * story). Candidates that are a twin of the article's story (one event filed under two labels, see
 * evaluate.ts) are left out: the labels say "no" where a reader would say "yes".
 */
import { PAIR_FEATURE_COUNT } from '../../core/story/pair-features';
import { StoryEngine, twinStoryPairs, type EngineOptions } from '../../core/story/index';
import { type DecisionModel, type LogisticWeights, logOdds } from '../../core/story/decision-model';
import { MERGE_FEATURE_COUNT } from '../../core/story/merge-features';
import { clusterInTimeOrder, holdoutSplit, storiesWithHeadlineTwins } from '../../core/story/index';
import type { Examples } from './logistic-fit';
import type { ArticleRecord } from './jsonl';

/** Examples, grouped by the article they were asked for. */
export interface DecisionExamples extends Examples {
  /** Example rows of article k are groupStart[k] .. groupStart[k+1]. */
  groupStart: Uint32Array;
  /** Per article: whether its own story was already indexed (a join was possible). */
  ownIndexed: Uint8Array;
  groups: number;
}

/** Collects the examples of `articles` (all of one split) with `candidates` stories per article. */
export function collectExamples(articles: readonly ArticleRecord[], options: Partial<EngineOptions>, candidates: number): DecisionExamples {
  const spanMs = options.storySpanMs ?? 36 * 3600 * 1000;
  const twins = twinStoryPairs(articles, spanMs);
  const engine = new StoryEngine(options);
  const labelOf = new Map<string, string>();
  const order = articles.map((_, i) => i).sort((a, b) => articles[a].published - articles[b].published || a - b);
  const rows: number[] = [];
  const labels: number[] = [];
  const groupStart = new Uint32Array(order.length + 1);
  const ownIndexed = new Uint8Array(order.length);
  const seen = new Set<string>();
  order.forEach((index, k) => {
    const article = articles[index];
    const label = article.story ?? '';
    groupStart[k] = labels.length;
    ownIndexed[k] = seen.has(label) ? 1 : 0;
    for (const candidate of engine.candidateEvidence(article, candidates)) {
      const candidateLabel = labelOf.get(candidate.storyId) ?? '';
      if (candidateLabel !== label && twins.has(`${label}\u0000${candidateLabel}`)) continue;
      for (const value of candidate.features) rows.push(value);
      labels.push(candidateLabel === label ? 1 : 0);
    }
    labelOf.set(engine.addToLabelledStory(article, label), label);
    seen.add(label);
  });
  groupStart[order.length] = labels.length;
  return {
    width: PAIR_FEATURE_COUNT,
    rows: Float64Array.from(rows),
    labels: Uint8Array.from(labels),
    count: labels.length,
    groupStart,
    ownIndexed,
    groups: order.length,
  };
}

/** Pools several example sets into one (for the final fit on all the data). */
export function poolExamples(sets: readonly Examples[]): Examples {
  const count = sets.reduce((sum, set) => sum + set.count, 0);
  const width = sets[0]?.width ?? PAIR_FEATURE_COUNT;
  const rows = new Float64Array(count * width);
  const labels = new Uint8Array(count);
  const weights = sets.some((set) => set.weights) ? new Float64Array(count).fill(1) : undefined;
  let at = 0;
  for (const set of sets) {
    rows.set(set.rows.subarray(0, set.count * width), at * width);
    labels.set(set.labels.subarray(0, set.count), at);
    if (weights && set.weights) weights.set(set.weights.subarray(0, set.count), at);
    at += set.count;
  }
  return { width, rows, labels, count, weights };
}

/** How a model's decisions fare on a set of examples, per article. */
export interface DecisionFigures {
  articles: number;
  /** Articles whose story was indexed: joined it / joined another / started a new one. */
  joinRight: number;
  joinWrong: number;
  joinMissed: number;
  /** Articles whose story was not indexed: started a new one / joined some other story. */
  newRight: number;
  newWrong: number;
  /** Per-example log loss and the share of examples on the right side of 0.5. */
  logLoss: number;
  accuracy: number;
}

/** Replays the decisions a model would take on the examples, at probability threshold `threshold`. */
export function decisionFigures(model: LogisticWeights, data: DecisionExamples, threshold: number): DecisionFigures {
  const { width, rows, labels } = data;
  const cut = Math.log(threshold / (1 - threshold));
  let joinRight = 0;
  let joinWrong = 0;
  let joinMissed = 0;
  let newRight = 0;
  let newWrong = 0;
  let indexed = 0;
  let loss = 0;
  let right = 0;
  for (let g = 0; g < data.groups; g++) {
    let best = -1;
    let bestOdds = -Infinity;
    for (let r = data.groupStart[g]; r < data.groupStart[g + 1]; r++) {
      const z = logOdds(model, rows.subarray(r * width, (r + 1) * width));
      const p = 1 / (1 + Math.exp(-z));
      loss -= labels[r] ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
      if ((p >= 0.5 ? 1 : 0) === labels[r]) right++;
      if (z > bestOdds) {
        bestOdds = z;
        best = r;
      }
    }
    const joins = best >= 0 && bestOdds >= cut;
    if (data.ownIndexed[g]) {
      indexed++;
      if (!joins) joinMissed++;
      else if (labels[best]) joinRight++;
      else joinWrong++;
    } else if (joins) newWrong++;
    else newRight++;
  }
  const share = (n: number, of: number) => Math.round((n / Math.max(1, of)) * 10_000) / 10_000;
  const fresh = data.groups - indexed;
  return {
    articles: data.groups,
    joinRight: share(joinRight, indexed),
    joinWrong: share(joinWrong, indexed),
    joinMissed: share(joinMissed, indexed),
    newRight: share(newRight, fresh),
    newWrong: share(newWrong, fresh),
    logLoss: Math.round((loss / Math.max(1, data.count)) * 10_000) / 10_000,
    accuracy: share(right, data.count),
  };
}

/**
 * Training examples for the merge model: the articles are clustered with `model`'s join decisions but no
 * merges and no graph refinement, so that an event's fragments stay apart; every pair of stories that
 * could merge is then an example, positive when both stories' majority label is the same (pairs whose
 * labels are twins are left out, as above).
 */
/** The most common key of a count map (ties: the smaller key), '' when it is empty. */
function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most || (n === most && key < best)) {
      best = key;
      most = n;
    }
  }
  return best;
}

/** The label most of a clustered story's articles carry, per story id (computed once each). */
function majorityLabels(engine: StoryEngine, labelOfArticle: ReadonlyMap<string, string>): (storyId: string) => string {
  const majority = new Map<string, string>();
  return (storyId) => {
    let label = majority.get(storyId);
    if (label === undefined) {
      const counts = new Map<string, number>();
      for (const id of engine.members(storyId)) {
        const l = labelOfArticle.get(id) ?? '';
        counts.set(l, (counts.get(l) ?? 0) + 1);
      }
      label = mostCommon(counts);
      majority.set(storyId, label);
    }
    return label;
  };
}

export function collectMergeExamples(articles: readonly ArticleRecord[], model: DecisionModel): Examples {
  const spanMs = 36 * 3600 * 1000;
  const twins = twinStoryPairs(articles, spanMs);
  const noMerges: DecisionModel = { ...model, merge: { ...model.merge, bias: -1000 } };
  const engine = clusterInTimeOrder(articles, { refineNeighbours: 0 }, noMerges);
  const labelOfArticle = new Map(articles.map((article) => [article.id, article.story ?? '']));
  const labelOf = majorityLabels(engine, labelOfArticle);
  const rows: number[] = [];
  const labels: number[] = [];
  for (const pair of engine.mergeCandidateEvidence()) {
    const a = labelOf(pair.a);
    const b = labelOf(pair.b);
    if (a !== b && twins.has(`${a}\u0000${b}`)) continue;
    for (const value of pair.features) rows.push(value);
    labels.push(a === b ? 1 : 0);
  }
  return { width: MERGE_FEATURE_COUNT, rows: Float64Array.from(rows), labels: Uint8Array.from(labels), count: labels.length };
}

/** How a merge model fares on examples at a threshold: precision and recall of its merges, log loss. */
export function mergeFigures(model: LogisticWeights, data: Examples, threshold: number): Record<string, number> {
  let truePositive = 0;
  let falsePositive = 0;
  let positives = 0;
  let loss = 0;
  for (let r = 0; r < data.count; r++) {
    const p = 1 / (1 + Math.exp(-logOdds(model, data.rows.subarray(r * data.width, (r + 1) * data.width))));
    loss -= data.labels[r] ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
    if (data.labels[r]) positives++;
    if (p >= threshold) {
      if (data.labels[r]) truePositive++;
      else falsePositive++;
    }
  }
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    pairs: data.count,
    positives,
    precision: r4(truePositive / Math.max(1, truePositive + falsePositive)),
    recall: r4(truePositive / Math.max(1, positives)),
    logLoss: r4(loss / Math.max(1, data.count)),
  };
}

/**
 * Training examples for the match model, in the read path's own situation: some articles are held out
 * (one article of each of 1,000 stories, and 300 whole stories), the rest clustered with `model`, and
 * each held-out article's candidate stories are examples: the story holding most of its story's other
 * articles is a yes, any other a no (clusters of a twin story are left out; so are whole stories with a
 * twin in the index). The held-out stories are chosen by a salted hash, so that they are not the ones
 * eval:clusters holds out. Stories present and stories absent weigh the same in all (a reader is as
 * likely to read either, as far as we know).
 */
/** Match examples, grouped by query. */
export interface MatchExamples extends Examples {
  /** Example rows of query k are groupStart[k] .. groupStart[k+1]. */
  groupStart: number[];
  /** Per query: its story is in the index. */
  present: number[];
}

export function collectMatchExamples(articles: readonly ArticleRecord[], model: DecisionModel): MatchExamples {
  const spanMs = 36 * 3600 * 1000;
  const salted = articles.map((article) => ({ ...article, story: `train:${article.story ?? ''}` }));
  const original = new Map(salted.map((article, i) => [article, articles[i]]));
  const split = holdoutSplit(salted);
  const indexed = split.indexed.map((article) => original.get(article) as ArticleRecord);
  const engine = clusterInTimeOrder(indexed, {}, model);
  const twins = twinStoryPairs(articles, spanMs);
  const labelOfArticle = new Map(indexed.map((article) => [article.id, article.story ?? '']));
  const labelOfStory = majorityLabels(engine, labelOfArticle);
  const ownCluster = new Map<string, string>();
  const storyCounts = new Map<string, Map<string, number>>();
  for (const article of indexed) {
    const label = article.story ?? '';
    let counts = storyCounts.get(label);
    if (!counts) storyCounts.set(label, (counts = new Map()));
    const cluster = engine.storyOf(article.id) ?? '';
    counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
  }
  for (const [label, counts] of storyCounts) ownCluster.set(label, mostCommon(counts));
  const wholeQueries = split.heldOutWhole.map((article) => original.get(article) as ArticleRecord);
  const twinned = storiesWithHeadlineTwins(wholeQueries, indexed, spanMs);
  const present = split.heldOutSingles.map((article) => original.get(article) as ArticleRecord);
  const absent = wholeQueries.filter((article) => !twinned.has(article.story ?? ''));
  const rows: number[] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  const groupStart: number[] = [];
  const presentFlags: number[] = [];
  const add = (queries: readonly ArticleRecord[], weight: number) => {
    for (const query of queries) {
      groupStart.push(labels.length);
      presentFlags.push(queries === present ? 1 : 0);
      const label = query.story ?? '';
      const own = ownCluster.get(label);
      for (const candidate of engine.candidateEvidence(query)) {
        const candidateLabel = labelOfStory(candidate.storyId);
        const right = candidate.storyId === own;
        // Another fragment of the article's story, or a twin story: right for a reader, wrong by the labels.
        if (!right && (candidateLabel === label || twins.has(`${label}\u0000${candidateLabel}`))) continue;
        for (const value of candidate.features) rows.push(value);
        labels.push(right ? 1 : 0);
        weights.push(weight);
      }
    }
  };
  add(present, 1 / Math.max(1, present.length));
  add(absent, 1 / Math.max(1, absent.length));
  // Weights scaled to average 1, so that the L2 penalty means what it means for the other models.
  const scale = labels.length / weights.reduce((sum, w) => sum + w, 0);
  groupStart.push(labels.length);
  return {
    groupStart,
    present: presentFlags,
    width: PAIR_FEATURE_COUNT,
    rows: Float64Array.from(rows),
    labels: Uint8Array.from(labels),
    count: labels.length,
    weights: Float64Array.from(weights, (w) => w * scale),
  };
}

/** The read path's outcomes on match examples at a threshold: stories present hit or missed, absent ones null. */
export function matchFigures(model: LogisticWeights, data: MatchExamples, threshold: number): Record<string, number> {
  let present = 0;
  let hit = 0;
  let missed = 0;
  let absent = 0;
  let absentNull = 0;
  for (let g = 0; g + 1 < data.groupStart.length; g++) {
    let best = -1;
    let bestP = -1;
    for (let r = data.groupStart[g]; r < data.groupStart[g + 1]; r++) {
      const p = 1 / (1 + Math.exp(-logOdds(model, data.rows.subarray(r * data.width, (r + 1) * data.width))));
      if (p > bestP) {
        bestP = p;
        best = r;
      }
    }
    const answers = best >= 0 && bestP >= threshold;
    if (data.present[g]) {
      present++;
      if (!answers) missed++;
      else if (data.labels[best]) hit++;
    } else {
      absent++;
      if (!answers) absentNull++;
    }
  }
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    present,
    presentHit: r4(hit / Math.max(1, present)),
    presentNull: r4(missed / Math.max(1, present)),
    absent,
    absentNull: r4(absentNull / Math.max(1, absent)),
  };
}

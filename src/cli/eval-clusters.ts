import {
  DEFAULT_ENGINE_OPTIONS,
  StoryEngine,
  TWIN_MIN_WORDS,
  bcubedPrecisionLoss,
  clusterInTimeOrder,
  precisionLossBySize,
  fnv1a,
  holdoutSplit,
  majorityStory,
  idsByLabel,
  holdoutRates,
  twinnedSingleStories,
  scoreClustering,
  storiesWithHeadlineTwins,
  twinStoryPairs,
} from '../core/story/index';
import { optionOverrides, readArticles, runCli, splitArgs, UsageError, type ArticleRecord, engineOptionsHelp } from './lib/jsonl';

const HELP = `Usage: npm run --silent eval:clusters -- [options] FILE

Clusters FILE with the story engine and scores the clusters against its gold "story" labels.

FILE  JSON Lines, optionally gzipped; one article per line: {"id", "title", "published", "story"} plus
      optional "description", "url", "publisher", "host".

Prints one JSON line:
  pairwise {precision, recall, f1}, bcubed {precision, recall, f1}, goldClusters, predictedClusters,
  articles, seconds, headlinesPerSecond (clustering only, file reading excluded),
  twins: gold stories the labels file twice: twin stories share a headline of ${TWIN_MIN_WORDS} or more words,
  word for word (case and punctuation aside), published within one coverage period (storySpanMs) of
  each other: one event, or one continuing event, split by the labels. storyPairs counts them;
  bcubedPrecisionLost splits 1 - BCubed precision into what twin stories and other stories take;
  precisionLostBySize: the same loss by the size of the predicted story an article is in (sizes, stories
  of that size, their articles, their BCubed precision, lostToTwins and lostToOthers, which sum over the
  sizes to bcubedPrecisionLost); and
  holdout: the held-out matching evaluation. Stories with >= 2 articles are ordered by a hash of their
  label; one article of each of the first 1,000 is held out, and the whole of the next 300. The rest is
  clustered; then each held-out article is matched (read-only). singlesHit = share of the first group
  whose match is the cluster holding most of its story's other articles; singlesNull = share of it
  that gets null; wholeNull = share of the second group that gets null. Targets, on the whole dev
  set: BCubed F1 >= 0.82 and pairwise F1 >= 0.78; at the shipped match threshold, singlesHit >= 0.80
  and wholeNull >= 0.95. holdout.sweep gives the same rates at other match thresholds.
  holdout.twins: how many of the withheld stories have a twin among the indexed ones. Such a story
  is an indexed event, and "no coverage" is the wrong answer for it;
  wholeNullUntwinned is wholeNull over the other withheld stories' articles. twins.singleStories
  counts the first group's stories that have a twin in the index: for them, the twin's cluster is
  as right for the reader as the labelled one, yet counts as a miss.

Options:
  --no-holdout      skip the held-out matching evaluation (halves the run time)
  --gold-index      build the held-out matching index from the gold labels instead of clustering it:
                    the matching rates a perfect clustering would give (holdout.index says which)
  --half a|b        evaluate only the stories whose label hash is even (a) or odd (b): a robustness
                    check that parameters are not fitted to the whole set
${engineOptionsHelp('; repeatable. refineNeighbours=0 turns off the graph refinement at the end of the batch')}
  --help            this text

Errors go to stderr naming the file and line; exit code 1 (2 for bad usage).`;

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** An index of the articles' own story labels (no clustering), built in time order. */
function indexByLabels(articles: readonly ArticleRecord[], options: Parameters<typeof clusterInTimeOrder>[1]): StoryEngine {
  const engine = new StoryEngine(options);
  const order = articles.map((_, index) => index).sort((a, b) => articles[a].published - articles[b].published || a - b);
  for (const index of order) engine.addToLabelledStory(articles[index], articles[index].story ?? '');
  return engine;
}

void runCli('eval:clusters', HELP, (args) => {
  const holdout = !args.includes('--no-holdout');
  const goldIndex = args.includes('--gold-index');
  const { positional, sets, flags } = splitArgs(
    args.filter((arg) => arg !== '--no-holdout' && arg !== '--gold-index'),
    ['--half'],
  );
  if (positional.length !== 1) throw new UsageError('expected exactly one FILE');
  const half = flags.get('--half');
  if (half !== undefined && half !== 'a' && half !== 'b') throw new UsageError('--half must be a or b');
  const overrides = optionOverrides(sets);
  let articles: ArticleRecord[] = readArticles(positional[0], true);
  if (half !== undefined) {
    const parity = half === 'a' ? 0 : 1;
    articles = articles.filter((article) => fnv1a(article.story ?? '') % 2 === parity);
  }

  const started = performance.now();
  const engine = clusterInTimeOrder(articles, overrides);
  const seconds = (performance.now() - started) / 1000;
  const gold = articles.map((article) => article.story ?? '');
  const predicted = articles.map((article) => engine.storyOf(article.id) ?? '');
  const scores = scoreClustering(gold, predicted);
  const spanMs = overrides.storySpanMs ?? DEFAULT_ENGINE_OPTIONS.storySpanMs;
  const pairs = twinStoryPairs(articles, spanMs);
  const lost = bcubedPrecisionLoss(gold, predicted, pairs);
  const result: Record<string, unknown> = {
    file: positional[0],
    half: half ?? null,
    articles: scores.items,
    goldClusters: scores.goldClusters,
    predictedClusters: scores.predictedClusters,
    pairwise: { precision: round(scores.pairwise.precision), recall: round(scores.pairwise.recall), f1: round(scores.pairwise.f1) },
    bcubed: { precision: round(scores.bcubed.precision), recall: round(scores.bcubed.recall), f1: round(scores.bcubed.f1) },
    twins: { storyPairs: pairs.size / 2, bcubedPrecisionLost: { toTwins: round(lost.toTwins), toOthers: round(lost.toOthers) } },
    precisionLostBySize: precisionLossBySize(gold, predicted, pairs).map((sizeClass) => ({
      sizes: sizeClass.sizes,
      stories: sizeClass.clusters,
      articles: sizeClass.articles,
      precision: round(sizeClass.precision),
      lostToTwins: round(sizeClass.lostToTwins),
      lostToOthers: round(sizeClass.lostToOthers),
    })),
    seconds: round(seconds),
    headlinesPerSecond: Math.round(articles.length / seconds),
    options: overrides,
  };

  if (holdout) {
    const split = holdoutSplit(articles);
    // Indexed with matchThreshold 0 so that every query's best score is seen; thresholds applied below.
    const matchThreshold = overrides.matchThreshold ?? DEFAULT_ENGINE_OPTIONS.matchThreshold;
    const indexEngine = goldIndex
      ? indexByLabels(split.indexed, { ...overrides, matchThreshold: 0 })
      : clusterInTimeOrder(split.indexed, { ...overrides, matchThreshold: 0 });
    const idsByStory = idsByLabel(split.indexed);
    const singles = split.heldOutSingles.map((article) => {
      const match = indexEngine.match(article);
      const ownCluster = majorityStory((id) => indexEngine.storyOf(id), idsByStory.get(article.story ?? '') ?? []);
      return { score: match?.score ?? 0, own: match !== null && match.storyId === ownCluster, twinned: false };
    });
    const twinned = storiesWithHeadlineTwins(split.heldOutWhole, split.indexed, spanMs);
    const singleTwins = twinnedSingleStories(split, spanMs);
    const whole = split.heldOutWhole.map((article) => ({
      score: indexEngine.match(article)?.score ?? 0,
      own: false,
      twinned: twinned.has(article.story ?? ''),
    }));
    const untwinned = whole.filter((w) => !w.twinned);
    const rates = (threshold: number) => holdoutRates(singles, whole, threshold);
    result.holdout = {
      index: goldIndex ? 'gold' : 'clustered',
      singles: singles.length,
      wholeStories: new Set(split.heldOutWhole.map((article) => article.story)).size,
      wholeArticles: split.heldOutWhole.length,
      twins: { wholeStories: twinned.size, wholeArticles: whole.length - untwinned.length, singleStories: singleTwins.size },
      ...rates(matchThreshold),
      // The trade-off around the configured threshold, to show it is not a knife edge.
      sweep: [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6].map(rates),
    };
  }
  return [JSON.stringify(result)];
});

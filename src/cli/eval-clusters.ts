import {
  DEFAULT_ENGINE_OPTIONS,
  StoryEngine,
  TWIN_MIN_WORDS,
  bcubedPrecisionLoss,
  clusterInTimeOrder,
  fnv1a,
  holdoutSplit,
  scoreClustering,
  storiesWithHeadlineTwins,
  twinAwareScores,
  twinStoryPairs,
} from '../core/story/index';
import { optionOverrides, readArticles, runCli, splitArgs, UsageError, type ArticleRecord, engineOptionsHelp } from './lib/jsonl';

const HELP = `Usage: npm run --silent eval:clusters -- [options] FILE

Clusters FILE with the story engine and scores the clusters against its gold "story" labels: the whole
file, then each half of its stories (split by a hash of the label; no story is on both sides): three
JSON lines, "half": null, "a", "b". The halves check that figures are not fitted to the whole set.

FILE  JSON Lines, optionally gzipped; one article per line: {"id", "title", "published", "story"} plus
      optional "description", "url", "publisher", "host".

Each line:
  pairwise {precision, recall, f1}, bcubed {precision, recall, f1}, goldClusters, predictedClusters,
  articles, seconds, headlinesPerSecond (clustering only, file reading excluded),
  twins: gold stories the labels file twice: twin stories share a headline of ${TWIN_MIN_WORDS} or more words,
  word for word (case and punctuation aside), published within one coverage period (storySpanMs) of
  each other: one event, or one continuing event, split by the labels. storyPairs counts them;
  bcubedPrecisionLost splits 1 - BCubed precision into what twin stories and other stories take, in
  all and by the size of the predicted cluster (bySize: articles in clusters of that size, and the
  shares of precision they lose); twinAware gives the scores with twins accounted for (a twin of an
  article's story counts as its own story for precision; recall as the labels define it);
  holdout: the held-out matching evaluation. Stories with >= 2 articles are ordered by a hash of their
  label; one article of each of the first 1,000 is held out, and the whole of the next 300. The rest is
  clustered; then each held-out article is matched (read-only). singlesHit = share of the first group
  whose match is the cluster holding most of its story's other articles; singlesNull = share of it
  that gets null; wholeNull = share of the second group that gets null. holdout.sweep gives the same
  rates at other probabilities of the match decision (the engine's is matchThreshold).
  holdout.twins: how many of the withheld stories have a twin among the indexed ones. Such a story
  is an indexed event, and "no coverage" is the wrong answer for it;
  wholeNullUntwinned is wholeNull over the other withheld stories' articles. twins.singleStories
  counts the first group's stories that have a twin in the index: for them, the twin's cluster is
  as right for the reader as the labelled one, yet counts as a miss.

Options:
  --no-holdout      skip the held-out matching evaluation (halves the run time)
  --gold-index      build the held-out matching index from the gold labels instead of clustering it:
                    the matching rates a perfect clustering would give (holdout.index says which)
  --half a|b        evaluate only the stories whose label hash is even (a) or odd (b): one line
${engineOptionsHelp('; repeatable. refineNeighbours=0 turns off the graph refinement at the end of the batch')}
  --help            this text

Errors go to stderr naming the file and line; exit code 1 (2 for bad usage).`;

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The engine story holding most of the given articles (ties: the smaller id). */
function majorityStory(engine: StoryEngine, ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const story = engine.storyOf(id);
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

/** An index of the articles' own story labels (no clustering), built in time order. */
function indexByLabels(articles: readonly ArticleRecord[], options: Parameters<typeof clusterInTimeOrder>[1]): StoryEngine {
  const engine = new StoryEngine(options);
  const order = articles.map((_, index) => index).sort((a, b) => articles[a].published - articles[b].published || a - b);
  for (const index of order) engine.addToLabelledStory(articles[index], articles[index].story ?? '');
  return engine;
}

interface EvalSettings {
  overrides: ReturnType<typeof optionOverrides>;
  holdout: boolean;
  goldIndex: boolean;
}

/** One JSON line of figures for `articles` (the whole file or one half). */
function evaluate(articles: readonly ArticleRecord[], half: string | null, file: string, settings: EvalSettings): Record<string, unknown> {
  const { overrides } = settings;
  const started = performance.now();
  const engine = clusterInTimeOrder(articles, overrides);
  const seconds = (performance.now() - started) / 1000;
  const gold = articles.map((article) => article.story ?? '');
  const predicted = articles.map((article) => engine.storyOf(article.id) ?? '');
  const scores = scoreClustering(gold, predicted);
  const spanMs = overrides.storySpanMs ?? DEFAULT_ENGINE_OPTIONS.storySpanMs;
  const pairs = twinStoryPairs(articles, spanMs);
  const lost = bcubedPrecisionLoss(gold, predicted, pairs);
  const twinAware = twinAwareScores(gold, predicted, pairs, scores);
  const rounded = (figures: { precision: number; recall: number; f1: number }) => ({
    precision: round(figures.precision),
    recall: round(figures.recall),
    f1: round(figures.f1),
  });
  const result: Record<string, unknown> = {
    file,
    half,
    articles: scores.items,
    goldClusters: scores.goldClusters,
    predictedClusters: scores.predictedClusters,
    pairwise: rounded(scores.pairwise),
    bcubed: rounded(scores.bcubed),
    twins: {
      storyPairs: pairs.size / 2,
      bcubedPrecisionLost: {
        toTwins: round(lost.toTwins),
        toOthers: round(lost.toOthers),
        bySize: lost.bySize.map((bucket) => ({ ...bucket, toTwins: round(bucket.toTwins), toOthers: round(bucket.toOthers) })),
      },
      twinAware: { pairwise: rounded(twinAware.pairwise), bcubed: rounded(twinAware.bcubed) },
    },
    seconds: round(seconds),
    headlinesPerSecond: Math.round(articles.length / seconds),
    options: overrides,
  };
  if (settings.holdout) result.holdout = heldOutMatching(articles, settings);
  return result;
}

function heldOutMatching(articles: readonly ArticleRecord[], settings: EvalSettings): Record<string, unknown> {
  const { overrides, goldIndex } = settings;
  const spanMs = overrides.storySpanMs ?? DEFAULT_ENGINE_OPTIONS.storySpanMs;
  const split = holdoutSplit(articles);
  // Indexed with the lowest match threshold so that every query's best probability is seen; the
  // engine's threshold and the sweep's are applied below.
  const matchThreshold = overrides.matchThreshold ?? DEFAULT_ENGINE_OPTIONS.matchThreshold;
  const seeAll = { ...overrides, matchThreshold: Number.MIN_VALUE };
  const indexEngine = goldIndex ? indexByLabels(split.indexed, seeAll) : clusterInTimeOrder(split.indexed, seeAll);
  const idsByStory = new Map<string, string[]>();
  for (const article of split.indexed) {
    const label = article.story ?? '';
    let list = idsByStory.get(label);
    if (!list) idsByStory.set(label, (list = []));
    list.push(article.id);
  }
  const singles = split.heldOutSingles.map((article) => {
    const match = indexEngine.match(article);
    const ownCluster = majorityStory(indexEngine, idsByStory.get(article.story ?? '') ?? []);
    return { score: match?.score ?? 0, own: match !== null && match.storyId === ownCluster };
  });
  const twinned = storiesWithHeadlineTwins(split.heldOutWhole, split.indexed, spanMs);
  const singleStories = new Set(split.heldOutSingles.map((article) => article.story ?? ''));
  const singleTwins = storiesWithHeadlineTwins(
    split.indexed.filter((article) => singleStories.has(article.story ?? '')),
    split.indexed,
    spanMs,
  );
  const whole = split.heldOutWhole.map((article) => ({
    score: indexEngine.match(article)?.score ?? 0,
    twinned: twinned.has(article.story ?? ''),
  }));
  const untwinned = whole.filter((w) => !w.twinned);
  const share = (count: number, of: number) => round(count / Math.max(1, of));
  const rates = (threshold: number) => ({
    threshold,
    singlesHit: share(singles.filter((s) => s.own && s.score >= threshold).length, singles.length),
    singlesNull: share(singles.filter((s) => s.score < threshold).length, singles.length),
    wholeNull: share(whole.filter((w) => w.score < threshold).length, whole.length),
    wholeNullUntwinned: share(untwinned.filter((w) => w.score < threshold).length, untwinned.length),
  });
  return {
    index: goldIndex ? 'gold' : 'clustered',
    singles: singles.length,
    wholeStories: new Set(split.heldOutWhole.map((article) => article.story)).size,
    wholeArticles: split.heldOutWhole.length,
    twins: { wholeStories: twinned.size, wholeArticles: whole.length - untwinned.length, singleStories: singleTwins.size },
    ...rates(matchThreshold),
    // The trade-off around the engine's threshold, to show it is not a knife edge.
    sweep: MATCH_SWEEP.map(rates),
  };
}

/** Match probabilities the held-out rates are also given at. */
const MATCH_SWEEP = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

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
  const settings: EvalSettings = { overrides: optionOverrides(sets), holdout, goldIndex };
  const articles: ArticleRecord[] = readArticles(positional[0], true);
  const ofHalf = (name: 'a' | 'b') => articles.filter((article) => fnv1a(article.story ?? '') % 2 === (name === 'a' ? 0 : 1));
  if (half !== undefined) return [JSON.stringify(evaluate(ofHalf(half), half, positional[0], settings))];
  return [
    JSON.stringify(evaluate(articles, null, positional[0], settings)),
    JSON.stringify(evaluate(ofHalf('a'), 'a', positional[0], settings)),
    JSON.stringify(evaluate(ofHalf('b'), 'b', positional[0], settings)),
  ];
});

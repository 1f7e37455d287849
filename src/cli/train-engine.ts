/**
 * Fits the story engine's decision models (src/core/story/decision-weights.json) on labelled headlines.
 */
import { writeFileSync } from 'node:fs';
import type { DecisionModel, LogisticWeights } from '../core/story/decision-model';
import { fnv1a } from '../core/story/index';
import { MERGE_FEATURE_NAMES } from '../core/story/merge-features';
import { PAIR_FEATURE_NAMES } from '../core/story/pair-features';
import {
  collectExamples,
  collectMatchExamples,
  collectMergeExamples,
  decisionFigures,
  matchFigures,
  mergeFigures,
  poolExamples,
  type DecisionExamples,
  type MatchExamples,
} from './lib/decision-examples';
import { type Examples, fitLogistic } from './lib/logistic-fit';
import { readArticles, runCli, splitArgs, UsageError, type ArticleRecord } from './lib/jsonl';

const HELP = `Usage: npm run --silent train:engine -- [options] FILE

Fits the story engine's decision models on FILE, labelled headlines in the eval:clusters format, and
prints one JSON line per step:
  pair model: does an article report a story's event (join or start a story; match or answer null);
  merge model: are two stories one event.

The stories are split in two halves by a hash of their label (as eval:clusters --half a|b): no story has
articles on both sides. Pair examples: each half's articles are indexed in time order into their own
stories; before an article is added, each of its candidate stories is an example (its own story: yes;
another: no; a twin of its story, one event under two labels: left out). Merge examples: each half is
clustered with the pair model but without merges, and each pair of stories that could merge is an
example (same majority label: yes). Models fitted on one half are scored on the other (both ways), then
the shipped models are fitted on both halves.

Figures: joinRight/joinWrong/joinMissed (articles whose story was indexed), newRight/newWrong (articles
that started a story), logLoss and accuracy per candidate; merges: precision, recall, logLoss.
Deterministic: the same FILE gives the same weights and version.

Options:
  --out FILE        also write the models as JSON to FILE (src/core/story/decision-weights.json ships)
  --candidates N    candidate stories per article (default 4, as the engine weighs)
  --l2 X            L2 penalty per example (default 0.0001)
  --help            this text`;

/** A join, a match or a merge needs the model to find it more likely than not. */
const THRESHOLDS = { join: 0.5, match: 0.5, merge: 0.5 };

function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function weightsFrom(data: Examples, names: readonly string[], l2: number): LogisticWeights {
  const fit = fitLogistic(data, l2);
  return { features: [...names], weights: fit.weights.map((w) => round(w)), bias: round(fit.bias) };
}

function modelFrom(pair: LogisticWeights, match: LogisticWeights, merge: LogisticWeights): DecisionModel {
  const body = JSON.stringify({ pair, match, merge, thresholds: THRESHOLDS });
  return { version: `m${fnv1a(body).toString(36)}`, pair, match, merge, thresholds: THRESHOLDS };
}

interface Trained {
  model: DecisionModel;
  mergeData: Examples[];
  matchData: MatchExamples[];
}

/**
 * Fits the pair model, then the merge model on stories clustered with it (no merges), then the match
 * model on held-out articles against an index clustered with both.
 */
function train(pairData: Examples, trainArticles: readonly ArticleRecord[][], l2: number): Trained {
  const pair = weightsFrom(pairData, PAIR_FEATURE_NAMES, l2);
  const noMerges = { features: [...MERGE_FEATURE_NAMES], weights: MERGE_FEATURE_NAMES.map(() => 0), bias: -1000 };
  const mergeData = trainArticles.map((articles) => collectMergeExamples(articles, modelFrom(pair, pair, noMerges)));
  const merge = weightsFrom(poolExamples(mergeData), MERGE_FEATURE_NAMES, l2);
  const matchData = trainArticles.map((articles) => collectMatchExamples(articles, modelFrom(pair, pair, merge)));
  const match = weightsFrom(poolExamples(matchData), PAIR_FEATURE_NAMES, l2);
  return { model: modelFrom(pair, match, merge), mergeData, matchData };
}

function figures(trained: DecisionModel, pairs: DecisionExamples, merges: Examples, matches: MatchExamples): Record<string, unknown> {
  return {
    ...decisionFigures(trained.pair, pairs, THRESHOLDS.join),
    merges: mergeFigures(trained.merge, merges, THRESHOLDS.merge),
    matches: matchFigures(trained.match, matches, THRESHOLDS.match),
  };
}

void runCli('train:engine', HELP, (args) => {
  const { positional, sets, flags } = splitArgs(args, ['--out', '--candidates', '--l2']);
  if (positional.length !== 1) throw new UsageError('expected exactly one FILE');
  if (sets.length > 0) throw new UsageError('--set is not supported: the models are trained for the default options');
  const candidates = Number(flags.get('--candidates') ?? 4);
  const l2 = Number(flags.get('--l2') ?? 1e-4);
  if (!Number.isInteger(candidates) || candidates < 1) throw new UsageError('--candidates must be a positive integer');
  if (!(l2 >= 0)) throw new UsageError('--l2 must be a number >= 0');
  const articles = readArticles(positional[0], true);
  const halves: ArticleRecord[][] = [[], []];
  for (const article of articles) halves[fnv1a(article.story ?? '') % 2].push(article);
  const name = (i: number) => (i === 0 ? 'a' : 'b');
  const lines: string[] = [];
  const examples: DecisionExamples[] = halves.map((half) => collectExamples(half, {}, candidates));
  examples.forEach((set, i) => {
    lines.push(JSON.stringify({ step: 'examples', half: name(i), articles: set.groups, examples: set.count }));
  });
  for (const [trainOn, testOn] of [
    [0, 1],
    [1, 0],
  ]) {
    const { model, mergeData, matchData } = train(examples[trainOn], [halves[trainOn]], l2);
    const testMerges = collectMergeExamples(halves[testOn], model);
    const testMatches = collectMatchExamples(halves[testOn], model);
    lines.push(
      JSON.stringify({
        step: 'held-out',
        trainedOn: name(trainOn),
        testedOn: name(testOn),
        train: figures(model, examples[trainOn], mergeData[0], matchData[0]),
        test: figures(model, examples[testOn], testMerges, testMatches),
      }),
    );
  }
  const { model, mergeData, matchData } = train(poolExamples(examples), halves, l2);
  lines.push(
    JSON.stringify({
      step: 'shipped',
      a: figures(model, examples[0], mergeData[0], matchData[0]),
      b: figures(model, examples[1], mergeData[1], matchData[1]),
    }),
  );
  lines.push(JSON.stringify({ step: 'model', ...model }));
  const out = flags.get('--out');
  if (out !== undefined) writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  return lines;
});

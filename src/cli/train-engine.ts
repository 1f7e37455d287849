import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_ENGINE_OPTIONS,
  MATCH_FEATURES,
  MATCH_MODEL,
  type MatchExample,
  type MatchModel,
  clusterInTimeOrder,
  fitMatchModel,
  fitMatchTrees,
  fnv1a,
  holdoutSplit,
  holdoutRates,
  idsByLabel,
  twinnedSingleStories,
  majorityStory,
  matchFeatures,
  matchProbability,
  storiesWithHeadlineTwins,
} from '../core/story/index';
import { type ArticleRecord, readArticles, runCli, UsageError } from './lib/jsonl';

const WEIGHTS_FILE = 'src/core/story/data/match-model.json';

const HELP = `Usage: npm run --silent train:engine -- [--write] FILE

Trains the story engine's match model (src/core/story/match-model.ts: logistic regression over features
of an article and its best candidate story, then boosted trees on its residuals) on FILE's gold story
labels, and reproduces the shipped weights (${WEIGHTS_FILE}).

FILE  JSON Lines, optionally gzipped, as for eval:clusters: {"id", "title", "published", "story"} per line.

Split by story, never by article: FILE's stories fall into halves a and b by a hash of their label. In
each half, as in eval:clusters' holdout, one article of each of 1,000 stories and the whole of 300 more
stories are held out and the rest is clustered; each held-out article's best candidate story gives an
example: the right story (its story's other articles are mostly there) or not. Articles of withheld
stories whose event the index holds under another label (a headline twin) are left out: their right
answer is unknown. The two groups count equally (the singles are weighted up).

Prints JSON lines:
  one per half: the model trained on the other half, evaluated on this one (singlesHit, singlesNull,
  wholeNull, wholeNullUntwinned at the shipped threshold and a sweep), beside the regression alone
  (linearOnly) and the hand-set score at 0.4;
  then the model trained on both halves, which is the shipped one, and whether it equals the shipped file.

Options:
  --write   write the model trained on both halves to ${WEIGHTS_FILE}, formatted (its version goes
            up by one when the numbers differ from the shipped ones)

Exit code 1 on unreadable input, 2 for bad usage.`;

interface Row {
  group: 'single' | 'whole';
  /** Whether the index holds the article's event under another label too (a headline twin). */
  twinned: boolean;
  /** Whether the candidate is the article's own story (singles only). */
  own: boolean;
  /** The hand-set score and the model's input; null when no candidate scored. */
  score: number;
  features: number[] | null;
}

/** Outlets a reader's index would hold: the file's READER_OUTLETS largest publishers. */
const READER_OUTLETS = 70;

function readerOutlets(articles: readonly ArticleRecord[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { publisher } of articles) if (publisher) counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return new Set(ranked.slice(0, READER_OUTLETS).map(([publisher]) => publisher));
}

/** Clusters one half's indexed articles and describes each held-out article's best candidate. */
function rowsOf(articles: readonly ArticleRecord[]): Row[] {
  const split = holdoutSplit(articles);
  const engine = clusterInTimeOrder(split.indexed, { matchThreshold: 0 });
  const idsByStory = idsByLabel(split.indexed);
  const spanMs = DEFAULT_ENGINE_OPTIONS.storySpanMs;
  const twinnedSingles = twinnedSingleStories(split, spanMs);
  const rows: Row[] = [];
  for (const article of split.heldOutSingles) {
    const found = engine.matchEvidence(article);
    const own = majorityStory((id) => engine.storyOf(id), idsByStory.get(article.story ?? '') ?? []);
    rows.push({
      group: 'single',
      twinned: twinnedSingles.has(article.story ?? ''),
      own: found !== null && found.storyId === own,
      score: found?.evidence.score ?? 0,
      features: found && matchFeatures(found.evidence),
    });
  }
  const twinned = storiesWithHeadlineTwins(split.heldOutWhole, split.indexed, spanMs);
  for (const article of split.heldOutWhole) {
    const found = engine.matchEvidence(article);
    rows.push({
      group: 'whole',
      twinned: twinned.has(article.story ?? ''),
      own: false,
      score: found?.evidence.score ?? 0,
      features: found && matchFeatures(found.evidence),
    });
  }
  return rows;
}

function examplesOf(rows: readonly Row[]): MatchExample[] {
  // Where the index holds the event under another label, a candidate other than the labelled story may be
  // as right: such examples are left out, as their answer is unknown.
  const singles = rows.filter((row) => row.group === 'single' && row.features !== null && (row.own || !row.twinned));
  const whole = rows.filter((row) => row.group === 'whole' && row.features !== null && !row.twinned);
  const singleWeight = whole.length / Math.max(1, singles.length);
  return [
    ...singles.map((row) => ({ features: row.features ?? [], label: row.own, weight: singleWeight })),
    ...whole.map((row) => ({ features: row.features ?? [], label: false, weight: 1 })),
  ];
}

/** The held-out rates when a row is matched at `threshold` of `value(row)`. */
function rates(rows: readonly Row[], value: (row: Row) => number, threshold: number) {
  const answers = (group: Row['group']) => rows.filter((row) => row.group === group).map((row) => ({ ...row, score: value(row) }));
  return holdoutRates(answers('single'), answers('whole'), threshold);
}

const probabilityOf = (model: MatchModel) => (row: Row) => (row.features === null ? 0 : matchProbability(model, row.features));

const sameNumbers = (a: MatchModel, b: MatchModel) =>
  JSON.stringify([a.features, a.mean, a.scale, a.weights, a.bias, a.trees]) ===
  JSON.stringify([b.features, b.mean, b.scale, b.weights, b.bias, b.trees]);

/** The regression, then the trees boosted on its logit. */
function fitModel(examples: readonly MatchExample[], version: number): MatchModel {
  const linear = fitMatchModel(examples, MATCH_FEATURES, version);
  const logit = (features: readonly number[]) => {
    const p = matchProbability(linear, features);
    return Math.log(p / (1 - p));
  };
  return { ...linear, trees: fitMatchTrees(examples, logit) };
}

/** The shipped model's numbers as JSON, one line per list (read by match-model-weights.ts). */
function weightsFile({ features: _names, trees, ...linear }: MatchModel): string {
  const line = (indent: string, [key, value]: [string, unknown]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const lines = Object.entries(linear).map((entry) => line('  ', entry));
  if (trees)
    lines.push(
      `  "trees": {\n${Object.entries(trees)
        .map((entry) => line('    ', entry))
        .join(',\n')}\n  }`,
    );
  return `{\n${lines.join(',\n')}\n}\n`;
}

void runCli('train:engine', HELP, (args) => {
  const write = args.includes('--write');
  const positional = args.filter((arg) => arg !== '--write');
  if (positional.length !== 1 || positional[0].startsWith('--')) throw new UsageError('expected exactly one FILE');
  const articles = readArticles(positional[0], true);
  const outlets = readerOutlets(articles);
  const halves = { a: [] as ArticleRecord[], b: [] as ArticleRecord[] };
  for (const article of articles) (fnv1a(article.story ?? '') % 2 === 0 ? halves.a : halves.b).push(article);
  const ofOutlets = (list: readonly ArticleRecord[]) => list.filter((article) => outlets.has(article.publisher ?? ''));
  const scales = {
    a: { all: rowsOf(halves.a), reader: rowsOf(ofOutlets(halves.a)) },
    b: { all: rowsOf(halves.b), reader: rowsOf(ofOutlets(halves.b)) },
  };
  const rows = { a: [...scales.a.all, ...scales.a.reader], b: [...scales.b.all, ...scales.b.reader] };
  const threshold = DEFAULT_ENGINE_OPTIONS.matchThreshold;
  const lines: string[] = [];
  for (const [half, other] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const) {
    const examples = examplesOf(rows[other]);
    const model = fitModel(examples, 0);
    const learned = probabilityOf(model);
    const linearOnly = probabilityOf({ ...model, trees: undefined });
    lines.push(
      JSON.stringify({
        evaluatedOn: half,
        trainedOn: other,
        examples: { train: examples.length, test: rows[half].length },
        ...Object.fromEntries(
          (['all', 'reader'] as const).map((scale) => [
            scale,
            {
              learned: rates(scales[half][scale], learned, threshold),
              linearOnly: rates(scales[half][scale], linearOnly, threshold),
              handSetScore: rates(scales[half][scale], (row) => row.score, 0.4),
              sweep: [0.3, 0.4, 0.5, 0.6, 0.7].map((t) => rates(scales[half][scale], learned, t)),
            },
          ]),
        ),
      }),
    );
  }
  const trained = fitModel([...examplesOf(rows.a), ...examplesOf(rows.b)], MATCH_MODEL.version);
  const same = sameNumbers(trained, MATCH_MODEL);
  const model = same ? MATCH_MODEL : { ...trained, version: MATCH_MODEL.version + 1 };
  if (write && !same) {
    writeFileSync(resolve(WEIGHTS_FILE), weightsFile(model));
  }
  lines.push(JSON.stringify({ model, shipped: same ? 'identical' : write ? `written to ${WEIGHTS_FILE}` : 'differs (run with --write)' }));
  return lines;
});

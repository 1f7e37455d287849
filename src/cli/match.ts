import { clusterInTimeOrder } from '../core/story/index';
import { optionOverrides, readArticles, runCli, splitArgs, UsageError, engineOptionsHelp } from './lib/jsonl';

const HELP = `Usage: npm run --silent match -- [--set KEY=VALUE ...] --index FILE QUERIES

Clusters FILE into stories (exactly as the cluster command does) and prints its lines
{"id": ..., "cluster": ...}; then matches every article of QUERIES against those stories, read-only
(queries are not added to the index), and prints one line per query, in file order:
  {"id": ..., "cluster": "<a cluster printed above>" | null, "query": true, "score": <number>,
   "terms": [shared key terms]}
cluster is null when no story is close enough ("no other coverage yet"); score is then 0.

FILE, QUERIES  JSON Lines, optionally gzipped; one article per line: {"id", "title", "published"} plus
               optional "description", "url", "publisher", "host". "published" is ISO 8601 or epoch ms.

Options:
  --index FILE      the articles to index (required)
${engineOptionsHelp()}
  --help            this text

Errors go to stderr naming the file and line; exit code 1 (2 for bad usage); nothing is printed on
stdout in that case.`;

void runCli('match', HELP, (args) => {
  const { positional, sets, flags } = splitArgs(args, ['--index']);
  const indexFile = flags.get('--index');
  if (indexFile === undefined) throw new UsageError('--index FILE is required');
  if (positional.length !== 1) throw new UsageError('expected exactly one QUERIES file');
  const articles = readArticles(indexFile);
  const queries = readArticles(positional[0]);
  const engine = clusterInTimeOrder(articles, optionOverrides(sets));
  const lines = articles.map((article) => JSON.stringify({ id: article.id, cluster: engine.storyOf(article.id) ?? null }));
  for (const query of queries) {
    const match = engine.match(query);
    lines.push(
      JSON.stringify({
        id: query.id,
        cluster: match?.storyId ?? null,
        query: true,
        score: match ? Math.round(match.score * 1e4) / 1e4 : 0,
        terms: match?.terms ?? [],
      }),
    );
  }
  return lines;
});

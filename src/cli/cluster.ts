import { clusterInTimeOrder } from '../core/story/index';
import { optionOverrides, readArticles, runCli, splitArgs, UsageError, engineOptionsHelp } from './lib/jsonl';

const HELP = `Usage: npm run --silent cluster -- [--set KEY=VALUE ...] FILE

Clusters the articles of FILE into stories with the Parallax story engine.

FILE  JSON Lines, optionally gzipped; one article per line:
      {"id", "title", "published"} plus optional "description", "url", "publisher", "host".
      "published" is an ISO 8601 date or epoch milliseconds. Other fields are ignored.

Articles are processed in "published" order; after the whole file, one line per input article is
printed (in input order): {"id": ..., "cluster": "<story id>"}.

Options:
${engineOptionsHelp()}
  --help            this text

Errors (unreadable file, malformed line) go to stderr naming the file and line; exit code 1
(2 for bad usage). Nothing is printed on stdout in that case.`;

void runCli('cluster', HELP, (args) => {
  const { positional, sets } = splitArgs(args, []);
  if (positional.length !== 1) throw new UsageError('expected exactly one FILE');
  const articles = readArticles(positional[0]);
  const engine = clusterInTimeOrder(articles, optionOverrides(sets));
  return articles.map((article) => JSON.stringify({ id: article.id, cluster: engine.storyOf(article.id) ?? null }));
});

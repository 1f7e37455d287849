/**
 * `npm run bench`: every benchmark, one JSON line per figure. Builds the extension first for the browser
 * benchmarks. Paths default to ../shared/data beside the repository.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchPaths } from './bench/paths';

const HELP = `Usage: npm run bench [-- --uci FILE] [--pages DIR] [--feeds DIR] [--only NAME,...]

Prints speed and memory figures as JSON, one line each.
  --uci FILE    UCI headlines, JSON Lines (.gz)   default ../shared/data/uci-news/uci-dev.jsonl.gz
  --pages DIR   saved article pages               default ../shared/data/pages-dev
  --feeds DIR   feed corpus with manifest.jsonl   default ../shared/data/feeds-dev
  --only NAMES  comma-separated subset of: story, detect, feeds, outlets, refresh, options, browser, chips
The browser benchmarks (browser, options, chips, and refresh's thousand feeds and 500k index) build the
extension and need Chromium (Debian's /usr/bin/chromium).
`;

const BENCHES = ['story', 'detect', 'feeds', 'outlets', 'refresh', 'options', 'browser', 'chips'] as const;
type BenchName = (typeof BENCHES)[number];

async function load(name: BenchName): Promise<(paths: BenchPaths) => Promise<void>> {
  switch (name) {
    case 'story':
      return (await import('./bench/story')).runBench;
    case 'detect':
      return (await import('./bench/detect')).runBench;
    case 'feeds':
      return (await import('./bench/feeds')).runBench;
    case 'outlets':
      return (await import('./bench/outlets')).runBench;
    case 'refresh':
      return (await import('./bench/refresh')).runBench;
    case 'options':
      return (await import('./bench/options')).runBench;
    case 'browser':
      return (await import('./bench/browser')).runBench;
    case 'chips':
      return (await import('./bench/chips')).runBench;
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const paths: BenchPaths = {
    uci: resolve(value('--uci') ?? '../shared/data/uci-news/uci-dev.jsonl.gz'),
    pages: resolve(value('--pages') ?? '../shared/data/pages-dev'),
    feeds: resolve(value('--feeds') ?? '../shared/data/feeds-dev'),
  };
  const only = value('--only')?.split(',') ?? [...BENCHES];
  const unknown = only.filter((n) => !(BENCHES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}\n${HELP}`);
    process.exit(2);
  }
  if (['browser', 'options', 'refresh', 'chips'].some((name) => only.includes(name)))
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const name of only as BenchName[]) await (await load(name))(paths);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * Detector speed: parses every pages-dev page with linkedom (not timed), then times detectArticle
 * alone on each, several rounds, and reports the per-page median and tail.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectArticle } from '../../core/detect/index';
import { parseDocument, readHtmlFile } from '../detect';
import type { BenchPaths } from './paths';

const ROUNDS = 5;
const PAGE_URL = 'https://example.invalid/';

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export async function runBench(paths: BenchPaths): Promise<void> {
  const files = readdirSync(paths.pages)
    .filter((name) => name.endsWith('.html.gz') || name.endsWith('.html'))
    .sort();
  const documents = files.map((name) => parseDocument(readHtmlFile(join(paths.pages, name))));
  // Warm-up round: JIT and linkedom's lazy structures, so the timed rounds measure steady state.
  for (const doc of documents) detectArticle(doc, PAGE_URL);
  // Per page: the median of ROUNDS runs, so one scheduling hiccup on the shared cores does not count.
  const perPage: number[] = [];
  let articles = 0;
  for (const doc of documents) {
    const runs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      const detection = detectArticle(doc, PAGE_URL);
      runs.push(performance.now() - start);
      if (round === 0 && detection.isArticle) articles++;
    }
    runs.sort((a, b) => a - b);
    perPage.push(percentile(runs, 0.5));
  }
  const sorted = [...perPage].sort((a, b) => a - b);
  const total = perPage.reduce((sum, value) => sum + value, 0);
  console.log(
    JSON.stringify({
      bench: 'detect',
      engine: 'linkedom',
      pages: documents.length,
      articles,
      rounds: ROUNDS,
      medianMs: round3(percentile(sorted, 0.5)),
      p90Ms: round3(percentile(sorted, 0.9)),
      maxMs: round3(sorted[sorted.length - 1] ?? 0),
      meanMs: round3(total / Math.max(1, perPage.length)),
      budgetMedianMs: 2,
    }),
  );
}

/** Run alone: npx tsx src/cli/bench/detect.ts [PAGES_DIR] */
const script = process.argv[1] ?? '';
if (script.endsWith('bench/detect.ts')) {
  void runBench({
    uci: '/work/shared/data/uci-news/uci-dev.jsonl.gz',
    pages: process.argv[2] ?? '/work/shared/data/pages-dev',
    feeds: '/work/shared/data/feeds-dev',
  });
}

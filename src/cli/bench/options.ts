/**
 * Options-page benchmark: the reading-diet summary over a year of heavy reading (the worker answers it
 * each time the page opens or the period changes), the custom-outlet check the form runs on submit, and
 * (in Chromium, with the built extension) the import and export of a 150,000-article index. One JSON
 * object per line, each with "bench".
 */
import { summarizeReading, DAY_MS, type ReadingEvent } from '../../core/reading-diet';
import { customOutletFromInput } from '../../messaging/protocol-options';
import { runTransferBench } from './options-transfer';
import type { BenchPaths } from './paths';
import { median } from './stats';

const round = (value: number) => Math.round(value * 100) / 100;

function time(runs: number, task: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    samples.push(performance.now() - start);
  }
  return round(median(samples));
}

/** `count` openings spread over the last `days` days, a few articles opened twice. */
function readingRows(count: number, days: number, now: number): ReadingEvent[] {
  const sides = ['L', 'C', 'R', null] as const;
  return Array.from({ length: count }, (_, i) => ({
    at: now - ((i * 7919) % (days * DAY_MS)),
    articleId: `https://example.org/a/${i % Math.floor(count * 0.9)}`,
    side: sides[(i * 31) % 4],
  }));
}

export async function runBench(paths: BenchPaths): Promise<void> {
  const now = Date.UTC(2026, 10, 18, 15);
  for (const rows of [1_000, 20_000, 100_000]) {
    const events = readingRows(rows, 365, now);
    for (const days of [7, 30, 90]) {
      const ms = time(7, () => summarizeReading(events, { days, now, utcOffsetMinutes: 60 }));
      console.log(JSON.stringify({ bench: 'options.reading-summary', rows, days, medianMs: ms }));
    }
  }
  const input = {
    name: 'Valley Courier',
    domains: ['valleycourier.com', 'news.valleycourier.com'],
    feeds: Array.from({ length: 20 }, (_, i) => ({ url: `https://valleycourier.com/rss/${i}`, section: `Section ${i}` })),
  };
  console.log(JSON.stringify({ bench: 'options.custom-outlet-check', feeds: 20, medianMs: time(50, () => customOutletFromInput(input)) }));
  await runTransferBench(paths);
}

if (process.argv[1] && /bench[\\/]options\.ts$/.test(process.argv[1])) {
  void runBench({ uci: '../shared/data/uci-news/uci-dev.jsonl.gz', pages: '', feeds: '' });
}

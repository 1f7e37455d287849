/**
 * Feed parser benchmark: the feeds-dev corpus, its largest real feed, and a generated 10 MB feed.
 * Prints one JSON object per line, each with a "bench" field.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../../core/feeds/index';
import type { BenchPaths } from './paths';
import { median } from './stats';

function readFeed(path: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(path));
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A synthetic RSS feed of about `targetBytes` with realistic items (HTML descriptions, dates). */
export function syntheticFeed(targetBytes: number): { bytes: Uint8Array; items: number } {
  const parts: string[] = [
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example/</link>\n',
  ];
  let size = parts[0].length;
  let items = 0;
  const paragraph =
    '<p>Officials said on Tuesday that the talks would resume next week, after a night of negotiations in Geneva. &ldquo;We are close,&rdquo; one said.</p>';
  while (size < targetBytes - 200) {
    const item =
      `<item><title>Story ${items}: talks resume &amp; markets rally</title><link>https://bench.example/story/${items}</link>` +
      `<guid isPermaLink="false">bench-${items}</guid><pubDate>Tue, 10 Jun 2003 04:00:00 EDT</pubDate><dc:creator>Reporter ${items % 50}</dc:creator>` +
      `<description><![CDATA[${paragraph.repeat(8)}<img src="/img/${items}.jpg" width="640">]]></description></item>\n`;
    parts.push(item);
    size += item.length;
    items++;
  }
  parts.push('</channel></rss>\n');
  return { bytes: new TextEncoder().encode(parts.join('')), items };
}

/** Hostile shapes that would be quadratic in a naive parser; each about 2–4 MB. */
function pathologicalFeeds(): Record<string, string> {
  const head = '<rss><channel><title>P</title><item><title>t</title><link>https://p.example/</link><description>';
  const tail = '</description></item></channel></rss>';
  return {
    strayAmpersands: head + 'a & b '.repeat(500_000) + tail,
    strayLessThan: head + 'a < b '.repeat(500_000) + tail,
    unterminatedImgTags: `${head}<![CDATA[${'<img src=x '.repeat(300_000)}]]>${tail}`,
    unclosedElements: `<rss><channel><title>P</title>${'<item><title>x</title><b>'.repeat(100_000)}`,
    deepNesting: `<rss><channel><item><title>d</title><link>https://d.example/</link>${'<x>'.repeat(500_000)}</item></channel></rss>`,
    manyEntityReferences: head + '&amp;&lt;&#233;&nbsp;'.repeat(150_000) + tail,
  };
}

export async function runBench(paths: BenchPaths): Promise<void> {
  const manifestPath = join(paths.feeds, 'manifest.jsonl');
  if (existsSync(manifestPath)) {
    const files = readFileSync(manifestPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => String((JSON.parse(line) as { file: string }).file));
    const inputs = files.map((file) => ({ file, bytes: readFeed(join(paths.feeds, file)) }));
    const totalBytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
    const runs: number[] = [];
    let entries = 0;
    let ok = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      entries = 0;
      ok = 0;
      for (const input of inputs) {
        const result = parseFeed(input.bytes);
        if (result.ok) {
          ok++;
          entries += result.feed.entries.length;
        }
      }
      runs.push(performance.now() - start);
    }
    const ms = median(runs);
    console.log(
      JSON.stringify({
        bench: 'feeds.corpus',
        feeds: inputs.length,
        ok,
        entries,
        bytes: totalBytes,
        medianMs: round(ms),
        mbPerSecond: round(totalBytes / 1e6 / (ms / 1000)),
        runs: runs.length,
      }),
    );

    const largest = inputs.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
    const largestRuns: number[] = [];
    let largestEntries = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const result = parseFeed(largest.bytes);
      largestRuns.push(performance.now() - start);
      largestEntries = result.ok ? result.feed.entries.length : 0;
    }
    console.log(
      JSON.stringify({
        bench: 'feeds.largest',
        file: largest.file,
        bytes: largest.bytes.length,
        entries: largestEntries,
        medianMs: round(median(largestRuns)),
      }),
    );
  } else {
    console.log(JSON.stringify({ bench: 'feeds.corpus', skipped: `${manifestPath} not found` }));
  }

  for (const [name, text] of Object.entries(pathologicalFeeds())) {
    const bytes = new TextEncoder().encode(text);
    const start = performance.now();
    const result = parseFeed(bytes);
    console.log(
      JSON.stringify({ bench: 'feeds.pathological', case: name, bytes: bytes.length, ms: round(performance.now() - start), ok: result.ok }),
    );
  }

  const { bytes, items } = syntheticFeed(10_000_000);
  const bigRuns: number[] = [];
  let parsed = 0;
  let heapGrowth = 0;
  for (let run = 0; run < 3; run++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const result = parseFeed(bytes);
    bigRuns.push(performance.now() - start);
    // Approximate: heap in use with the result alive, minus before (a GC during the parse lowers it).
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
    parsed = result.ok ? result.feed.entries.length : -1;
  }
  console.log(
    JSON.stringify({
      bench: 'feeds.synthetic10MB',
      bytes: bytes.length,
      items,
      entries: parsed,
      medianMs: round(median(bigRuns)),
      mbPerSecond: round(bytes.length / 1e6 / (median(bigRuns) / 1000)),
      heapGrowthMB: round(heapGrowth / 1e6, 1),
      runs: bigRuns.length,
    }),
  );
}

// Run directly: npx tsx src/cli/bench/feeds.ts [FEEDS_DIR]
if (process.argv[1] && /bench[\\/]feeds\.ts$/.test(process.argv[1])) {
  const feeds = process.argv[2] ?? '/work/shared/data/feeds-dev';
  void runBench({ uci: '/work/shared/data/uci-news/uci-dev.jsonl.gz', pages: '/work/shared/data/pages-dev', feeds });
}

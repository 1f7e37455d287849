/**
 * The index at the size a thousand feeds reach over the 14-day retention (about 400,000 articles), and
 * a margin: 500,000 articles synthesised from the UCI headlines. The 294k real headlines keep their order
 * and are laid over the last 14 days; a second copy, with other addresses, is laid half a window later
 * (beyond the engine's story window, so copies form stories of their own), which gives the density of a
 * thousand feeds: about 36,000 articles a day. Figures in Node: the story engine's heap, its stored
 * snapshot, match latency, and restore + first match; in Chromium: the first match after a worker start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ENGINE_VERSION } from '../../background/story-index';
import { StoryEngine, type EngineArticle } from '../../core/story/index';
import { decodeSnapshot, encodeSnapshot } from '../../core/story/snapshot-pack';
import { canonicalizeUrl } from '../../core/url/index';
import { inPublishedOrder, readArticles } from '../lib/jsonl';

export const SCALE_ARTICLES = 500_000;
const WINDOW_MS = 14 * 24 * 3_600_000;
const QUERIES = 2_000;

export interface ScaleArticle extends EngineArticle {
  url: string;
  publisher: string;
  host: string;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** A callable full garbage collection (Node exposes it behind a flag, which can be set at run time). */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  return typeof gc === 'function' ? () => void (gc as () => unknown)() : () => undefined;
}

/**
 * `count` articles over the 14 days before `now`, in time order, with canonical ids; the articles after
 * them in the same synthesis (the next `extra`) are returned apart, as queries the index has not seen.
 */
export function synthesiseIndex(
  uciPath: string,
  count: number,
  now: number,
  extra = 0,
): { indexed: ScaleArticle[]; unseen: ScaleArticle[] } {
  const records = inPublishedOrder(readArticles(uciPath)).filter((r) => r.url && r.title.trim() !== '');
  const total = count + extra;
  const copies = Math.ceil(total / records.length);
  const start = now - WINDOW_MS;
  const all: ScaleArticle[] = [];
  const seen = new Set<string>();
  for (let copy = 0; copy < copies; copy++) {
    records.forEach((record, i) => {
      const original = new URL(record.url as string);
      // Copies live on other hosts: same headline, another article.
      if (copy > 0) original.hostname = `copy${copy}.${original.hostname}`;
      const id = canonicalizeUrl(original.href);
      if (id === null || seen.has(id)) return;
      seen.add(id);
      const offset = ((i / records.length + copy / copies) % 1) * WINDOW_MS;
      all.push({
        id,
        url: id,
        title: record.title,
        publisher: record.publisher ?? original.hostname,
        host: new URL(id).hostname,
        published: Math.round(start + offset),
      });
    });
  }
  const ordered = inPublishedOrder(all);
  // Spread over the whole window: `extra` queries held out at even steps, `count` articles kept at even steps of the rest.
  const step = extra > 0 ? ordered.length / extra : Number.POSITIVE_INFINITY;
  const unseen: ScaleArticle[] = [];
  const rest: ScaleArticle[] = [];
  ordered.forEach((article, i) => {
    if (unseen.length < extra && Math.floor((i + 1) / step) > unseen.length) unseen.push(article);
    else rest.push(article);
  });
  const keep = Math.min(1, count / rest.length);
  const indexed = rest.filter((_, i) => Math.floor((i + 1) * keep) > Math.floor(i * keep));
  return { indexed, unseen };
}

/** The engine fed as the worker feeds it (one add per article, in time order, then a refinement). */
export function buildEngine(articles: readonly ScaleArticle[]): StoryEngine {
  const engine = new StoryEngine();
  for (const a of articles) engine.add({ id: a.id, title: a.title, publisher: a.publisher, host: a.host, published: a.published });
  engine.refineStories();
  return engine;
}

/**
 * Building the 500k engine takes minutes (one add per article, as the worker does over two weeks), so
 * its snapshot is kept between runs, keyed as the extension keys its own stored snapshot (ENGINE_VERSION,
 * bumped whenever the engine's clustering or format changes) and by the input.
 */
const CACHE_DIR = resolve('node_modules/.cache/parallax-bench');
const SYNTHESIS_VERSION = 2;

function cacheFile(uciPath: string, count: number, anchor: number): string {
  const input = statSync(uciPath);
  const hash = createHash('sha256').update(
    `${ENGINE_VERSION}:${uciPath}:${input.size}:${input.mtimeMs}:${count}:${anchor}:${SYNTHESIS_VERSION}`,
  );
  return join(CACHE_DIR, `index-${count}-${hash.digest('hex').slice(0, 16)}.snapshot`);
}

/** Each query's time is the least of `runs` runs: on a shared machine a single run also measures waiting for the CPU. */
function matchTimes(
  engine: StoryEngine,
  queries: readonly ScaleArticle[],
  runs: number,
): { single: number[]; least: number[]; matched: number } {
  const single: number[] = [];
  const least: number[] = [];
  let matched = 0;
  for (const query of queries) {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const match = engine.match(query);
      const ms = performance.now() - t;
      if (run === 0) {
        single.push(ms);
        if (match) matched++;
      }
      best = Math.min(best, ms);
    }
    least.push(best);
  }
  return { single: single.sort((a, b) => a - b), least: least.sort((a, b) => a - b), matched };
}

export interface ScaleIndex {
  indexed: ScaleArticle[];
  unseen: ScaleArticle[];
  snapshotBytes: Uint8Array;
}

/** Engine heap, snapshot size, match latency and restore + first match at `count` articles, in Node. */
export function benchIndexScaleNode(uciPath: string, count = SCALE_ARTICLES): ScaleIndex {
  const gc = garbageCollector();
  // The last 14 days before the start of this month: the same articles all month, so the cached snapshot
  // matches them (the browser bench sets a retention that keeps them).
  const today = new Date();
  const anchor = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  const { indexed, unseen } = synthesiseIndex(uciPath, count, anchor, QUERIES);
  const cached = cacheFile(uciPath, count, anchor);
  let built: { seconds: number; heapMB: number } | null = null;
  let snapshotBytes: Uint8Array;
  if (existsSync(cached)) snapshotBytes = new Uint8Array(readFileSync(cached));
  else {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let engine: StoryEngine | null = buildEngine(indexed);
    const seconds = (performance.now() - started) / 1000;
    gc();
    built = { seconds: round(seconds), heapMB: round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20) };
    snapshotBytes = encodeSnapshot(engine.toSnapshot());
    engine = null;
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, snapshotBytes);
  }
  // The wake path without the IndexedDB read: the stored bytes decoded and the engine restored, then one match.
  gc();
  const heapBeforeRestore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const bytes = snapshotBytes.slice().buffer as ArrayBuffer;
  const engine = StoryEngine.fromSnapshot(decodeSnapshot(bytes));
  engine.match(unseen[0]);
  const restoreAndMatchMs = performance.now() - started;
  gc();
  const engineHeapMB = round((process.memoryUsage().heapUsed - heapBeforeRestore) / 2 ** 20);

  const encodeStarted = performance.now();
  encodeSnapshot(engine.toSnapshot());
  const encodeMs = performance.now() - encodeStarted;
  const times = matchTimes(engine, unseen, 5);
  console.log(
    JSON.stringify({
      bench: 'refresh.index-500k.node',
      articles: engine.size().articles,
      stories: engine.size().stories,
      spanDays: round((indexed[indexed.length - 1].published - indexed[0].published) / 86_400_000),
      articlesPerDay: Math.round(indexed.length / ((indexed[indexed.length - 1].published - indexed[0].published) / 86_400_000)),
      built: built ?? `snapshot cached in ${relative(process.cwd(), cached)}`,
      engineHeapMB,
      engineHeapBudgetMB: 150,
      snapshotMB: round(snapshotBytes.length / 2 ** 20),
      snapshotEncodeMs: Math.round(encodeMs),
      restoreAndFirstMatchMs: Math.round(restoreAndMatchMs),
      matchQueries: unseen.length,
      matchP50Ms: round(percentile(times.single, 0.5), 3),
      matchP95Ms: round(percentile(times.single, 0.95), 3),
      matchLeastOf5P50Ms: round(percentile(times.least, 0.5), 3),
      matchLeastOf5P95Ms: round(percentile(times.least, 0.95), 3),
      matchBudgetP95Ms: 1,
      matchedShare: round(times.matched / unseen.length, 3),
      note: 'engineHeapMB: the engine restored from its snapshot, as a woken worker holds it; built.heapMB: as the adds left it',
    }),
  );
  return { indexed, unseen, snapshotBytes };
}

// Run alone: `npx tsx src/cli/bench/index-scale.ts [UCI_FILE] [--browser]` (--browser: also in the extension, after `npx wxt build`)
if (process.argv[1]?.endsWith('bench/index-scale.ts')) {
  const args = process.argv.slice(2);
  const { indexed, unseen, snapshotBytes } = benchIndexScaleNode(
    args.find((a) => !a.startsWith('--')) ?? '/work/shared/data/uci-news/uci-dev.jsonl.gz',
  );
  if (args.includes('--browser'))
    void import('./index-scale-browser').then((m) => m.benchIndexScaleBrowser(indexed, unseen, snapshotBytes));
}

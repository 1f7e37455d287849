/**
 * Benchmarks of the self-filling index: feed → article conversion on the real feeds of feeds-dev, a
 * refresh run of the worker's FeedRefresher over those feeds (fake-indexeddb, fake fetch: no network),
 * the index file of 150,000 UCI headlines (serialise, validate); then, at scale: a thousand feeds
 * through the real worker in Chromium and an endless feed body (refresh-scale.ts), and the index at
 * 500,000 articles in Node and in the extension (index-scale.ts, index-scale-browser.ts).
 */
// The worker's database under Node, as in the unit tests (a side-effect import: it sets globalThis.indexedDB).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../../core/feeds/index';
import { buildIndexFile, validateIndexFile, type IndexFileArticle } from '../../core/index-file/index';
import { loadRegistry } from '../../core/outlets/index';
import { DEFAULT_PREFERENCES } from '../../core/preferences';
import { entriesToArticles, selectForRemoval, type RetentionCandidate } from '../../core/refresh/index';
import { canonicalizeUrl } from '../../core/url/index';
import { benchIndexScaleNode } from './index-scale';
import { benchIndexScaleBrowser } from './index-scale-browser';
import type { BenchPaths } from './paths';
import { benchRefreshScale } from './refresh-scale';

/** Articles of the index-file figures (kept from when this was the size cap, so the figures compare). */
const INDEX_FILE_ARTICLES = 150_000;

/** The 136 feed files of feeds-dev, as its manifest lists them. */
function feedFiles(dir: string): string[] {
  return readFileSync(join(dir, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => join(dir, (JSON.parse(line) as { file: string }).file));
}

function readBytes(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : new Uint8Array(bytes);
}

function benchConvert(paths: BenchPaths): { url: string; bytes: Uint8Array }[] {
  const registry = loadRegistry();
  const files = feedFiles(paths.feeds);
  const docs = files.map((file, i) => ({
    url: `https://bench.parallax.test/feeds/${i}/${relative(paths.feeds, file)}`,
    bytes: readBytes(file),
  }));
  let entries = 0;
  let articles = 0;
  let feedsOk = 0;
  const skipped: Record<string, number> = {};
  const started = performance.now();
  for (const doc of docs) {
    const parsed = parseFeed(doc.bytes, { url: doc.url });
    if (!parsed.ok) continue;
    feedsOk++;
    entries += parsed.feed.entries.length;
    const converted = entriesToArticles(parsed.feed.entries, {
      feedUrl: doc.url,
      feedTitle: parsed.feed.title,
      resolveOutlet: (u) => registry.resolve(u)?.id ?? null,
      firstSeen: Date.now(),
    });
    articles += converted.articles.length;
    for (const [reason, n] of Object.entries(converted.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
  }
  const ms = performance.now() - started;
  console.log(
    JSON.stringify({
      bench: 'refresh.parse-convert',
      feeds: docs.length,
      feedsOk,
      entries,
      articles,
      skipped,
      ms: Math.round(ms),
      entriesPerSecond: Math.round(entries / (ms / 1000)),
    }),
  );
  return docs;
}

async function benchRefreshRun(docs: { url: string; bytes: Uint8Array }[]): Promise<void> {
  const { ParallaxDatabase } = await import('../../db/database');
  const { StoryIndex } = await import('../../background/story-index');
  const { FeedRefresher } = await import('../../background/feed-refresh');
  const db = new ParallaxDatabase(`bench-refresh-${Date.now()}`);
  const index = new StoryIndex(db);
  let now = Date.now();
  let conditional = 0;
  const byUrl = new Map(docs.map((d) => [d.url, d.bytes]));
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const bytes = byUrl.get(url);
    if (!bytes) return new Response('not found', { status: 404 });
    if (new Headers(init?.headers).get('if-none-match') === '"bench"') {
      conditional++;
      return new Response(null, { status: 304 });
    }
    return new Response(bytes.slice().buffer, { status: 200, headers: { etag: '"bench"' } });
  };
  const registry = loadRegistry();
  const refresher = new FeedRefresher({ db, index, registry, fetch, now: () => now });
  const outletId = registry.all()[0].id;
  for (const doc of docs) await refresher.addCustomFeed({ url: doc.url, outletId, section: 'Bench' });
  for (const run of ['first', 'not-modified'] as const) {
    const started = performance.now();
    const summary = await refresher.refreshDue();
    const ms = performance.now() - started;
    console.log(
      JSON.stringify({
        bench: `refresh.run.${run}`,
        feeds: summary.attempted,
        updated: summary.updated,
        notModified: summary.notModified,
        failed: summary.failed,
        added: summary.added,
        ms: Math.round(ms),
        conditionalRequests: conditional,
        ...(await index.status()),
      }),
    );
    now += 31 * 60_000;
  }
  db.close();
}

function readUci(path: string, limit: number): IndexFileArticle[] {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const rows: IndexFileArticle[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (rows.length >= limit) break;
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { title: string; url: string; publisher: string; host: string; published: string };
    const id = canonicalizeUrl(row.url);
    if (id === null || seen.has(id) || row.title.trim() === '') continue;
    seen.add(id);
    rows.push({
      id,
      url: id,
      title: row.title.slice(0, 1000),
      publisher: row.publisher.slice(0, 300),
      host: row.host,
      published: Date.parse(row.published),
    });
  }
  return rows;
}

function benchIndexFile(paths: BenchPaths): void {
  const articles = readUci(paths.uci, INDEX_FILE_ARTICLES);
  let started = performance.now();
  const file = buildIndexFile({ exportedAt: Date.now(), preferences: DEFAULT_PREFERENCES, feeds: [], articles });
  const json = JSON.stringify(file);
  const serializeMs = performance.now() - started;
  started = performance.now();
  const parsed: unknown = JSON.parse(json);
  const parseMs = performance.now() - started;
  started = performance.now();
  const result = validateIndexFile(parsed);
  const validateMs = performance.now() - started;
  console.log(
    JSON.stringify({
      bench: 'refresh.index-file',
      articles: articles.length,
      bytes: json.length,
      ok: result.ok,
      buildAndStringifyMs: Math.round(serializeMs),
      jsonParseMs: Math.round(parseMs),
      validateMs: Math.round(validateMs),
    }),
  );

  const candidates: RetentionCandidate[] = articles.map((a) => ({ id: a.id, published: a.published, origin: 'feed' }));
  const newest = candidates.reduce((max, c) => Math.max(max, c.published), 0);
  started = performance.now();
  const removal = selectForRemoval(candidates, { retentionDays: 14, maxArticles: 100_000, now: newest });
  console.log(
    JSON.stringify({
      bench: 'refresh.retention-select',
      articles: candidates.length,
      expired: removal.expired.length,
      overCap: removal.overCap.length,
      ms: Math.round(performance.now() - started),
    }),
  );
}

export async function runBench(paths: BenchPaths): Promise<void> {
  const docs = benchConvert(paths);
  await benchRefreshRun(docs);
  benchIndexFile(paths);
  await benchRefreshScale(paths);
  const { indexed, unseen, snapshotBytes } = benchIndexScaleNode(paths.uci);
  await benchIndexScaleBrowser(indexed, unseen, snapshotBytes);
}

// Run alone: `npx tsx src/cli/bench/refresh.ts`
if (process.argv[1]?.endsWith('bench/refresh.ts')) {
  void runBench({
    uci: '/work/shared/data/uci-news/uci-dev.jsonl.gz',
    pages: '/work/shared/data/pages-dev',
    feeds: '/work/shared/data/feeds-dev',
  });
}

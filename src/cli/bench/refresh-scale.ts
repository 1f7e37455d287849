/**
 * The refresh at the scale of a thousand feeds, through the real worker in Debian's Chromium: a thousand
 * distinct feeds served from 127.0.0.1 (feed-farm.ts) are added as the reader's own, and one refresh
 * fetches them all. Printed: wall time, peak worker heap, articles stored per second. Then a feed whose
 * body never ends (chunked, no Content-Length): the worker's heap and the browser's memory before,
 * during and after, and the same fetch in Node.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../core/outlets/index';
import { MAX_FEED_RESPONSE_BYTES, fetchFeedDocument } from '../../core/refresh/index';
import { EXTENSION_DIR, launchWithExtension } from '../../demo/browser';
import type { RefreshProgress, RefreshStatus } from '../../messaging/protocol-index';
import { WorkerHeap, browserRssMB, samplingPeaks } from './browser-memory';
import { farmDocuments, startFeedFarm } from './feed-farm';
import type { BenchPaths } from './paths';
import { round1 } from './stats';

const FEEDS = 1_000;
/** Servers (ports) the feeds are spread over: the run fetches at most 2 per host and port. */
const PORTS = 25;
const ENDLESS_LIMIT_BYTES = 3 * 2 ** 30;

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

function data<T>(reply: Reply<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error}`);
  return reply.data;
}

export async function benchRefreshScale(paths: BenchPaths): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(JSON.stringify({ bench: 'refresh.browser-1000-feeds', skipped: 'no build in .output/chrome-mv3' }));
    return;
  }
  const docs = farmDocuments(paths.feeds);
  const farm = await startFeedFarm(docs, FEEDS, PORTS, ENDLESS_LIMIT_BYTES);
  const { context, extensionId } = await launchWithExtension({ headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
    const send = async <T>(message: object): Promise<Reply<T>> =>
      (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Reply<T>;
    // Adding a thousand feeds can take longer than the schedule's first alarm (one minute after the worker
    // creates it) on a busy machine: the alarm is kept cleared meanwhile, so the timed run fetches every feed.
    const holdAlarm = () =>
      page.evaluate(() =>
        (chrome as unknown as { alarms: { clear(name: string): Promise<boolean> } }).alarms.clear('parallax-feed-refresh'),
      );
    const outlets = loadRegistry()
      .all()
      .map((o) => o.id);
    for (const [k, url] of farm.urls.entries()) {
      if (k % 50 === 0) await holdAlarm();
      data(await send({ type: 'feeds/add-custom', url, outletId: outlets[k % outlets.length], section: 'Bench' }), 'adding a feed');
    }
    await holdAlarm();
    const heldBefore = data(await send<RefreshStatus>({ type: 'refresh/status' }), 'status');
    const heap = await WorkerHeap.attach(context, page);
    const heapBefore = await heap.retainedMB();

    const started = performance.now();
    const { peaks } = await samplingPeaks(heap, 200, async () => data(await send<RefreshStatus>({ type: 'refresh/run' }), 'refresh'));
    const wallSeconds = (performance.now() - started) / 1000;
    const progress = data(await send<RefreshProgress>({ type: 'refresh/progress' }), 'progress');
    const status = data(await send<RefreshStatus>({ type: 'refresh/status' }), 'status');
    const runSeconds =
      progress.lastRefreshAt !== null && progress.startedAt !== null ? (progress.lastRefreshAt - progress.startedAt) / 1000 : Number.NaN;
    const added = status.lastRefreshAdded ?? 0;
    console.log(
      JSON.stringify({
        bench: 'refresh.browser-1000-feeds',
        path: 'real worker in Chromium, feeds from 127.0.0.1',
        feeds: status.feedsEnabled,
        servedFrom: `${docs.length} feeds-dev documents × copies, ${PORTS} ports`,
        failing: status.feedsFailing,
        added,
        articlesHeld: status.articles,
        storiesHeld: status.stories,
        wallSeconds: round1(wallSeconds),
        runSeconds: round1(runSeconds),
        articlesPerSecond: Math.round(added / runSeconds),
        workerHeapBeforeMB: heapBefore,
        peakWorkerHeapMB: peaks.workerHeapMB,
        peakWorkerHeapAndBuffersMB: peaks.workerHeapAndBuffersMB,
        workerHeapAfterMB: await heap.retainedMB(),
        budget: { wallSeconds: 60, peakWorkerHeapMB: 100 },
        note: `wallSeconds: the refresh/run message (the run, then the retention pass); the index held ${heldBefore.articles} demo articles before`,
      }),
    );

    // An endless chunked body, alone in a run: the worker stops at the cap.
    data(
      await send({ type: 'feeds/add-custom', url: farm.endlessUrl, outletId: outlets[0], section: 'Endless' }),
      'adding the endless feed',
    );
    const rssBefore = browserRssMB();
    const endlessHeapBefore = await heap.retainedMB();
    const endless = await samplingPeaks(heap, 100, async () => data(await send<RefreshStatus>({ type: 'refresh/run' }), 'refresh'));
    const failing = endless.result.failing.find((f) => f.url === farm.endlessUrl);
    console.log(
      JSON.stringify({
        bench: 'refresh.endless-body.browser',
        bodyLimitBytes: MAX_FEED_RESPONSE_BYTES,
        serverWroteMB: round1((farm.endlessWritten.at(-1) ?? 0) / 2 ** 20),
        serverWouldSendMB: round1(ENDLESS_LIMIT_BYTES / 2 ** 20),
        error: failing?.lastError ?? null,
        workerHeapBeforeMB: endlessHeapBefore,
        peakWorkerHeapMB: endless.peaks.workerHeapMB,
        peakWorkerHeapAndBuffersMB: endless.peaks.workerHeapAndBuffersMB,
        workerHeapAfterMB: await heap.retainedMB(),
        browserRssBeforeMB: rssBefore,
        peakBrowserRssMB: endless.peaks.browserRssMB,
        browserRssAfterMB: browserRssMB(),
      }),
    );
    await heap.detach();
  } finally {
    await context.close();
  }
  try {
    await benchEndlessInNode(farm.endlessUrl, () => farm.endlessWritten.at(-1) ?? 0);
  } finally {
    await farm.close();
  }
}

/** The same endless body through the core fetch in Node (as the index-build CLI reads feeds). */
async function benchEndlessInNode(url: string, written: () => number): Promise<void> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const outcome = await fetchFeedDocument(fetch, url, {}, 20_000, { redirects: { isAllowed: () => true } });
  const ms = performance.now() - started;
  clearInterval(timer);
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      bench: 'refresh.endless-body.node',
      error: outcome.kind === 'failed' ? outcome.error : null,
      ms: Math.round(ms),
      serverWroteMB: round1(written() / 2 ** 20),
      rssBeforeMB: round1(before.rss / 2 ** 20),
      peakRssMB: round1(peakRss / 2 ** 20),
      rssAfterMB: round1(after.rss / 2 ** 20),
      heapUsedBeforeMB: round1(before.heapUsed / 2 ** 20),
      heapUsedAfterMB: round1(after.heapUsed / 2 ** 20),
    }),
  );
}

// Run alone (after `npx wxt build`): `npx tsx src/cli/bench/refresh-scale.ts [FEEDS_DIR]`
if (process.argv[1]?.endsWith('bench/refresh-scale.ts')) {
  void benchRefreshScale({
    uci: '/work/shared/data/uci-news/uci-dev.jsonl.gz',
    pages: '/work/shared/data/pages-dev',
    feeds: process.argv[2] ?? '/work/shared/data/feeds-dev',
  });
}

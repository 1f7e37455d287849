/**
 * A refresh survives the browser stopping the worker in the middle of it: the reader's "Refresh now"
 * ends with a clear message (not Chrome's "message channel closed"), the worker answers again, the
 * next alarm finishes the run, and the index holds every article once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopServiceWorker } from '../../src/demo/browser';
import { resolve } from 'node:path';
import { ARTIFACTS, expect, openOptions, saveScreenshot, test } from './fixtures';

const FEEDS = 30;
const ITEMS = 8;
/** Each feed answers this late, so a run lasts several seconds (two at a time per host). */
const DELAY_MS = 400;
const TOPICS = ['harbour', 'election', 'vaccine', 'drought', 'satellite', 'tariff', 'museum', 'wildfire', 'railway', 'orchestra'];

const itemUrl = (feed: number, item: number) => `https://fault-test.example/feed-${feed}/story-${item}`;

function feedXml(feed: number, now: number): string {
  const items = Array.from({ length: ITEMS }, (_, item) => {
    const title = `${TOPICS[(feed + item) % TOPICS.length]} report ${feed}-${item}: officials in district ${feed * ITEMS + item} respond`;
    const at = new Date(now - (feed * ITEMS + item) * 60_000).toUTCString();
    return `<item><title>${title}</title><link>${itemUrl(feed, item)}</link><pubDate>${at}</pubDate></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${feed}</title>${items.join('')}</channel></rss>`;
}

async function startSlowFeeds(): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    requests.push(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feedXml(Number(match[1]), Date.now()));
    }, DELAY_MS);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

test('a worker stopped mid-refresh: a clear message, a worker that answers, and the next alarm finishes with every article once', async ({
  context,
  extensionId,
}) => {
  const feeds = await startSlowFeeds();
  try {
    const { options, send } = await openOptions(context, extensionId);
    for (let feed = 0; feed < FEEDS; feed++) {
      const added = await send({
        type: 'feeds/add-custom',
        url: `${feeds.origin}/feeds/${feed}.xml`,
        outletId: 'cnn',
        section: `Feed ${feed}`,
      });
      expect(added.ok).toBe(true);
    }
    const before = await send<{ articles: number }>({ type: 'index/status' });
    const seeded = before.ok ? before.data.articles : -1;

    // The reader starts a refresh; the browser stops the worker a few feeds into it.
    await options.reload();
    // The Feeds section states what the index drops first once it is full.
    await expect(options.getByTestId('refresh-rule')).toContainText(
      'The index keeps at most 150,000 articles: past that, the oldest go first.',
    );
    await options.getByTestId('refresh-now').click();
    await expect(options.getByTestId('refresh-progress')).toBeVisible();
    await expect.poll(() => feeds.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    expect(feeds.requests.length).toBeLessThan(FEEDS);
    await options.getByTestId('refresh-status').screenshot({ path: resolve(ARTIFACTS, 'options-refresh-progress.png') });
    await stopServiceWorker(context, options);

    const notice = options.getByTestId('refresh-notice');
    await expect(notice).toContainText('The refresh stopped before it finished');
    await expect(options.getByTestId('refresh-status')).not.toContainText(/message channel|port closed/i);
    await expect(options.getByTestId('refresh-now')).toBeEnabled();
    await saveScreenshot(options, 'options-refresh-interrupted', { fullPage: false });

    // A new worker answers, and knows the run was cut short.
    const progress = await send<{ running: boolean; interrupted: boolean; articles: number }>({ type: 'refresh/progress' });
    expect(progress).toMatchObject({ ok: true, data: { running: false, interrupted: true } });
    const partial = progress.ok ? progress.data.articles : -1;
    expect(partial).toBeLessThan(seeded + FEEDS * ITEMS);

    // The next alarm (brought forward) finishes the run.
    const worker = context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => {
      const alarms = (
        chrome as unknown as { alarms: { create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> } }
      ).alarms;
      return alarms.create('parallax-feed-refresh', { when: Date.now() + 200, periodInMinutes: 15 });
    });
    await expect
      .poll(
        async () => {
          const now = await send<{ running: boolean; interrupted: boolean; lastRefreshAt: number | null }>({ type: 'refresh/progress' });
          return now.ok && !now.data.running && !now.data.interrupted && now.data.lastRefreshAt !== null;
        },
        { timeout: 60_000 },
      )
      .toBe(true);

    // Every article once: in the table, and in the story engine (whose count is the status's).
    const stored = await options.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('parallax');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const keys = open.result.transaction('articles').objectStore('articles').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
            keys.onerror = () => reject(keys.error);
          };
        }),
    );
    const expected = Array.from({ length: FEEDS }, (_, feed) => Array.from({ length: ITEMS }, (_, item) => itemUrl(feed, item))).flat();
    const fromFeeds = stored.filter((id) => id.startsWith('https://fault-test.example/'));
    expect(fromFeeds.sort()).toEqual(expected.sort());
    const status = await send<{ articles: number; feedsFailing: number; feedsEnabled: number }>({ type: 'refresh/status' });
    expect(status).toMatchObject({ ok: true, data: { articles: stored.length, feedsFailing: 0, feedsEnabled: FEEDS } });
    expect(stored.length).toBe(seeded + FEEDS * ITEMS);

    // The page, reopened, no longer speaks of an interrupted refresh.
    await options.reload();
    await expect(options.getByTestId('refresh-status')).toContainText(`articles: ${stored.length}`);
    await expect(options.getByTestId('refresh-notice')).toHaveCount(0);
  } finally {
    await feeds.close();
  }
});

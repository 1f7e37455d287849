import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedRefresher } from '../../../src/background/feed-refresh';
import { StoryIndex } from '../../../src/background/story-index';
import { HOUR_MS, MINUTE_MS, backoffDelayMs } from '../../../src/core/refresh/index';
import { ParallaxDatabase } from '../../../src/db/database';
import { CENTRE_FEED, LEFT_FEED, RIGHT_FEED, fakeClock, fakeFetch, fixture, testRegistry, xml, type Route } from '../support/refresh';

let db: ParallaxDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDatabase(`refresh-${Math.random()}`);
});
afterEach(() => {
  vi.useRealTimers();
});

const leftRss = fixture('left-times.rss');
const rightAtom = fixture('right-post.atom');
const centreRss = leftRss
  .replace(/www\.lefttimes\.com\/(world|politics)\/2026/g, 'centredaily.com/$1/2026')
  .replace('The Left Times — World', 'Centre Daily');

function setup(routes: Record<string, Route>, clock = fakeClock()) {
  const fake = fakeFetch(routes);
  const index = new StoryIndex(db);
  const refresher = new FeedRefresher({ db, index, registry: testRegistry(), fetch: fake.fetch, now: clock.now });
  return { fake, index, refresher, clock };
}

const ok =
  (body: string, headers: Record<string, string> = {}): Route =>
  () =>
    xml(body, headers);
const failing =
  (status: number): Route =>
  () =>
    new Response('nope', { status, statusText: status === 503 ? 'Service Unavailable' : '' });

describe('FeedRefresher: due selection and storing', () => {
  it('fetches only enabled feeds that are due, and stores their articles once', async () => {
    const { fake, refresher, clock } = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom), [CENTRE_FEED]: ok(centreRss) });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    const summary = await refresher.refreshDue();
    expect(fake.requests.map((r) => r.url).sort()).toEqual([LEFT_FEED, RIGHT_FEED].sort());
    expect(summary).toMatchObject({ attempted: 2, updated: 2, failed: 0 });
    // 3 usable entries each; the wire story is in both feeds.
    expect(summary.added).toBe(5);
    expect(await db.articles.count()).toBe(5);
    const wire = await db.articles.get('https://www.wireservice.com/business/rates-steady-2026-11-20');
    expect(wire).toMatchObject({ origin: 'feed', outletId: 'wire-service', addedAt: clock.now() });

    // Not due again until the interval has passed.
    clock.advance(10 * MINUTE_MS);
    expect((await refresher.refreshDue()).attempted).toBe(0);
    clock.advance(20 * MINUTE_MS);
    const again = await refresher.refreshDue();
    expect(again.attempted).toBe(2);
    expect(again.added).toBe(0);
    expect(await db.articles.count()).toBe(5);
  });

  it('feeds the story engine incrementally: the same event from two outlets is one story', async () => {
    const { refresher, index } = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom) });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    await refresher.refreshDue();
    const status = await index.status();
    expect(status.articles).toBe(5);
    expect(status.stories).toBeLessThan(5);
  });

  it('revises the stories once per run that added articles, after every feed is in', async () => {
    const { refresher, index, clock } = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom) });
    const refine = vi.spyOn(index, 'refine');
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    await refresher.refreshDue();
    expect(refine).toHaveBeenCalledTimes(1);
    clock.advance(40 * MINUTE_MS);
    expect((await refresher.refreshDue()).added).toBe(0);
    expect(refine).toHaveBeenCalledTimes(1);
  });

  it('fetches at most 4 feeds at a time', async () => {
    const urls = Array.from({ length: 9 }, (_, i) => `https://centredaily.com/rss/${i}`);
    const slow: Route = () => new Promise((r) => setTimeout(() => r(xml(centreRss)), 5));
    const { fake, refresher } = setup(Object.fromEntries(urls.map((u) => [u, slow])));
    for (const url of urls) await refresher.addCustomFeed({ url, outletId: 'centre-daily', section: 'Top' });
    const summary = await refresher.refreshDue();
    expect(summary.attempted).toBe(9);
    expect(fake.maxInFlight()).toBe(4);
  });
});

describe('FeedRefresher: conditional GET', () => {
  it('sends the stored ETag and Last-Modified, and treats 304 as a success with nothing new', async () => {
    const etag = '"v1"';
    const lastModified = 'Fri, 20 Nov 2026 09:00:00 GMT';
    let calls = 0;
    const route: Route = (request) => {
      calls++;
      if (request.headers['if-none-match'] === etag) return new Response(null, { status: 304 });
      return xml(leftRss, { etag, 'last-modified': lastModified });
    };
    const { fake, refresher, clock } = setup({ [LEFT_FEED]: route });
    await refresher.enableFeeds([LEFT_FEED]);
    await refresher.refreshDue();
    expect(fake.requests[0].headers['if-none-match']).toBeUndefined();
    const stored = await db.feeds.get(LEFT_FEED);
    expect(stored).toMatchObject({ etag, lastModified, failures: 0, lastEntries: 5 });

    clock.advance(HOUR_MS);
    const summary = await refresher.refreshDue();
    expect(calls).toBe(2);
    expect(fake.requests[1].headers).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(summary).toMatchObject({ notModified: 1, failed: 0, added: 0 });
    const after = await db.feeds.get(LEFT_FEED);
    expect(after).toMatchObject({ etag, lastModified, failures: 0, lastSuccessAt: clock.now(), lastEntries: 5 });
    expect(after?.lastError).toBeUndefined();
    expect(await db.articles.count()).toBe(3);
  });
});

describe('FeedRefresher: failures and backoff', () => {
  it('backs off exponentially per failing feed, caps at 24 h, and a success resets the count', async () => {
    let healthy = false;
    const { refresher, clock } = setup({ [LEFT_FEED]: (r) => (healthy ? ok(leftRss)(r) : failing(503)(r)), [RIGHT_FEED]: ok(rightAtom) });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 9; attempt++) {
      const before = clock.now();
      const summary = await refresher.refreshDue();
      expect(summary.feeds.find((f) => f.url === LEFT_FEED)?.status).toBe('failed');
      const row = await db.feeds.get(LEFT_FEED);
      expect(row?.failures).toBe(attempt);
      expect(row?.lastError).toBe('HTTP 503 Service Unavailable');
      delays.push(row!.nextAttemptAt - before);
      clock.set(row!.nextAttemptAt);
    }
    expect(delays[0]).toBe(backoffDelayMs(LEFT_FEED, 1));
    expect(delays[0]).toBeGreaterThan(13 * MINUTE_MS);
    for (let i = 1; i < 7; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] * 1.7);
    expect(Math.max(...delays)).toBeLessThanOrEqual(24 * HOUR_MS);
    expect(delays[8]).toBeGreaterThan(21 * HOUR_MS);
    // The healthy feed kept its own schedule.
    expect((await db.feeds.get(RIGHT_FEED))?.failures).toBe(0);

    healthy = true;
    await refresher.refreshDue();
    const recovered = await db.feeds.get(LEFT_FEED);
    expect(recovered).toMatchObject({ failures: 0, lastSuccessAt: clock.now() });
    expect(recovered?.lastError).toBeUndefined();
    expect(recovered?.nextAttemptAt).toBe(clock.now() + 30 * MINUTE_MS);
  });

  it('a failing feed leaves the stored articles and validators untouched', async () => {
    let body = leftRss;
    const { refresher, clock } = setup({ [LEFT_FEED]: () => xml(body, { etag: '"good"' }) });
    await refresher.enableFeeds([LEFT_FEED]);
    await refresher.refreshDue();
    const before = await db.articles.toArray();
    body = '<html><body>Maintenance</body></html>';
    clock.advance(HOUR_MS);
    const summary = await refresher.refreshDue();
    expect(summary.feeds[0].error).toMatch(/^not a readable feed: /);
    expect(await db.articles.toArray()).toEqual(before);
    expect((await db.feeds.get(LEFT_FEED))?.etag).toBe('"good"');
  });

  it('gives up on a feed that does not answer within the time limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const never: Route = () => new Promise<Response>(() => undefined);
    const { refresher } = setup({ [LEFT_FEED]: never, [RIGHT_FEED]: ok(rightAtom) });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    let settled = false;
    const run = refresher.refreshDue().finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    const summary = await run;
    expect(summary.feeds.find((f) => f.url === RIGHT_FEED)?.status).toBe('updated');
    expect(summary.feeds.find((f) => f.url === LEFT_FEED)).toMatchObject({ status: 'failed', error: 'timed out after 20 s' });
    expect((await db.feeds.get(LEFT_FEED))?.failures).toBe(1);
  });

  it('reports network errors per feed', async () => {
    const { refresher } = setup({});
    await refresher.enableFeeds([LEFT_FEED]);
    const summary = await refresher.refreshDue();
    expect(summary.feeds[0].error).toBe('network error: Failed to fetch');
  });
});

describe('FeedRefresher: interruption', () => {
  it('resumes after the worker stopped mid-refresh with the remaining feeds and no duplicates', async () => {
    // First worker: the third feed never answers, and the worker is stopped before it does.
    const clock = fakeClock();
    const first = setup(
      { [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom), [CENTRE_FEED]: () => new Promise<Response>(() => undefined) },
      clock,
    );
    await first.refresher.enableFeeds([LEFT_FEED, RIGHT_FEED, CENTRE_FEED]);
    void first.refresher.refreshDue();
    await vi.waitFor(async () => {
      expect((await db.feeds.get(LEFT_FEED))?.lastSuccessAt).toBeDefined();
      expect((await db.feeds.get(RIGHT_FEED))?.lastSuccessAt).toBeDefined();
    });
    expect(await db.articles.count()).toBe(5);

    // Second worker, same database, a little later: only the unfinished feed is due.
    clock.advance(MINUTE_MS);
    const second = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom), [CENTRE_FEED]: ok(centreRss) }, clock);
    const summary = await second.refresher.refreshDue();
    expect(second.fake.requests.map((r) => r.url)).toEqual([CENTRE_FEED]);
    // Centre Daily carries the same wire story: it is not added twice.
    expect(summary.added).toBe(2);
    const ids = (await db.articles.toArray()).map((a) => a.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect((await second.index.status()).articles).toBe(7);
  });

  it('a second refreshDue while one runs joins it instead of fetching twice', async () => {
    const { fake, refresher } = setup({ [LEFT_FEED]: ok(leftRss) });
    await refresher.enableFeeds([LEFT_FEED]);
    const [a, b] = await Promise.all([refresher.refreshDue(), refresher.refreshDue()]);
    expect(a).toBe(b);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('FeedRefresher: feed settings and status', () => {
  it('lists registry feeds merged with their state, and custom feeds', async () => {
    const { refresher } = setup({ [LEFT_FEED]: failing(404) });
    await refresher.enableFeeds([LEFT_FEED]);
    await refresher.addCustomFeed({ url: 'https://rightpost.com/politics.xml', outletId: 'right-post', section: 'Politics' });
    await refresher.refreshDue();
    const listed = await refresher.listFeeds();
    expect(listed.map((f) => [f.url, f.enabled, f.custom])).toEqual([
      [LEFT_FEED, true, false],
      [RIGHT_FEED, false, false],
      [CENTRE_FEED, false, false],
      ['https://rightpost.com/politics.xml', true, true],
    ]);
    expect(listed[0]).toMatchObject({ outletName: 'The Left Times', failures: 1, lastError: 'HTTP 404' });
  });

  it('refuses unknown feeds and invalid custom feeds without changing anything', async () => {
    const { refresher } = setup({});
    await expect(refresher.enableFeeds([LEFT_FEED, 'https://nowhere.com/rss'])).rejects.toThrow(/unknown feed: https:\/\/nowhere.com\/rss/);
    expect(await db.feeds.count()).toBe(0);
    await expect(refresher.addCustomFeed({ url: 'javascript:alert(1)', outletId: 'right-post', section: 'X' })).rejects.toThrow(
      /invalid custom feed: url/,
    );
    await expect(refresher.addCustomFeed({ url: 'https://x.com/rss', outletId: 'no-such-outlet', section: 'X' })).rejects.toThrow(
      /unknown outlet "no-such-outlet"/,
    );
    await expect(refresher.addCustomFeed({ url: 'https://x.com/rss', outletId: 'right-post', section: ' ' })).rejects.toThrow(
      /invalid custom feed: section/,
    );
    expect(await db.feeds.count()).toBe(0);
  });

  it('disabled feeds are not fetched', async () => {
    const { fake, refresher } = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom) });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    expect(await refresher.disableFeeds([RIGHT_FEED])).toBe(1);
    await refresher.refreshDue();
    expect(fake.requests.map((r) => r.url)).toEqual([LEFT_FEED]);
  });

  it('status gives the last refresh, articles and stories held, and the failing feeds with their errors', async () => {
    const { refresher, clock } = setup({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: failing(503) });
    expect(await refresher.status()).toMatchObject({ lastRefreshAt: null, articles: 0, feedsEnabled: 0, feedsFailing: 0 });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    await refresher.refreshDue();
    const status = await refresher.status();
    expect(status).toMatchObject({
      lastRefreshAt: clock.now(),
      lastRefreshAdded: 3,
      articles: 3,
      feedsEnabled: 2,
      feedsFailing: 1,
      refreshing: false,
    });
    expect(status.stories).toBeGreaterThan(0);
    expect(status.failing).toEqual([expect.objectContaining({ url: RIGHT_FEED, lastError: 'HTTP 503 Service Unavailable', failures: 1 })]);
  });

  it('does not fetch feeds whose host the reader has not granted, and says which hosts to ask for', async () => {
    const granted = new Set(['https://rightpost.com/*']);
    const fake = fakeFetch({ [LEFT_FEED]: ok(leftRss), [RIGHT_FEED]: ok(rightAtom) });
    const clock = fakeClock();
    const refresher = new FeedRefresher({
      db,
      index: new StoryIndex(db),
      registry: testRegistry(),
      fetch: fake.fetch,
      now: clock.now,
      hasPermission: async (pattern) => granted.has(pattern),
    });
    await refresher.enableFeeds([LEFT_FEED, RIGHT_FEED]);
    const summary = await refresher.refreshDue();
    expect(fake.requests.map((r) => r.url)).toEqual([RIGHT_FEED]);
    expect(summary).toMatchObject({ updated: 1, noPermission: 1, failed: 0 });
    expect(await db.feeds.get(LEFT_FEED)).toMatchObject({ failures: 0, lastError: 'permission needed for https://www.lefttimes.com/*' });
    expect((await refresher.status()).permissionsNeeded).toEqual(['https://www.lefttimes.com/*']);
    granted.add('https://www.lefttimes.com/*');
    clock.advance(30 * MINUTE_MS);
    expect((await refresher.refreshDue()).updated).toBe(2);
    expect((await refresher.status()).permissionsNeeded).toEqual([]);
  });
});

describe('FeedRefresher: the feed title', () => {
  it("keeps the feed's own title from its last fetch, which names an outlet the catalogue knows only by its domain", async () => {
    const { refresher } = setup({ [LEFT_FEED]: ok(leftRss) });
    await refresher.enableFeeds([LEFT_FEED]);
    await refresher.refreshDue();
    expect((await db.feeds.get(LEFT_FEED))?.title).toBe('The Left Times — World');
  });
});

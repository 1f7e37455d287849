/** A refresh run's per-feed work: which redirects it follows, and the cadence it stores. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/refresh/index';
import { ParallaxDatabase } from '../../../src/db/database';
import { LEFT_FEED, RIGHT_FEED, fakeClock, fixture, refresherGranting, xml, type Route } from '../support/refresh';

let db: ParallaxDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDatabase(`feed-fetch-${Math.random()}`);
});

const leftRss = fixture('left-times.rss');
const redirect =
  (location: string): Route =>
  () =>
    new Response(null, { status: 302, headers: { location } });

const refresherWith = (routes: Record<string, Route>, granted: readonly string[]) =>
  refresherGranting(db, routes, (p) => granted.includes(p));

describe('feed redirects', () => {
  it('does not follow a redirect to a site the reader has not enabled, and says which', async () => {
    const { fake, refresher } = refresherWith({ [LEFT_FEED]: redirect('http://outside.example/feed.xml') }, [
      'https://www.lefttimes.com/*',
    ]);
    await refresher.enableFeeds([LEFT_FEED]);
    const summary = await refresher.refreshDue();
    expect(summary.feeds[0]).toMatchObject({ status: 'failed', error: 'redirects to a site you have not enabled: outside.example' });
    expect(fake.requests.map((r) => r.url)).toEqual([LEFT_FEED]);
    expect((await db.feeds.get(LEFT_FEED))?.lastError).toBe('redirects to a site you have not enabled: outside.example');
  });

  it('follows a redirect to a granted site, with the feed’s validators', async () => {
    const moved = 'https://rightpost.com/moved.xml';
    const { fake, refresher } = refresherWith({ [LEFT_FEED]: redirect(moved), [moved]: () => xml(leftRss, { etag: '"m"' }) }, [
      'https://www.lefttimes.com/*',
      'https://rightpost.com/*',
    ]);
    await refresher.enableFeeds([LEFT_FEED]);
    const summary = await refresher.refreshDue();
    expect(summary.feeds[0]).toMatchObject({ status: 'updated', added: 3 });
    expect(fake.requests.map((r) => r.url)).toEqual([LEFT_FEED, moved]);
    expect(await db.feeds.get(LEFT_FEED)).toMatchObject({ etag: '"m"' });
  });
});

describe('feed cadence', () => {
  const itemsEvery = (minutes: number, count: number, now: number, extra = '') =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${extra}${Array.from(
      { length: count },
      (_, i) =>
        `<item><title>Story number ${i} of the day</title><link>https://rightpost.com/s/${minutes}/${i}</link><pubDate>${new Date(now - i * minutes * MINUTE_MS).toUTCString()}</pubDate></item>`,
    ).join('')}</channel></rss>`;

  it('fetches a busy feed more often than a quiet one, and a hinted one no more often than its hint', async () => {
    const clock = fakeClock();
    const busy = 'https://rightpost.com/busy.xml';
    const quiet = 'https://rightpost.com/quiet.xml';
    const hinted = 'https://rightpost.com/hinted.xml';
    const { refresher } = refresherWith(
      {
        [busy]: () => xml(itemsEvery(5, 20, clock.now())),
        [quiet]: () => xml(itemsEvery(24 * 60, 5, clock.now())),
        [hinted]: () => xml(itemsEvery(5, 20, clock.now(), '<ttl>120</ttl>')),
      },
      ['https://rightpost.com/*'],
    );
    for (const url of [busy, quiet, hinted]) await refresher.addCustomFeed({ url, outletId: 'right-post', section: 'News' });
    await refresher.refreshDue();
    const interval = async (url: string) => (await db.feeds.get(url))?.intervalMs;
    expect(await interval(busy)).toBe(15 * MINUTE_MS);
    expect(await interval(quiet)).toBe(6 * HOUR_MS);
    expect(await interval(hinted)).toBe(2 * HOUR_MS);
    const listed = await refresher.listFeeds();
    expect(listed.find((f) => f.url === busy)?.intervalMs).toBe(15 * MINUTE_MS);
    expect(listed.find((f) => f.url === RIGHT_FEED)?.intervalMs).toBeNull();
  });
});

/**
 * The first run's granted path, end to end, on real host names: a fresh profile, the welcome page opens on
 * install, the reader starts the United States edition's starter set, the first refresh fetches every feed
 * of it from a local server that Chromium reaches under the feeds' own hosts (`--host-resolver-rules`, TLS
 * with a self-signed certificate), the progress shows, and an outlet's article served under its real
 * address gets the badge while the popup lists the other outlets that cover the story.
 *
 * The browser's permission prompt cannot be answered headless, so this test loads a build that declares the
 * starter set's sites (granted-build.ts): the page's one `permissions.request` then resolves as granted with
 * no prompt, and everything after it is the real extension. Most feeds are real-world feeds
 * (tests/fixtures/e2e/real-feeds); the outlets of the story fixture serve that story in their first feed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { launchWithExtension, welcomePageOf } from '../../src/demo/browser';
import { startRealHostServer, type RealHostResponse } from '../../src/demo/real-hosts';
import { loadRegistry } from '../../src/core/outlets';
import { foldLean, ratingFor } from '../../src/core/ratings';
import { feedAccessOrigins } from '../../src/core/refresh';
import { starterSet } from '../../src/core/starter-set';
import { badgeOf } from './badge';
import { expect, openPopupForTab, saveScreenshot, test } from './fixtures';
import { grantedBuild } from './granted-build';
import { openOnRealHost } from './real-hosts';
import { FIXTURE, renderFeed, renderPage, type FixtureFeed } from './story-feeds';

const SET = starterSet(
  loadRegistry().all(),
  (id) => {
    const found = ratingFor(id);
    return found ? foldLean(found.rating.lean) : null;
  },
  'US',
);
const ORIGINS = feedAccessOrigins(
  SET.feeds.map((feed) => feed.url),
  loadRegistry(),
);

const REAL_FEEDS_DIR = resolve('tests/fixtures/e2e/real-feeds');
const REAL_FEEDS = readdirSync(REAL_FEEDS_DIR)
  .filter((name) => /\.(xml|rss|atom)$/.test(name))
  .sort()
  .map((name) => ({
    // No charset: the feeds declare their own encoding (two are ISO-8859-1), as their servers let them.
    type: extname(name) === '.atom' ? 'application/atom+xml' : 'application/rss+xml',
    body: readFileSync(join(REAL_FEEDS_DIR, name)),
  }));

/** The address key a request is answered on: the scheme may differ (HSTS upgrades http to https). */
const key = (url: URL) => `${url.hostname}${url.pathname}${url.search}`;

/** The story fixture's feed for each starter feed that carries it: the first starter feed of each fixture outlet. */
const STORY_FEEDS = new Map<string, FixtureFeed>();
for (const feed of FIXTURE.feeds) {
  const first = SET.feeds.find((f) => f.outletId === feed.outletId);
  if (first) STORY_FEEDS.set(key(new URL(first.url)), feed);
}
const READER = FIXTURE.feeds.find((f) => f.outletId === 'cnn')!;
const READER_ARTICLE = READER.items[0];
const OTHER_OUTLETS = ['The New York Times', 'Fox News', 'Breitbart News'];

test('one click on the welcome page fills the index from the starter set, and a real outlet’s article shows its coverage', async () => {
  test.setTimeout(150_000);
  const extensionDir = grantedBuild(ORIGINS);
  expect(STORY_FEEDS.size, 'the story fixture’s outlets are in the US starter set').toBeGreaterThanOrEqual(4);
  const feedKeys = SET.feeds.map((feed) => key(new URL(feed.url)));
  const realFor = new Map(feedKeys.filter((k) => !STORY_FEEDS.has(k)).map((k, i) => [k, REAL_FEEDS[i % REAL_FEEDS.length]]));
  const pages = new Map(FIXTURE.feeds.flatMap((feed) => feed.items.map((item) => [key(new URL(item.url)), { feed, item }] as const)));
  const hosts = [
    ...new Set([
      ...SET.feeds.map((f) => new URL(f.url).hostname),
      ...FIXTURE.feeds.flatMap((f) => f.items.map((i) => new URL(i.url).hostname)),
    ]),
  ];
  const server = await startRealHostServer({
    hosts,
    handle: (url): RealHostResponse | null => {
      const now = Date.now();
      if (url.hostname === '127.0.0.1') return { type: 'text/html; charset=utf-8', body: '<!doctype html><title>start</title>' };
      const story = STORY_FEEDS.get(key(url));
      if (story)
        return {
          type: story.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
          body: renderFeed(story, now),
        };
      const real = realFor.get(key(url));
      if (real) return real;
      const page = pages.get(key(url));
      return page ? { type: 'text/html; charset=utf-8', body: renderPage(page.feed, page.item, now) } : null;
    },
  });
  const installedAt = Date.now();
  const { context, extensionId } = await launchWithExtension({
    headless: true,
    extensionDir,
    extraArgs: server.chromiumArgs,
    welcome: 'keep',
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const welcome = await welcomePageOf(context, extensionId);
    await expect(welcome.getByTestId('edition')).toHaveValue('US');
    await expect(welcome.getByTestId('welcome-start')).toHaveText(`Enable ${SET.feeds.length} feeds and start`);
    const marks: string[] = [];
    const mark = (name: string) => marks.push(`${name} ${((Date.now() - installedAt) / 1000).toFixed(1)} s`);
    mark('starter set shown');
    // Every state of the progress line, as the reader saw it.
    await welcome.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="welcome-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await welcome.getByTestId('welcome-start').click();
    await expect(welcome.getByTestId('welcome-done')).toContainText('Your index is ready', { timeout: 90_000 });
    mark('first refresh done');
    const progress = await welcome.evaluate(() => (globalThis as unknown as { __progress: string[] }).__progress);
    expect(progress.length, JSON.stringify(progress)).toBeGreaterThan(0);
    expect(progress.join('\n')).toMatch(new RegExp(`\\d+ of ${SET.feeds.length} feeds fetched · \\d+ articles added · \\d+ stories`));
    await saveScreenshot(welcome, 'welcome-done-light');

    // Every starter feed was fetched, under its own host, and nothing else was asked of those hosts.
    const asked = new Set(server.requests.map((u) => key(new URL(u))));
    for (const k of feedKeys) expect(asked.has(k), `fetched ${k}`).toBe(true);

    const { page, tabId } = await openOnRealHost(context, worker, server, READER_ARTICLE.url);
    await badgeOf(page).expectText('CNN');
    await badgeOf(page).expectText(/\d+ sources/);
    mark('badge');
    const popup = await openPopupForTab(context, extensionId, tabId);
    await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
    const coverage: string[] = [];
    for (const side of [/Left/, /Center/, /Right/]) {
      await popup.getByRole('tab', { name: side }).click();
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as the reader sees it.
      coverage.push(await popup.getByRole('tabpanel').innerText());
    }
    for (const name of OTHER_OUTLETS) expect(coverage.join('\n')).toContain(name);
    mark('popup coverage');
    const summary = `install to first coverage (${SET.feeds.length} feeds): ${marks.join(', ')}`;
    test.info().annotations.push({ type: 'timing', description: summary });
    console.log(summary);
    await saveScreenshot(popup, 'popup-first-run-matched');
  } finally {
    await context.close();
    await server.close();
  }
});

/**
 * The index fills itself: feeds of several outlets, served from 127.0.0.1, are enabled from an extension
 * page, the worker refreshes them, the reader opens one outlet's article and the popup lists the others.
 * The browser runs behind a recording proxy that refuses everything: loopback bypasses proxies, so any
 * request it records went to the outside. It must record nothing, and the feed server must see requests
 * for the enabled feeds only.
 */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { EXTENSION_DIR, installWarnings, launchWithExtension } from '../../src/demo/browser';
import { expect, openOptions, openPopupFor, saveScreenshot, test as base } from './fixtures';
import { badgeOf } from './badge';
import { feedPath, FIXTURE, pagePath, renderFeed, renderPage } from './story-feeds';

const ENABLED = FIXTURE.feeds.filter((f) => !f.disabled);
const DISABLED = FIXTURE.feeds.filter((f) => f.disabled);
const READER_ARTICLE = FIXTURE.feeds.find((f) => f.outletId === 'reuters')!.items[0];
/** Outlet names as the registry gives them, for the feeds the reader did not open. */
const OTHER_OUTLETS = ['CNN', 'The New York Times', 'Fox News', 'Breitbart News'];

interface FeedServer {
  origin: string;
  /** Paths the browser asked for, in order. */
  requests: string[];
  /** The address each request was sent to (its Host header without the port), in order. */
  hosts: string[];
  close(): Promise<void>;
}

async function listen(server: Server, address = '127.0.0.1'): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, address, ok);
  });
  return (server.address() as AddressInfo).port;
}

/** Feeds that answer with a redirect: path → where to (`PORT` stands for the server's own port). */
const REDIRECTS: Record<string, string> = {
  '/feeds/to-outside.xml': 'http://outside.example/feeds/cnn.xml',
  '/feeds/to-other-loopback.xml': 'http://127.0.0.2:PORT/feeds/cnn.xml',
  '/feeds/loop.xml': '/feeds/loop-back.xml',
  '/feeds/loop-back.xml': '/feeds/loop.xml',
  '/feeds/moved.xml': '/feeds/reuters.xml',
};

const closeServer = (server: Server) =>
  new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

async function startFeedServer(): Promise<FeedServer> {
  const requests: string[] = [];
  const hosts: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    hosts.push((req.headers.host ?? '').replace(/:\d+$/, ''));
    const redirect = REDIRECTS[path];
    if (redirect) {
      res.writeHead(302, { location: redirect.replace('PORT', String(port)) });
      return res.end();
    }
    const now = Date.now();
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/feeds/broken.xml') return send(500, 'text/plain', 'Internal error');
    const feed = FIXTURE.feeds.find((f) => feedPath(f) === path);
    if (feed)
      return send(
        200,
        feed.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
        renderFeed(feed, now),
      );
    for (const f of FIXTURE.feeds) {
      const item = f.items.find((i) => pagePath(i.url) === path);
      if (item) return send(200, 'text/html; charset=utf-8', renderPage(f, item, now));
    }
    send(404, 'text/plain', 'Not found');
  });
  // Every loopback address answers, so a request to 127.0.0.2 (an origin never granted) is seen here.
  port = await listen(server, '0.0.0.0');
  return { origin: `http://127.0.0.1:${port}`, requests, hosts, close: () => closeServer(server) };
}

/**
 * Chromium's own services, which it calls whatever the extension does (sign-in and component/extension
 * update checks; the launch flags in src/demo/browser.ts turn off the rest). They are recorded like everything
 * else and shown on failure, but are not the extension's requests.
 */
const CHROMIUM_SERVICE_HOSTS = new Set(['accounts.google.com', 'update.googleapis.com', 'clients2.google.com']);

/** Recorded requests that are not Chromium's own services: the extension's, if any. */
function leftTheMachine(asked: readonly string[]): string[] {
  return asked.filter((line) => {
    const target = line.split(' ')[1] ?? '';
    const host = target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
    return !CHROMIUM_SERVICE_HOSTS.has(host);
  });
}

interface RecordingProxy {
  port: number;
  /** Every request the browser sent through the proxy: all of them would have left the machine. */
  asked: string[];
  close(): Promise<void>;
}

async function startRecordingProxy(): Promise<RecordingProxy> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Refused by the Parallax test proxy');
  });
  server.on('connect', (req, socket) => {
    asked.push(`CONNECT ${req.url}`);
    // Chromium may reset the tunnel it was refused: an expected end, not an error of the test.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = await listen(server);
  return { port, asked, close: () => closeServer(server) };
}

/** Chromium with the extension, sending everything that is not loopback through the recording proxy. */
async function launchBehindProxy(proxyPort: number): Promise<BrowserContext> {
  const { context } = await launchWithExtension({ headless: true, extraArgs: [`--proxy-server=http://127.0.0.1:${proxyPort}`] });
  return context;
}

const test = base.extend<{ outside: RecordingProxy; feeds: FeedServer }>({
  outside: async ({}, use) => {
    const proxy = await startRecordingProxy();
    await use(proxy);
    await proxy.close();
  },
  feeds: async ({}, use) => {
    const server = await startFeedServer();
    await use(server);
    await server.close();
  },
  context: async ({ outside }, use) => {
    const context = await launchBehindProxy(outside.port);
    await use(context);
    await context.close();
  },
});

test('enabled feeds fill the index, the popup lists the other outlets, and nothing else leaves the browser', async ({
  context,
  extensionId,
  worker,
  feeds,
  outside,
}) => {
  // The options page is where the reader enables feeds; the test sends the options page's messages.
  const { send } = await openOptions(context, extensionId);

  for (const feed of FIXTURE.feeds) {
    const added = await send({
      type: 'feeds/add-custom',
      url: feeds.origin + feedPath(feed),
      outletId: feed.outletId,
      section: 'Top stories',
    });
    expect(added, `adding the ${feed.outletId} feed`).toMatchObject({ ok: true });
  }
  expect(await send({ type: 'feeds/disable', urls: DISABLED.map((f) => feeds.origin + feedPath(f)) })).toEqual({
    ok: true,
    data: DISABLED.length,
  });

  const refreshed = await send({ type: 'refresh/run' });
  expect(refreshed).toMatchObject({ ok: true, data: { feedsEnabled: ENABLED.length, feedsFailing: 0, lastRefreshAdded: 9 } });
  const listed = await send({ type: 'feeds/list' });
  expect(listed.ok).toBe(true);

  // The reader opens the Reuters article.
  const page = await context.newPage();
  await page.goto(feeds.origin + pagePath(READER_ARTICLE.url));
  await badgeOf(page).expectVisible();
  await badgeOf(page).expectText('Reuters');
  await badgeOf(page).expectText('5 sources');

  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
  await expect(popup.getByTestId('story-headline')).toContainText(/Mackinac|Lake Michigan/);
  const coverage: string[] = [];
  for (const side of [/Left/, /Center/, /Right/]) {
    await popup.getByRole('tab', { name: side }).click();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as the reader sees it.
    coverage.push(await popup.getByRole('tabpanel').innerText());
  }
  const listedText = coverage.join('\n');
  for (const name of OTHER_OUTLETS) expect(listedText).toContain(name);
  expect(listedText).not.toContain('NPR');
  await saveScreenshot(popup, 'popup-feeds-matched');

  // No request left for the outside, and the feed server saw only the enabled feeds.
  expect(leftTheMachine(outside.asked), `all proxied requests: ${JSON.stringify(outside.asked)}`).toEqual([]);
  const feedRequests = new Set(feeds.requests.filter((p) => p.startsWith('/feeds/')));
  expect([...feedRequests].sort()).toEqual(ENABLED.map(feedPath).sort());
  for (const feed of DISABLED) expect(feeds.requests).not.toContain(feedPath(feed));
});

test('a failing feed shows its error in the status and leaves the index as it was', async ({ context, extensionId, feeds, outside }) => {
  const { send } = await openOptions(context, extensionId);
  // index/status waits for the demo seeding of a fresh install, so the count is settled.
  const before = await send({ type: 'index/status' });
  expect(before.ok).toBe(true);
  const held = (before as { data: { articles: number } }).data.articles;

  expect(
    await send({ type: 'feeds/add-custom', url: `${feeds.origin}/feeds/broken.xml`, outletId: 'cnn', section: 'Broken' }),
  ).toMatchObject({ ok: true });
  const after = await send({ type: 'refresh/run' });
  expect(after).toMatchObject({
    ok: true,
    data: {
      articles: held,
      feedsFailing: 1,
      failing: [{ url: `${feeds.origin}/feeds/broken.xml`, failures: 1, lastError: 'HTTP 500 Internal Server Error' }],
    },
  });
  expect(leftTheMachine(outside.asked), `all proxied requests: ${JSON.stringify(outside.asked)}`).toEqual([]);
});

test('a redirect is followed only to a site the reader enabled; elsewhere the feed fails saying so, and nothing is requested there', async ({
  context,
  extensionId,
  feeds,
  outside,
}) => {
  const { options, send } = await openOptions(context, extensionId);
  const feedsAdded = [
    ['/feeds/to-outside.xml', 'cnn'],
    ['/feeds/to-other-loopback.xml', 'fox-news'],
    ['/feeds/loop.xml', 'nytimes'],
    ['/feeds/moved.xml', 'reuters'],
  ];
  for (const [path, outletId] of feedsAdded) {
    expect(await send({ type: 'feeds/add-custom', url: feeds.origin + path, outletId, section: 'Redirects' })).toMatchObject({ ok: true });
  }
  const after = (await send({ type: 'refresh/run' })) as {
    ok: true;
    data: { articles: number; failing: { url: string; lastError: string }[] };
  };
  expect(after.ok).toBe(true);
  // Nothing went to the outside (the proxy would have seen it), nor to another loopback address.
  expect(leftTheMachine(outside.asked), `all proxied requests: ${JSON.stringify(outside.asked)}`).toEqual([]);
  expect(new Set(feeds.hosts)).toEqual(new Set(['127.0.0.1']));
  const errors = Object.fromEntries(after.data.failing.map((f) => [new URL(f.url).pathname, f.lastError]));
  expect(errors).toEqual({
    '/feeds/to-outside.xml': 'redirects to a site you have not enabled: outside.example',
    '/feeds/to-other-loopback.xml': 'redirects to a site you have not enabled: 127.0.0.2',
    '/feeds/loop.xml': `redirect loop: ${feeds.origin}/feeds/loop.xml was already requested`,
  });
  // The moved feed was followed to its new address on the granted loopback origin.
  expect(feeds.requests).toContain('/feeds/reuters.xml');

  // The reader sees why, on the feed's row.
  await options.reload();
  // The catalogue lists thousands of feeds: the reader finds this one by its address.
  await options.getByTestId('feed-search').fill('to-outside.xml');
  const row = options.locator(`[data-testid="feed-row"][data-url="${feeds.origin}/feeds/to-outside.xml"]`);
  await expect(row.getByTestId('feed-error')).toContainText('redirects to a site you have not enabled: outside.example');
  expect(leftTheMachine(outside.asked)).toEqual([]);
});

test('reading where the worker’s redirects lead (webRequest) adds no install-time warning', async ({ context, extensionId }) => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[] };
  expect(manifest.permissions).toContain('webRequest');
  const withoutWebRequest = { ...manifest, permissions: manifest.permissions.filter((p) => p !== 'webRequest') };
  const browser = { context, extensionId };
  expect(await installWarnings(browser, manifest)).toEqual(await installWarnings(browser, withoutWebRequest));
});

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
import { launchWithExtension } from '../../src/demo/browser';
import { expect, openPopupFor, saveScreenshot, test as base } from './fixtures';
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
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return (server.address() as AddressInfo).port;
}

const closeServer = (server: Server) =>
  new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

async function startFeedServer(): Promise<FeedServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
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
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
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

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

test('enabled feeds fill the index, the popup lists the other outlets, and nothing else leaves the browser', async ({
  context,
  extensionId,
  worker,
  feeds,
  outside,
}) => {
  // The options page is where the reader enables feeds; the test sends the options page's messages.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (message: object) => options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply>;

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
  await expect(page.getByTestId('parallax-badge')).toBeVisible();
  await expect(page.getByTestId('parallax-badge')).toContainText('Reuters');
  await expect(page.getByTestId('parallax-badge')).toContainText('5 sources');

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
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (message: object) => options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply>;
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

/**
 * The feed fetch against a real HTTP server on this machine (Node's own fetch, as the CLIs use it):
 * redirects are followed only to allowed origins, and a body is read through a byte cap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeedDocument, type RedirectRules } from '../../../../src/core/refresh/index';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://a.example/1</link></item></channel></rss>';

interface Hit {
  host: string;
  path: string;
}

let server: Server;
let port = 0;
const hits: Hit[] = [];
/** Bytes the endless route wrote before the client went away. */
let endlessWritten = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ host: (req.headers.host ?? '').replace(/:\d+$/, ''), path });
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    if (path === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    if (path === '/moved') return redirect(301, '/feed.xml');
    if (path === '/to-other-loopback') return redirect(302, `http://127.0.0.2:${port}/feed.xml`);
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(307, '/loop-a');
    if (path === '/to-ftp') return redirect(302, 'ftp://127.0.0.1/feed.xml');
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return Number(hop[1]) >= 8 ? redirect(302, '/feed.xml') : redirect(302, `/hop/${Number(hop[1]) + 1}`);
    if (path === '/endless') {
      // Chunked (no Content-Length), up to 256 MiB unless the client stops reading first.
      endlessWritten = 0;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (endlessWritten < 256 * 2 ** 20 && !res.destroyed) {
          endlessWritten += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.destroy());
      return pump();
    }
    res.writeHead(404).end('not found');
  });
  // Every loopback address: 127.0.0.2 is another origin the reader never granted.
  await new Promise<void>((ok) => server.listen(0, '0.0.0.0', ok));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

const base = () => `http://127.0.0.1:${port}`;
const onlyFirstLoopback: RedirectRules = { isAllowed: (url) => new URL(url).hostname === '127.0.0.1' };
const get = (path: string, rules: RedirectRules = onlyFirstLoopback, maxBytes?: number) =>
  fetchFeedDocument(fetch, `${base()}${path}`, {}, 10_000, { redirects: rules, maxBytes });

describe('fetchFeedDocument: redirects', () => {
  it('follows a redirect within the allowed origins and reports the final URL', async () => {
    const outcome = await get('/moved');
    expect(outcome).toMatchObject({ kind: 'fetched', finalUrl: `${base()}/feed.xml` });
  });

  it('does not request a redirect target the reader has not granted, and says where it leads', async () => {
    hits.length = 0;
    const outcome = await get('/to-other-loopback');
    expect(outcome).toEqual({ kind: 'failed', error: 'redirects to a site you have not enabled: 127.0.0.2' });
    expect(hits).toEqual([{ host: '127.0.0.1', path: '/to-other-loopback' }]);
  });

  it('reports a redirect loop after one round', async () => {
    hits.length = 0;
    const outcome = await get('/loop-a');
    expect(outcome).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^redirect loop/) });
    expect(hits.map((h) => h.path)).toEqual(['/loop-a', '/loop-b']);
  });

  it('follows at most 5 redirects', async () => {
    hits.length = 0;
    const outcome = await get('/hop/1');
    expect(outcome).toEqual({ kind: 'failed', error: 'more than 5 redirects' });
    expect(hits).toHaveLength(6);
  });

  it('refuses a redirect to an address that is not http(s)', async () => {
    const outcome = await get('/to-ftp', { isAllowed: () => true });
    expect(outcome).toMatchObject({ kind: 'failed', error: expect.stringContaining('not a web address') });
  });

  it('follows an opaque redirect (a browser hides its Location) only where the observer says it leads', async () => {
    const opaque = (url: string) =>
      ({ type: 'opaqueredirect', status: 0, ok: false, url, headers: new Headers(), body: null }) as unknown as Response;
    const requested: string[] = [];
    const fakeFetch = async (url: string) => {
      requested.push(url);
      return url.endsWith('/start') ? opaque(url) : new Response(RSS, { status: 200 });
    };
    const known: RedirectRules = { isAllowed: () => true, locationOf: async () => '/final' };
    expect(await fetchFeedDocument(fakeFetch, 'https://feeds.example/start', {}, 1000, { redirects: known })).toMatchObject({
      kind: 'fetched',
      finalUrl: 'https://feeds.example/final',
    });
    const unknown: RedirectRules = { isAllowed: () => true, locationOf: async () => null };
    requested.length = 0;
    expect(await fetchFeedDocument(fakeFetch, 'https://feeds.example/start', {}, 1000, { redirects: unknown })).toEqual({
      kind: 'failed',
      error: 'redirects to an address Parallax could not read: not followed',
    });
    expect(requested).toEqual(['https://feeds.example/start']);
  });
});

describe('fetchFeedDocument: body size', () => {
  it('stops reading a body without Content-Length at the cap, and closes the connection', async () => {
    const cap = 2 ** 20;
    const outcome = await get('/endless', onlyFirstLoopback, cap);
    expect(outcome).toEqual({ kind: 'failed', error: `response over the ${cap}-byte limit: not read further` });
    // What the server managed to write before the client closed: the cap plus socket buffers, not the body.
    await new Promise((ok) => setTimeout(ok, 100));
    expect(endlessWritten).toBeLessThan(32 * 2 ** 20);
  });
});

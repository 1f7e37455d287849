/**
 * A small static server on 127.0.0.1 for the demo site and the E2E fixtures: demo pages under `/`,
 * and files of extra folders under their mount paths (e.g. `/fixtures/`).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { articlePage, demoArticleAt, homePage } from './site';

/** Content types of the files the demo and test servers serve, by extension. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface DemoServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port?: number;
  /** URL prefix → folder served under it. */
  mounts?: Record<string, string>;
  /** Called for every request, to let tests see what the browser asked for. */
  onRequest?(path: string): void;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    options.onRequest?.(url.pathname);
    void (async () => {
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html; charset=utf-8', homePage());
      const demo = demoArticleAt(decodeURIComponent(url.pathname));
      if (demo) return send(200, 'text/html; charset=utf-8', articlePage(demo));
      for (const [prefix, dir] of mounts) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!file.startsWith(dir)) break;
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) break;
        return send(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      }
      send(404, 'text/plain; charset=utf-8', 'Not found');
    })().catch(() => send(500, 'text/plain; charset=utf-8', 'Server error'));

    function send(status: number, type: string, body: string | Buffer) {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

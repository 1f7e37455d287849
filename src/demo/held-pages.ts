/**
 * A server of pages that load slowly, as a news site's often do: each page's head is sent at once and
 * its body held, for a while (`holdMs`) or until `release()`. Meanwhile the page is still loading: the
 * browser has run the extension's document_start scripts in it, not yet its document_idle ones. For the
 * wake script's test and the browser benchmark's badge on a slow page.
 */
import { createServer, type ServerResponse } from 'node:http';

export interface HeldPages {
  origin: string;
  /** Sends the rest of every page held so far. */
  release(): void;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML); `holdMs`: each page's body follows its head after that long (default: at `release()`). */
export async function startHeldPages(pages: Record<string, string>, holdMs?: number): Promise<HeldPages> {
  const held = new Map<ServerResponse, string>();
  const finish = (res: ServerResponse) => {
    const rest = held.get(res);
    if (rest === undefined) return;
    held.delete(res);
    res.end(rest);
  };
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const body = Math.max(0, html.indexOf('<body'));
    res.write(html.slice(0, body));
    held.set(res, html.slice(body));
    if (holdMs !== undefined) setTimeout(() => finish(res), holdMs);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    release: () => {
      for (const res of [...held.keys()]) finish(res);
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const res of [...held.keys()]) finish(res);
        server.close(() => ok());
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

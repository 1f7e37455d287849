import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateIndexFile } from '../../../src/core/index-file/index';
import { fixture } from '../support/refresh';

/** Runs the CLI as a reader would (tsx), returning exit code and outputs. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/index-build.ts', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let origin = '';
const asked: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/npr.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(fixture('left-times.rss').replaceAll('www.lefttimes.com', 'www.npr.org'));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

describe('npm run index:build', () => {
  it('builds a valid index file from an OPML list served on 127.0.0.1 and a local feed file, naming the feed that failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-build-'));
    const opml = join(dir, 'list.opml');
    writeFileSync(
      opml,
      `<opml version="2.0"><body><outline text="NPR" xmlUrl="${origin}/npr.xml"/><outline text="Gone" xmlUrl="${origin}/gone.xml"/></body></opml>`,
    );
    const out = join(dir, 'index.json');
    const result = await runCli(['--out', out, opml, 'tests/fixtures/refresh/right-post.atom']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${origin}/gone.xml: error: HTTP 404 Not Found`);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { feed: string; ok: boolean }),
    ).toEqual([
      { feed: `${origin}/npr.xml`, ok: true, entries: 5, articles: 3 },
      { feed: `${origin}/gone.xml`, ok: false, error: 'HTTP 404 Not Found' },
      { feed: 'tests/fixtures/refresh/right-post.atom', ok: true, entries: 3, articles: 3 },
    ]);
    const file = validateIndexFile(JSON.parse(readFileSync(out, 'utf8')));
    if (!file.ok) throw new Error(file.errors.join('\n'));
    // 3 + 3 articles, the wire story both feeds carry counted once.
    expect(file.file.articles).toHaveLength(5);
    // The feed's host resolves to NPR, so the feed is listed for the importing reader.
    expect(file.file.feeds).toEqual([{ url: `${origin}/npr.xml`, outletId: 'npr', section: 'NPR', enabled: true }]);
    expect(file.file.articles.find((a) => a.id.includes('npr.org'))).toMatchObject({ outletId: 'npr', feedUrl: `${origin}/npr.xml` });
    expect(asked.sort()).toEqual(['/gone.xml', '/npr.xml']);
  }, 60_000);

  it('refuses bad usage with exit status 2 and an unreadable file with 1', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['--timeout', 'soon', 'x.xml'])).stderr).toContain('--timeout must be a positive number');
    const missing = await runCli(['no/such/feed.xml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no/such/feed.xml: cannot read file');
  }, 60_000);
});

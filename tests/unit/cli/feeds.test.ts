import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureBytes } from '../support/feeds';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/feeds.ts');
const scratch = mkdtempSync(join(tmpdir(), 'parallax-feeds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each case spawns tsx (a few seconds on a busy 2-core machine): generous timeouts, no timing asserted.
describe('feeds CLI', { timeout: 60_000 }, () => {
  it('prints one JSON line per file, in order, with the contract fields; gzip files are decompressed', () => {
    const gzipped = join(scratch, 'rss1.rdf.gz');
    writeFileSync(gzipped, gzipSync(fixtureBytes('rss1.rdf')));
    const files = [join(FIXTURES, 'atom-xml-base.atom'), join(FIXTURES, 'not-a-feed.html'), gzipped];
    const output = execFileSync(TSX, [CLI, ...files], { encoding: 'utf8' });
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(Object.keys(lines[0])).toEqual(['file', 'ok', 'feed']);
    const feed = lines[0].feed as { title: string; link: string; entries: Record<string, unknown>[] };
    expect(Object.keys(feed)).toEqual(['title', 'link', 'entries']);
    expect(Object.keys(feed.entries[0])).toEqual(['title', 'link', 'id', 'published', 'updated', 'summary', 'author', 'image']);
    expect(lines[1]).toEqual({ file: files[1], ok: false, error: expect.stringMatching(/not a feed/) });
    expect(lines[2]).toMatchObject({ ok: true, feed: { title: 'RDF Site Summary' } });
  });

  it('exits non-zero with a message naming the file when a file cannot be read, and on bad usage', () => {
    const missing = join(scratch, 'missing.xml');
    const run = spawnSync(TSX, [CLI, join(FIXTURES, 'rss1.rdf'), missing], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(missing);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ok: true });
    expect(lines[1]).toEqual({ file: missing, ok: false, error: expect.stringContaining('cannot read') });
    const usage = spawnSync(TSX, [CLI], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/no FILE/);
  });
});

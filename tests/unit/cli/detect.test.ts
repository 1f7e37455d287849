import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/detect';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/detect.ts');

// Each case starts a tsx process; on 2 shared cores that takes seconds, so the guard timeout is generous.
const SPAWN_TIMEOUT_MS = 60_000;

describe('detect CLI', () => {
  it(
    'prints one JSON line per file, in order, with exactly the contract fields',
    () => {
      const files = [join(FIXTURES, 'negative/home-page.html'), join(FIXTURES, 'positive/amp-article.html')];
      const output = execFileSync(TSX, [CLI, ...files], { encoding: 'utf8' });
      const lines = output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((line) => line.file)).toEqual(files);
      expect(Object.keys(lines[0])).toEqual([
        'file',
        'isArticle',
        'title',
        'canonicalUrl',
        'siteName',
        'byline',
        'published',
        'description',
        'lang',
      ]);
      expect(lines.map((line) => line.isArticle)).toEqual([false, true]);
    },
    SPAWN_TIMEOUT_MS,
  );
  it(
    'exits non-zero and names the file when it cannot be read',
    () => {
      const result = spawnSync(TSX, [CLI, '/nonexistent/page.html'], { encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('/nonexistent/page.html');
    },
    SPAWN_TIMEOUT_MS,
  );
  it(
    'exits non-zero on bad usage',
    () => {
      expect(spawnSync(TSX, [CLI], { encoding: 'utf8' }).status).not.toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );
});

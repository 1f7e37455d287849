/**
 * Conventions the layout depends on, checked over the source tree as text: the core stays pure, tests
 * mirror the code they test, and files stay small enough to do one job.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

const isCode = (path: string) => /\.(ts|tsx)$/.test(path);
const importsOf = (source: string) => [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]);

/** `file → target` for each of the files' relative imports whose target (a path from the root) fails `allowed`. */
const importsLeaving = (files: readonly string[], allowed: (target: string) => boolean) =>
  files.flatMap((path) =>
    importsOf(readFileSync(join(ROOT, path), 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(ROOT, join(ROOT, dirname(path), spec)))
      .filter((target) => !allowed(target))
      .map((target) => `${path} → ${target}`),
  );

describe('src/core', () => {
  const core = filesUnder('src/core', isCode);

  it('imports no browser API, so it runs unchanged in the worker and in Node', () => {
    const offenders = core.filter((path) => {
      const source = readFileSync(join(ROOT, path), 'utf8');
      const browserImport = importsOf(source).some((spec) => /^(wxt|#imports|webextension-polyfill|@wxt-dev)/.test(spec));
      const browserGlobal = /\b(?:chrome|browser)\.(?:runtime|storage|tabs|alarms|permissions|scripting|action|i18n)\b/.test(source);
      return browserImport || browserGlobal;
    });
    expect(offenders).toEqual([]);
  });

  it('imports nothing from the database, the worker, messaging or the UI', () => {
    expect(importsLeaving(core, (target) => target.startsWith('src/core'))).toEqual([]);
  });
});

describe('src/ui and src/content', () => {
  it('import nothing from the worker or the database: they reach both through messaging', () => {
    const files = ['src/ui', 'src/content'].flatMap((dir) => filesUnder(dir, isCode));
    expect(importsLeaving(files, (target) => !/^src\/(background|db)\//.test(target))).toEqual([]);
  });
});

describe('tests/unit', () => {
  it('mirrors src/: each test sits in the folder of the code it tests (shared helpers in support/)', () => {
    const strays = filesUnder('tests/unit', (path) => /\.test\.tsx?$/.test(path))
      .map((path) => dirname(relative('tests/unit', path)))
      .filter((dir) => dir !== '.' && dir !== 'support')
      .filter((dir) => {
        try {
          return !statSync(join(ROOT, 'src', dir)).isDirectory();
        } catch {
          return true;
        }
      });
    expect([...new Set(strays)]).toEqual([]);
  });
});

describe('source files', () => {
  /** Files that still do more than one job; each is split and removed from this list, never added to it. */
  const KNOWN_LARGE = new Set<string>([]);
  const MAX_LINES = 400;

  it(`stay under ${MAX_LINES} lines`, () => {
    const large = ['src', 'entrypoints']
      .flatMap((dir) => filesUnder(dir, isCode))
      .filter((path) => readFileSync(join(ROOT, path), 'utf8').split('\n').length > MAX_LINES)
      .filter((path) => !KNOWN_LARGE.has(path));
    expect(large).toEqual([]);
  });
});

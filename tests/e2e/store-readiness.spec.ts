/** What the stores check before they accept the extension, in its builds and its zips. */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { zipEntryNames } from './zip-entries';

const run = promisify(execFile);

test('the sources zip holds git-tracked files only: no test artifacts, no untracked file', async () => {
  test.setTimeout(180_000);
  const ignored = resolve('tests/artifacts/sources-zip-probe.txt');
  const untracked = resolve('sources-zip-probe.txt');
  mkdirSync(resolve('tests/artifacts'), { recursive: true });
  writeFileSync(ignored, 'an artifact\n');
  writeFileSync(untracked, 'a stray file\n');
  try {
    await run('npx', ['wxt', 'zip', '-b', 'firefox']);
  } finally {
    rmSync(ignored, { force: true });
    rmSync(untracked, { force: true });
  }
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const files = zipEntryNames(resolve(`.output/parallax-${version}-sources.zip`)).filter((name) => !name.endsWith('/'));
  const tracked = new Set((await run('git', ['ls-files', '-z'])).stdout.split('\0'));
  expect(files.filter((name) => !tracked.has(name))).toEqual([]);
  expect(files).toEqual(
    expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background.ts', 'README.md']),
  );
});

test('Zod runs without code generation in the worker and the options page', async ({ context, extensionId, worker }) => {
  const jitless = () => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless ?? null;
  expect(await worker.evaluate(jitless)).toBe(true);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.evaluate(jitless)).toBe(true);
});

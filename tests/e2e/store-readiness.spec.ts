/** What the stores check before they accept the extension, in its builds and its zips. */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { zipEntryNames } from './zip-entries';

const run = promisify(execFile);
const firefox = resolve('.output/firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/**
 * Warnings that come from a library, each allowed only where the reason holds. Preact's renderer
 * assigns innerHTML for `dangerouslySetInnerHTML`, a prop no code of ours passes
 * (tests/unit/conventions.test.ts checks that): the warning is allowed in a file whose only innerHTML
 * assignments are Preact's `.innerHTML = props.__html`.
 */
function fromALibrary(warning: LintMessage): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !/innerHTML/.test(warning.message)) return false;
  const code = readFileSync(resolve(firefox, warning.file), 'utf8');
  const assignments = code.match(/\.innerHTML\s*=[^=][^,;)]*/g) ?? [];
  return assignments.length > 0 && assignments.every((a) => /^\.innerHTML\s*=\s*[\w$]+\.__html$/.test(a));
}

test('web-ext lint finds no error and no warning of ours in the Firefox build', async () => {
  test.setTimeout(180_000);
  const { stdout } = await run('npx', ['web-ext', 'lint', '--source-dir', firefox, '--output', 'json', '--no-config-discovery'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
  const line = (m: LintMessage) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`;
  expect(report.errors.map(line)).toEqual([]);
  expect(report.warnings.filter((w) => !fromALibrary(w)).map(line)).toEqual([]);
});

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

/** The built extension as the stores receive it: budgets, permissions, and both browsers' manifests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadRegistry, serviceHostGlobs } from '../../src/core/outlets';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
type Manifest = {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_globs?: string[]; js: string[]; run_at?: string }[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
};
const manifest = (dir: string) => JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;

test('the content script stays within its 30 kB budget', () => {
  const bytes = statSync(resolve(chrome, 'content-scripts/article.js')).size;
  console.log(`content script: ${(bytes / 1024).toFixed(1)} kB`);
  expect(bytes).toBeLessThanOrEqual(30 * 1024);
});

test('what the worker reads at every start, and the extension pages, are ASCII only', () => {
  // Decoded on the browser's one-byte path: a single other character makes the whole file two-byte text.
  for (const browser of [chrome, firefox]) {
    const files = [
      'background.js',
      'outlets.json',
      ...readdirSync(browser).filter((name) => name.endsWith('-main.js')),
      ...readdirSync(resolve(browser, 'chunks')).map((name) => `chunks/${name}`),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(/[\u0080-\uffff]/.test(readFileSync(resolve(browser, file), 'latin1')), `${browser} ${file}`).toBe(false);
  }
});

test('the worker and the options page carry the public suffix labels once, not copied to each use', () => {
  // The start of tldts's label string, as the installed package has it.
  const trie = readFileSync(resolve('node_modules/tldts/dist/es6/src/data/trie.js'), 'utf8');
  const labels = /export const labelText = "([a-z]{40})/.exec(trie)?.[1];
  expect(labels).toBeDefined();
  for (const browser of [chrome, firefox]) {
    const files = ['background.js', ...readdirSync(resolve(browser, 'chunks')).map((name) => `chunks/${name}`)];
    const copies = files.map((file) => readFileSync(resolve(browser, file), 'latin1').split(labels as string).length - 1);
    // The worker's script and the options page's chunk each hold the suffix list, once.
    expect(copies.filter((n) => n > 0)).toEqual([1, 1]);
  }
});

test("the content scripts hold no WXT page event: their context is Parallax's own, in both browsers", () => {
  for (const browser of [chrome, firefox]) {
    const dir = resolve(browser, 'content-scripts');
    const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'));
    expect(scripts.sort()).toEqual(['article.js', 'chips-wake.js', 'link-chips.js', 'wake.js']);
    for (const script of scripts) {
      const source = readFileSync(resolve(dir, script), 'utf8');
      // WXT's context announces each script's start on the page's document, under the extension's id.
      expect(source, `${browser} ${script}`).not.toContain('content-script-started');
      expect(source, `${browser} ${script}`).not.toMatch(/dispatchEvent|postMessage/);
    }
  }
});

test('the Chrome manifest asks for loopback only, and runs the article script on known outlets', () => {
  const m = manifest(chrome);
  expect(m.manifest_version).toBe(3);
  // "Read your browsing history": the worker needs tab ids only.
  expect(m.permissions).not.toContain('tabs');
  expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  const matches = m.content_scripts?.[0].matches ?? [];
  for (const pattern of loadRegistry().matchPatterns()) expect(matches).toContain(pattern);
  expect(matches).toContain('http://127.0.0.1/*');
  expect(m.content_scripts?.[0].exclude_globs).toEqual(serviceHostGlobs());
  expect(matches.some((p) => p === '<all_urls>' || p === '*://*/*')).toBe(false);
  // The wake script runs where the article script does, and nowhere else, as a page starts loading.
  const wake = m.content_scripts?.find((script) => script.js.includes('content-scripts/wake.js'));
  expect(wake).toMatchObject({ matches, exclude_globs: serviceHostGlobs(), run_at: 'document_start' });
});

test('the Firefox build carries its add-on id, and declares that it collects no data', () => {
  const m = manifest(firefox);
  expect(m.browser_specific_settings?.gecko?.id).toBe('parallax@parallax-news.org');
  expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  expect(m.optional_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  expect(m.content_scripts?.[0].js.length).toBeGreaterThan(0);
});

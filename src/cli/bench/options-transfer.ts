/**
 * Export and import of a whole index at the size cap (150,000 UCI articles), in Debian's Chromium with
 * the built extension, done as a reader does them in the options page: choose the file, confirm the
 * preview, then export it back. Prints the file's size and each step's time, and checks the round trip.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildIndexFile, type IndexFileArticle } from '../../core/index-file';
import { DEFAULT_PREFERENCES, type Preferences } from '../../core/preferences';
import { canonicalizeUrl } from '../../core/url';
import { EXTENSION_DIR, launchWithExtension } from '../../demo/browser';
import { type ArticleRecord, inPublishedOrder, readArticles } from '../lib/jsonl';
import type { BenchPaths } from './paths';

const INDEX_SIZE = 150_000;
const WAIT_MS = 15 * 60_000;

/**
 * The first `count` distinct UCI articles (published order; a URL filed twice counts once) as a live
 * index holds them: canonical ids, dates shifted so the newest is an hour old, and a retention window that
 * keeps them all (the refresh alarm's retention pass would otherwise cut a 42-day index to two weeks
 * while a benchmark runs).
 */
export function uciIndex(uciPath: string, count: number): { articles: IndexFileArticle[]; preferences: Preferences } {
  const seen = new Set<string>();
  const picked: { id: string; record: ArticleRecord }[] = [];
  for (const record of inPublishedOrder(readArticles(uciPath))) {
    const id = record.url ? canonicalizeUrl(record.url) : null;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    picked.push({ id, record });
    if (picked.length === count) break;
  }
  const shift = Date.now() - 3_600_000 - picked[picked.length - 1].record.published;
  const articles = picked.map(({ id, record: r }) => ({
    id,
    url: id,
    title: r.title.slice(0, 1000),
    published: r.published + shift,
    publisher: r.publisher,
    host: r.host,
  }));
  const spanDays = Math.ceil((articles[articles.length - 1].published - articles[0].published) / 86_400_000);
  const retentionDays = Math.min(365, Math.max(DEFAULT_PREFERENCES.retentionDays, spanDays + 7));
  return { articles, preferences: { ...DEFAULT_PREFERENCES, retentionDays } };
}

/** `uciIndex` written as an index file in a fresh temporary folder (the caller removes `dir`). */
export async function uciIndexFile(uciPath: string, count: number): Promise<{ articles: IndexFileArticle[]; dir: string; path: string }> {
  const { articles, preferences } = uciIndex(uciPath, count);
  const dir = await mkdtemp(join(tmpdir(), 'parallax-bench-index-'));
  const path = join(dir, 'index.json');
  await writeFile(path, JSON.stringify(buildIndexFile({ exportedAt: Date.now(), preferences, feeds: [], articles })));
  return { articles, dir, path };
}

/** Imports a file through the options page (already open) as a reader does; the times of its two steps. */
export async function importThroughOptions(page: Page, path: string): Promise<{ readMs: number; writeMs: number; status: string }> {
  const started = Date.now();
  await page.getByTestId('data-import').setInputFiles(path);
  await page.getByTestId('import-dialog').waitFor({ timeout: WAIT_MS });
  const read = Date.now();
  await page.getByTestId('import-confirm').click();
  await page
    .getByTestId('options-status')
    .filter({ hasText: /Imported|written/ })
    .waitFor({ timeout: WAIT_MS });
  return { readMs: read - started, writeMs: Date.now() - read, status: (await page.getByTestId('options-status').textContent()) ?? '' };
}

export async function runTransferBench(paths: BenchPaths): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(JSON.stringify({ bench: 'options.transfer', skipped: 'no build in .output/chrome-mv3' }));
    return;
  }
  const { articles, dir, path } = await uciIndexFile(paths.uci, INDEX_SIZE);
  const { context, extensionId } = await launchWithExtension({ headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByTestId('data-import').waitFor();
    // An empty index first: the shipped demo articles would put a file at the cap over it, and the
    // retention pass would then trim the file's oldest articles while the round trip runs.
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'data/clear' }));
    const imported = await importThroughOptions(page, path);
    console.log(
      JSON.stringify({
        bench: 'options.import',
        articles: articles.length,
        fileBytes: (await stat(path)).size,
        readAndCheckMs: imported.readMs,
        writeAndSettleMs: imported.writeMs,
        totalMs: imported.readMs + imported.writeMs,
        status: imported.status,
      }),
    );
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.getByTestId('data-export').click()]);
    const saved = join(dir, 'export.json');
    await download.saveAs(saved);
    const ms = Date.now() - started;
    const exported = JSON.parse(await readFile(saved, 'utf8')) as { articles: { id: string }[] };
    const sent = new Set(articles.map((a) => a.id));
    console.log(
      JSON.stringify({
        bench: 'options.export',
        articles: exported.articles.length,
        fileBytes: (await stat(saved)).size,
        ms,
        roundTrip: exported.articles.length === sent.size && exported.articles.every((a) => sent.has(a.id)),
      }),
    );
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The 500,000-article index in the real extension: the synthesised articles and the engine snapshot
 * built from them in Node (the same engine code the worker runs) are written into the extension's
 * IndexedDB as the worker stores them, then the worker is stopped before each try and one article's story
 * asked for: the first match after a worker start. Also the worker's heap once the engine is restored.
 * (A 500k index cannot travel through today's import message, limited by Chrome to 64 MiB.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ENGINE_VERSION } from '../../background/story-index';
import { snapshotHeadLength } from '../../core/story/snapshot-pack';
import { EXTENSION_DIR, launchWithExtension, stopServiceWorker } from '../../demo/browser';
import { WorkerHeap } from './browser-memory';
import type { ScaleArticle } from './index-scale';
import { timeStoryView } from './story-view-timing';
import { median, round1 } from './stats';

const TRIES = 11;
const ROWS_PER_WRITE = 20_000;
const SNAPSHOT_CHUNK = 8 * 2 ** 20;

/** Puts rows into one of the extension's object stores, from one of its pages (bare IndexedDB, as Dexie stores them). */
async function putRows(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('parallax');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}

/** Sends the snapshot bytes in pieces and stores them as the engine state row's Blob, with its head's length. */
async function putSnapshot(page: Page, bytes: Uint8Array, articleCount: number): Promise<void> {
  await page.evaluate(() => {
    (globalThis as { parts?: Uint8Array[] }).parts = [];
  });
  for (let offset = 0; offset < bytes.length; offset += SNAPSHOT_CHUNK) {
    const base64 = Buffer.from(bytes.subarray(offset, offset + SNAPSHOT_CHUNK)).toString('base64');
    await page.evaluate((b64) => {
      const binary = atob(b64);
      const part = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) part[i] = binary.charCodeAt(i);
      (globalThis as unknown as { parts: Uint8Array<ArrayBuffer>[] }).parts.push(part);
    }, base64);
  }
  await page.evaluate(
    ({ articleCount, engineVersion, headBytes }) => {
      const scope = globalThis as unknown as { parts: Uint8Array<ArrayBuffer>[]; pendingRow: unknown };
      scope.pendingRow = { key: 'engine', snapshot: new Blob(scope.parts), articleCount, engineVersion, headBytes, savedAt: Date.now() };
    },
    // Where the ids start, as the worker records it when it saves: a woken worker reads up to there first.
    { articleCount, engineVersion: ENGINE_VERSION, headBytes: snapshotHeadLength(bytes) },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('parallax');
        open.onsuccess = () => {
          const tx = open.result.transaction('engineState', 'readwrite');
          tx.objectStore('engineState').put((globalThis as unknown as { pendingRow: unknown }).pendingRow);
          tx.oncomplete = () => {
            open.result.close();
            (globalThis as { parts?: unknown }).parts = undefined;
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

export async function benchIndexScaleBrowser(
  indexed: readonly ScaleArticle[],
  unseen: readonly ScaleArticle[],
  snapshot: Uint8Array,
): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(JSON.stringify({ bench: 'refresh.index-500k.browser', skipped: 'no build in .output/chrome-mv3' }));
    return;
  }
  const { context, extensionId } = await launchWithExtension({ headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
    // The worker has created the database (and seeded the demo index); retention is set past the index's span.
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'index/status' }));
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'prefs/update', patch: { retentionDays: 90 } }));
    const addedAt = Date.now();
    const writeStarted = performance.now();
    for (let i = 0; i < indexed.length; i += ROWS_PER_WRITE) {
      const rows = indexed.slice(i, i + ROWS_PER_WRITE).map((a) => ({ ...a, origin: 'import', addedAt }));
      await putRows(page, 'articles', rows);
    }
    await putSnapshot(page, snapshot, indexed.length);
    const writeSeconds = (performance.now() - writeStarted) / 1000;

    const first: number[] = [];
    const warm: number[] = [];
    let answered = 0;
    for (let i = 0; i < TRIES; i++) {
      const q = unseen[Math.floor(((i + 1) * unseen.length) / (TRIES + 1))];
      const ask = () => timeStoryView(page, q);
      await stopServiceWorker(context, page);
      const cold = await ask();
      first.push(cold.ms);
      if (cold.status !== 'error') answered++;
      warm.push((await ask()).ms);
    }
    const heap = await WorkerHeap.attach(context, page);
    const status = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'index/status' }))) as {
      data?: { articles: number; stories: number };
    };
    console.log(
      JSON.stringify({
        bench: 'refresh.index-500k.browser',
        articles: status.data?.articles ?? null,
        stories: status.data?.stories ?? null,
        writeSeconds: round1(writeSeconds),
        snapshotMB: round1(snapshot.length / 2 ** 20),
        tries: TRIES,
        answered,
        firstMatchAfterWorkerStartP50Ms: round1(median(first)),
        firstMatchAfterWorkerStartMaxMs: round1(Math.max(...first)),
        warmP50Ms: round1(median(warm)),
        budgetMs: 300,
        workerHeapWithEngineMB: await heap.retainedMB(),
        workerHeapBudgetMB: 150,
      }),
    );
    await heap.detach();
  } finally {
    await context.close();
  }
}

/**
 * Faults, in the built extension: the service worker is stopped through CDP (as Chrome stops it when idle,
 * or kills it) at chosen points of an import (while the file is read, while the articles are written,
 * while the stories are revised) and of an export. Afterwards the worker answers, nothing is lost or
 * duplicated, the next attempt starts clean, and the page says what happened in plain words.
 *
 * The points are chosen on the page's side of the transfer port: a hook around `chrome.runtime.connect`
 * stops the worker before a chosen request leaves, right after it left, or when the worker reports a
 * phase of its commit (it reports the phase, then does the work: seconds for thousands of articles).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { stopServiceWorker } from '../../src/demo/browser';
import { expect, test } from './fixtures';
import { indexFileText } from './index-files';
import { openOptions, send } from './options-page';

type Fault = { send: string; nth: number; when: 'before' | 'after' } | { phase: 'writing' | 'settling' };

/** Installs the hook on pages opened afterwards; `armFault` then picks the next point to stop at. */
async function faultable(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__stopWorker', ({ page }) => stopServiceWorker(context, page));
  await context.addInitScript(() => {
    type Scope = {
      chrome?: { runtime?: { connect?: (info: unknown) => Port } };
      __fault: Fault | null;
      __faultsHit: string[];
      __sent: Record<string, number>;
      __stopWorker(): Promise<void>;
    };
    type Port = {
      postMessage(m: { kind: string }): void;
      onMessage: { addListener(l: (m: { kind: string; phase?: string }) => void): void };
    };
    const scope = globalThis as unknown as Scope;
    const runtime = scope.chrome?.runtime;
    if (!runtime?.connect) return;
    const connect = runtime.connect.bind(runtime);
    scope.__fault = null;
    scope.__faultsHit = [];
    scope.__sent = {};
    runtime.connect = (info: unknown) => {
      const port = connect(info);
      const post = port.postMessage.bind(port);
      port.postMessage = (message) => {
        const fault = scope.__fault;
        scope.__sent[message.kind] = (scope.__sent[message.kind] ?? 0) + 1;
        if (!fault || !('send' in fault) || fault.send !== message.kind || fault.nth !== scope.__sent[message.kind]) return post(message);
        scope.__fault = null;
        scope.__faultsHit.push(`${fault.when} ${message.kind} #${fault.nth}`);
        if (fault.when === 'after') {
          post(message);
          void scope.__stopWorker();
        } else
          void scope.__stopWorker().then(() => {
            try {
              post(message);
            } catch {
              // The port of a stopped worker: the page learns it from onDisconnect.
            }
          });
      };
      port.onMessage.addListener((answer) => {
        const fault = scope.__fault;
        if (fault && 'phase' in fault && answer.kind === 'phase' && answer.phase === fault.phase) {
          scope.__fault = null;
          scope.__faultsHit.push(`phase ${fault.phase}`);
          void scope.__stopWorker();
        }
      });
      return port;
    };
  });
}

/** The options page, in a browser whose worker can be stopped at chosen points, with this index file imported. */
async function faultablePage(context: BrowserContext, extensionId: string, text: string): Promise<Page> {
  await faultable(context);
  const page = await openOptions(context, extensionId, 'data-import');
  expect(await send(page, { type: 'index/import', text })).toMatchObject({ ok: true });
  return page;
}

async function armFault(page: Page, fault: Fault): Promise<void> {
  await page.evaluate((f) => {
    const scope = globalThis as unknown as { __fault: unknown; __sent: Record<string, number> };
    scope.__sent = {};
    scope.__fault = f;
  }, fault);
}

const faultsHit = (page: Page) => page.evaluate(() => (globalThis as unknown as { __faultsHit: string[] }).__faultsHit);

/** What the database holds, read from IndexedDB itself (not through the worker), and what the worker says. */
async function held(page: Page) {
  const stored = await page.evaluate(
    () =>
      new Promise<{ articles: number; ids: number; engine: number | null; importId: unknown }>((ok, fail) => {
        const open = indexedDB.open('parallax');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'engineState', 'meta'], 'readonly');
          const keys = tx.objectStore('articles').getAllKeys();
          const engine = tx.objectStore('engineState').get('engine');
          const importId = tx.objectStore('meta').get('import.lastId');
          tx.oncomplete = () => {
            db.close();
            ok({
              articles: keys.result.length,
              ids: new Set(keys.result.map(String)).size,
              engine: (engine.result as { articleCount?: number } | undefined)?.articleCount ?? null,
              importId: (importId.result as { value?: unknown } | undefined)?.value ?? null,
            });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
  const status = await send(page, { type: 'index/status' });
  if (!status.ok) throw new Error(`the worker did not answer: ${status.error}`);
  return { ...stored, worker: (status.data as { articles: number }).articles };
}

const STOPPED_IMPORT = 'Parallax’s background stopped during the import; nothing was changed. Try again.';

test('an import stopped while the file is read, while its articles are written, or while the stories are revised changes nothing; the next one goes through', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(300_000);
  const page = await faultablePage(context, extensionId, indexFileText({ articles: 2_000, prefix: 'held' }));
  const before = await held(page);
  expect(before).toMatchObject({ ids: before.articles, worker: before.articles, engine: before.articles });
  // 3,000 new articles with long descriptions: about 5 MB, three pieces on the port.
  const file = {
    name: 'new.json',
    mimeType: 'application/json',
    buffer: Buffer.from(indexFileText({ articles: 3_000, description: 1_400 })),
  };
  expect(file.buffer.length).toBeGreaterThan(4 * 1024 * 1024);

  const faults: Fault[] = [
    { send: 'import/piece', nth: 2, when: 'before' },
    { send: 'import/end', nth: 1, when: 'after' },
    { phase: 'writing' },
    { phase: 'settling' },
  ];
  for (const fault of faults) {
    await armFault(page, fault);
    await page.getByTestId('data-import').setInputFiles(file);
    if ('phase' in fault) {
      await expect(page.getByTestId('import-dialog')).toBeVisible({ timeout: 60_000 });
      await page.getByTestId('import-confirm').click();
    }
    await expect(page.getByTestId('data-status')).toHaveText(STOPPED_IMPORT, { timeout: 120_000 });
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
    expect(await faultsHit(page)).toHaveLength(faults.indexOf(fault) + 1);
    // The worker answers again, and holds exactly what it held: no row half-written, none twice.
    expect(await held(page), JSON.stringify(fault)).toEqual(before);
  }
  expect(await faultsHit(page)).toEqual(['before import/piece #2', 'after import/end #1', 'phase writing', 'phase settling']);

  await page.getByTestId('data-import').setInputFiles(file);
  await expect(page.getByTestId('import-dialog')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-articles')).toContainText('3,000 in the file, 3,000 of them new');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('options-status')).toContainText('Imported: 3,000 articles in the file, 3,000 new.', { timeout: 120_000 });
  const after = await held(page);
  expect(after).toMatchObject({ articles: before.articles + 3_000, ids: before.articles + 3_000, worker: before.articles + 3_000 });
  expect(after.engine).toBe(after.articles);
});

test('an export stopped before, during and between its pieces goes on where it was: every article once', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(300_000);
  const text = indexFileText({ articles: 4_000, description: 600 });
  const page = await faultablePage(context, extensionId, text);
  const { articles } = await held(page);
  // Every article but the shipped demo ones, which an export leaves out.
  const exported = (JSON.parse(text) as { articles: { id: string }[] }).articles.map((a) => a.id).sort();

  for (const fault of [
    { send: 'export/head', nth: 1, when: 'before' },
    { send: 'export/rows', nth: 2, when: 'after' },
    { send: 'export/rows', nth: 3, when: 'before' },
  ] as const) {
    await armFault(page, fault);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('data-export').click()]);
    await expect(page.getByTestId('data-status')).toContainText('Exported');
    const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { articles: { id: string }[] };
    expect(
      file.articles.map((a) => a.id),
      JSON.stringify(fault),
    ).toEqual(exported);
  }
  expect(await faultsHit(page)).toEqual(['before export/head #1', 'after export/rows #2', 'before export/rows #3']);
  expect(await held(page)).toMatchObject({ articles, worker: articles });
});

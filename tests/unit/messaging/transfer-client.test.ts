/**
 * The options page's transfers over a port to the worker's end (in memory: messages copied and delivered
 * later, as Chrome does). A stopped worker is a port that disconnects: the page says so, an export goes
 * on where it was, and an import tells whether it was written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexTransfer } from '../../../src/background/index-transfer';
import { StoryIndex } from '../../../src/background/story-index';
import { serveTransferPort } from '../../../src/background/transfer-port';
import { ParallaxDatabase, type StoredArticle } from '../../../src/db/database';
import { ImportRefusedError, WorkerStoppedError, exportIndex, stageImport, type PagePort } from '../../../src/messaging/transfer-client';
import { sampleFile } from '../support/index-file';
import { portPair } from '../support/port';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const CHOICES = { replaceFeeds: true, replacePreferences: true, enableFeeds: [] };
let db: ParallaxDatabase;
let transfer: IndexTransfer;

beforeEach(() => {
  db = new ParallaxDatabase(`port-${Math.random()}`);
  transfer = new IndexTransfer({ db, index: new StoryIndex(db), now: () => NOW, pieceChars: 4_000 });
});

/** A connect() to a worker serving `transfer`; `onWorkerPost` may stop the worker at a chosen message. */
function worker(onWorkerPost?: (message: unknown, stop: () => void) => boolean) {
  const ports: { stopWorker(): void }[] = [];
  const connect = (): PagePort => {
    let stop = (): void => undefined;
    const pair = portPair(onWorkerPost ? (m) => onWorkerPost(m, stop) : undefined);
    stop = pair.stopWorker;
    ports.push(pair);
    serveTransferPort(pair.worker, transfer);
    return pair.page;
  };
  return { connect, connections: () => ports.length };
}

const fileOf = (articles: number) => new Blob([JSON.stringify(sampleFile(articles))]);
const stored = (i: number): StoredArticle => ({
  id: `https://www.lefttimes.com/s/${String(i).padStart(4, '0')}`,
  url: `https://www.lefttimes.com/s/${i}`,
  title: `Stored ${i}`,
  published: NOW - i,
  origin: 'feed',
  addedAt: NOW,
});

describe('importing over the port', () => {
  it('sends the file in pieces, shows its preview, then writes it when confirmed', async () => {
    const reads: number[] = [];
    const staged = await stageImport(fileOf(20), (p) => reads.push(p.articles), undefined, worker().connect);
    expect(reads.at(-1)).toBe(20);
    expect(staged.preview.articles).toMatchObject({ inFile: 20, new: 20 });
    expect(await db.articles.count()).toBe(0);
    const phases: string[] = [];
    expect(await staged.commit(CHOICES, (phase) => phases.push(phase))).toMatchObject({ articles: 20, added: 20 });
    expect(phases).toEqual(['writing', 'settling']);
    expect(await db.articles.count()).toBe(20);
  });

  it('names the rows of a refused file', async () => {
    const file = JSON.parse(JSON.stringify(sampleFile(5)));
    file.articles[3].published = 'soon';
    const failure = await stageImport(new Blob([JSON.stringify(file)]), () => undefined, undefined, worker().connect).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ImportRefusedError);
    expect((failure as ImportRefusedError).errors).toEqual(['articles[3].published: expected a number, received string']);
  });

  it('says the worker stopped when it stops while the file is read, and nothing is written', async () => {
    let pieces = 0;
    const { connect } = worker((message, stop) => {
      if ((message as { kind: string }).kind === 'reply' && ++pieces === 2) stop();
      return true;
    });
    const big = new Blob([JSON.stringify(sampleFile(20_000))]);
    expect(big.size).toBeGreaterThan(2 * 2 * 1024 * 1024);
    await expect(stageImport(big, () => undefined, undefined, connect)).rejects.toBeInstanceOf(WorkerStoppedError);
    expect(await db.articles.count()).toBe(0);
  });

  it('finds out whether an import whose answer was lost with the worker was written', async () => {
    let commitAnswered = false;
    const { connect, connections } = worker((message, stop) => {
      const answer = message as { kind: string; data?: { added?: number } };
      // The worker stops right after the commit, before its answer leaves.
      if (answer.kind === 'reply' && answer.data?.added !== undefined && !commitAnswered) {
        commitAnswered = true;
        stop();
        return false;
      }
      return true;
    });
    const staged = await stageImport(fileOf(4), () => undefined, undefined, connect);
    expect(await staged.commit(CHOICES, () => undefined)).toBeNull();
    expect(connections()).toBe(2);
    expect(await db.articles.count()).toBe(4);
  });

  it('says the worker stopped, nothing written, when it stops before the commit is written', async () => {
    const { connect } = worker((message, stop) => {
      if ((message as { kind: string; phase?: string }).phase === 'writing') stop();
      return true;
    });
    // A worker stopped while writing never finishes its transaction: here, adding the articles never ends.
    const index = new StoryIndex(db);
    transfer = new IndexTransfer({
      db,
      index: { ready: () => index.ready(), add: () => new Promise<number>(() => undefined) },
      now: () => NOW,
    });
    const staged = await stageImport(fileOf(4), () => undefined, undefined, connect);
    await expect(staged.commit(CHOICES, () => undefined)).rejects.toBeInstanceOf(WorkerStoppedError);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('exporting over the port', () => {
  it('goes on after the last article received when the worker stops, with every article once', async () => {
    await new StoryIndex(db).add(Array.from({ length: 1_500 }, (_, i) => stored(i)));
    let answers = 0;
    const { connect, connections } = worker((_, stop) => {
      // Stops twice, losing the 2nd and the 5th answers.
      answers++;
      if (answers === 2 || answers === 5) {
        stop();
        return false;
      }
      return true;
    });
    const progress: number[] = [];
    const blob = await exportIndex((written) => progress.push(written), connect);
    expect(connections()).toBe(3);
    const text = await blob.text();
    expect(text).toBe(await transfer.exportText());
    expect(new Set(JSON.parse(text).articles.map((a: { id: string }) => a.id)).size).toBe(1_500);
    expect(progress.at(-1)).toBe(1_500);
  });

  it('gives up with a clear error when the worker keeps stopping', async () => {
    const { connect } = worker((_, stop) => {
      stop();
      return false;
    });
    await expect(exportIndex(() => undefined, connect)).rejects.toBeInstanceOf(WorkerStoppedError);
  });
});

/**
 * Stores what a refresh run fetched: each feed's articles through the story index (one transaction with
 * the engine's snapshot), then the feed rows' new state. Feeds that finish while a write runs, or within
 * the policy's write gap after one, are written together: a write stores the whole engine snapshot, so a
 * write per feed would cost a thousand snapshots at a thousand feeds. Articles always go before state: a
 * worker stopped in between fetches those feeds again, and the index's add-by-id adds nothing twice.
 */
import type { FeedRow, ParallaxDatabase, StoredArticle } from '../db/database';
import type { FeedResult } from './feed-fetch';

/** What the writer needs of the story index (StoryIndex satisfies it). */
export interface ArticleSink {
  add(articles: readonly StoredArticle[]): Promise<number>;
}

export interface RefreshWriterDeps {
  db: ParallaxDatabase;
  index: ArticleSink;
  /** Least time between two writes, in ms. */
  gapMs: number;
  /** A failed write's feeds are reported with this (and retried with backoff). */
  failed(result: FeedResult, error: string): FeedResult;
  /** Called after each write with the results as written (their `added` counts set). */
  written(results: readonly FeedResult[]): void;
}

/** The wait after a write is at least this many times as long as the write took. */
const WRITE_SHARE_FACTOR = 4;

export class RefreshWriter {
  private pending: FeedResult[] = [];
  private writing: Promise<void> = Promise.resolve();
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private lastWriteMs = 0;

  constructor(private readonly deps: RefreshWriterDeps) {}

  /** Queues a feed's result; it is written with the next batch. */
  push(result: FeedResult): void {
    this.pending.push(result);
    this.schedule();
  }

  /** Writes everything queued and waits for it. */
  async flush(): Promise<void> {
    await this.writing;
    while (this.pending.length > 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.startWrite();
    }
  }

  private schedule(): void {
    if (this.busy || this.timer !== undefined) return;
    // A write stores the whole engine snapshot, slower as the index grows: writes take at most about a
    // fifth of a run, whatever the index's size.
    const gap = Math.max(this.deps.gapMs, WRITE_SHARE_FACTOR * this.lastWriteMs);
    const wait = Math.max(0, this.lastWriteAt + gap - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.startWrite();
    }, wait);
  }

  private startWrite(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.busy = true;
    const started = Date.now();
    this.writing = this.write(batch).finally(() => {
      this.busy = false;
      this.lastWriteAt = Date.now();
      this.lastWriteMs = this.lastWriteAt - started;
      if (this.pending.length > 0) this.schedule();
    });
    return this.writing;
  }

  private async write(batch: FeedResult[]): Promise<void> {
    if (batch.length === 0) return;
    const { db, index } = this.deps;
    let results = batch;
    const articles = batch.flatMap((r) => r.articles);
    if (articles.length > 0) {
      try {
        const known = new Set((await db.articles.bulkGet(articles.map((a) => a.id))).flatMap((a) => (a ? [a.id] : [])));
        await index.add(articles);
        results = batch.map((r) => ({ ...r, outcome: { ...r.outcome, added: countNew(r.articles, known) } }));
      } catch (error) {
        const text = `could not store the feed's articles: ${error instanceof Error ? error.message : String(error)}`;
        results = batch.map((r) => (r.articles.length > 0 ? this.deps.failed(r, text) : r));
      }
    }
    try {
      await db.feeds.bulkUpdate(results.map((r) => ({ key: r.outcome.url, changes: r.changes as Partial<FeedRow> })));
    } catch (error) {
      // The feeds stay due as they were and are fetched again on the next run.
      const text = `could not store the feed's state: ${error instanceof Error ? error.message : String(error)}`;
      results = results.map((r) => ({ ...r, outcome: { ...r.outcome, status: 'failed', error: text } }));
    }
    this.deps.written(results);
  }
}

/** Articles of this feed not in `known`; each counted once, so a later feed repeating them counts none. */
function countNew(articles: readonly StoredArticle[], known: Set<string>): number {
  let count = 0;
  for (const article of articles) {
    if (known.has(article.id)) continue;
    known.add(article.id);
    count++;
  }
  return count;
}

/**
 * Keeps the story engine and the articles table in step. The engine lives in memory while the worker
 * runs and is restored from its stored snapshot when the worker wakes, so the first match after a wake
 * does not recluster the whole index.
 */
import { StoryEngine, type EngineArticle, type EngineSnapshot, type NeighbourWindow, type StoryMatch } from '../core/story';
import { decodeSnapshot, encodeSnapshot } from '../core/story/snapshot-pack';
import type { IndexArticle } from '../core/types';
import type { ParallaxDatabase, StoredArticle } from '../db/database';
import type { EarlySnapshot } from '../db/early-snapshot';

/** Bump when the engine's snapshot format or clustering changes: stored snapshots are then rebuilt. */
export const ENGINE_VERSION = 3;

/** User Timing marks of a worker's engine restore, read by the browser benchmark (npm run bench). */
export const ENGINE_MARKS = { read: 'parallax:engine-snapshot-read', restored: 'parallax:engine-restored' } as const;

export function toEngineArticle(a: IndexArticle): EngineArticle {
  return { id: a.id, title: a.title, description: a.description, publisher: a.publisher, host: a.host, published: a.published };
}

export class StoryIndex {
  private engine: Promise<StoryEngine> | null = null;
  /** Counts changes to the indexed stories, so that views computed earlier can be known to be current. */
  private changes = 0;
  private readonly changeListeners: (() => void)[] = [];

  /**
   * `early`: the snapshot row as read when the worker started (see early-snapshot.ts), used by the first
   * restore instead of reading it again.
   */
  constructor(
    private readonly db: ParallaxDatabase,
    private early?: Promise<EarlySnapshot | undefined>,
  ) {}

  /** The engine, restored from the snapshot or rebuilt from the stored articles when the snapshot is stale. */
  ready(): Promise<StoryEngine> {
    this.engine ??= this.restore().catch((error: unknown) => {
      this.engine = null;
      throw error;
    });
    return this.engine;
  }

  private async restore(): Promise<StoryEngine> {
    // Articles and the snapshot are only ever written together, in one transaction (add, remove,
    // import), so the snapshot is trusted as it is: counting 100k rows to check it would cost more
    // than the whole restore (Chromium's IndexedDB count walks every key).
    const early = await this.takeEarly();
    const state = early ? undefined : await this.db.engineState.get('engine');
    if (early?.engineVersion === ENGINE_VERSION || (state && state.engineVersion === ENGINE_VERSION)) {
      try {
        // Stored as one binary Blob; builds before that stored the snapshot object itself.
        const stored = state?.snapshot;
        const snapshot = early
          ? decodeSnapshot(early.bytes)
          : stored instanceof Blob
            ? decodeSnapshot(await stored.arrayBuffer())
            : (stored as EngineSnapshot);
        performance.mark(ENGINE_MARKS.read);
        const engine = StoryEngine.fromSnapshot(snapshot);
        performance.mark(ENGINE_MARKS.restored);
        return engine;
      } catch {
        // An unreadable snapshot is rebuilt from the articles, which are the index's source of truth.
      }
    }
    const engine = new StoryEngine();
    await this.db.articles.orderBy('published').each((a) => {
      engine.add(toEngineArticle(a));
    });
    await this.save(engine);
    return engine;
  }

  /** The early read, once: a later restore (after a failure) reads the row afresh. */
  private async takeEarly(): Promise<EarlySnapshot | undefined> {
    const early = this.early;
    this.early = undefined;
    return early ? await early.catch(() => undefined) : undefined;
  }

  private async save(engine: StoryEngine): Promise<void> {
    await this.db.engineState.put({
      key: 'engine',
      snapshot: new Blob([encodeSnapshot(engine.toSnapshot())]),
      articleCount: engine.size().articles,
      engineVersion: ENGINE_VERSION,
      savedAt: Date.now(),
    });
  }

  /** Adds the articles not yet indexed (by id), in time order. Returns how many were new. */
  async add(articles: readonly StoredArticle[]): Promise<number> {
    const engine = await this.ready();
    // A large batch (an import) reads every held key at once: one lookup per article costs seconds.
    const existing =
      articles.length > 5_000
        ? new Set(await this.db.articles.toCollection().primaryKeys())
        : new Set((await this.db.articles.bulkGet(articles.map((a) => a.id))).filter((a) => a !== undefined).map((a) => a.id));
    const fresh = dedupeById(articles.filter((a) => !existing.has(a.id))).sort((a, b) => a.published - b.published);
    if (fresh.length === 0) return 0;
    this.changed();
    await this.inStep(() =>
      this.db.transaction('rw', this.db.articles, this.db.engineState, async () => {
        await this.db.articles.bulkAdd(fresh);
        for (const a of fresh) engine.add(toEngineArticle(a));
        await this.save(engine);
      }),
    );
    return fresh.length;
  }

  /**
   * Revises the stories as a whole now that more coverage has arrived (the engine's refineStories: an
   * article moves to the story its most similar headlines sit in). About a second per 100k articles,
   * so it runs once per refresh or import, not per feed.
   */
  async refine(): Promise<void> {
    const engine = await this.ready();
    this.changed();
    await this.inStep(() =>
      this.db.transaction('rw', this.db.engineState, async () => {
        engine.refineStories();
        await this.save(engine);
      }),
    );
  }

  /** Removes articles (retention, or the reader's "wrong story" on an indexed article). */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const engine = await this.ready();
    this.changed();
    await this.inStep(() =>
      this.db.transaction('rw', this.db.articles, this.db.engineState, async () => {
        await this.db.articles.bulkDelete([...ids]);
        for (const id of ids) engine.remove(id);
        await this.save(engine);
      }),
    );
  }

  /**
   * Runs a write that changes the in-memory engine with the tables. If the transaction fails, the
   * database rolled back but the engine did not: drop it, so the next call restores the stored state.
   */
  private async inStep(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /** Forgets the in-memory engine (after the tables were cleared or replaced behind its back). */
  reset(): void {
    this.engine = null;
    this.changed();
  }

  /** Changes with every add, removal or reset (also failed ones: a view is then merely recomputed). */
  generation(): number {
    return this.changes;
  }

  /** Calls `listener` at each change of the generation. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    this.changes++;
    for (const listener of this.changeListeners) listener();
  }

  /** Read-only: the story an article belongs to, or null. */
  async match(article: IndexArticle): Promise<StoryMatch | null> {
    const engine = await this.ready();
    return engine.match(toEngineArticle(article));
  }

  /** See StoryEngine.currentStoryId: follows merges. */
  async currentStoryId(storyId: string): Promise<string | undefined> {
    return (await this.ready()).currentStoryId(storyId);
  }

  async members(storyId: string): Promise<StoredArticle[]> {
    const rows = await this.db.articles.bulkGet(await this.memberIds(storyId));
    return rows.filter((a): a is StoredArticle => a !== undefined);
  }

  /** The ids of a story's articles (following merges), from memory. */
  async memberIds(storyId: string): Promise<string[]> {
    return (await this.ready()).members(storyId);
  }

  /** Stories related to a story, from memory (StoryEngine.related). */
  async related(storyId: string, window: NeighbourWindow): Promise<string[]> {
    return (await this.ready()).related(storyId, window);
  }

  /** The stories with an article published within [from, to], from memory. */
  async storiesWithin(from: number, to: number): Promise<string[]> {
    return (await this.ready()).storiesWithin(from, to);
  }

  /** The story of each article (undefined: not indexed), from memory. */
  async storiesOf(articleIds: readonly string[]): Promise<(string | undefined)[]> {
    const engine = await this.ready();
    return articleIds.map((id) => engine.storyOf(id));
  }

  async status(): Promise<{ articles: number; stories: number }> {
    return (await this.ready()).size();
  }
}

function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

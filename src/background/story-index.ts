/**
 * Keeps the story engine and the articles table in step. The engine lives in memory while the worker
 * runs and is restored from its stored snapshot when the worker wakes, so the first match after a wake
 * does not recluster the whole index.
 */
import { StoryEngine, type EngineArticle, type EngineSnapshot, type NeighbourWindow, type StoryMatch } from '../core/story';
import { idKey } from '../core/story/id-key';
import { decodeSnapshot, encodeSnapshotWithHead } from '../core/story/snapshot-pack';
import type { IndexArticle } from '../core/types';
import type { ParallaxDatabase, StoredArticle } from '../db/database';
import { type EarlySnapshot, readStoredSnapshot } from '../db/early-snapshot';

/** Bump when the engine's snapshot format or clustering changes: stored snapshots are then rebuilt. */
export const ENGINE_VERSION = 5;

/**
 * User Timing marks of a worker's engine restore, read by the browser benchmark (npm run bench); the
 * last, once the ids of an engine restored from the snapshot's head are in.
 */
export const ENGINE_MARKS = {
  read: 'parallax:engine-snapshot-read',
  restored: 'parallax:engine-restored',
  idsRead: 'parallax:engine-ids-read',
} as const;

export function toEngineArticle(a: IndexArticle): EngineArticle {
  return { id: a.id, title: a.title, description: a.description, publisher: a.publisher, host: a.host, published: a.published };
}

/**
 * How long after a restore from the snapshot's head the article ids are read, unless something needs
 * them sooner: a woken worker's first answer is built within about 100 ms of the restore, and reading
 * the ids (~10 MB per 100k articles) would hold it up.
 */
const IDS_READ_DELAY_MS = 1_000;

export class StoryIndex {
  /** The engine with all its parts in memory. */
  private engine: Promise<StoryEngine> | null = null;
  /** The engine as restored: from the snapshot's head, it may still be waiting for its ids (`idsLater`). */
  private restored: Promise<StoryEngine> | null = null;
  /** The stored ids' bytes of an engine restored from the snapshot's head. */
  private idsLater: { engine: StoryEngine; ids: Blob | undefined } | undefined;
  private idsTimer: ReturnType<typeof setTimeout> | undefined;
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

  /**
   * The engine, restored from the snapshot or rebuilt from the stored articles when the snapshot is stale,
   * with its article ids: what every write and every question by article id needs.
   */
  ready(): Promise<StoryEngine> {
    this.engine ??= this.answering()
      .then((engine) => this.withIds(engine))
      .catch((error: unknown) => {
        this.engine = null;
        throw error;
      });
    return this.engine;
  }

  /** Starts restoring the engine, up to what a first answer needs (see `answering`). */
  warm(): void {
    void this.answering().catch(() => undefined);
  }

  /**
   * The engine as soon as it is restored, maybe before its ids are read (StoryEngine.idsPending): enough
   * to match an article and find its story's rows (`members`), which is all a woken worker's first answer
   * asks.
   */
  private answering(): Promise<StoryEngine> {
    this.restored ??= this.restore().catch((error: unknown) => {
      this.restored = null;
      throw error;
    });
    return this.restored;
  }

  /** The engine with its ids read; an engine whose ids cannot be read is rebuilt from the articles. */
  private async withIds(engine: StoryEngine): Promise<StoryEngine> {
    if (!engine.idsPending) return engine;
    const ids = this.idsLater?.engine === engine ? this.idsLater.ids : undefined;
    this.idsLater = undefined;
    clearTimeout(this.idsTimer);
    try {
      if (!ids) throw new Error('the article ids are not stored');
      engine.attachIds(new Uint8Array(await ids.arrayBuffer()));
      performance.mark(ENGINE_MARKS.idsRead);
      return engine;
    } catch {
      const rebuilt = await this.rebuild();
      this.restored = Promise.resolve(rebuilt);
      return rebuilt;
    }
  }

  private async restore(): Promise<StoryEngine> {
    // Articles and the snapshot are only ever written together, in one transaction (add, remove,
    // import), so the snapshot is trusted as it is: counting 100k rows to check it would cost more
    // than the whole restore (Chromium's IndexedDB count walks every key).
    const early = await this.takeEarly();
    const state = early ? undefined : await this.db.engineState.get('engine');
    if (early?.engineVersion === ENGINE_VERSION || (state && state.engineVersion === ENGINE_VERSION)) {
      try {
        // Stored as one binary Blob, read up to the ids when the row says where they start; builds
        // before that stored the snapshot object itself.
        const stored = state?.snapshot;
        const read = early ?? (stored instanceof Blob ? await readStoredSnapshot(stored, state?.headBytes) : undefined);
        const snapshot = read ? decodeSnapshot(read.bytes, { headOnly: read.ids !== undefined }) : (stored as EngineSnapshot);
        performance.mark(ENGINE_MARKS.read);
        const engine = StoryEngine.fromSnapshot(snapshot);
        performance.mark(ENGINE_MARKS.restored);
        if (engine.idsPending) {
          this.idsLater = { engine, ids: read?.ids };
          this.idsTimer = setTimeout(() => void this.ready().catch(() => undefined), IDS_READ_DELAY_MS);
        }
        return engine;
      } catch {
        // An unreadable snapshot is rebuilt from the articles, which are the index's source of truth.
      }
    }
    return this.rebuild();
  }

  private async rebuild(): Promise<StoryEngine> {
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
    const { bytes, headLength } = encodeSnapshotWithHead(engine.toSnapshot());
    await this.db.engineState.put({
      key: 'engine',
      snapshot: new Blob([bytes]),
      headBytes: headLength,
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
    this.restored = null;
    this.idsLater = undefined;
    clearTimeout(this.idsTimer);
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
    const engine = await this.answering();
    return engine.match(toEngineArticle(article));
  }

  /** See StoryEngine.currentStoryId: follows merges. */
  async currentStoryId(storyId: string): Promise<string | undefined> {
    return (await this.answering()).currentStoryId(storyId);
  }

  /** A story's rows, in its order (by time). Before the ids are read, found by their times and id keys. */
  async members(storyId: string): Promise<StoredArticle[]> {
    const engine = await this.answering();
    if (engine.idsPending) return this.rowsByKey(engine.memberKeys(storyId));
    const rows = await this.db.articles.bulkGet(engine.members(storyId));
    return rows.filter((a): a is StoredArticle => a !== undefined);
  }

  /**
   * One request per distinct time, all sent at once: `anyOf` walks one cursor from time to time, a round
   * trip each (a woken worker's first answer at 100k articles: 61.7 ms from the restore with it, 48.5
   * with these requests; p50 of 14).
   */
  private async rowsByKey(members: readonly { key: number; published: number }[]): Promise<StoredArticle[]> {
    if (members.length === 0) return [];
    const times = [...new Set(members.map((member) => member.published))];
    const rows = await this.db.transaction('r', this.db.articles, () =>
      Promise.all(times.map((time) => this.db.articles.where('published').equals(time).toArray())),
    );
    const byKey = new Map(rows.flat().map((row) => [idKey(row.id), row]));
    return members.flatMap(({ key, published }) => {
      const row = byKey.get(key);
      return row?.published === published ? [row] : [];
    });
  }

  /** The ids of a story's articles (following merges), from memory. */
  async memberIds(storyId: string): Promise<string[]> {
    return (await this.ready()).members(storyId);
  }

  /** Stories related to a story, from memory (StoryEngine.related). */
  async related(storyId: string, window: NeighbourWindow): Promise<string[]> {
    return (await this.answering()).related(storyId, window);
  }

  /** The stories with an article published within [from, to], from memory. */
  async storiesWithin(from: number, to: number): Promise<string[]> {
    return (await this.answering()).storiesWithin(from, to);
  }

  /** The story of each article (undefined: not indexed), from memory. */
  async storiesOf(articleIds: readonly string[]): Promise<(string | undefined)[]> {
    const engine = await this.ready();
    return articleIds.map((id) => engine.storyOf(id));
  }

  async status(): Promise<{ articles: number; stories: number }> {
    return (await this.answering()).size();
  }
}

function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

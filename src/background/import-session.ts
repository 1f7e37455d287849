/**
 * One import of an index file, from its first piece to its commit. The pieces are read and checked as
 * they arrive and the valid rows kept in memory only: a worker that stops before the commit leaves
 * nothing behind, and the next import starts clean. The commit is ONE Dexie transaction (preferences,
 * feeds, articles, the stories' revision and the import's id): a failure or a stopped worker leaves the
 * database as it was.
 */
import { IndexFileReader, type IndexFileRead } from '../core/index-file/index';
import { DEFAULT_MAX_ARTICLES, feedOriginPattern } from '../core/refresh/index';
import type { FeedRow, ParallaxDatabase, StoredArticle } from '../db/database';
import { META_LAST_IMPORT_ID, writeMeta } from '../db/meta';
import type { ImportResult } from '../messaging/protocol-index';
import type { ImportChoices, ImportPhase, ImportPreview } from '../messaging/protocol-transfer';

export interface ImportableIndex {
  add(articles: readonly StoredArticle[]): Promise<number>;
  /** Loads the engine before the import's transaction starts (StoryIndex.ready). */
  ready?(): Promise<unknown>;
  /** Drops the in-memory engine when the import rolled back after adding to it (StoryIndex.reset). */
  reset?(): void;
  /** Revises the stories once the whole file is in (StoryIndex.refine). */
  refine?(): Promise<void>;
}

export interface ImportDeps {
  db: ParallaxDatabase;
  index: ImportableIndex;
  now: () => number;
  /** Whether a feed's site is granted (`permissions.contains`); without it no feed of a file is turned on. */
  hasPermission?: (originPattern: string) => Promise<boolean>;
  /** The index's size cap: the most articles a file may hold, and the preview's warning. */
  maxArticles?: number;
}

const SAMPLE = 3;

export class ImportSession {
  readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private readonly reader: IndexFileReader;
  private read: IndexFileRead | null = null;
  private state: 'reading' | 'checked' | 'committing' | 'over' = 'reading';

  constructor(private readonly deps: ImportDeps) {
    this.reader = new IndexFileReader({ maxArticles: deps.maxArticles });
  }

  /** The next piece of the file; throws IndexFileError (the import is then over) at the first fatal problem. */
  push(text: string): number {
    this.expect('reading');
    try {
      this.reader.push(text);
    } catch (error) {
      this.state = 'over';
      throw error;
    }
    return this.reader.articleCount;
  }

  /** The file has ended: checks it whole and tells what importing it would change, writing nothing. */
  async finish(): Promise<ImportPreview> {
    this.expect('reading');
    this.state = 'over';
    const read = this.reader.finish();
    const preview = await this.preview(read);
    this.read = read;
    this.state = 'checked';
    return preview;
  }

  private async preview(read: IndexFileRead): Promise<ImportPreview> {
    const { db } = this.deps;
    // Every held id in one read of the keys: far quicker than a lookup per article of a large file.
    const heldIds = new Set(await db.articles.toCollection().primaryKeys());
    const fresh = new Set(read.articles.filter((a) => !heldIds.has(a.id)).map((a) => a.id));
    const held = heldIds.size;
    const newest = read.articles
      .filter((a) => fresh.has(a.id))
      .sort((a, b) => b.published - a.published)
      .slice(0, SAMPLE);
    const stored = new Map((await db.feeds.toArray()).map((row) => [row.url, row]));
    const inFile = new Set(read.feeds.map((f) => f.url));
    const removed = [...stored.keys()].filter((url) => !inFile.has(url));
    const added = read.feeds.filter((f) => !stored.has(f.url)).map((f) => f.url);
    return {
      id: this.id,
      exportedAt: read.exportedAt,
      generator: read.generator ?? null,
      articles: {
        inFile: read.articles.length,
        new: fresh.size,
        held,
        overCap: Math.max(0, held + fresh.size - (this.deps.maxArticles ?? DEFAULT_MAX_ARTICLES)),
        sample: newest.map((a) => ({ title: a.title, host: a.host ?? safeHost(a.url) })),
      },
      feeds: {
        inFile: read.feeds.length,
        held: stored.size,
        removed: removed.length,
        removedSample: removed.slice(0, SAMPLE),
        added: added.length,
        addedSample: added.slice(0, SAMPLE),
        toTurnOn: read.feeds
          .filter((f) => f.enabled && !stored.get(f.url)?.enabled)
          .map((f) => ({ url: f.url, site: feedOriginPattern(f.url) ?? f.url })),
        leftOut: read.leftOut,
      },
      preferences: read.preferences,
    };
  }

  /**
   * Writes the checked file as the reader chose: articles merged by id (those held stay as they are);
   * preferences and feeds replaced only if chosen. A feed of the file is on only if it is on here already,
   * or the reader turned it on and its site is granted: a file never makes Parallax fetch by itself.
   */
  async commit(choices: ImportChoices, onPhase: (phase: ImportPhase) => void = () => undefined): Promise<ImportResult> {
    this.expect('checked');
    this.state = 'committing';
    const read = this.read!;
    this.read = null;
    const { db, index } = this.deps;
    const now = this.deps.now();
    const turnedOn = await this.grantedFeeds(read, choices);
    await index.ready?.();
    // The rows become stored articles in place: a 150,000-article file is not copied again.
    const articles = read.articles as StoredArticle[];
    for (const a of articles) Object.assign(a, { origin: 'import', addedAt: now });
    onPhase('writing');
    const written = db.transaction('rw', [db.articles, db.engineState, db.preferences, db.feeds, db.meta], async () => {
      if (choices.replacePreferences) await db.setPreferences(read.preferences);
      let feedsOn = 0;
      if (choices.replaceFeeds) {
        const rows = this.feedRows(read, new Map((await db.feeds.toArray()).map((row) => [row.url, row])), turnedOn, now);
        feedsOn = rows.filter((row) => row.enabled).length;
        await db.feeds.clear();
        await db.feeds.bulkPut(rows);
      }
      const added = await index.add(articles);
      if (added > 0 && index.refine) {
        onPhase('settling');
        await index.refine();
      }
      await writeMeta(db, { [META_LAST_IMPORT_ID]: this.id });
      return {
        articles: articles.length,
        added,
        feeds: choices.replaceFeeds ? read.feeds.length : 0,
        feedsOn,
        feedsReplaced: choices.replaceFeeds,
        preferencesReplaced: choices.replacePreferences,
        leftOut: read.leftOut,
      };
    });
    try {
      return await written;
    } catch (error) {
      // The tables rolled back; the engine may hold articles added inside the transaction.
      index.reset?.();
      throw error;
    } finally {
      this.state = 'over';
    }
  }

  /** The feeds the reader turned on whose site the browser grants, checked before the transaction. */
  private async grantedFeeds(read: IndexFileRead, choices: ImportChoices): Promise<Set<string>> {
    const granted = new Set<string>();
    if (!choices.replaceFeeds || !this.deps.hasPermission) return granted;
    const wanted = new Set(choices.enableFeeds);
    for (const feed of read.feeds) {
      const pattern = feedOriginPattern(feed.url);
      if (feed.enabled && wanted.has(feed.url) && pattern !== null && (await this.deps.hasPermission(pattern))) granted.add(feed.url);
    }
    return granted;
  }

  private feedRows(read: IndexFileRead, held: Map<string, FeedRow>, turnedOn: Set<string>, now: number): FeedRow[] {
    return read.feeds.map((f) => {
      const kept = held.get(f.url);
      const enabled = f.enabled && (kept?.enabled === true || turnedOn.has(f.url));
      const base: FeedRow = kept ?? { url: f.url, outletId: f.outletId, section: f.section, enabled, failures: 0, nextAttemptAt: now };
      return {
        ...base,
        outletId: f.outletId,
        section: f.section,
        enabled,
        nextAttemptAt: enabled && !kept?.enabled ? now : base.nextAttemptAt,
      };
    });
  }

  private expect(state: ImportSession['state']): void {
    if (this.state !== state) throw new Error(`this import is ${this.state === 'over' ? 'over' : `already ${this.state}`}; start again`);
  }
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

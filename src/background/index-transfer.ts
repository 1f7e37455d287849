/**
 * Export and import of the whole local index and the preferences as one index file. An import is
 * validated in full first and then written in ONE Dexie transaction: an invalid row, or a storage error,
 * leaves the database as it was.
 */
import { buildIndexFile, validateIndexFile, type IndexFile } from '../core/index-file/index';
import type { FeedRow, ParallaxDatabase, StoredArticle } from '../db/database';
import type { ImportResult } from '../messaging/protocol-index';

export interface ImportableIndex {
  add(articles: readonly StoredArticle[]): Promise<number>;
  /** Loads the engine before the import's transaction starts (StoryIndex.ready). */
  ready?(): Promise<unknown>;
  /** Drops the in-memory engine when the import rolled back after adding to it (StoryIndex.reset). */
  reset?(): void;
  /** Revises the stories once the whole file is in (StoryIndex.refine). */
  refine?(): Promise<void>;
}

export interface IndexTransferDeps {
  db: ParallaxDatabase;
  index: ImportableIndex;
  now: () => number;
  /** Written into exported files' `generator`. */
  generator?: string;
}

/** An index file that cannot be imported; `errors` name the rows ("articles[42].published: …"). */
export class IndexFileError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid index file: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`);
    this.name = 'IndexFileError';
  }
}

export class IndexTransfer {
  constructor(private readonly deps: IndexTransferDeps) {}

  /** The index file of this browser: preferences, feed settings and every feed or imported article (demo ones are shipped, not exported). */
  async exportFile(): Promise<IndexFile> {
    const { db } = this.deps;
    const [preferences, feeds, articles] = await Promise.all([
      db.getPreferences(),
      db.feeds.toArray(),
      db.articles
        .orderBy('published')
        .filter((a) => a.origin !== 'demo')
        .toArray(),
    ]);
    return buildIndexFile({
      exportedAt: this.deps.now(),
      generator: this.deps.generator ?? 'Parallax extension',
      preferences,
      feeds: feeds.map((f) => ({ url: f.url, outletId: f.outletId, section: f.section, enabled: f.enabled })),
      // buildIndexFile keeps only the file's fields of each stored article.
      articles,
    });
  }

  /**
   * Imports a parsed index file: articles merged by id (those already held stay as they are), preferences
   * replaced, feed settings replaced (a feed kept keeps its refresh state; enabled feeds become due now).
   * Throws IndexFileError, with nothing changed, when any row is invalid.
   */
  async importFile(data: unknown): Promise<ImportResult> {
    const validation = validateIndexFile(data);
    if (!validation.ok) throw new IndexFileError(validation.errors);
    const file = validation.file;
    const { db, index } = this.deps;
    const now = this.deps.now();
    await index.ready?.();
    const articles: StoredArticle[] = file.articles.map((a) => ({ ...a, origin: 'import', addedAt: now }));
    const written = db.transaction('rw', [db.articles, db.engineState, db.preferences, db.feeds], async () => {
      await db.setPreferences(file.preferences);
      const previous = new Map((await db.feeds.toArray()).map((row) => [row.url, row]));
      const rows: FeedRow[] = file.feeds.map((f) => {
        const kept = previous.get(f.url);
        const base: FeedRow = kept ?? {
          url: f.url,
          outletId: f.outletId,
          section: f.section,
          enabled: f.enabled,
          failures: 0,
          nextAttemptAt: now,
        };
        return {
          ...base,
          outletId: f.outletId,
          section: f.section,
          enabled: f.enabled,
          nextAttemptAt: f.enabled && !kept?.enabled ? now : base.nextAttemptAt,
        };
      });
      await db.feeds.clear();
      await db.feeds.bulkPut(rows);
      const added = await index.add(articles);
      if (added > 0) await index.refine?.();
      return { articles: articles.length, added, feeds: rows.length };
    });
    // The tables rolled back on failure; the engine may hold articles added inside the transaction.
    return written.catch((error: unknown) => {
      index.reset?.();
      throw error;
    });
  }

  /** Imports the file's JSON text (what the options page reads from the chosen file). */
  async importText(text: string): Promise<ImportResult> {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new IndexFileError([`file: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
    }
    return this.importFile(data);
  }
}

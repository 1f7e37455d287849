/**
 * The local index: one IndexedDB database owned by the service worker and the extension pages (never the
 * content script, whose IndexedDB would belong to the page's origin).
 */
import Dexie, { type EntityTable } from 'dexie';
import { DEFAULT_PREFERENCES, PreferencesSchema, repairPreferences, type DroppedPreference, type Preferences } from '../core/preferences';
import type { IndexArticle } from '../core/types';
import { repairStoredPreferences } from './preferences-repair';
import { SCHEMA_VERSIONS } from './schema';

export type ArticleOrigin = 'demo' | 'feed' | 'import';

export interface StoredArticle extends IndexArticle {
  origin: ArticleOrigin;
  /** The feed it came from, for feed articles. */
  feedUrl?: string;
  /** Epoch ms when it entered the index. */
  addedAt: number;
}

export interface EngineStateRow {
  key: 'engine';
  /** The story engine's snapshot: a Blob from encodeSnapshot (older builds stored the snapshot object). */
  snapshot: unknown;
  /** Where the snapshot's article ids start (encodeSnapshotWithHead); absent in rows of older builds. */
  headBytes?: number;
  /** Articles the snapshot holds, to detect a snapshot that lags the articles table. */
  articleCount: number;
  engineVersion: number;
  savedAt: number;
}

export interface PreferencesRow {
  key: 'prefs';
  value: Preferences;
}

/** A feed the reader enabled (or that is offered), with its refresh state. */
export interface FeedRow {
  url: string;
  outletId: string;
  section: string;
  enabled: boolean;
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last attempt, success or not. */
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  lastError?: string;
  /** Consecutive failures, for exponential backoff. */
  failures: number;
  /** Not fetched before this time (backoff, or the regular interval). */
  nextAttemptAt: number;
  /** Entries the last successful fetch returned. */
  lastEntries?: number;
  /** Time between fetches after a success: the feed's own cadence, from how often it publishes. */
  intervalMs?: number;
  /** The feed's own title at its last successful fetch: names an outlet the catalogue knows only by its domain. */
  title?: string;
}

/** One article the reader opened, for the reading diet (kept only in this browser). */
export interface ReadingRow {
  id?: number;
  /** Epoch ms. */
  at: number;
  articleId: string;
  outletId: string | null;
  side: 'L' | 'C' | 'R' | null;
}

/** The reader said an article does not belong to a story: never match it there again. */
export interface UnlinkRow {
  articleId: string;
  storyId: string;
  at: number;
}

/** A rating provider the reader imported, with its ratings (validated on import). */
export interface ProviderRow {
  id: string;
  /** A RatingSet (src/core/ratings), validated again when loaded. */
  set: unknown;
  active: boolean;
  importedAt: number;
}

/** An outlet the reader added (validated with the registry's outlet schema). */
export interface CustomOutletRow {
  id: string;
  outlet: unknown;
  addedAt: number;
}

/** Something the reader should know, shown by the options page until they dismiss it. */
export interface NoticeRow {
  id: string;
  kind: 'preferences-repaired';
  /** Epoch ms. */
  at: number;
  /** The stored settings that could not be kept. */
  dropped: DroppedPreference[];
}

export interface MetaRow {
  key: string;
  value: string | number | boolean;
}

export class ParallaxDatabase extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  engineState!: EntityTable<EngineStateRow, 'key'>;
  preferences!: EntityTable<PreferencesRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  feeds!: EntityTable<FeedRow, 'url'>;
  reading!: EntityTable<ReadingRow, 'id'>;
  unlinks!: EntityTable<UnlinkRow, 'articleId'>;
  providers!: EntityTable<ProviderRow, 'id'>;
  customOutlets!: EntityTable<CustomOutletRow, 'id'>;
  notices!: EntityTable<NoticeRow, 'id'>;

  constructor(name = 'parallax') {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }

  async getPreferences(): Promise<Preferences> {
    const row = await this.preferences.get('prefs');
    if (!row) return DEFAULT_PREFERENCES;
    // Stored by an older build? Fill new fields with defaults rather than fail.
    const parsed = PreferencesSchema.safeParse(row.value);
    if (parsed.success) return parsed.data;
    // Refused by today's rules: keep every valid field, and store the repair with a notice for the reader,
    // outside any transaction the caller is in (which may not include the notices), not awaited.
    Dexie.ignoreTransaction(() => this.repairPreferences()).catch(() => undefined);
    return repairPreferences(row.value).preferences;
  }

  /** Repairs a stored preferences row that today's rules refuse, with a notice of what was dropped. */
  repairPreferences(): Promise<Preferences | null> {
    return this.transaction('rw', this.preferences, this.notices, () =>
      repairStoredPreferences(this.preferences, this.notices, Date.now()),
    );
  }

  async setPreferences(value: Preferences): Promise<void> {
    await this.preferences.put({ key: 'prefs', value: PreferencesSchema.parse(value) });
  }
}

let shared: ParallaxDatabase | null = null;

/** Opened lazily: the MV3 worker is stopped when idle, so nothing may assume a long-lived connection. */
export function database(): ParallaxDatabase {
  shared ??= new ParallaxDatabase();
  return shared;
}

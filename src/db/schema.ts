/**
 * The database's schema, version by version. A reader's data survives an update of Parallax only if
 * versions are added, never edited: a released version stays exactly as it is here, and a change (a new
 * table, a new index, rows in a new shape) is a new entry at the end of `SCHEMA_VERSIONS`, naming only
 * the tables it changes (Dexie carries the others over) and, when stored rows must be rewritten, an
 * `upgrade` that rewrites them. tests/unit/db/schema.test.ts opens a database written by each earlier
 * version with the current one and checks that every row is kept.
 */
import type { Transaction } from 'dexie';
import { repairStoredPreferences } from './preferences-repair';

export interface SchemaVersion {
  version: number;
  /** Dexie's store declarations of the tables this version adds or changes (null deletes a table). */
  stores: Record<string, string | null>;
  /** Rewrites stored rows for this version; runs once, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: '&id, published, outletId, origin, feedUrl',
      engineState: '&key',
      preferences: '&key',
      meta: '&key',
      feeds: '&url, outletId, enabled, nextAttemptAt',
      reading: '++id, at, articleId',
      unlinks: '&articleId, storyId',
      providers: '&id',
      customOutlets: '&id',
    },
  },
  {
    version: 2,
    // Notices the options page shows until the reader dismisses them (settings that could not be read).
    stores: { notices: '&id' },
    // A preferences row that today's rules refuse keeps its valid fields, and the reader is told the rest.
    upgrade: (tx) => repairStoredPreferences(tx.table('preferences'), tx.table('notices'), Date.now()),
  },
  // The next version goes here: { version: 3, stores: { <changed tables> }, upgrade: async (tx) => { ... } }.
];

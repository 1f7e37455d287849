/**
 * Schema upgrades: a database written by an earlier version of Parallax, with rows in every table, opens
 * under the current schema with every row kept; released versions are never edited.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { ParallaxDatabase } from '../../../src/db/database';
import { PREFERENCES_NOTICE_ID } from '../../../src/db/preferences-repair';
import { SCHEMA_VERSIONS } from '../../../src/db/schema';

/** Version 1 as released: a copy, so that editing it in src/db/schema.ts fails here. */
const V1_STORES = {
  articles: '&id, published, outletId, origin, feedUrl',
  engineState: '&key',
  preferences: '&key',
  meta: '&key',
  feeds: '&url, outletId, enabled, nextAttemptAt',
  reading: '++id, at, articleId',
  unlinks: '&articleId, storyId',
  providers: '&id',
  customOutlets: '&id',
};

const NOW = Date.parse('2026-11-21T08:00:00Z');

/**
 * Rows as the builds of each version wrote them, in primary-key order (as toArray reads them); a table
 * added by a new version needs its rows here.
 */
const SAMPLE_ROWS: Record<string, Record<string, unknown>[]> = {
  articles: [
    { id: 'https://rightpost.com/b', url: 'https://rightpost.com/b', title: 'B', published: NOW - 2, origin: 'import', addedAt: NOW },
    { id: 'https://www.lefttimes.com/a', url: 'https://www.lefttimes.com/a', title: 'A', published: NOW - 1, origin: 'feed', addedAt: NOW },
  ],
  engineState: [{ key: 'engine', snapshot: { stories: [] }, articleCount: 2, engineVersion: 2, savedAt: NOW }],
  preferences: [{ key: 'prefs', value: { ...DEFAULT_PREFERENCES, hiddenOutlets: ['fox-news'], retentionDays: 30 } }],
  meta: [
    { key: 'demoSeeded', value: true },
    { key: 'refresh.lastRunAt', value: NOW },
  ],
  feeds: [
    { url: 'https://www.lefttimes.com/rss', outletId: 'left-times', section: 'World', enabled: true, failures: 1, nextAttemptAt: NOW },
  ],
  reading: [{ id: 1, at: NOW, articleId: 'https://www.lefttimes.com/a', outletId: 'left-times', side: 'L' }],
  unlinks: [{ articleId: 'https://rightpost.com/b', storyId: 's1', at: NOW }],
  providers: [{ id: 'example', set: { provider: { id: 'example' }, ratings: [] }, active: false, importedAt: NOW }],
  customOutlets: [{ id: 'valley-courier', outlet: { id: 'valley-courier', name: 'Valley Courier' }, addedAt: NOW }],
  notices: [{ id: 'other', kind: 'preferences-repaired', at: NOW, dropped: [{ field: 'badgeMode', was: '"x"' }] }],
};

/** A database as a build declaring only `versions` left it, with rows in each of its tables. */
async function writtenBy(name: string, versions: readonly { version: number; stores: Record<string, string | null> }[]) {
  const old = new Dexie(name);
  for (const { version, stores } of versions) old.version(version).stores(stores);
  await old.open();
  const tables = old.tables.map((t) => t.name).sort();
  for (const table of tables) {
    const rows = SAMPLE_ROWS[table];
    if (!rows) throw new Error(`no sample rows for table "${table}": add them to SAMPLE_ROWS`);
    await old.table(table).bulkPut(rows);
  }
  old.close();
  return tables;
}

async function everyRow(db: Dexie, tables: readonly string[]) {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()] as const)));
}

describe('schema versions', () => {
  it('keep version 1 exactly as released, and number versions in order', () => {
    expect(SCHEMA_VERSIONS[0]).toEqual({ version: 1, stores: V1_STORES });
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('open a database written by the version 1 schema with every row of every table kept', async () => {
    const name = `schema-v1-${Math.random()}`;
    const tables = await writtenBy(name, [{ version: 1, stores: V1_STORES }]);
    expect(tables).toHaveLength(9);
    const db = new ParallaxDatabase(name);
    const rows = await everyRow(db, tables);
    for (const table of tables) expect(rows[table], table).toEqual(SAMPLE_ROWS[table]);
    // The tables of later versions are there, empty.
    expect(await db.notices.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    db.close();
  });

  it('open a database written by each earlier version with every row kept', async () => {
    for (let upTo = 1; upTo < SCHEMA_VERSIONS.length; upTo++) {
      const name = `schema-up-to-${upTo}-${Math.random()}`;
      const tables = await writtenBy(name, SCHEMA_VERSIONS.slice(0, upTo));
      const db = new ParallaxDatabase(name);
      const rows = await everyRow(db, tables);
      for (const table of tables) expect(rows[table], `written by v${upTo}: ${table}`).toEqual(SAMPLE_ROWS[table]);
      db.close();
    }
  });

  it('repair at the upgrade a preferences row that today refuses: valid fields kept, the rest named in a notice', async () => {
    const name = `schema-bad-prefs-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.table('preferences').put({
      key: 'prefs',
      value: { hiddenOutlets: ['fox-news', ''], retentionDays: 999, badgeMode: 'list', badgeSites: ['apnews.com'] },
    });
    old.close();
    const db = new ParallaxDatabase(name);
    expect((await db.preferences.get('prefs'))?.value).toEqual({
      ...DEFAULT_PREFERENCES,
      hiddenOutlets: ['fox-news'],
      badgeMode: 'list',
      badgeSites: ['apnews.com'],
    });
    expect(await db.notices.get(PREFERENCES_NOTICE_ID)).toMatchObject({
      dropped: [
        { field: 'hiddenOutlets', entries: 1 },
        { field: 'retentionDays', was: '999' },
      ],
    });
    db.close();
  });
});

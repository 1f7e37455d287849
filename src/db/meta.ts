/**
 * The `meta` table's rows: small values the worker remembers, one row each. This module owns every key,
 * the type of its value and what reading it gives when the row is absent; everything goes through it.
 */
import type { ParallaxDatabase } from './database';

const META = {
  /** The first-run demo index was written (kept through "clear everything", so it is not seeded again). */
  demoSeeded: { kind: 'boolean', absent: false },
  /** The reader opted in to the badge on all sites (the permission alone does not say they want it). */
  'options.allSites': { kind: 'boolean', absent: false },
  /** Epoch ms when the last refresh run ended. */
  'refresh.lastRunAt': { kind: 'number', absent: null },
  /** Articles the last refresh run added. */
  'refresh.lastAdded': { kind: 'number', absent: null },
} as const;

export type MetaKey = keyof typeof META;
type Kinds = { boolean: boolean; number: number };
export type MetaValue<K extends MetaKey> = Kinds[(typeof META)[K]['kind']];

export const META_DEMO_SEEDED = 'demoSeeded' satisfies MetaKey;
export const META_ALL_SITES = 'options.allSites' satisfies MetaKey;
export const META_LAST_REFRESH_AT = 'refresh.lastRunAt' satisfies MetaKey;
export const META_LAST_REFRESH_ADDED = 'refresh.lastAdded' satisfies MetaKey;

/** The stored value; the key's `absent` value when there is none, or one of another type (an older build's). */
export async function readMeta<K extends MetaKey>(db: ParallaxDatabase, key: K): Promise<MetaValue<K> | (typeof META)[K]['absent']> {
  const value = (await db.meta.get(key))?.value;
  return typeof value === META[key].kind ? (value as MetaValue<K>) : META[key].absent;
}

/** Stores the given values, in one write. */
export async function writeMeta(db: ParallaxDatabase, values: { [K in MetaKey]?: MetaValue<K> }): Promise<void> {
  await db.meta.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
}

export async function removeMeta(db: ParallaxDatabase, keys: readonly MetaKey[]): Promise<void> {
  await db.meta.bulkDelete([...keys]);
}

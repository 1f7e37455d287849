/**
 * The stored form of an engine snapshot. A structured clone (IndexedDB) rebuilds every string of a
 * string array one by one, and a 100k-article index holds ~100k article ids (URLs) and ~50k terms: as
 * one joined string per list, the same data reads back several times faster, and splitting it again
 * costs a few milliseconds. Lists whose strings contain the separator are kept as they are.
 */
import type { EngineSnapshot } from './engine';

const SEPARATOR = '\u0000';

/** A list of strings stored as one string (`count` keeps the empty list apart from [""]). */
export interface PackedStrings {
  packed: string;
  count: number;
}

type StringListKey = { [K in keyof EngineSnapshot]: EngineSnapshot[K] extends string[] ? K : never }[keyof EngineSnapshot];

export type StoredSnapshot = Omit<EngineSnapshot, StringListKey> & { [K in StringListKey]: string[] | PackedStrings };

/** Every string list of the snapshot (the type makes a list added to the engine's snapshot show up here). */
const STRING_LIST_KEYS: Record<StringListKey, true> = {
  terms: true, termDisplay: true, articleIds: true, publishers: true, storyIds: true, mergedFrom: true, mergedInto: true,
};
const STRING_LISTS = Object.keys(STRING_LIST_KEYS) as StringListKey[];

function packStrings(list: string[]): string[] | PackedStrings {
  const packed = list.join(SEPARATOR);
  // Only when the separator appears nowhere; otherwise the split would not give the list back.
  return packed.split(SEPARATOR).length === Math.max(list.length, 1) ? { packed, count: list.length } : list;
}

function unpackStrings(value: string[] | PackedStrings): string[] {
  if (Array.isArray(value)) return value;
  return value.count === 0 ? [] : value.packed.split(SEPARATOR);
}

export function packSnapshot(snapshot: EngineSnapshot): StoredSnapshot {
  const stored: Record<string, unknown> = { ...snapshot };
  for (const key of STRING_LISTS) stored[key] = packStrings(snapshot[key]);
  return stored as StoredSnapshot;
}

export function unpackSnapshot(stored: StoredSnapshot): EngineSnapshot {
  const snapshot: Record<string, unknown> = { ...stored };
  for (const key of STRING_LISTS) snapshot[key] = unpackStrings(stored[key]);
  return snapshot as unknown as EngineSnapshot;
}

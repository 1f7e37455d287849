/** The last step of every format: empty entries and duplicates removed, with warnings. */

import type { FeedEntry } from '../types';

/** Drops empty entries and duplicates (same id; or, without id, same link), keeping the first. */
export function finishEntries(entries: FeedEntry[], warnings: string[]): FeedEntry[] {
  const seenIds = new Set<string>();
  const seenLinks = new Set<string>();
  const kept: FeedEntry[] = [];
  let duplicates = 0;
  let empty = 0;
  for (const entry of entries) {
    if (entry.title === null && entry.link === null && entry.id === null && entry.summary === null) {
      empty++;
      continue;
    }
    // Duplicate: same id; or, for an entry without id, a link already seen.
    const duplicate = entry.id !== null ? seenIds.has(entry.id) : entry.link !== null && seenLinks.has(entry.link);
    if (duplicate) {
      duplicates++;
      continue;
    }
    if (entry.id !== null) seenIds.add(entry.id);
    if (entry.link !== null) seenLinks.add(entry.link);
    kept.push(entry);
  }
  if (duplicates > 0) warnings.push(`${duplicates} duplicate entr${duplicates === 1 ? 'y' : 'ies'} (same guid/id or link) removed`);
  if (empty > 0) warnings.push(`${empty} empty entr${empty === 1 ? 'y' : 'ies'} ignored`);
  return kept;
}

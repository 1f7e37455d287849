/**
 * A stored preferences row that today's rules refuse is repaired, never reset: each valid field is kept
 * (repairPreferences), the repaired row is written back, and a notice names what was dropped, in the
 * same transaction, so the reader is told before anything is lost for good.
 */
import type { EntityTable } from 'dexie';
import { PreferencesSchema, repairPreferences, type Preferences } from '../core/preferences';
import type { NoticeRow, PreferencesRow } from './database';

export const PREFERENCES_NOTICE_ID = 'preferences-repaired';

/**
 * Repairs the row if it fails validation; call inside a read-write transaction over both tables. Returns
 * the preferences as stored afterwards (null: no row).
 */
export async function repairStoredPreferences(
  preferences: Pick<EntityTable<PreferencesRow, 'key'>, 'get' | 'put'>,
  notices: Pick<EntityTable<NoticeRow, 'id'>, 'get' | 'put'>,
  now: number,
): Promise<Preferences | null> {
  const row = await preferences.get('prefs');
  if (!row) return null;
  const valid = PreferencesSchema.safeParse(row.value);
  if (valid.success) return valid.data;
  const { preferences: repaired, dropped } = repairPreferences(row.value);
  await preferences.put({ key: 'prefs', value: repaired });
  if (dropped.length > 0) {
    // A notice the reader has not dismissed yet keeps what it already reported.
    const earlier = (await notices.get(PREFERENCES_NOTICE_ID))?.dropped ?? [];
    await notices.put({ id: PREFERENCES_NOTICE_ID, kind: 'preferences-repaired', at: now, dropped: [...earlier, ...dropped] });
  }
  return repaired;
}

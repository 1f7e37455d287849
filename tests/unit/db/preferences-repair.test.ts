/** A stored preferences row that fails validation: each valid field is kept and the reader is told the rest. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { ParallaxDatabase } from '../../../src/db/database';
import { PREFERENCES_NOTICE_ID } from '../../../src/db/preferences-repair';

const stored = { ...DEFAULT_PREFERENCES, hiddenOutlets: ['fox-news'], leanOverrides: { cnn: 'center', bbc: 'sideways' }, retentionDays: 0 };

describe('reading stored preferences that fail validation', () => {
  it('keeps every valid field instead of resetting all of them', async () => {
    const db = new ParallaxDatabase(`prefs-${Math.random()}`);
    await db.preferences.put({ key: 'prefs', value: stored as never });
    expect(await db.getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, hiddenOutlets: ['fox-news'], leanOverrides: { cnn: 'center' } });
  });

  it('stores the repair with a notice naming what was dropped, so the next write loses nothing silently', async () => {
    const db = new ParallaxDatabase(`prefs-${Math.random()}`);
    await db.preferences.put({ key: 'prefs', value: stored as never });
    await db.getPreferences();
    await expect
      .poll(() => db.notices.get(PREFERENCES_NOTICE_ID))
      .toMatchObject({
        kind: 'preferences-repaired',
        dropped: [
          { field: 'leanOverrides', entries: 1 },
          { field: 'retentionDays', was: '0' },
        ],
      });
    expect((await db.preferences.get('prefs'))?.value).toMatchObject({ hiddenOutlets: ['fox-news'], retentionDays: 14 });
    // A later write (any settings change) starts from the repaired values.
    await db.setPreferences({ ...(await db.getPreferences()), badgeMode: 'nowhere' });
    expect(await db.getPreferences()).toMatchObject({
      hiddenOutlets: ['fox-news'],
      leanOverrides: { cnn: 'center' },
      badgeMode: 'nowhere',
    });
  });

  it('repairs from inside a transaction that does not cover the notices', async () => {
    const db = new ParallaxDatabase(`prefs-${Math.random()}`);
    await db.preferences.put({ key: 'prefs', value: { ...stored, badgeMode: 'sometimes' } as never });
    const read = await db.transaction('r', db.preferences, () => db.getPreferences());
    expect(read.badgeMode).toBe('rated');
    await expect.poll(async () => (await db.notices.get(PREFERENCES_NOTICE_ID))?.dropped.map((d) => d.field)).toContain('badgeMode');
  });
});

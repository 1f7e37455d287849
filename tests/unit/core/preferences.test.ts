import { describe, expect, it } from 'vitest';
import { badgeAllowed, DEFAULT_PREFERENCES, PreferencesPatchSchema, repairPreferences } from '../../../src/core/preferences';

describe('badge visibility', () => {
  it('shows on rated outlets by default, never on unknown ones', () => {
    expect(badgeAllowed(DEFAULT_PREFERENCES, 'www.reuters.com', true)).toBe(true);
    expect(badgeAllowed(DEFAULT_PREFERENCES, 'blog.example', false)).toBe(false);
  });
  it('honours a per-site dismissal, www or not', () => {
    const prefs = { ...DEFAULT_PREFERENCES, dismissedSites: ['reuters.com'] };
    expect(badgeAllowed(prefs, 'www.reuters.com', true)).toBe(false);
    expect(badgeAllowed(prefs, 'apnews.com', true)).toBe(true);
  });
  it('follows the chosen mode', () => {
    expect(badgeAllowed({ ...DEFAULT_PREFERENCES, badgeMode: 'nowhere' }, 'apnews.com', true)).toBe(false);
    const list = { ...DEFAULT_PREFERENCES, badgeMode: 'list' as const, badgeSites: ['apnews.com'] };
    expect(badgeAllowed(list, 'apnews.com', true)).toBe(true);
    expect(badgeAllowed(list, 'www.reuters.com', true)).toBe(false);
  });
});

describe('preference patches', () => {
  it('carry only the fields sent, so an update never resets the others', () => {
    expect(PreferencesPatchSchema.parse({ badgeSites: ['a.com'] })).toEqual({ badgeSites: ['a.com'] });
  });
  it('accepts known fields and rejects typos and bad values', () => {
    expect(PreferencesPatchSchema.safeParse({ hiddenOutlets: ['cnn'] }).success).toBe(true);
    expect(PreferencesPatchSchema.safeParse({ hiddenOutlet: ['cnn'] }).success).toBe(false);
    expect(PreferencesPatchSchema.safeParse({ leanOverrides: { cnn: 'very-left' } }).success).toBe(false);
  });
});

describe('repairing stored preferences', () => {
  it('keeps valid fields and valid list entries, names what it drops, and reports nothing for absent fields', () => {
    const { preferences, dropped } = repairPreferences({
      hiddenOutlets: ['cnn', '', 7, 'fox-news'],
      leanOverrides: { cnn: 'left', bbc: 'far-out' },
      badgeMode: 'rated',
      retentionDays: 'forever',
    });
    expect(preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      hiddenOutlets: ['cnn', 'fox-news'],
      leanOverrides: { cnn: 'left' },
    });
    expect(dropped).toEqual([
      { field: 'hiddenOutlets', entries: 2 },
      { field: 'leanOverrides', entries: 1 },
      { field: 'retentionDays', was: '"forever"' },
    ]);
  });

  it('keeps at most the list limit, and says so', () => {
    const many = Array.from({ length: 5003 }, (_, i) => `outlet-${i}`);
    const { preferences, dropped } = repairPreferences({ preferredOutlets: many });
    expect(preferences.preferredOutlets).toHaveLength(5000);
    expect(dropped).toEqual([{ field: 'preferredOutlets', entries: 3 }]);
  });

  it('reports a stored value that is no settings object at all', () => {
    expect(repairPreferences('oops')).toEqual({ preferences: DEFAULT_PREFERENCES, dropped: [{ field: 'preferences', was: '"oops"' }] });
  });
});

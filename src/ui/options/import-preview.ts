/** What an import would change, in the reader's words: the preferences that differ, and short lists. */
import { DEFAULT_PREFERENCES, type PreferenceField, type Preferences } from '../../core/preferences';
import type { ImportPreview } from '../../messaging/protocol-transfer';
import { t } from '../i18n';
import { PREFERENCE_LABEL } from './preference-labels';

export interface PreferenceChange {
  field: PreferenceField;
  label: string;
  from: string;
  to: string;
}

const BADGE_MODE = { rated: 'badgeModeRated', list: 'badgeModeList', nowhere: 'badgeModeNowhere' } as const;

function shown(field: PreferenceField, prefs: Preferences): string {
  const value = prefs[field];
  if (field === 'retentionDays') return t('dataRetentionDays', prefs.retentionDays);
  if (field === 'badgeMode') return t(BADGE_MODE[prefs.badgeMode]);
  return String(Array.isArray(value) ? value.length : Object.keys(value).length);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Each preference the file would change, with its value now and in the file (lists by their length). */
export function preferenceChanges(current: Preferences, next: Preferences): PreferenceChange[] {
  return (Object.keys(DEFAULT_PREFERENCES) as PreferenceField[])
    .filter((field) => !same(current[field], next[field]))
    .map((field) => ({ field, label: t(PREFERENCE_LABEL[field]), from: shown(field, current), to: shown(field, next) }));
}

/** "a, b, c" and "… (N more)" past the first few. */
export function shortList(items: readonly string[], total = items.length, max = 3): string {
  const listed = items.slice(0, max).join(', ');
  return total > max ? `${listed}, ${t('importMore', total - max)}` : listed;
}

/**
 * What the dialog offers first: replace the feeds when none of the reader's would go, and the preferences
 * when the reader has not changed any; anything that would be lost waits for the reader to tick it.
 */
export function defaultChoices(preview: ImportPreview, current: Preferences) {
  return {
    replaceFeeds: preview.feeds.removed === 0 && preview.feeds.inFile > 0,
    replacePreferences: same(current, DEFAULT_PREFERENCES) && !same(current, preview.preferences),
  };
}

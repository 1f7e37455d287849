/** Time and number formatting for the extension pages. */
import { t } from './i18n';

export function timeAgo(epochMs: number, now = Date.now()): string {
  const minutes = Math.round((now - epochMs) / 60_000);
  if (minutes < 1) return t('timeJustNow');
  if (minutes < 60) return t('timeAgoMinutes', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('timeAgoHours', hours);
  const days = Math.round(hours / 24);
  if (days <= 14) return t('timeAgoDays', days);
  return dateTime(epochMs);
}

/** A length of time as the options page shows a feed's cadence: "15 min", "2 h", "2.5 h". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('durationMinutes', minutes);
  return t('durationHours', Math.round(minutes / 6) / 10);
}

/** Made once: building an Intl.DateTimeFormat costs far more than formatting with it (~12 ms per popup open when each date built its own). */
let dateTimeFormat: Intl.DateTimeFormat | null = null;

export function dateTime(epochMs: number): string {
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(epochMs);
}

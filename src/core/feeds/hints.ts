/**
 * A publisher's own word on how often its feed changes: RSS 2.0's `<ttl>` (minutes a copy stays fresh)
 * or the syndication module's `sy:updatePeriod` / `sy:updateFrequency` (so many updates per period).
 * The refresh schedule treats it as a hint within its own limits.
 */
import type { ParsedFeed } from '../types';
import { childElement, textContent, type XmlElement } from './xml-tree';

const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10_080, monthly: 43_200, yearly: 525_600 };
/** A hint beyond a year is not a schedule. */
const MAX_HINT_MINUTES = 525_600;

function positiveNumber(element: XmlElement | null): number | null {
  if (!element) return null;
  const value = Number(textContent(element).trim());
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Minutes between updates the feed's channel (or Atom feed element) declares, or null. */
export function updateHintMinutes(meta: XmlElement): number | null {
  const ttl = positiveNumber(childElement(meta, ['', 'rss'], 'ttl'));
  if (ttl !== null) return Math.min(Math.round(ttl), MAX_HINT_MINUTES);
  const period = childElement(meta, ['sy'], 'updatePeriod');
  if (!period) return null;
  const minutes = PERIOD_MINUTES[textContent(period).trim().toLowerCase()];
  if (minutes === undefined) return null;
  const frequency = positiveNumber(childElement(meta, ['sy'], 'updateFrequency')) ?? 1;
  return Math.min(Math.max(1, Math.round(minutes / frequency)), MAX_HINT_MINUTES);
}

/** The feed with its channel's update hint, when it declares one. */
export function withUpdateHint(feed: ParsedFeed, meta: XmlElement): ParsedFeed {
  const minutes = updateHintMinutes(meta);
  return minutes === null ? feed : { ...feed, updateMinutes: minutes };
}

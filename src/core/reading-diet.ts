/**
 * The reading diet: what the reader opened, by lean, over a period, in day or week buckets. Pure: the
 * caller gives the rows, the clock and the reader's UTC offset (days start at the reader's midnight).
 */
import type { LeanSide } from './types';

export const DAY_MS = 86_400_000;

/** The periods the options page offers. */
export const READING_PERIODS = [7, 30, 90] as const;

/** One opened article, as the `reading` table stores it (only the fields the summary needs). */
export interface ReadingEvent {
  /** Epoch ms. */
  at: number;
  articleId: string;
  side: LeanSide | null;
}

export interface ReadingCounts {
  L: number;
  C: number;
  R: number;
  /** Articles of outlets no provider rates. */
  unrated: number;
  total: number;
}

export interface ReadingBucket extends ReadingCounts {
  /** Epoch ms of the bucket's first instant (the reader's midnight). */
  start: number;
  /** Epoch ms just after the bucket (exclusive). */
  end: number;
}

export interface ReadingSummary {
  days: number;
  /** Bucket size: one bar per day up to 31 days, one per week beyond. */
  unit: 'day' | 'week';
  /** Window [from, to): from the reader's midnight `days - 1` days ago to the end of today. */
  from: number;
  to: number;
  buckets: ReadingBucket[];
  totals: ReadingCounts;
  /** Shares of the rated articles, whole percentages summing to 100 (all 0 when none is rated). */
  percent: Record<LeanSide, number>;
}

export interface ReadingSummaryOptions {
  /** Length of the period in days (1…365). */
  days: number;
  /** Epoch ms "now". */
  now: number;
  /** The reader's offset from UTC in minutes (east positive: UTC+2 → 120; `-new Date().getTimezoneOffset()`). */
  utcOffsetMinutes?: number;
}

const emptyCounts = (): ReadingCounts => ({ L: 0, C: 0, R: 0, unrated: 0, total: 0 });

function addTo(counts: ReadingCounts, side: LeanSide | null): void {
  if (side === null) counts.unrated += 1;
  else counts[side] += 1;
  counts.total += 1;
}

/** Largest-remainder rounding, so the three shares always add up to 100. */
export function sidePercentages(counts: Pick<ReadingCounts, 'L' | 'C' | 'R'>): Record<LeanSide, number> {
  const rated = counts.L + counts.C + counts.R;
  if (rated === 0) return { L: 0, C: 0, R: 0 };
  const sides: LeanSide[] = ['L', 'C', 'R'];
  const exact = sides.map((side) => (counts[side] * 100) / rated);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = sides.map((_, i) => i).sort((a, b) => exact[b] - floors[b] - (exact[a] - floors[a]) || a - b);
  for (const i of order) {
    if (left === 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return { L: floors[0], C: floors[1], R: floors[2] };
}

/** The window a summary covers, for querying the rows before summarising them. */
export function readingWindow(options: ReadingSummaryOptions): { from: number; to: number } {
  const days = Math.max(1, Math.min(365, Math.floor(options.days)));
  const offset = (options.utcOffsetMinutes ?? 0) * 60_000;
  // The reader's midnight today, as epoch ms.
  const todayStart = Math.floor((options.now + offset) / DAY_MS) * DAY_MS - offset;
  return { from: todayStart - (days - 1) * DAY_MS, to: todayStart + DAY_MS };
}

/**
 * Reading rows opened before this instant fall outside the longest period the diet shows, so retention
 * removes them: the reader's history is kept no longer than it is of use to them.
 */
export function readingRetentionCutoff(now: number, utcOffsetMinutes = 0): number {
  return readingWindow({ days: Math.max(...READING_PERIODS), now, utcOffsetMinutes }).from;
}

/**
 * Counts the articles opened in the window by side, per bucket. An article opened several times counts
 * once, in the bucket of its first opening: reading one story again does not tilt the diet.
 */
export function summarizeReading(events: readonly ReadingEvent[], options: ReadingSummaryOptions): ReadingSummary {
  const days = Math.max(1, Math.min(365, Math.floor(options.days)));
  const { from, to } = readingWindow({ ...options, days });
  const unit = days > 31 ? 'week' : 'day';
  const step = unit === 'week' ? 7 * DAY_MS : DAY_MS;
  const buckets: ReadingBucket[] = [];
  // Buckets end at the end of today; the oldest week may be shorter than 7 days.
  for (let end = to; end > from; end -= step) buckets.unshift({ start: Math.max(from, end - step), end, ...emptyCounts() });

  const firstOpen = new Map<string, ReadingEvent>();
  for (const event of events) {
    if (!(event.at >= from && event.at < to)) continue;
    const seen = firstOpen.get(event.articleId);
    if (seen === undefined || event.at < seen.at) firstOpen.set(event.articleId, event);
  }

  const totals = emptyCounts();
  for (const event of firstOpen.values()) {
    // Buckets are `step` long counted back from `to` (only the oldest may be shorter).
    const index = buckets.length - 1 - Math.floor((to - 1 - event.at) / step);
    addTo(buckets[Math.max(0, index)], event.side);
    addTo(totals, event.side);
  }
  return { days, unit, from, to, buckets, totals, percent: sidePercentages(totals) };
}

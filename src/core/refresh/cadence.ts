/**
 * How often each feed is fetched: from how often it publishes, within limits. A feed whose recent items
 * come every ten minutes is fetched every quarter of an hour; one that publishes daily, every few hours;
 * a publisher's own hint (RSS `ttl`, `sy:updatePeriod`) is honoured as "not more often than", capped.
 */

export interface CadenceLimits {
  /** The interval when a feed gives no dated item to judge by. */
  intervalMs: number;
  /** Fastest cadence, however busy the feed. */
  minIntervalMs: number;
  /** Slowest cadence, however quiet the feed or long its hint. */
  maxIntervalMs: number;
}

/** Items older than this say nothing about today's rhythm. */
const LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;
/** The newest items counted: enough for a rate, few enough to follow a change of rhythm. */
const RECENT_ITEMS = 20;
/** Item dates a little ahead of the clock are a time-zone slip, counted as now. */
const CLOCK_SLACK_MS = 60 * 60 * 1000;

/**
 * The time to wait before the next fetch, from the feed's items' publication times (epoch ms; items
 * without a date left out), the time now, and the publisher's hint in minutes.
 */
export function feedIntervalMs(published: readonly number[], now: number, hintMinutes: number | undefined, limits: CadenceLimits): number {
  const dated = published.filter((t) => Number.isFinite(t) && t <= now + CLOCK_SLACK_MS);
  const recent = dated
    .filter((t) => t > now - LOOKBACK_MS)
    .sort((a, b) => b - a)
    .slice(0, RECENT_ITEMS);
  let interval: number;
  if (dated.length === 0) interval = limits.intervalMs;
  else if (recent.length < 2) interval = limits.maxIntervalMs;
  else {
    // Half the usual gap between items: a new item waits on average a quarter of a gap.
    const gap = (Math.min(recent[0], now) - recent[recent.length - 1]) / (recent.length - 1);
    interval = gap / 2;
  }
  if (hintMinutes !== undefined && hintMinutes > 0) interval = Math.max(interval, Math.min(hintMinutes * 60_000, limits.maxIntervalMs));
  return Math.round(Math.min(limits.maxIntervalMs, Math.max(limits.minIntervalMs, interval)));
}

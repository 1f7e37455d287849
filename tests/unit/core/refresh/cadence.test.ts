import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS, feedIntervalMs } from '../../../../src/core/refresh/index';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const every = (ms: number, count: number) => Array.from({ length: count }, (_, i) => NOW - i * ms);
/** The refresh policy's defaults. */
const limits = { intervalMs: 30 * MINUTE_MS, minIntervalMs: 15 * MINUTE_MS, maxIntervalMs: 6 * HOUR_MS };

describe('feedIntervalMs', () => {
  it('fetches a busy feed often, at most every 15 minutes', () => {
    expect(feedIntervalMs(every(10 * MINUTE_MS, 30), NOW, undefined, limits)).toBe(15 * MINUTE_MS);
    expect(feedIntervalMs(every(HOUR_MS, 20), NOW, undefined, limits)).toBe(30 * MINUTE_MS);
  });

  it('fetches a quiet feed rarely, at least every 6 hours', () => {
    expect(feedIntervalMs(every(24 * HOUR_MS, 10), NOW, undefined, limits)).toBe(6 * HOUR_MS);
    // Nothing in the last two weeks.
    expect(feedIntervalMs([NOW - 30 * 24 * HOUR_MS, NOW - 40 * 24 * HOUR_MS], NOW, undefined, limits)).toBe(6 * HOUR_MS);
  });

  it('keeps the regular interval for a feed without dates', () => {
    expect(feedIntervalMs([Number.NaN, Number.NaN], NOW, undefined, limits)).toBe(30 * MINUTE_MS);
    expect(feedIntervalMs([], NOW, undefined, limits)).toBe(30 * MINUTE_MS);
  });

  it('honours the publisher’s hint as "not more often", within the slowest cadence', () => {
    expect(feedIntervalMs(every(10 * MINUTE_MS, 30), NOW, 60, limits)).toBe(HOUR_MS);
    expect(feedIntervalMs(every(10 * MINUTE_MS, 30), NOW, 1800, limits)).toBe(6 * HOUR_MS);
    // A hint never makes a feed faster than its own rhythm.
    expect(feedIntervalMs(every(4 * HOUR_MS, 10), NOW, 5, limits)).toBe(2 * HOUR_MS);
  });

  it('follows the newest items, not the feed’s whole history, and ignores dates ahead of the clock', () => {
    const changed = [...every(10 * MINUTE_MS, 20), ...Array.from({ length: 20 }, (_, i) => NOW - 10 * 24 * HOUR_MS - i * 24 * HOUR_MS)];
    expect(feedIntervalMs(changed, NOW, undefined, limits)).toBe(15 * MINUTE_MS);
    expect(feedIntervalMs([NOW + 48 * HOUR_MS, ...every(HOUR_MS, 10)], NOW, undefined, limits)).toBe(30 * MINUTE_MS);
  });
});

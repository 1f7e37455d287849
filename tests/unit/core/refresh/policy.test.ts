import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFRESH_POLICY,
  HOUR_MS,
  MINUTE_MS,
  afterFailure,
  afterSuccess,
  backoffDelayMs,
  conditionalHeaders,
  feedOriginPatterns,
  isDue,
  mapWithConcurrency,
} from '../../../../src/core/refresh/index';

const FEED = 'https://www.lefttimes.com/world/rss.xml';

describe('backoff', () => {
  it('starts at 15 minutes and doubles with each consecutive failure, minus at most 10 % jitter', () => {
    for (let failures = 1; failures <= 6; failures++) {
      const raw = 15 * MINUTE_MS * 2 ** (failures - 1);
      const delay = backoffDelayMs(FEED, failures);
      expect(delay).toBeLessThanOrEqual(raw);
      expect(delay).toBeGreaterThanOrEqual(raw * 0.9);
    }
    expect(backoffDelayMs(FEED, 3)).toBeGreaterThan(backoffDelayMs(FEED, 2));
  });

  it('never waits more than 24 hours, however many failures', () => {
    for (const failures of [8, 9, 20, 1000]) {
      const delay = backoffDelayMs(FEED, failures);
      expect(delay).toBeLessThanOrEqual(24 * HOUR_MS);
      expect(delay).toBeGreaterThanOrEqual(24 * HOUR_MS * 0.9);
    }
  });

  it('has deterministic jitter: same feed and count give the same delay, different feeds spread out', () => {
    expect(backoffDelayMs(FEED, 4)).toBe(backoffDelayMs(FEED, 4));
    const delays = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => backoffDelayMs(`https://x.com/${s}`, 4)));
    expect(delays.size).toBeGreaterThan(1);
  });

  it('counts failures up on failure and resets them on success', () => {
    const now = 1_000_000;
    const failed = afterFailure(FEED, 2, now);
    expect(failed.failures).toBe(3);
    expect(failed.nextAttemptAt).toBe(now + backoffDelayMs(FEED, 3));
    expect(afterSuccess(now)).toEqual({ failures: 0, nextAttemptAt: now + DEFAULT_REFRESH_POLICY.intervalMs });
  });
});

describe('due selection', () => {
  const now = 10 * HOUR_MS;
  it('takes enabled feeds whose next attempt has come (or comes within the alarm slack)', () => {
    expect(isDue({ enabled: true, failures: 0, nextAttemptAt: now }, now)).toBe(true);
    expect(isDue({ enabled: true, failures: 0, nextAttemptAt: now + MINUTE_MS }, now)).toBe(true);
    expect(isDue({ enabled: true, failures: 0, nextAttemptAt: now + 10 * MINUTE_MS }, now)).toBe(false);
    expect(isDue({ enabled: false, failures: 0, nextAttemptAt: 0 }, now)).toBe(false);
  });
});

describe('conditional GET headers', () => {
  it('sends the stored validators and nothing when there are none', () => {
    expect(conditionalHeaders({ etag: '"abc"', lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT' })).toEqual({
      'If-None-Match': '"abc"',
      'If-Modified-Since': 'Fri, 20 Nov 2026 08:00:00 GMT',
    });
    expect(conditionalHeaders({})).toEqual({});
  });
});

describe('concurrency limit', () => {
  it('never runs more tasks at once than the limit, and keeps results in input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n % 3));
      running--;
      return n * 10;
    });
    expect(peak).toBe(4);
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });
});

describe('host permissions', () => {
  it('asks once per host, any port, never for a non-web URL', () => {
    expect(
      feedOriginPatterns([
        'https://rss.cnn.com/a.rss',
        'https://rss.cnn.com/b.rss',
        'http://127.0.0.1:8080/x.xml',
        'javascript:alert(1)',
        'nonsense',
      ]),
    ).toEqual(['http://127.0.0.1/*', 'https://rss.cnn.com/*']);
  });
});

/**
 * When a feed is fetched again: its own interval after a success (cadence.ts), exponential backoff per
 * failing feed after a failure; how many fetches run at once. Pure and deterministic (the jitter comes
 * from the feed URL, not a random source), so the schedule can be tested and replayed.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

export interface RefreshPolicy {
  /** Time between two fetches of a healthy feed whose items give no rhythm to follow. */
  intervalMs: number;
  /** A feed's own interval, from how often it publishes, stays within these. */
  minIntervalMs: number;
  maxIntervalMs: number;
  /** First backoff delay; doubles with each consecutive failure. */
  backoffBaseMs: number;
  /** Longest backoff delay. */
  backoffCapMs: number;
  /** Largest share of a backoff delay taken off by jitter (0.1 = up to 10 % earlier). */
  jitterRatio: number;
  /** A feed due within this much of now counts as due, so an alarm firing a little early still fetches it. */
  dueSlackMs: number;
  /** Feeds fetched at the same time, in all. */
  concurrency: number;
  /** Feeds of one host (name and port) fetched at the same time: a server is not asked for many at once. */
  perHostConcurrency: number;
  /**
   * Least time between two writes of fetched articles to the index during a run: each write also stores
   * the story engine's snapshot, whose cost grows with the index, so feeds that finish meanwhile are
   * written together (the writer also waits at least four times as long as its last write took).
   */
  writeGapMs: number;
  /** Per-request limit, well under the MV3 worker's 30 s idle and 5 min per-event limits. */
  timeoutMs: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  intervalMs: 30 * MINUTE_MS,
  minIntervalMs: 15 * MINUTE_MS,
  maxIntervalMs: 6 * HOUR_MS,
  backoffBaseMs: 15 * MINUTE_MS,
  backoffCapMs: 24 * HOUR_MS,
  jitterRatio: 0.1,
  dueSlackMs: 2 * MINUTE_MS,
  concurrency: 8,
  perHostConcurrency: 2,
  writeGapMs: 2_000,
  timeoutMs: 20_000,
};

/** FNV-1a over the string, mapped to [0, 1): a stable pseudo-random number per input. */
export function stableFraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/**
 * Delay before the next attempt after `failures` consecutive failures (1 = the first failure):
 * base · 2^(failures−1), capped, minus a deterministic jitter so that feeds failing together do not
 * all retry at the same instant. Never above the cap.
 */
export function backoffDelayMs(feedUrl: string, failures: number, policy: RefreshPolicy = DEFAULT_REFRESH_POLICY): number {
  const exponent = Math.max(0, Math.min(failures, 64) - 1);
  const raw = Math.min(policy.backoffBaseMs * 2 ** exponent, policy.backoffCapMs);
  const jitter = raw * policy.jitterRatio * stableFraction(`${feedUrl}#${failures}`);
  return Math.round(raw - jitter);
}

/** The refresh state of one feed that the policy reads and writes. */
export interface FeedSchedule {
  enabled: boolean;
  failures: number;
  nextAttemptAt: number;
}

export function isDue(feed: FeedSchedule, now: number, policy: RefreshPolicy = DEFAULT_REFRESH_POLICY): boolean {
  return feed.enabled && feed.nextAttemptAt <= now + policy.dueSlackMs;
}

/**
 * State after a successful fetch (including 304 Not Modified): failures reset, next fetch after the
 * feed's own interval (cadence.ts), or the policy's when it has none.
 */
export function afterSuccess(
  now: number,
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
  intervalMs: number = policy.intervalMs,
): { failures: number; nextAttemptAt: number } {
  return { failures: 0, nextAttemptAt: now + intervalMs };
}

/** State after a failed fetch: one more consecutive failure, next attempt after the backoff delay. */
export function afterFailure(
  feedUrl: string,
  previousFailures: number,
  now: number,
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
): { failures: number; nextAttemptAt: number } {
  const failures = previousFailures + 1;
  return { failures, nextAttemptAt: now + backoffDelayMs(feedUrl, failures, policy) };
}

/** Request headers of a conditional GET from what the last successful response said. */
export function conditionalHeaders(validators: { etag?: string; lastModified?: string }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

/**
 * Runs `task` over `items` with at most `limit` running at once; results in input order. A task that
 * throws is reported by the caller's own handling: this helper expects tasks that do not reject.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

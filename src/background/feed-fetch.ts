/**
 * One feed of a refresh run: fetched (conditional GET, checked redirects, byte cap), parsed and turned
 * into articles, with the state the feed row takes afterwards. Nothing is stored here: the run writes the
 * articles first and the state second (refresh-writer.ts), so a worker stopped in between fetches the
 * feed again and loses nothing.
 */
import { parseFeed } from '../core/feeds/index';
import { nameFromFeedTitle } from '../core/outlets/index';
import {
  afterFailure,
  afterSuccess,
  entriesToArticles,
  feedIntervalMs,
  feedOriginPattern,
  fetchFeedDocument,
  type FetchLike,
  type RefreshPolicy,
} from '../core/refresh/index';
import type { FeedEntry } from '../core/types';
import type { FeedRow, StoredArticle } from '../db/database';
import type { FeedRegistry } from './feed-subscriptions';

/** Where the worker's own redirects lead (RedirectObserver): the browser hides it from the fetch. */
export interface RedirectLocator {
  locationOf(url: string, signal?: AbortSignal): Promise<string | null>;
  /** Runs `task` with the locator listening. */
  watching<T>(task: () => Promise<T>): Promise<T>;
}

export interface FeedOutcome {
  url: string;
  status: 'updated' | 'not-modified' | 'failed' | 'no-permission';
  /** Entries in the feed (0 for not-modified and failures). */
  entries: number;
  /** Articles new to the index (set once they are stored). */
  added: number;
  error?: string;
}

export interface FeedResult {
  /** The feed's row as the run read it. */
  feed: FeedRow;
  outcome: FeedOutcome;
  /** The feed's articles, to add to the index (updated feeds only). */
  articles: StoredArticle[];
  /** The feed row's new state, written once its articles are stored. */
  changes: Partial<FeedRow>;
}

export interface FeedFetchDeps {
  fetch: FetchLike;
  redirects?: RedirectLocator;
  registry: Pick<FeedRegistry, 'resolve'>;
  policy: RefreshPolicy;
  now: () => number;
  /** Whether the reader granted a URL's origin (the feed's own, and every redirect's). */
  mayFetch(url: string): Promise<boolean>;
}

/** Epoch ms of an entry's own date, or NaN: undated entries say nothing about the feed's rhythm. */
const entryTime = (entry: FeedEntry): number => Date.parse(entry.published ?? entry.updated ?? '');

/** A failed attempt: one more consecutive failure, retried after the backoff. */
export function failedResult(feed: FeedRow, attemptAt: number, error: string, deps: Pick<FeedFetchDeps, 'policy' | 'now'>): FeedResult {
  return {
    feed,
    outcome: { url: feed.url, status: 'failed', entries: 0, added: 0, error },
    articles: [],
    changes: { ...afterFailure(feed.url, feed.failures, deps.now(), deps.policy), lastAttemptAt: attemptAt, lastError: error },
  };
}

export async function fetchFeed(feed: FeedRow, deps: FeedFetchDeps): Promise<FeedResult> {
  const { policy } = deps;
  const attemptAt = deps.now();
  const pattern = feedOriginPattern(feed.url);
  if (pattern !== null && !(await deps.mayFetch(feed.url))) {
    // Not a failure of the feed: no backoff, asked again at the regular interval.
    const error = `permission needed for ${pattern}`;
    return {
      feed,
      outcome: { url: feed.url, status: 'no-permission', entries: 0, added: 0, error },
      articles: [],
      changes: { nextAttemptAt: deps.now() + policy.intervalMs, lastAttemptAt: attemptAt, lastError: error },
    };
  }
  const locator = deps.redirects;
  const outcome = await fetchFeedDocument(deps.fetch, feed.url, { etag: feed.etag, lastModified: feed.lastModified }, policy.timeoutMs, {
    redirects: {
      isAllowed: (url) => deps.mayFetch(url),
      locationOf: locator ? (url, signal) => locator.locationOf(url, signal) : undefined,
    },
  });
  if (outcome.kind === 'failed') return failedResult(feed, attemptAt, outcome.error, deps);
  const succeeded = { lastAttemptAt: attemptAt, lastSuccessAt: attemptAt, lastError: undefined };
  if (outcome.kind === 'not-modified') {
    return {
      feed,
      outcome: { url: feed.url, status: 'not-modified', entries: 0, added: 0 },
      articles: [],
      changes: { ...afterSuccess(deps.now(), policy, feed.intervalMs ?? policy.intervalMs), ...succeeded },
    };
  }
  const parsed = parseFeed(outcome.bytes, { url: outcome.finalUrl, contentType: outcome.contentType });
  if (!parsed.ok) return failedResult(feed, attemptAt, `not a readable feed: ${parsed.error}`, deps);
  const { entries } = parsed.feed;
  const { articles } = entriesToArticles(entries, {
    feedUrl: outcome.finalUrl,
    feedOutletId: feed.outletId,
    feedTitle: parsed.feed.title,
    resolveOutlet: (url) => deps.registry.resolve(url)?.id ?? null,
    firstSeen: attemptAt,
  });
  const intervalMs = feedIntervalMs(entries.map(entryTime), attemptAt, parsed.feed.updateMinutes, policy);
  return {
    feed,
    outcome: { url: feed.url, status: 'updated', entries: entries.length, added: 0 },
    articles: articles.map((a) => ({ ...a, origin: 'feed', feedUrl: feed.url, addedAt: attemptAt })),
    changes: {
      ...afterSuccess(deps.now(), policy, intervalMs),
      ...succeeded,
      intervalMs,
      lastEntries: entries.length,
      title: nameFromFeedTitle(parsed.feed.title) || undefined,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
    },
  };
}

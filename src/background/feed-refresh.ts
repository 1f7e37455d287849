/**
 * Fills the local index from the outlets' feeds, in the service worker. The due feeds are fetched with
 * bounded concurrency overall and per host (feed-fetch.ts: conditional GET, checked redirects), and what
 * they bring is stored in batches (refresh-writer.ts), articles before each feed's state: a worker stopped
 * mid-run resumes on the next alarm with the feeds still due, and the index's add-by-id keeps a feed
 * fetched twice from adding anything twice. The run's progress can be asked for while it runs.
 */
import {
  DEFAULT_MAX_ARTICLES,
  DEFAULT_REFRESH_POLICY,
  feedOriginPattern,
  isDue,
  runPooled,
  type FetchLike,
  type RefreshPolicy,
} from '../core/refresh/index';
import type { StoredArticle } from '../db/database';
import { META_LAST_REFRESH_ADDED, META_LAST_REFRESH_AT, META_REFRESH_STARTED_AT, readMeta, writeMeta } from '../db/meta';
import type { RefreshProgress, RefreshStatus } from '../messaging/protocol-index';
import { failedResult, fetchFeed, type FeedOutcome, type RedirectLocator } from './feed-fetch';
import { FeedSubscriptions, type FeedSubscriptionsDeps } from './feed-subscriptions';
import { RefreshWriter } from './refresh-writer';

export type { FeedOutcome, RedirectLocator } from './feed-fetch';

/** What the refresher needs of the story index (StoryIndex satisfies it). */
export interface ArticleIndex {
  add(articles: readonly StoredArticle[]): Promise<number>;
  status(): Promise<{ articles: number; stories: number }>;
  /** Revises the stories after a batch of additions (StoryIndex.refine). */
  refine?(): Promise<void>;
}

export interface FeedRefresherDeps extends FeedSubscriptionsDeps {
  index: ArticleIndex;
  fetch: FetchLike;
  /** Without it, a redirect whose response hides its Location is not followed. */
  redirects?: RedirectLocator;
  policy?: Partial<RefreshPolicy>;
  /** The index's size cap, as the retention pass applies it (reported in the status); default DEFAULT_MAX_ARTICLES. */
  maxArticles?: number;
}

export interface RefreshSummary {
  startedAt: number;
  finishedAt: number;
  /** Feeds that were due and attempted. */
  attempted: number;
  updated: number;
  notModified: number;
  failed: number;
  /** Feeds skipped because the reader has not granted their host. */
  noPermission: number;
  added: number;
  feeds: FeedOutcome[];
}

/** The counts of the run in progress. */
interface RunCounts {
  startedAt: number;
  due: number;
  done: number;
  failed: number;
  added: number;
}

/** A feed's host and port: the unit of the per-host concurrency limit. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The refresh run over the reader's feeds, and its status; the feed list itself is FeedSubscriptions'. */
export class FeedRefresher extends FeedSubscriptions {
  private readonly index: ArticleIndex;
  private readonly fetchImpl: FetchLike;
  private readonly redirects: RedirectLocator | undefined;
  readonly policy: RefreshPolicy;
  private running: Promise<RefreshSummary> | null = null;
  private counts: RunCounts | null = null;
  private readonly maxArticles: number;

  constructor(deps: FeedRefresherDeps) {
    super(deps);
    this.index = deps.index;
    this.fetchImpl = deps.fetch;
    this.redirects = deps.redirects;
    this.policy = { ...DEFAULT_REFRESH_POLICY, ...deps.policy };
    this.maxArticles = deps.maxArticles ?? DEFAULT_MAX_ARTICLES;
  }

  /** Fetches every enabled feed that is due. A call while a refresh runs joins that refresh. */
  refreshDue(): Promise<RefreshSummary> {
    this.running ??= this.runDue().finally(() => {
      this.running = null;
      this.counts = null;
    });
    return this.running;
  }

  private async runDue(): Promise<RefreshSummary> {
    const startedAt = this.now();
    const due = (
      await this.db.feeds
        .where('nextAttemptAt')
        .belowOrEqual(startedAt + this.policy.dueSlackMs)
        .toArray()
    )
      .filter((feed) => isDue(feed, startedAt, this.policy))
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    const counts: RunCounts = { startedAt, due: due.length, done: 0, failed: 0, added: 0 };
    this.counts = counts;
    if (due.length > 0) await writeMeta(this.db, { [META_REFRESH_STARTED_AT]: startedAt });
    const outcomes: FeedOutcome[] = [];
    const timing = { policy: this.policy, now: this.now };
    const writer = new RefreshWriter({
      db: this.db,
      index: this.index,
      gapMs: this.policy.writeGapMs,
      failed: (result, error) => failedResult(result.feed, result.changes.lastAttemptAt ?? startedAt, error, timing),
      written: (results) => {
        for (const { outcome } of results) {
          outcomes.push(outcome);
          counts.added += outcome.added;
          if (outcome.status === 'failed') counts.failed++;
        }
      },
    });
    // Permission answers are asked once per host and run: a thousand feeds share a few dozen hosts.
    const granted = new Map<string, Promise<boolean>>();
    const mayFetch = (url: string): Promise<boolean> => {
      const pattern = feedOriginPattern(url);
      if (pattern === null) return Promise.resolve(false);
      if (!this.hasPermission) return Promise.resolve(true);
      let answer = granted.get(pattern);
      if (!answer) granted.set(pattern, (answer = this.hasPermission(pattern).catch(() => false)));
      return answer;
    };
    const deps = {
      fetch: this.fetchImpl,
      redirects: this.redirects,
      registry: this.registry,
      policy: this.policy,
      now: this.now,
      mayFetch,
    };
    const fetchAll = () =>
      runPooled(
        due,
        (feed) => hostOf(feed.url),
        { concurrency: this.policy.concurrency, perKey: this.policy.perHostConcurrency },
        async (feed) => {
          const result = await fetchFeed(feed, deps).catch((error: unknown) =>
            failedResult(feed, this.now(), `could not refresh the feed: ${error instanceof Error ? error.message : String(error)}`, timing),
          );
          counts.done++;
          writer.push(result);
        },
      );
    await (this.redirects ? this.redirects.watching(fetchAll) : fetchAll());
    await writer.flush();

    const added = counts.added;
    // Once per run, after every feed's articles are in: new coverage can show two fragments to be one story.
    if (added > 0 && this.index.refine) {
      // A failure leaves the stories as the feeds built them; the next run with new articles tries again.
      await this.index.refine().catch(() => undefined);
    }
    const finishedAt = this.now();
    await writeMeta(this.db, { [META_LAST_REFRESH_AT]: finishedAt, [META_LAST_REFRESH_ADDED]: added });
    const count = (status: FeedOutcome['status']) => outcomes.filter((f) => f.status === status).length;
    return {
      startedAt,
      finishedAt,
      attempted: outcomes.length,
      updated: count('updated'),
      notModified: count('not-modified'),
      failed: count('failed'),
      noPermission: count('no-permission'),
      added,
      feeds: outcomes,
    };
  }

  /** The run in progress, or the last one's end; cheap enough to poll every second. */
  async progress(): Promise<RefreshProgress> {
    const [held, lastAt, startedAt] = await Promise.all([
      this.index.status(),
      readMeta(this.db, META_LAST_REFRESH_AT),
      readMeta(this.db, META_REFRESH_STARTED_AT),
    ]);
    const counts = this.counts;
    return {
      running: counts !== null,
      startedAt: counts?.startedAt ?? startedAt,
      feedsDue: counts?.due ?? 0,
      feedsDone: counts?.done ?? 0,
      feedsFailed: counts?.failed ?? 0,
      articlesAdded: counts?.added ?? 0,
      articles: held.articles,
      stories: held.stories,
      interrupted: counts === null && startedAt !== null && startedAt > (lastAt ?? Number.NEGATIVE_INFINITY),
      lastRefreshAt: lastAt,
    };
  }

  async status(): Promise<RefreshStatus> {
    const [feeds, lastAt, lastAdded, held] = await Promise.all([
      this.db.feeds.toArray(),
      readMeta(this.db, META_LAST_REFRESH_AT),
      readMeta(this.db, META_LAST_REFRESH_ADDED),
      this.index.status(),
    ]);
    const enabled = feeds.filter((f) => f.enabled);
    const failing = enabled.filter((f) => f.failures > 0);
    return {
      lastRefreshAt: lastAt,
      lastRefreshAdded: lastAdded,
      refreshing: this.running !== null,
      articles: held.articles,
      stories: held.stories,
      feedsEnabled: enabled.length,
      feedsFailing: failing.length,
      failing: failing.map((f) => ({
        url: f.url,
        outletId: f.outletId,
        section: f.section,
        failures: f.failures,
        lastError: f.lastError ?? null,
        lastAttemptAt: f.lastAttemptAt ?? null,
        lastSuccessAt: f.lastSuccessAt ?? null,
        nextAttemptAt: f.nextAttemptAt,
      })),
      nextDueAt: enabled.length === 0 ? null : enabled.reduce((min, f) => Math.min(min, f.nextAttemptAt), Infinity),
      permissionsNeeded: await this.missingPermissions(enabled.map((f) => f.url)),
      maxArticles: this.maxArticles,
    };
  }
}

/**
 * Fills the local index from the outlets' feeds, in the service worker. Each due feed is fetched with a
 * conditional GET, parsed, converted and added through the story index; its state is written as soon as
 * it finishes, so a worker stopped mid-refresh resumes on the next alarm with the feeds still due, and the
 * index's add-by-id keeps a feed fetched twice from adding anything twice.
 */
import { parseFeed } from '../core/feeds/index';
import { nameFromFeedTitle } from '../core/outlets/index';
import {
  DEFAULT_REFRESH_POLICY,
  afterFailure,
  afterSuccess,
  entriesToArticles,
  feedOriginPattern,
  fetchFeedDocument,
  isDue,
  mapWithConcurrency,
  type FetchLike,
  type RefreshPolicy,
} from '../core/refresh/index';
import type { FeedRow, StoredArticle } from '../db/database';
import { META_LAST_REFRESH_ADDED, META_LAST_REFRESH_AT, readMeta, writeMeta } from '../db/meta';
import type { RefreshStatus } from '../messaging/protocol-index';
import { FeedSubscriptions, type FeedSubscriptionsDeps } from './feed-subscriptions';

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
  policy?: Partial<RefreshPolicy>;
}

export interface FeedOutcome {
  url: string;
  status: 'updated' | 'not-modified' | 'failed' | 'no-permission';
  /** Entries in the feed (0 for not-modified and failures). */
  entries: number;
  /** Articles new to the index. */
  added: number;
  error?: string;
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

/** The refresh run over the reader's feeds, and its status; the feed list itself is FeedSubscriptions'. */
export class FeedRefresher extends FeedSubscriptions {
  private readonly index: ArticleIndex;
  private readonly fetchImpl: FetchLike;
  readonly policy: RefreshPolicy;
  private running: Promise<RefreshSummary> | null = null;
  /** Stores run one at a time: two feeds carrying the same article must not both find it new. */
  private storing: Promise<unknown> = Promise.resolve();

  constructor(deps: FeedRefresherDeps) {
    super(deps);
    this.index = deps.index;
    this.fetchImpl = deps.fetch;
    this.policy = { ...DEFAULT_REFRESH_POLICY, ...deps.policy };
  }

  /** Fetches every enabled feed that is due. A call while a refresh runs joins that refresh. */
  refreshDue(): Promise<RefreshSummary> {
    this.running ??= this.runDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runDue(): Promise<RefreshSummary> {
    const startedAt = this.now();
    const due = (await this.db.feeds.toArray())
      .filter((feed) => isDue(feed, startedAt, this.policy))
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    const feeds = await mapWithConcurrency(due, this.policy.concurrency, (feed) => this.refreshFeed(feed));
    const finishedAt = this.now();
    const added = feeds.reduce((sum, f) => sum + f.added, 0);
    // Once per run, after every feed's articles are in: new coverage can show two fragments to be one story.
    if (added > 0 && this.index.refine) {
      // A failure leaves the stories as the feeds built them; the next run with new articles tries again.
      await this.serialized(() => this.index.refine!()).catch(() => undefined);
    }
    await writeMeta(this.db, { [META_LAST_REFRESH_AT]: finishedAt, [META_LAST_REFRESH_ADDED]: added });
    return {
      startedAt,
      finishedAt,
      attempted: feeds.length,
      updated: feeds.filter((f) => f.status === 'updated').length,
      notModified: feeds.filter((f) => f.status === 'not-modified').length,
      failed: feeds.filter((f) => f.status === 'failed').length,
      noPermission: feeds.filter((f) => f.status === 'no-permission').length,
      added,
      feeds,
    };
  }

  /** One feed, start to finish; its state is stored before this returns, whatever happened. */
  private async refreshFeed(feed: FeedRow): Promise<FeedOutcome> {
    const attemptAt = this.now();
    try {
      const pattern = feedOriginPattern(feed.url);
      if (this.hasPermission && pattern !== null && !(await this.hasPermission(pattern))) {
        // Not a failure of the feed: no backoff, asked again at the regular interval.
        const error = `permission needed for ${pattern}`;
        await this.db.feeds.update(feed.url, {
          nextAttemptAt: this.now() + this.policy.intervalMs,
          lastAttemptAt: attemptAt,
          lastError: error,
        });
        return { url: feed.url, status: 'no-permission', entries: 0, added: 0, error };
      }
      const outcome = await fetchFeedDocument(
        this.fetchImpl,
        feed.url,
        { etag: feed.etag, lastModified: feed.lastModified },
        this.policy.timeoutMs,
      );
      if (outcome.kind === 'failed') return await this.recordFailure(feed, attemptAt, outcome.error);
      if (outcome.kind === 'not-modified') {
        await this.db.feeds.update(feed.url, {
          ...afterSuccess(this.now(), this.policy),
          lastAttemptAt: attemptAt,
          lastSuccessAt: attemptAt,
          lastError: undefined,
        });
        return { url: feed.url, status: 'not-modified', entries: 0, added: 0 };
      }
      const parsed = parseFeed(outcome.bytes, { url: outcome.finalUrl, contentType: outcome.contentType });
      if (!parsed.ok) return await this.recordFailure(feed, attemptAt, `not a readable feed: ${parsed.error}`);
      const { articles } = entriesToArticles(parsed.feed.entries, {
        feedUrl: outcome.finalUrl,
        feedOutletId: feed.outletId,
        feedTitle: parsed.feed.title,
        resolveOutlet: (url) => this.registry.resolve(url)?.id ?? null,
        firstSeen: attemptAt,
      });
      const stored: StoredArticle[] = articles.map((a) => ({ ...a, origin: 'feed', feedUrl: feed.url, addedAt: attemptAt }));
      // Articles first, state second: a worker stopped in between refetches the feed, and add() skips known ids.
      const added = await this.serialized(() => this.index.add(stored));
      await this.db.feeds.update(feed.url, {
        ...afterSuccess(this.now(), this.policy),
        lastAttemptAt: attemptAt,
        lastSuccessAt: attemptAt,
        lastError: undefined,
        lastEntries: parsed.feed.entries.length,
        title: nameFromFeedTitle(parsed.feed.title) || undefined,
        etag: outcome.etag,
        lastModified: outcome.lastModified,
      });
      return { url: feed.url, status: 'updated', entries: parsed.feed.entries.length, added };
    } catch (error) {
      // A storage or engine error: the feed is retried with backoff like any other failure.
      return this.recordFailure(
        feed,
        attemptAt,
        `could not store the feed's articles: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = this.storing.then(task);
    this.storing = result.catch(() => undefined);
    return result;
  }

  private async recordFailure(feed: FeedRow, attemptAt: number, error: string): Promise<FeedOutcome> {
    const current = (await this.db.feeds.get(feed.url)) ?? feed;
    await this.db.feeds.update(feed.url, {
      ...afterFailure(feed.url, current.failures, this.now(), this.policy),
      lastAttemptAt: attemptAt,
      lastError: error,
    });
    return { url: feed.url, status: 'failed', entries: 0, added: 0, error };
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
    };
  }
}

/**
 * Fills the local index from the outlets' feeds, in the service worker. Each due feed is fetched with a
 * conditional GET, parsed, converted and added through the story index; its state is written as soon as
 * it finishes, so a worker stopped mid-refresh resumes on the next alarm with the feeds still due, and the
 * index's add-by-id keeps a feed fetched twice from adding anything twice.
 */
import { z } from 'zod';
import { parseFeed } from '../core/feeds/index';
import { nameFromFeedTitle, type OutletRegistry } from '../core/outlets/index';
import {
  DEFAULT_REFRESH_POLICY,
  afterFailure,
  afterSuccess,
  entriesToArticles,
  feedOriginPattern,
  feedOriginPatterns,
  fetchFeedDocument,
  isDue,
  mapWithConcurrency,
  type FetchLike,
  type RefreshPolicy,
} from '../core/refresh/index';
import type { FeedRow, ParallaxDatabase, StoredArticle } from '../db/database';

/** What the refresher needs of the story index (StoryIndex satisfies it). */
export interface ArticleIndex {
  add(articles: readonly StoredArticle[]): Promise<number>;
  status(): Promise<{ articles: number; stories: number }>;
  /** Revises the stories after a batch of additions (StoryIndex.refine). */
  refine?(): Promise<void>;
}

export type FeedRegistry = Pick<OutletRegistry, 'resolve' | 'get' | 'all'>;

export interface FeedRefresherDeps {
  db: ParallaxDatabase;
  index: ArticleIndex;
  registry: FeedRegistry;
  fetch: FetchLike;
  now: () => number;
  policy?: Partial<RefreshPolicy>;
  /**
   * Whether the extension may fetch this URL (`browser.permissions.contains({ origins: [pattern] })`).
   * Feeds without permission are not fetched and say so; without this, every feed is fetched.
   */
  hasPermission?: (originPattern: string) => Promise<boolean>;
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

export interface FailingFeed {
  url: string;
  outletId: string;
  section: string;
  failures: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  nextAttemptAt: number;
}

export interface RefreshStatus {
  /** Epoch ms when the last refresh run ended, or null before the first. */
  lastRefreshAt: number | null;
  /** Articles added by the last refresh run. */
  lastRefreshAdded: number | null;
  refreshing: boolean;
  articles: number;
  stories: number;
  feedsEnabled: number;
  feedsFailing: number;
  failing: FailingFeed[];
  /** Host patterns of enabled feeds the reader has not granted yet (what the options page asks for). */
  permissionsNeeded: string[];
  /** Epoch ms of the next due feed among the enabled ones, or null when none is enabled. */
  nextDueAt: number | null;
}

/** A feed as the options page lists it: the registry's offer merged with the stored state. */
export interface FeedListing {
  url: string;
  outletId: string;
  outletName: string | null;
  section: string;
  enabled: boolean;
  /** Added by the reader, not in the shipped registry. */
  custom: boolean;
  failures: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  nextAttemptAt: number | null;
  lastEntries: number | null;
}

export const CustomFeedSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  outletId: z.string().min(1).max(64),
  section: z.string().trim().min(1).max(80),
});
export type CustomFeed = z.infer<typeof CustomFeedSchema>;

export const META_LAST_REFRESH_AT = 'refresh.lastRunAt';
export const META_LAST_REFRESH_ADDED = 'refresh.lastAdded';

/** The URL as stored and compared: `new URL().href`, so "HTTPS://X.com/feed" and "https://x.com/feed" are one feed. */
export function normalizeFeedUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export class FeedRefresher {
  private readonly db: ParallaxDatabase;
  private readonly index: ArticleIndex;
  private readonly registry: FeedRegistry;
  private readonly fetchImpl: FetchLike;
  private readonly now: () => number;
  private readonly hasPermission: ((originPattern: string) => Promise<boolean>) | undefined;
  readonly policy: RefreshPolicy;
  private running: Promise<RefreshSummary> | null = null;
  /** Stores run one at a time: two feeds carrying the same article must not both find it new. */
  private storing: Promise<unknown> = Promise.resolve();

  constructor(deps: FeedRefresherDeps) {
    this.db = deps.db;
    this.index = deps.index;
    this.registry = deps.registry;
    this.fetchImpl = deps.fetch;
    this.now = deps.now;
    this.hasPermission = deps.hasPermission;
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
    await this.db.meta.bulkPut([
      { key: META_LAST_REFRESH_AT, value: finishedAt },
      { key: META_LAST_REFRESH_ADDED, value: added },
    ]);
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
      this.db.meta.get(META_LAST_REFRESH_AT),
      this.db.meta.get(META_LAST_REFRESH_ADDED),
      this.index.status(),
    ]);
    const enabled = feeds.filter((f) => f.enabled);
    const failing = enabled.filter((f) => f.failures > 0);
    return {
      lastRefreshAt: typeof lastAt?.value === 'number' ? lastAt.value : null,
      lastRefreshAdded: typeof lastAdded?.value === 'number' ? lastAdded.value : null,
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

  private async missingPermissions(urls: readonly string[]): Promise<string[]> {
    if (!this.hasPermission) return [];
    const missing: string[] = [];
    for (const pattern of feedOriginPatterns(urls)) if (!(await this.hasPermission(pattern))) missing.push(pattern);
    return missing;
  }

  /** Every registry feed, plus the reader's own, with the stored state; registry order, custom feeds last. */
  async listFeeds(): Promise<FeedListing[]> {
    const stored = new Map((await this.db.feeds.toArray()).map((row) => [row.url, row]));
    const listings: FeedListing[] = [];
    const offered = new Set<string>();
    for (const outlet of this.registry.all()) {
      for (const feed of outlet.feeds) {
        const url = normalizeFeedUrl(feed.url);
        if (url === null || offered.has(url)) continue;
        offered.add(url);
        listings.push(this.listing(stored.get(url), { url, outletId: outlet.id, section: feed.section }, false));
      }
    }
    for (const row of stored.values()) if (!offered.has(row.url)) listings.push(this.listing(row, row, true));
    return listings;
  }

  private listing(row: FeedRow | undefined, offer: { url: string; outletId: string; section: string }, custom: boolean): FeedListing {
    return {
      url: offer.url,
      outletId: row?.outletId ?? offer.outletId,
      outletName: this.registry.get(row?.outletId ?? offer.outletId)?.name ?? null,
      section: row?.section ?? offer.section,
      enabled: row?.enabled ?? false,
      custom,
      failures: row?.failures ?? 0,
      lastError: row?.lastError ?? null,
      lastAttemptAt: row?.lastAttemptAt ?? null,
      lastSuccessAt: row?.lastSuccessAt ?? null,
      nextAttemptAt: row?.nextAttemptAt ?? null,
      lastEntries: row?.lastEntries ?? null,
    };
  }

  /** The registry's offer for a feed URL. */
  private registryFeed(url: string): { outletId: string; section: string } | null {
    for (const outlet of this.registry.all()) {
      for (const feed of outlet.feeds) if (normalizeFeedUrl(feed.url) === url) return { outletId: outlet.id, section: feed.section };
    }
    return null;
  }

  /**
   * Enables feeds (registry or already stored) and makes them due now. All URLs are checked first: an
   * unknown one fails the call and nothing changes. Returns how many were enabled.
   */
  async enableFeeds(urls: readonly string[]): Promise<number> {
    const now = this.now();
    return this.db.transaction('rw', this.db.feeds, async () => {
      const rows: FeedRow[] = [];
      for (const raw of urls) {
        const url = normalizeFeedUrl(raw);
        if (url === null) throw new Error(`not an http(s) feed URL: ${raw}`);
        const existing = await this.db.feeds.get(url);
        if (existing) {
          rows.push({ ...existing, enabled: true, nextAttemptAt: Math.min(existing.nextAttemptAt, now) });
          continue;
        }
        const offer = this.registryFeed(url);
        if (offer === null) throw new Error(`unknown feed: ${url} is in no outlet's feed list (add it as a custom feed)`);
        rows.push({ url, outletId: offer.outletId, section: offer.section, enabled: true, failures: 0, nextAttemptAt: now });
      }
      await this.db.feeds.bulkPut(rows);
      return rows.length;
    });
  }

  /** Disables stored feeds; their state and articles stay. Returns how many were disabled. */
  async disableFeeds(urls: readonly string[]): Promise<number> {
    const normalized = urls.map(normalizeFeedUrl).filter((u): u is string => u !== null);
    return this.db.transaction('rw', this.db.feeds, async () => {
      let count = 0;
      for (const url of normalized) count += await this.db.feeds.update(url, { enabled: false });
      return count;
    });
  }

  /** Adds (and enables) a feed of the reader's choice for a known outlet. Throws a readable error when invalid. */
  async addCustomFeed(input: CustomFeed): Promise<FeedListing> {
    const parsed = CustomFeedSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`invalid custom feed: ${issue.path.join('.') || 'feed'}: ${issue.message}`);
    }
    const url = normalizeFeedUrl(parsed.data.url);
    if (url === null) throw new Error('invalid custom feed: url: expected an http(s) URL');
    if (this.registry.get(parsed.data.outletId) === undefined)
      throw new Error(`invalid custom feed: outletId: unknown outlet "${parsed.data.outletId}"`);
    const existing = await this.db.feeds.get(url);
    const row: FeedRow = {
      ...(existing ?? { failures: 0 }),
      url,
      outletId: parsed.data.outletId,
      section: parsed.data.section,
      enabled: true,
      nextAttemptAt: Math.min(existing?.nextAttemptAt ?? Infinity, this.now()),
    };
    await this.db.feeds.put(row);
    return this.listing(row, row, this.registryFeed(url) === null);
  }
}

/**
 * The reader's feeds: the registry's offer merged with what is stored, enabling and disabling feeds,
 * adding their own, and which feed hosts the browser does not let Parallax fetch yet. The refresh run
 * (FeedRefresher, feed-refresh.ts) builds on this.
 */
import { z } from 'zod';
import { type OutletRegistry, outletSitePatterns } from '../core/outlets/index';
import { feedOriginPatterns } from '../core/refresh/index';
import type { FeedRow, ParallaxDatabase } from '../db/database';
import type { FeedListing } from '../messaging/protocol-index';

export type FeedRegistry = Pick<OutletRegistry, 'resolve' | 'get' | 'all'>;

export interface FeedSubscriptionsDeps {
  db: ParallaxDatabase;
  registry: FeedRegistry;
  now: () => number;
  /**
   * Whether the extension may fetch this URL (`browser.permissions.contains({ origins: [pattern] })`).
   * Feeds without permission are not fetched and say so; without this, every feed is fetched.
   */
  hasPermission?: (originPattern: string) => Promise<boolean>;
}

export const CustomFeedSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  outletId: z.string().min(1).max(64),
  section: z.string().trim().min(1).max(80),
});
export type CustomFeed = z.infer<typeof CustomFeedSchema>;

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

/** The feed list (the `feeds` table's reader settings); FeedRefresher adds the refresh run to it. */
export class FeedSubscriptions {
  protected readonly db: ParallaxDatabase;
  protected readonly registry: FeedRegistry;
  protected readonly now: () => number;
  protected readonly hasPermission: ((originPattern: string) => Promise<boolean>) | undefined;

  constructor(deps: FeedSubscriptionsDeps) {
    this.db = deps.db;
    this.registry = deps.registry;
    this.now = deps.now;
    this.hasPermission = deps.hasPermission;
  }

  /** The host patterns of these feeds that the reader has not granted. */
  protected async missingPermissions(urls: readonly string[]): Promise<string[]> {
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
    const outlet = this.registry.get(row?.outletId ?? offer.outletId);
    return {
      url: offer.url,
      outletId: row?.outletId ?? offer.outletId,
      outletName: outlet?.name ?? null,
      section: row?.section ?? offer.section,
      enabled: row?.enabled ?? false,
      custom,
      siteOrigins: outlet === undefined ? [] : outletSitePatterns(outlet),
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

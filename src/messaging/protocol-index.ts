/**
 * Messages of the self-filling index (feeds, refresh, retention, import/export) and their replies.
 * `INDEX_REQUEST_SCHEMAS` is spread into the main discriminated union (protocol.ts), `IndexReplies` into its
 * reply map; every type here is for Parallax's own pages only (`INDEX_EXTENSION_PAGE_ONLY`), never a
 * content script.
 */
import { z } from 'zod';
import type { IndexFile } from '../core/index-file/index';

const feedUrl = z.string().min(1).max(2048);
const feedUrls = z.array(feedUrl).min(1).max(5000);

export const INDEX_REQUEST_SCHEMAS = [
  /** Options: registry feeds and the reader's own, merged with their refresh state. */
  z.object({ type: z.literal('feeds/list') }),
  /** Options: enable feeds (they become due now). */
  z.object({ type: z.literal('feeds/enable'), urls: feedUrls }),
  /** Options: disable feeds. */
  z.object({ type: z.literal('feeds/disable'), urls: feedUrls }),
  /** Options: add and enable a feed of the reader's choice for a known outlet. */
  z.object({ type: z.literal('feeds/add-custom'), url: feedUrl, outletId: z.string().min(1).max(64), section: z.string().min(1).max(80) }),
  /** Options: fetch the due feeds now (joins a run in progress), then the retention pass. */
  z.object({ type: z.literal('refresh/run') }),
  /** Options/popup: last refresh, articles and stories held, feeds enabled and failing. */
  z.object({ type: z.literal('refresh/status') }),
  /** Options: apply the retention window and size cap now. */
  z.object({ type: z.literal('retention/run') }),
  /** Options: the whole index and preferences as an index file object (the page saves it as JSON). */
  z.object({ type: z.literal('index/export') }),
  /** Options: import an index file (the parsed JSON, or its text); a refusal names the bad rows. */
  z.object({
    type: z.literal('index/import'),
    file: z.unknown().optional(),
    text: z
      .string()
      .max(512 * 1024 * 1024)
      .optional(),
  }),
] as const;

export const IndexRequestSchema = z.discriminatedUnion('type', INDEX_REQUEST_SCHEMAS);
export type IndexRequest = z.infer<typeof IndexRequestSchema>;
export type IndexRequestType = IndexRequest['type'];
export type IndexRequestOf<T extends IndexRequestType> = Extract<IndexRequest, { type: T }>;

export const INDEX_EXTENSION_PAGE_ONLY: readonly IndexRequestType[] = INDEX_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value);

// ---- Replies ----

/** What the worker answers to each index request. */
export interface IndexReplies {
  'feeds/list': FeedListing[];
  /** How many feeds were enabled. */
  'feeds/enable': number;
  /** How many feeds were disabled. */
  'feeds/disable': number;
  'feeds/add-custom': FeedListing;
  /** The status after the run. */
  'refresh/run': RefreshStatus;
  'refresh/status': RefreshStatus;
  'retention/run': RetentionResult;
  'index/export': IndexFile;
  'index/import': ImportResult;
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
  /** The outlet's site, asked for with the feed when the manifest does not reach it (see outletSitePatterns). */
  siteOrigins: string[];
  failures: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  nextAttemptAt: number | null;
  lastEntries: number | null;
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

export interface RetentionResult {
  /** Removed for being older than the retention window. */
  expired: number;
  /** Removed, oldest first, to bring the index under the cap. */
  overCap: number;
  /** Articles held afterwards. */
  remaining: number;
  cutoff: number;
}

export interface ImportResult {
  /** Articles in the file. */
  articles: number;
  /** Of those, new to the index (the others were already held, by id). */
  added: number;
  feeds: number;
}

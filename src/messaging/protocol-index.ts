/**
 * Messages of the self-filling index (feeds, refresh, retention, import/export) and their replies.
 * `INDEX_REQUEST_SCHEMAS` is spread into the main discriminated union (protocol.ts), `IndexReplies` into its
 * reply map; every type here is for Parallax's own pages only (`INDEX_EXTENSION_PAGE_ONLY`), never a
 * content script.
 */
import { z } from 'zod';

/** An index file sent in one message; larger ones stream over the transfer port. */
export const MAX_IMPORT_MESSAGE_CHARS = 16 * 1024 * 1024;

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
  /** Options and the welcome page, polled while a refresh runs: feeds fetched, articles added, stories held. */
  z.object({ type: z.literal('refresh/progress') }),
  /** Options: apply the retention window and size cap now. */
  z.object({ type: z.literal('retention/run') }),
  /**
   * Tools and tests: import a small index file's text in one message, replacing feeds (all off) and
   * preferences. The options page streams files of any size over the transfer port (protocol-transfer.ts).
   */
  z.object({
    type: z.literal('index/import'),
    text: z.string().max(MAX_IMPORT_MESSAGE_CHARS),
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
  'refresh/progress': RefreshProgress;
  'retention/run': RetentionResult;
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
  /** Time between fetches after a success: the feed's own cadence, or null before its first. */
  intervalMs: number | null;
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
  /** The index's size cap: past it, the retention pass removes the oldest articles first. */
  maxArticles: number;
}

/** How far the refresh run has got (a cheap answer, for polling). */
export interface RefreshProgress {
  /** A run is fetching or storing feeds now. */
  running: boolean;
  /** Epoch ms when the current run started, or the interrupted one, or null. */
  startedAt: number | null;
  /** Feeds the current run fetches (0 when none runs). */
  feedsDue: number;
  /** Of those, fetched so far (successfully or not), and failed. */
  feedsDone: number;
  feedsFailed: number;
  /** Articles the current run has added to the index so far. */
  articlesAdded: number;
  /** Held in the index now. */
  articles: number;
  stories: number;
  /**
   * The last run stopped before it finished (the browser stopped the worker): what it stored is kept,
   * and the feeds it did not reach are fetched on the next run.
   */
  interrupted: boolean;
  lastRefreshAt: number | null;
}

export interface RetentionResult {
  /** Removed for being older than the retention window. */
  expired: number;
  /** Removed, oldest first, to bring the index under the cap. */
  overCap: number;
  /** Articles held afterwards. */
  remaining: number;
  cutoff: number;
  /** Reading-diet rows removed for being older than the longest period the diet shows. */
  reading: number;
}

export interface ImportResult {
  /** Articles in the file. */
  articles: number;
  /** Of those, new to the index (the others were already held, by id). */
  added: number;
  /** Feeds of the file stored (0 when the feeds were kept). */
  feeds: number;
  /** Of those, on: already on here, or turned on by the reader with their site granted. */
  feedsOn: number;
  feedsReplaced: boolean;
  preferencesReplaced: boolean;
  /** Feed URLs on this machine or its local network, left out. */
  leftOut: string[];
}

/**
 * Messages of the self-filling index (feeds, refresh, retention, import/export). The lead spreads
 * `INDEX_REQUEST_SCHEMAS` into the main discriminated union; every type here is for Parallax's own pages
 * only (`INDEX_EXTENSION_PAGE_ONLY`), never a content script.
 */
import { z } from 'zod';

const feedUrl = z.string().min(1).max(2048);
const feedUrls = z.array(feedUrl).min(1).max(5000);

export const INDEX_REQUEST_SCHEMAS = [
  /** Options: registry feeds and the reader's own, merged with their refresh state. → FeedListing[] */
  z.object({ type: z.literal('feeds/list') }),
  /** Options: enable feeds (they become due now). → number enabled */
  z.object({ type: z.literal('feeds/enable'), urls: feedUrls }),
  /** Options: disable feeds. → number disabled */
  z.object({ type: z.literal('feeds/disable'), urls: feedUrls }),
  /** Options: add and enable a feed of the reader's choice for a known outlet. → FeedListing */
  z.object({ type: z.literal('feeds/add-custom'), url: feedUrl, outletId: z.string().min(1).max(64), section: z.string().min(1).max(80) }),
  /** Options: fetch the due feeds now (joins a run in progress), then the retention pass. → RefreshStatus after the run */
  z.object({ type: z.literal('refresh/run') }),
  /** Options/popup: last refresh, articles and stories held, feeds enabled and failing. → RefreshStatus */
  z.object({ type: z.literal('refresh/status') }),
  /** Options: apply the retention window and size cap now. → RetentionResult */
  z.object({ type: z.literal('retention/run') }),
  /** Options: the whole index and preferences as an index file object (the page saves it as JSON). → IndexFile */
  z.object({ type: z.literal('index/export') }),
  /** Options: import an index file (the parsed JSON, or its text). → ImportResult; error names the bad row. */
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

/**
 * The index file: the whole local index and the reader's preferences as one versioned JSON document,
 * written by the options page's export and by `npm run index:build`, read by the import. Every row is
 * validated before anything is stored.
 */
import { z } from 'zod';
import { PreferencesSchema } from '../preferences';
import { DEFAULT_MAX_ARTICLES } from '../refresh/retention';
import { canonicalizeUrl } from '../url/index';

export const INDEX_FILE_FORMAT = 'parallax-index';
export const INDEX_FILE_VERSION = 1;
/**
 * The most articles a file may hold: the index's own size cap, so a file Parallax wrote always fits, and
 * a larger one is refused before it fills the browser's memory.
 */
export const MAX_INDEX_FILE_ARTICLES = DEFAULT_MAX_ARTICLES;
export const MAX_INDEX_FILE_FEEDS = 10_000;

const OUTLET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const outletIdSchema = z.string().max(64).regex(OUTLET_ID, 'expected an outlet id (lowercase slug)');
/**
 * The last URLs found valid. Rows repeat them (an article's url is mostly its id, its feed's URL recurs
 * row after row) and each check parses the URL (~10 µs, a third of a 150,000-row import's validation);
 * a value equal to one already found valid is valid.
 */
const known: { canonical: string | null; http: string | null } = { canonical: null, http: null };

const httpUrlSchema = z
  .string()
  .max(4096)
  .refine((value) => {
    if (value === known.canonical || value === known.http) return true;
    if (canonicalizeUrl(value) === null) return false;
    known.http = value;
    return true;
  }, 'expected an absolute http(s) URL');

export const IndexFileArticleSchema = z.object({
  /** The canonical URL; the import merges by it. */
  id: z
    .string()
    .max(4096)
    .refine((value) => {
      if (value !== known.canonical && canonicalizeUrl(value) !== value) return false;
      known.canonical = value;
      return true;
    }, 'expected a canonical http(s) URL (as canonicalizeUrl gives)'),
  url: httpUrlSchema,
  title: z.string().min(1).max(1000),
  description: z.string().max(5000).optional(),
  outletId: outletIdSchema.optional(),
  publisher: z.string().max(300).optional(),
  host: z.string().max(253).optional(),
  /** Epoch milliseconds. */
  published: z.number().int().min(0),
  /** The feed the article came from, when it came from one. */
  feedUrl: httpUrlSchema.optional(),
});

export const IndexFileFeedSchema = z.object({
  url: httpUrlSchema,
  outletId: outletIdSchema,
  section: z.string().min(1).max(80),
  enabled: z.boolean(),
});

/** Everything of the file but its feeds and articles (which the import reads one row at a time). */
export const IndexFileHeaderSchema = z.object({
  format: z.literal(INDEX_FILE_FORMAT),
  version: z.literal(INDEX_FILE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  /** What wrote the file ("Parallax extension", "parallax index:build"). */
  generator: z.string().max(200).optional(),
  preferences: PreferencesSchema,
});

export const IndexFileSchema = IndexFileHeaderSchema.extend({
  feeds: z.array(IndexFileFeedSchema).max(MAX_INDEX_FILE_FEEDS),
  articles: z.array(IndexFileArticleSchema).max(MAX_INDEX_FILE_ARTICLES),
}).superRefine((file, ctx) => {
  const seen = new Map<string, number>();
  file.feeds.forEach((feed, index) => {
    const first = seen.get(feed.url);
    if (first !== undefined)
      ctx.addIssue({ code: 'custom', path: ['feeds', index, 'url'], message: `duplicate feed URL (also feeds[${first}])` });
    else seen.set(feed.url, index);
  });
});

export type IndexFile = z.infer<typeof IndexFileSchema>;
export type IndexFileArticle = z.infer<typeof IndexFileArticleSchema>;
export type IndexFileFeed = z.infer<typeof IndexFileFeedSchema>;

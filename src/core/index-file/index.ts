/** Build, validate and read the versioned index file, with errors that name the row and the field. */
import type { Preferences } from '../preferences';
import { describeIssue, typeName } from './describe';
import { IndexFileError, IndexFileReader } from './reader';
import {
  INDEX_FILE_FORMAT,
  INDEX_FILE_VERSION,
  IndexFileSchema,
  type IndexFile,
  type IndexFileArticle,
  type IndexFileFeed,
} from './schema';

export * from './describe';
export * from './reader';
export * from './schema';

export interface IndexFileContent {
  /** Epoch ms. */
  exportedAt: number;
  generator?: string;
  preferences: Preferences;
  feeds: readonly IndexFileFeed[];
  articles: readonly IndexFileArticle[];
}

/** A file object from its content; optional fields that are undefined are left out so the JSON is clean. */
export function buildIndexFile(content: IndexFileContent): IndexFile {
  return {
    format: INDEX_FILE_FORMAT,
    version: INDEX_FILE_VERSION,
    exportedAt: new Date(content.exportedAt).toISOString(),
    ...(content.generator === undefined ? {} : { generator: content.generator }),
    preferences: content.preferences,
    feeds: content.feeds.map((f) => ({ url: f.url, outletId: f.outletId, section: f.section, enabled: f.enabled })),
    articles: content.articles.map(cleanArticle),
  };
}

/** What closes an index file after its last article. */
export const INDEX_FILE_TAIL = ']}';

/**
 * The file's text up to where its first article goes (`…"articles":[`), for writing the file a piece at
 * a time: then each article as `articleJson`, separated by commas, then INDEX_FILE_TAIL.
 */
export function indexFileHead(content: Omit<IndexFileContent, 'articles'>): string {
  const empty = JSON.stringify(buildIndexFile({ ...content, articles: [] }));
  if (!empty.endsWith(`"articles":[${INDEX_FILE_TAIL}`)) throw new Error('an index file no longer ends with its articles');
  return empty.slice(0, -INDEX_FILE_TAIL.length);
}

/** One article as the file writes it. */
export const articleJson = (article: IndexFileArticle): string => JSON.stringify(cleanArticle(article));

/** The file's fields of an article (a stored article carries more). */
export function cleanArticle(a: IndexFileArticle): IndexFileArticle {
  const row: IndexFileArticle = { id: a.id, url: a.url, title: a.title, published: a.published };
  if (a.description !== undefined) row.description = a.description;
  if (a.outletId !== undefined) row.outletId = a.outletId;
  if (a.publisher !== undefined) row.publisher = a.publisher;
  if (a.host !== undefined) row.host = a.host;
  if (a.feedUrl !== undefined) row.feedUrl = a.feedUrl;
  return row;
}

export type IndexFileValidation = { ok: true; file: IndexFile } | { ok: false; errors: string[] };

/** Validates a parsed JSON value; on failure lists up to `maxErrors` issues, each naming its row. */
export function validateIndexFile(data: unknown, maxErrors = 20): IndexFileValidation {
  // The format and version are checked first: a file of another kind gets one clear error, not thousands.
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, errors: [`file: expected an object, received ${typeName(data)}`] };
  const header = data as { format?: unknown; version?: unknown };
  if (header.format !== INDEX_FILE_FORMAT)
    return { ok: false, errors: [`format: expected "${INDEX_FILE_FORMAT}" (not a Parallax index file)`] };
  if (header.version !== INDEX_FILE_VERSION) {
    return {
      ok: false,
      errors: [
        `version: expected ${INDEX_FILE_VERSION}, received ${JSON.stringify(header.version) ?? 'nothing'} (file written by another version of Parallax)`,
      ],
    };
  }
  const result = IndexFileSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, file: result.data };
  const errors = result.error.issues.slice(0, maxErrors).map(describeIssue);
  if (result.error.issues.length > maxErrors) errors.push(`… and ${result.error.issues.length - maxErrors} more`);
  return { ok: false, errors };
}

/**
 * Reads the file's JSON text as an import does (IndexFileReader: row by row, feeds on a local network
 * left out), as one piece.
 */
export function readIndexFileText(text: string, maxErrors = 20): IndexFileValidation {
  const reader = new IndexFileReader({ maxErrors });
  try {
    reader.push(text);
    const { leftOut: _, ...content } = reader.finish();
    return { ok: true, file: { format: INDEX_FILE_FORMAT, version: INDEX_FILE_VERSION, ...content } };
  } catch (error) {
    if (error instanceof IndexFileError) return { ok: false, errors: error.errors };
    throw error;
  }
}

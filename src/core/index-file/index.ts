/** Build, validate and read the versioned index file, with errors that name the row and the field. */
import type { z } from 'zod';
import type { Preferences } from '../preferences';
import {
  INDEX_FILE_FORMAT,
  INDEX_FILE_VERSION,
  IndexFileSchema,
  type IndexFile,
  type IndexFileArticle,
  type IndexFileFeed,
} from './schema';

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

function cleanArticle(a: IndexFileArticle): IndexFileArticle {
  const row: IndexFileArticle = { id: a.id, url: a.url, title: a.title, published: a.published };
  if (a.description !== undefined) row.description = a.description;
  if (a.outletId !== undefined) row.outletId = a.outletId;
  if (a.publisher !== undefined) row.publisher = a.publisher;
  if (a.host !== undefined) row.host = a.host;
  if (a.feedUrl !== undefined) row.feedUrl = a.feedUrl;
  return row;
}

/** `articles[42].published` from a Zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'file' : out;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

const A_OR_AN = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** One issue as "path: what was expected" — in the words a reader of the file understands. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const received = 'input' in issue ? `, received ${typeName(issue.input)}` : '';
    const missing = 'input' in issue && issue.input === undefined;
    return missing ? `${where}: missing (expected ${A_OR_AN(issue.expected)})` : `${where}: expected ${A_OR_AN(issue.expected)}${received}`;
  }
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
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

/** Parses the file's JSON text and validates it; a JSON syntax error is reported as such. */
export function readIndexFileText(text: string, maxErrors = 20): IndexFileValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`file: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return validateIndexFile(data, maxErrors);
}

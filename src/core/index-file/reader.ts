/**
 * Reads an index file as it arrives, piece by piece (the options page streams it to the worker): each
 * article and feed is validated as soon as it is complete, errors name their row, and a file that is not
 * an index file, or holds more articles than the index keeps, is refused at once rather than at its end.
 * Feeds on the reader's own machine or local network are left out: a file must not make Parallax
 * request such an address.
 */
import type { z } from 'zod';
import type { Preferences } from '../preferences';
import { isLocalNetworkUrl } from '../url/local-network';
import { JsonObjectStream, JsonStreamError } from './json-stream';
import {
  INDEX_FILE_FORMAT,
  INDEX_FILE_VERSION,
  IndexFileArticleSchema,
  IndexFileFeedSchema,
  IndexFileHeaderSchema,
  MAX_INDEX_FILE_ARTICLES,
  MAX_INDEX_FILE_FEEDS,
  type IndexFileArticle,
  type IndexFileFeed,
} from './schema';
import { describeIssue, typeName } from './describe';

/** An index file that cannot be imported; `errors` name the rows ("articles[42].published: …"). */
export class IndexFileError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid index file: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`);
    this.name = 'IndexFileError';
  }
}

/** What a valid file holds, once read to its end. */
export interface IndexFileRead {
  exportedAt: string;
  generator?: string;
  preferences: Preferences;
  feeds: IndexFileFeed[];
  articles: IndexFileArticle[];
  /** Feed URLs on this machine or its local network, left out of `feeds`. */
  leftOut: string[];
}

export interface IndexFileReaderOptions {
  /** Errors listed before "… and N more". */
  maxErrors?: number;
  maxArticles?: number;
}

const STREAMED = new Set(['articles', 'feeds']);
/** Far above any valid row (its fields' limits add up to about 20,000 characters). */
const MAX_ROW_CHARS = 256 * 1024;
/** Far above any valid preferences (four lists of 5,000 entries). */
const MAX_FIELD_CHARS = 8 * 1024 * 1024;

export class IndexFileReader {
  private readonly stream: JsonObjectStream;
  private readonly fields = new Map<string, unknown>();
  private readonly feeds: IndexFileFeed[] = [];
  private readonly articles: IndexFileArticle[] = [];
  private readonly leftOut: string[] = [];
  private readonly feedIndex = new Map<string, number>();
  private readonly errors: string[] = [];
  private issues = 0;
  private readonly maxErrors: number;
  private readonly maxArticles: number;

  constructor(options: IndexFileReaderOptions = {}) {
    this.maxErrors = options.maxErrors ?? 20;
    this.maxArticles = options.maxArticles ?? MAX_INDEX_FILE_ARTICLES;
    this.stream = new JsonObjectStream(
      {
        field: (key, value) => this.field(key, value),
        array: (key) => this.array(key),
        item: (key, index, value) => this.item(key, index, value),
      },
      { streamed: STREAMED, maxItemChars: MAX_ROW_CHARS, maxFieldChars: MAX_FIELD_CHARS },
    );
  }

  /** Articles read so far (valid or not). */
  get articleCount(): number {
    return this.articles.length + this.skippedArticles;
  }
  private skippedArticles = 0;

  /** Reads the next piece of the file's text; throws IndexFileError when the file cannot be imported. */
  push(text: string): void {
    try {
      this.stream.push(text);
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** The file has ended: its content, or IndexFileError listing every problem found (up to maxErrors). */
  finish(): IndexFileRead {
    try {
      this.stream.end();
    } catch (error) {
      throw this.refusal(error);
    }
    for (const key of ['format', 'version', 'exportedAt', 'preferences', 'feeds', 'articles']) {
      if (this.fields.has(key)) continue;
      if (key === 'format') throw new IndexFileError([`format: expected "${INDEX_FILE_FORMAT}" (not a Parallax index file)`]);
      this.issue(`${key}: missing (expected ${key === 'feeds' || key === 'articles' ? 'an array' : 'a value'})`);
    }
    if (this.issues > 0) {
      const more = this.issues - this.errors.length;
      throw new IndexFileError(more > 0 ? [...this.errors, `… and ${more} more`] : this.errors);
    }
    const header = IndexFileHeaderSchema.parse(Object.fromEntries(this.fields));
    return { ...header, feeds: this.feeds, articles: this.articles, leftOut: this.leftOut };
  }

  private refusal(error: unknown): Error {
    if (error instanceof JsonStreamError) return new IndexFileError([`${error.path}: ${error.message}`]);
    return error instanceof Error ? error : new Error(String(error));
  }

  private issue(line: string): void {
    this.issues++;
    if (this.errors.length < this.maxErrors) this.errors.push(line);
  }

  private issuesOf(error: z.ZodError, prefix: PropertyKey[]): void {
    for (const issue of error.issues) this.issue(describeIssue({ ...issue, path: [...prefix, ...issue.path] }));
  }

  private claim(key: string, value: unknown): void {
    if (this.fields.has(key)) throw new IndexFileError([`${key}: appears twice in the file`]);
    this.fields.set(key, value);
  }

  private array(key: string): void {
    this.claim(key, []);
  }

  private field(key: string, value: unknown): void {
    this.claim(key, value);
    if (key === 'format' && value !== INDEX_FILE_FORMAT)
      throw new IndexFileError([`format: expected "${INDEX_FILE_FORMAT}" (not a Parallax index file)`]);
    if (key === 'version' && value !== INDEX_FILE_VERSION) {
      throw new IndexFileError([
        `version: expected ${INDEX_FILE_VERSION}, received ${JSON.stringify(value) ?? 'nothing'} (file written by another version of Parallax)`,
      ]);
    }
    const schema = IndexFileHeaderSchema.shape[key as keyof typeof IndexFileHeaderSchema.shape];
    if (STREAMED.has(key)) this.issue(`${key}: expected an array, received ${typeName(value)}`);
    else if (schema) {
      // Members it does not know are ignored, as the whole-file schema ignores them.
      const checked = schema.safeParse(value, { reportInput: true });
      if (!checked.success) this.issuesOf(checked.error, [key]);
    }
  }

  private item(key: string, index: number, value: unknown): void {
    if (key === 'articles') {
      if (index >= this.maxArticles) {
        const cap = this.maxArticles.toLocaleString('en-US');
        throw new IndexFileError([
          `articles: more than ${cap} articles; Parallax's index keeps at most ${cap}, so this file cannot be imported`,
        ]);
      }
      // A row that is no object at all is told without Zod, whose failures cost ~20 µs each.
      const row = isObject(value) ? IndexFileArticleSchema.safeParse(value, { reportInput: true }) : null;
      if (row?.success) this.articles.push(row.data);
      else {
        this.skippedArticles++;
        if (row) this.issuesOf(row.error, ['articles', index]);
        else this.issue(`articles[${index}]: expected an object, received ${typeName(value)}`);
      }
      return;
    }
    if (index >= MAX_INDEX_FILE_FEEDS) throw new IndexFileError([`feeds: more than ${MAX_INDEX_FILE_FEEDS.toLocaleString('en-US')} feeds`]);
    const row = IndexFileFeedSchema.safeParse(value, { reportInput: true });
    const first = row.success ? this.feedIndex.get(row.data.url) : undefined;
    if (!row.success) this.issuesOf(row.error, ['feeds', index]);
    else if (first !== undefined) this.issue(`feeds[${index}].url: duplicate feed URL (also feeds[${first}])`);
    else {
      this.feedIndex.set(row.data.url, index);
      if (isLocalNetworkUrl(row.data.url)) this.leftOut.push(row.data.url);
      else this.feeds.push(row.data);
    }
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

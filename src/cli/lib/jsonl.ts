/**
 * JSON Lines input for the CLIs: plain or gzipped files, every problem reported with file and line.
 * Node-only (fs, zlib); the core never imports this.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseOptionOverrides } from '../../core/story/batch';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../../core/story/engine';

/** A problem with the user's input: the CLI prints the message and exits non-zero. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface JsonLine {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  value: unknown;
}

/** The text of a file, gunzipped when it starts with the gzip magic bytes. */
export function readTextFile(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new InputError(`${path}: not valid gzip (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Every non-blank line of a JSON Lines file, parsed. Throws InputError naming the first bad line. */
export function readJsonLines(path: string): JsonLine[] {
  const text = readTextFile(path);
  const out: JsonLine[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw.length === 0) continue;
    try {
      out.push({ line, value: JSON.parse(raw) });
    } catch (error) {
      throw new InputError(`${path}:${line}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return out;
}

/** One article line of the cluster/match/eval inputs. */
export interface ArticleRecord {
  id: string;
  title: string;
  /** Epoch milliseconds. */
  published: number;
  description?: string;
  url?: string;
  publisher?: string;
  host?: string;
  /** Gold story label (evaluation input only). */
  story?: string;
  /** Line number in the input file, for messages. */
  line: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(object: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${where}: "${key}" must be a string`);
  return value;
}

/** Validates one parsed line as an article. `published` may be an ISO 8601 string or epoch milliseconds. */
export function toArticleRecord(value: unknown, path: string, line: number, requireStory = false): ArticleRecord {
  const where = `${path}:${line}`;
  if (!isRecord(value)) throw new InputError(`${where}: expected a JSON object per line`);
  const rawId = value.id;
  if (!((typeof rawId === 'string' && rawId.length > 0) || (typeof rawId === 'number' && Number.isFinite(rawId)))) {
    throw new InputError(`${where}: "id" must be a non-empty string or a number`);
  }
  if (typeof value.title !== 'string') throw new InputError(`${where}: "title" must be a string`);
  let published: number;
  if (typeof value.published === 'number' && Number.isFinite(value.published)) {
    published = value.published;
  } else if (typeof value.published === 'string') {
    published = Date.parse(value.published);
    if (Number.isNaN(published)) throw new InputError(`${where}: "published" is not a valid date: ${JSON.stringify(value.published)}`);
  } else {
    throw new InputError(`${where}: "published" must be an ISO 8601 date string or epoch milliseconds`);
  }
  const record: ArticleRecord = { id: String(rawId), title: value.title, published, line };
  const description = optionalString(value, 'description', where);
  if (description !== undefined) record.description = description;
  const url = optionalString(value, 'url', where);
  if (url !== undefined) record.url = url;
  const publisher = optionalString(value, 'publisher', where);
  if (publisher !== undefined) record.publisher = publisher;
  const host = optionalString(value, 'host', where);
  if (host !== undefined) record.host = host;
  const story = value.story;
  if (typeof story === 'string' || typeof story === 'number') record.story = String(story);
  else if (requireStory) throw new InputError(`${where}: "story" label is required for evaluation`);
  return record;
}

/** All articles of a JSON Lines file, validated. Throws InputError naming the first bad line. */
export function readArticles(path: string, requireStory = false): ArticleRecord[] {
  return readJsonLines(path).map(({ line, value }) => toArticleRecord(value, path, line, requireStory));
}

/** The articles in `published` order (stable: ties keep file order). */
export function inPublishedOrder<T extends { published: number }>(articles: readonly T[]): T[] {
  return articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => a.article.published - b.article.published || a.index - b.index)
    .map((entry) => entry.article);
}

/**
 * Runs a CLI body: InputError and usage errors become one clear stderr line and exit code 1 (2 for usage),
 * and stdout is written in one go so that a failure never leaves half a result behind.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function runCli(name: string, help: string, body: (args: string[]) => Promise<string[]> | string[]): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(help.endsWith('\n') ? help : `${help}\n`);
    return;
  }
  try {
    const lines = await body(args);
    const chunkSize = 10_000;
    for (let i = 0; i < lines.length; i += chunkSize) {
      const chunk = `${lines.slice(i, i + chunkSize).join('\n')}\n`;
      if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message}\nRun with --help for usage.\n`);
      process.exitCode = 2;
    } else if (error instanceof InputError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

/** Splits argv into positional arguments and --set overrides. */
export function splitArgs(
  args: readonly string[],
  valueFlags: readonly string[],
): { positional: string[]; sets: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const sets: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--set') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--set needs KEY=VALUE');
      sets.push(value);
    } else if (valueFlags.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, sets, flags };
}

export function optionOverrides(sets: readonly string[]): Partial<EngineOptions> {
  try {
    return parseOptionOverrides(sets);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The --set line of the story CLIs' help, listing every engine option from the engine's own defaults
 * (so the three help texts cannot drift from the options that exist).
 */
export function engineOptionsHelp(suffix = ''): string {
  const words = `override an engine option (${Object.keys(DEFAULT_ENGINE_OPTIONS).join(', ')})${suffix}`.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 78) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return `  --set KEY=VALUE   ${lines.join('\n                    ')}`;
}

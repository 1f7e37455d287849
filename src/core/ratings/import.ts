/**
 * Reader-imported rating providers, from CSV or JSON. Every row is checked; an import with any bad
 * row gives all the errors, each with its row, and no ratings.
 *
 * JSON: {"provider": {id, name, licence, licenceUrl, sourceUrl, date, attribution},
 *        "ratings": [{"outlet", "lean", "factuality"?, "confidence"?, "url"?}, …]}
 *   row = 1-based position in "ratings"; row 0 = the file or the provider block.
 * CSV: provider fields as leading "# key: value" lines, then a header row naming the columns
 *   outlet, lean and optionally factuality, confidence, url; then one outlet per row.
 *   row = 1-based line number in the file; row 0 = the file as a whole.
 * "outlet" is a registry id, or a domain / URL when a resolver is given (see ParseProviderOptions).
 */
import { z } from 'zod';
import { LEANS_7, type Lean7 } from '../types';
import { OUTLET_ID_PATTERN } from '../outlets/schema';
import { readCsv } from './csv';
import {
  CONFIDENCE_LEVELS,
  FACTUALITY_GRADES,
  ratingProviderSchema,
  type Confidence,
  type Factuality,
  type OutletRating,
  type RatingProvider,
} from './schema';

export interface ImportError {
  row: number;
  message: string;
}

export type ProviderFileResult = { ok: true; provider: RatingProvider; ratings: OutletRating[] } | { ok: false; errors: ImportError[] };

export interface ParseProviderOptions {
  /**
   * Maps an "outlet" cell that is not a known id (a domain or URL) to a registry id, or null.
   * Typically `(value) => registry.resolve(value)?.id ?? null`.
   */
  resolveOutlet?: (value: string) => string | null;
  /** Registry ids accepted as they are; when omitted any slug is taken for an id. */
  knownOutletIds?: ReadonlySet<string>;
}

/** Synonyms other rating sources use for points of the 7-point scale. */
const LEAN_SYNONYMS: Record<string, Lean7> = {
  'extreme-left': 'far-left',
  'left-center': 'lean-left',
  'center-left': 'lean-left',
  'centre-left': 'lean-left',
  'left-centre': 'lean-left',
  centre: 'center',
  'least-biased': 'center',
  'center-right': 'lean-right',
  'centre-right': 'lean-right',
  'right-center': 'lean-right',
  'right-centre': 'lean-right',
  'extreme-right': 'far-right',
};

function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** A lean from a cell: a 7-point name (any case, spaces or hyphens), a common synonym, or -3…3. */
export function parseLean(value: string): Lean7 | { error: string } {
  const word = normaliseWord(value);
  if (/^[+-]?\d+$/.test(word)) {
    const point = Number(word);
    if (point >= -3 && point <= 3) return LEANS_7[point + 3];
    return { error: `lean ${value.trim()} is outside -3…3` };
  }
  if ((LEANS_7 as readonly string[]).includes(word)) return word as Lean7;
  const synonym = LEAN_SYNONYMS[word];
  if (synonym !== undefined) return synonym;
  if (word === 'mixed' || word === 'unrated' || word === '') {
    return { error: `"${value.trim()}" is not a lean: leave the outlet out to keep it unrated` };
  }
  return { error: `lean "${value.trim()}" is not one of ${LEANS_7.join(', ')} (or -3…3)` };
}

function parseOptionalEnum<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
): T | undefined | { error: string } {
  if (value === undefined || value.trim() === '') return undefined;
  const word = normaliseWord(value);
  if ((allowed as readonly string[]).includes(word)) return word as T;
  return { error: `${what} "${value.trim()}" is not one of ${allowed.join(', ')}` };
}

interface RawRow {
  row: number;
  outlet: string;
  lean: string;
  factuality?: string;
  confidence?: string;
  url?: string;
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** Stands in for a provider block that failed, so the rows are still checked and reported. */
const PLACEHOLDER_PROVIDER: RatingProvider = {
  id: 'import',
  name: 'import',
  licence: '-',
  licenceUrl: 'https://example.org/',
  sourceUrl: 'https://example.org/',
  date: '2000',
  attribution: '-',
};

const urlSchema = z.url({ protocol: /^https?$/ });

function resolveOutletCell(cell: string, options: ParseProviderOptions): string | { error: string } {
  const value = cell.trim();
  if (value === '') return { error: 'outlet is empty' };
  const looksLikeId = OUTLET_ID_PATTERN.test(value);
  if (looksLikeId && (options.knownOutletIds === undefined || options.knownOutletIds.has(value))) return value;
  if (options.resolveOutlet !== undefined) {
    const id = options.resolveOutlet(value);
    if (id !== null) return id;
    return { error: `outlet "${value}" is not a known outlet id and its domain resolves to no outlet` };
  }
  return { error: `outlet "${value}" is not an outlet id (lowercase slug)` };
}

function convertRows(rows: RawRow[], provider: RatingProvider, options: ParseProviderOptions): ProviderFileResult {
  const errors: ImportError[] = [];
  const ratings: OutletRating[] = [];
  const rowOfOutlet = new Map<string, number>();
  for (const raw of rows) {
    const rowErrors: string[] = [];
    const outletId = resolveOutletCell(raw.outlet, options);
    const lean = parseLean(raw.lean);
    const factuality = parseOptionalEnum<Factuality>(raw.factuality, FACTUALITY_GRADES, 'factuality');
    const confidence = parseOptionalEnum<Confidence>(raw.confidence, CONFIDENCE_LEVELS, 'confidence');
    const url = raw.url === undefined || raw.url.trim() === '' ? undefined : raw.url.trim();
    if (isError(outletId)) rowErrors.push(outletId.error);
    if (isError(lean)) rowErrors.push(lean.error);
    if (isError(factuality)) rowErrors.push(factuality.error);
    if (isError(confidence)) rowErrors.push(confidence.error);
    if (url !== undefined && !urlSchema.safeParse(url).success) rowErrors.push(`url "${url}" is not an http(s) URL`);
    if (!isError(outletId)) {
      const earlier = rowOfOutlet.get(outletId);
      if (earlier !== undefined) rowErrors.push(`outlet "${outletId}" is already rated at row ${earlier}`);
      else rowOfOutlet.set(outletId, raw.row);
    }
    if (rowErrors.length > 0 || isError(outletId) || isError(lean) || isError(factuality) || isError(confidence)) {
      for (const message of rowErrors) errors.push({ row: raw.row, message });
      continue;
    }
    const rating: OutletRating = { outletId, providerId: provider.id, lean };
    if (factuality !== undefined) rating.factuality = factuality;
    if (confidence !== undefined) rating.confidence = confidence;
    if (url !== undefined) rating.url = url;
    ratings.push(rating);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, provider, ratings };
}

function providerErrors(error: z.ZodError): ImportError[] {
  return error.issues.map((issue) => ({
    row: 0,
    message: `provider ${issue.path.length > 0 ? issue.path.join('.') : ''}: ${issue.message}`.replace(' :', ':'),
  }));
}

function cellText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parseJson(text: string, options: ParseProviderOptions): ProviderFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ row: 0, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ row: 0, message: 'expected an object with "provider" and "ratings"' }] };
  }
  const record = data as Record<string, unknown>;
  const provider = ratingProviderSchema.safeParse(record.provider);
  const errors: ImportError[] = provider.success ? [] : providerErrors(provider.error);
  if (!Array.isArray(record.ratings)) {
    errors.push({ row: 0, message: '"ratings" must be an array' });
    return { ok: false, errors };
  }
  const rows: RawRow[] = [];
  record.ratings.forEach((item: unknown, index: number) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row, message: 'expected an object {"outlet", "lean", …}' });
      return;
    }
    const fields = item as Record<string, unknown>;
    const unknownKeys = Object.keys(fields).filter((key) => !['outlet', 'lean', 'factuality', 'confidence', 'url'].includes(key));
    if (unknownKeys.length > 0) errors.push({ row, message: `unknown field(s): ${unknownKeys.join(', ')}` });
    const outlet = cellText(fields.outlet);
    const lean = cellText(fields.lean);
    if (outlet === undefined) errors.push({ row, message: '"outlet" is missing or not a string' });
    if (lean === undefined) errors.push({ row, message: '"lean" is missing or not a string / number' });
    if (outlet === undefined || lean === undefined) return;
    rows.push({
      row,
      outlet,
      lean,
      factuality: cellText(fields.factuality),
      confidence: cellText(fields.confidence),
      url: cellText(fields.url),
    });
  });
  if (!provider.success) {
    // Still check the rows, so the reader sees every problem at once.
    const converted = convertRows(rows, PLACEHOLDER_PROVIDER, options);
    if (!converted.ok) errors.push(...converted.errors);
    return { ok: false, errors: sortErrors(errors) };
  }
  const converted = convertRows(rows, provider.data, options);
  if (errors.length > 0) return { ok: false, errors: sortErrors([...errors, ...(converted.ok ? [] : converted.errors)]) };
  return converted;
}

const PROVIDER_KEYS = ['id', 'name', 'licence', 'licenceUrl', 'sourceUrl', 'date', 'attribution'] as const;
const CSV_COLUMNS = ['outlet', 'lean', 'factuality', 'confidence', 'url'] as const;

function parseCsv(text: string, options: ParseProviderOptions): ProviderFileResult {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.line, message: csv.message }] };
  const errors: ImportError[] = [];
  const metadata: Record<string, string> = {};
  let index = 0;
  for (; index < csv.records.length; index += 1) {
    const record = csv.records[index];
    const first = record.fields[0].trimStart();
    if (!first.startsWith('#')) break;
    const match = /^#\s*([A-Za-z]+)\s*:\s*(.*)$/.exec([first, ...record.fields.slice(1)].join(','));
    if (match === null) continue; // a plain comment
    const key = match[1];
    if (!(PROVIDER_KEYS as readonly string[]).includes(key)) {
      errors.push({ row: record.line, message: `unknown provider field "${key}" (expected ${PROVIDER_KEYS.join(', ')})` });
      continue;
    }
    metadata[key] = match[2].trim();
  }
  const provider = ratingProviderSchema.safeParse(metadata);
  if (!provider.success) {
    for (const issue of provider.error.issues) {
      errors.push({
        row: 0,
        message: `provider ${issue.path.join('.')}: ${issue.message} (give it as a "# ${String(issue.path[0] ?? 'field')}: …" line)`,
      });
    }
  }
  const header = csv.records[index];
  if (header === undefined) {
    errors.push({ row: 0, message: 'no header row (expected columns outlet, lean, …)' });
    return { ok: false, errors };
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const columnIndex = new Map<string, number>();
  columns.forEach((name, position) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      errors.push({ row: header.line, message: `unknown column "${name}" (expected ${CSV_COLUMNS.join(', ')})` });
    else if (columnIndex.has(name)) errors.push({ row: header.line, message: `column "${name}" appears twice` });
    else columnIndex.set(name, position);
  });
  for (const required of ['outlet', 'lean']) {
    if (!columnIndex.has(required)) errors.push({ row: header.line, message: `missing column "${required}"` });
  }
  if (errors.some((error) => error.row === header.line)) return { ok: false, errors };

  const cell = (fields: string[], name: string): string | undefined => {
    const position = columnIndex.get(name);
    return position === undefined ? undefined : fields[position];
  };
  const rows: RawRow[] = [];
  for (const record of csv.records.slice(index + 1)) {
    if (record.fields.length !== columns.length) {
      errors.push({ row: record.line, message: `${record.fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    rows.push({
      row: record.line,
      outlet: cell(record.fields, 'outlet') ?? '',
      lean: cell(record.fields, 'lean') ?? '',
      factuality: cell(record.fields, 'factuality'),
      confidence: cell(record.fields, 'confidence'),
      url: cell(record.fields, 'url'),
    });
  }
  const converted = convertRows(rows, provider.success ? provider.data : PLACEHOLDER_PROVIDER, options);
  if (!converted.ok) errors.push(...converted.errors);
  if (errors.length > 0 || !provider.success) return { ok: false, errors: sortErrors(errors) };
  return converted;
}

function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}

/** Reads a provider file a reader imports. See the file comment for both formats. */
export function parseProviderFile(text: string, format: 'csv' | 'json', options: ParseProviderOptions = {}): ProviderFileResult {
  return format === 'json' ? parseJson(text, options) : parseCsv(text, options);
}

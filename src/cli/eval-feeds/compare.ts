/**
 * eval-feeds: how one expectation is checked against the parser's output. Each comparison is lenient in
 * the ways the help text documents (visible text, resolved links, dates to the second).
 */

import { htmlToText } from '../../core/feeds/index';
import type { FeedEntry, FeedParseResult, ParsedFeed } from '../../core/types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Check {
  source: string;
  file: string;
  path: string;
  expected: Json;
  actual: Json | undefined;
  /** differs: fails, for a reason that is one library's particular choice (see knownDifference). */
  status: 'met' | 'failed' | 'na' | 'differs';
  implSpecific?: boolean;
  reason?: string;
}

export function visible(text: string): string {
  return htmlToText(text).replace(/[\s\u00a0]+/g, '');
}

export function sameText(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null || visible(expected) === '') return actual === null || actual === undefined || actual === '';
  if (actual === null || actual === undefined) return false;
  return visible(expected) === visible(actual);
}

function normaliseUrl(value: string): string {
  try {
    return new URL(value.trim()).href;
  } catch {
    return value.trim();
  }
}

export function sameLink(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null || expected === '') return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  if (expected.trim() === actual || normaliseUrl(expected) === normaliseUrl(actual)) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(expected.trim())) {
    // Ours resolved a relative link the reference left as written.
    const relative = expected
      .trim()
      .replace(/^(\.\/)+/, '')
      .replace(/^\/+/, '');
    let decoded = actual;
    try {
      decoded = decodeURI(normaliseUrl(actual));
    } catch {
      // keep as is
    }
    return /^[a-z][a-z0-9+.-]*:/i.test(actual) && (normaliseUrl(actual).endsWith(relative) || decoded.endsWith(relative));
  }
  return false;
}

export function sameDate(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  // To the second: the reference parsers drop fractions of seconds.
  return Math.floor(Date.parse(expected) / 1000) === Math.floor(Date.parse(actual) / 1000);
}

export function sameAuthor(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null || expected.trim() === '') return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const e = expected.replace(/\s+/g, ' ').trim();
  return e === actual || e.includes(actual);
}

export type FieldKind = 'text' | 'link' | 'date' | 'id' | 'author' | 'count';

const ENTRY_FIELDS: Record<string, { field: keyof FeedEntry; kind: FieldKind }> = {
  title: { field: 'title', kind: 'text' },
  link: { field: 'link', kind: 'link' },
  id: { field: 'id', kind: 'id' },
  summary: { field: 'summary', kind: 'text' },
  published: { field: 'published', kind: 'date' },
  updated: { field: 'updated', kind: 'date' },
  author: { field: 'author', kind: 'author' },
  author_name: { field: 'author', kind: 'author' },
  image: { field: 'image', kind: 'link' },
};

export function compare(kind: FieldKind, expected: Json, actual: Json | undefined): boolean {
  const e = typeof expected === 'string' ? expected : expected === null ? null : String(expected);
  const a = actual === undefined || actual === null ? null : String(actual);
  switch (kind) {
    case 'text':
      return sameText(e, a);
    case 'link':
      return sameLink(e, a);
    case 'date':
      return sameDate(e, a);
    case 'id':
      return (e ?? '').trim() === (a ?? '');
    case 'author':
      return sameAuthor(e, a);
    case 'count':
      return Number(expected) === Number(actual);
  }
}

/** Resolves a vocabulary path ("feed.title", "entries.3.link", "entries.length") against ours. */
export function lookUp(
  feed: ParsedFeed,
  path: string,
  entryIndex: (n: number) => number = (n) => n,
): { kind: FieldKind; value: Json | undefined } | null {
  const parts = path.split('.');
  if (path === 'entries.length') return { kind: 'count', value: feed.entries.length };
  if (parts[0] === 'feed' && parts.length === 2) {
    if (parts[1] === 'title') return { kind: 'text', value: feed.title };
    if (parts[1] === 'link') return { kind: 'link', value: feed.link };
    return null;
  }
  if (parts[0] === 'entries' && parts.length === 3) {
    const spec = ENTRY_FIELDS[parts[2]];
    if (!spec) return null;
    const entry = feed.entries[entryIndex(Number(parts[1]))];
    return { kind: spec.kind, value: entry ? entry[spec.field] : undefined };
  }
  return null;
}

export function check(
  source: string,
  file: string,
  path: string,
  expected: Json,
  result: FeedParseResult,
  checks: Check[],
  extra: Partial<Check> = {},
  entryIndex?: (n: number) => number,
): void {
  if (!result.ok && path === 'entries.length' && expected === 0) {
    checks.push({ source, file, path, expected, actual: 0, status: 'met', reason: `not a feed: ${result.error}`, ...extra });
    return;
  }
  if (!result.ok) {
    checks.push({ source, file, path, expected, actual: undefined, status: 'failed', reason: `parse error: ${result.error}`, ...extra });
    return;
  }
  const match = /^entries\.(\d+)\./.exec(path);
  if (match && entryIndex && entryIndex(Number(match[1])) < 0) {
    checks.push({
      source,
      file,
      path,
      expected,
      actual: undefined,
      status: 'na',
      reason: 'entry removed by our policy (duplicate, empty or nested item)',
      ...extra,
    });
    return;
  }
  const target = lookUp(result.feed, path, entryIndex);
  if (target === null) {
    checks.push({ source, file, path, expected, actual: undefined, status: 'na', reason: 'field outside the feeds contract', ...extra });
    return;
  }
  const met = compare(target.kind, expected, target.value);
  checks.push({ source, file, path, expected, actual: target.value ?? null, status: met ? 'met' : 'failed', ...extra });
}

/**
 * Maps an expected entry index to ours. When we dropped entries (duplicates, empty or nested
 * items) the indices shift, so expected entries are matched by id, else by link; -1 = dropped.
 */
export function aligner(feed: ParsedFeed, expectations: Record<string, Json>[]): ((n: number) => number) | undefined {
  const count = expectations.find((e) => e.path === 'entries.length');
  if (count === undefined || Number(count.equals) === feed.entries.length) return undefined;
  const keys = new Map<number, { id?: string; link?: string }>();
  for (const e of expectations) {
    const m = /^entries\.(\d+)\.(id|link)$/.exec(String(e.path));
    if (!m || typeof e.equals !== 'string') continue;
    const key = keys.get(Number(m[1])) ?? {};
    key[m[2] as 'id' | 'link'] = e.equals;
    keys.set(Number(m[1]), key);
  }
  const used = new Set<number>();
  const mapping = new Map<number, number>();
  // Expected entries with neither id nor link cannot be matched: treated as dropped.
  for (const e of expectations) {
    const m = /^entries\.(\d+)\./.exec(String(e.path));
    if (m && !keys.has(Number(m[1]))) mapping.set(Number(m[1]), -1);
  }
  for (const [n, key] of [...keys.entries()].sort((a, b) => a[0] - b[0])) {
    const found = feed.entries.findIndex(
      (entry, i) =>
        !used.has(i) && (key.id !== undefined ? entry.id === key.id.trim() : key.link !== undefined && sameLink(key.link, entry.link)),
    );
    if (found >= 0) used.add(found);
    mapping.set(n, found);
  }
  return (n) => mapping.get(n) ?? n;
}

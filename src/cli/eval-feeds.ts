/**
 * `npx tsx src/cli/eval-feeds.ts DIR`: runs the feed parser over the feeds-dev corpus and scores
 * it against the expected outputs that come with it.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { htmlToText, parseFeed } from '../core/feeds/index';
import type { FeedEntry, FeedParseResult, ParsedFeed } from '../core/types';

const HELP = `Usage: npx tsx src/cli/eval-feeds.ts [--failures] DIR

DIR is a feeds-dev folder (manifest.jsonl, rss-parser/, feed-rs/, node-feedparser/,
reference-feedparser.jsonl). Every feed of the manifest is read as the feeds CLI reads it (gzip
magic bytes → decompressed) and parsed. Printed, as JSON Lines:
  {"summary":"run"}: feeds answered (a result, ok or not), crashed (the parser threw, or caught its
    own exception as "parser error"), ok, errors (clean ok:false answers such as "not a feed");
  one {"source": ...} line per expectation source: checks met, failed, differsByLibraryChoice,
    notApplicable, and implSpecific (checks the upstream file itself flags as one library's choice);
  one {"error": file, "message"} line per feed answered ok:false;
  with --failures, one line per check not met: file, path, expected, actual, reason.
A check that is not met is "differsByLibraryChoice" only when a narrow, named rule recognises the
expected value as that library's particular choice (e.g. feed-rs's generated hash ids, xml2js
reordering text, feedparser using a tag: id as link, rss-parser's mojibake golden); the reason is
printed with --failures. Everything else not met counts as "failed".
When we drop entries (duplicates, empty or nested items), expected entries are matched to ours by
id, else link; an expected entry we dropped is "not applicable" for its fields.

How each comparison is made (ours = the parser's output):
  text (titles, summaries): both sides reduced to visible text (tags and scripts dropped,
    entities decoded) and compared ignoring all whitespace, since libraries differ in whether
    a removed <p> leaves a space;
  links: equal as written or as resolved URLs; an expected relative link is met when ours is
    its resolution (the reference parser leaves relative links unresolved when given no URL);
  dates: the same instant, to the second (the libraries drop fractions of seconds);
  ids: equal after trimming;
  authors: equal to the expected name (or contained in the expected raw "email (Name)" value);
  counts: equal.
  Fields outside the feeds contract (feed.image, feed.id, feed.description, categories,
  enclosures, entry content) are counted as "not applicable", not as met.
Sources:
  node-feedparser  node-feedparser/expectations.jsonl; "error" lines are checked on the raw bytes
                   (the upstream test feeds raw gzip bytes), "base_url" is passed as the document URL;
                   checks flagged impl_specific are reported apart.
  reference        reference-feedparser.jsonl (Python feedparser 6.0.14: one mature parser, not truth);
                   "author" is checked through "author_name" when both exist; gzip files are
                   compared on their raw bytes, as the reference read them.
  rss-parser       rss-parser/output/*.json goldens: feed title/link, items count, item title,
                   link, guid→id, isoDate→published, creator→author; summary is met when it equals
                   the visible text of content, contentSnippet, summary or content:encoded, or
                   starts with a snippet (100+ characters or ending in "...").
  feed-rs          feed-rs/fixture/**/*.serde.json: title, links (ours must be one of them), id
                   (not checked when ours is null: feed-rs invents ids), published, updated,
                   summary (or content body), authors (ours must be one of them).
  failure          feeds the manifest notes as "should fail" (HTML pages, gzip bytes, truncated).

Options: --failures  also list every check not met, with its reason; -h, --help  this text.
Exit status: 0 when the run completes, 1 when DIR has no manifest.jsonl, 2 on bad usage.`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Check {
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

function visible(text: string): string {
  return htmlToText(text).replace(/[\s\u00a0]+/g, '');
}

function sameText(expected: string | null, actual: string | null | undefined): boolean {
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

function sameLink(expected: string | null, actual: string | null | undefined): boolean {
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

function sameDate(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  // To the second: the reference parsers drop fractions of seconds.
  return Math.floor(Date.parse(expected) / 1000) === Math.floor(Date.parse(actual) / 1000);
}

function sameAuthor(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null || expected.trim() === '') return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const e = expected.replace(/\s+/g, ' ').trim();
  return e === actual || e.includes(actual);
}

function readBytes(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return new Uint8Array(gunzipSync(bytes));
    } catch {
      return bytes;
    }
  }
  return bytes;
}

function readJsonLines(path: string): Record<string, Json>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, Json>);
}

type FieldKind = 'text' | 'link' | 'date' | 'id' | 'author' | 'count';

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

function compare(kind: FieldKind, expected: Json, actual: Json | undefined): boolean {
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
function lookUp(
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

function check(
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

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length && short.length > 0;
}

function sortedChars(text: string): string {
  return [...visible(text)].sort().join('');
}

/**
 * Why a failed check is one library's particular choice rather than a defect of ours, or null.
 * Each rule is narrow (a source, a field, a recognisable pattern) so real regressions still fail.
 */
function knownDifference(c: Check, result: FeedParseResult | undefined): string | null {
  const e = c.expected;
  const a = c.actual;
  const field = c.path.replace(/^entries\.\d+\./, 'entry.');
  const entry = result?.ok ? result.feed.entries[Number(/^entries\.(\d+)\./.exec(c.path)?.[1] ?? -1)] : undefined;
  const warnings = result?.ok ? result.warnings.join(' ') : '';
  if (c.path === '(error)' || (result && !result.ok)) {
    if (result && !result.ok && c.file.includes('fixture/xml/'))
      return 'the manifest calls this generic XML fixture "not a feed"; ours refuses <rdf> without the RDF namespace';
    if (result && !result.ok && /ends before its first entry/.test(result.error))
      return 'truncated feed without entries: the manifest says it should fail; ours refuses it';
    return null;
  }
  if (
    c.path === 'entries.length' &&
    typeof a === 'number' &&
    typeof e === 'number' &&
    a < e &&
    /duplicate|empty entr|nested inside/.test(warnings)
  ) {
    return `ours removes duplicate (same guid/link), empty or nested items: ${warnings.match(/\d+ (?:duplicate|empty|<item>)[^;]*?(?=\s*\d+ |$)/g)?.join('; ') ?? ''}`;
  }
  if (c.source === 'rss-parser') {
    if (typeof e === 'string' && e.includes('\uFFFD')) return 'golden is mojibake: rss-parser decoded ISO-8859-1 bytes as UTF-8';
    if (e === 'EMPTY') return 'golden made with the xml2js emptyTag: "EMPTY" option';
    if (typeof e === 'string' && typeof a === 'string' && sortedChars(e) === sortedChars(a))
      return 'same text; xml2js reorders text around child elements';
    if (field === 'entry.published' && a === null && entry && sameDate(String(e), entry.updated))
      return "rss-parser's isoDate falls back to <updated>; ours gives it as updated and leaves published null";
    if (field === 'entry.author' && e === '' && a !== null) return 'rss-parser reads only dc:creator; ours falls back to <author>';
    if (field === 'entry.summary' && typeof e === 'string' && typeof a === 'string' && isSubsequence(visible(e), visible(a)))
      return 'xml2js drops the text inside child elements (<a>...</a>)';
    if (
      field === 'entry.summary' &&
      typeof e === 'string' &&
      typeof a === 'string' &&
      e.includes('&lt;') &&
      isSubsequence(visible(htmlToText(e)), visible(a))
    ) {
      return 'the golden keeps double-escaped HTML as text; ours unescapes it (and xml2js drops text inside links)';
    }
  }
  if (c.source === 'feed-rs') {
    if (field === 'entry.id' && typeof e === 'string' && /^[0-9a-f]{32}$/.test(e))
      return 'feed-rs generates a hash id for RSS 1.0 items; ours uses rdf:about';
    if (field === 'entry.updated' && a === null && entry && sameDate(String(e), entry.published))
      return 'feed-rs copies pubDate into updated';
    if (field === 'entry.author' && Array.isArray(e) && e.length === 1 && e[0] === 'author')
      return 'feed-rs gives the placeholder name "author" for an "email (Name)" value';
  }
  if (c.source === 'reference') {
    if (field === 'entry.id' && typeof e === 'string' && e.startsWith('/') && e.slice(1) === a)
      return 'feedparser resolves the id against xml:base';
    if ((field === 'entry.link' || c.path === 'feed.link') && a === null && typeof e === 'string' && !/^https?:/i.test(e))
      return 'feedparser uses the (non-http) id as link; ours leaves link null when there is none';
    if (
      field === 'entry.summary' &&
      typeof e === 'string' &&
      typeof a === 'string' &&
      visible(e).endsWith(visible(a)) &&
      visible(e).length - visible(a).length < 20
    ) {
      return 'feedparser keeps text ours drops (SVG <text> drawing) or reads itunes:summary first';
    }
    if (field.startsWith('entry.author') && /\.json$/.test(c.file))
      return 'feedparser reads JSON Feed 1.0 "author"; ours the 1.1 "authors" list, as the 1.1 spec says';
    if (field === 'entry.link' && c.file.includes('item-scoped-html-base'))
      return "feedparser lets an item's xml:base leak into the next item (node-feedparser expects it not to)";
    if (field === 'entry.published' && typeof e === 'string' && typeof a === 'string' && Date.parse(a) - Date.parse(e) === 12 * 3600_000)
      return 'feedparser ignores "PM" in "02:02:33 PM"';
  }
  if (field === 'entry.image' && typeof e === 'string' && typeof a === 'string')
    return 'several pictures: ours takes the widest media rendition, the reference the first';
  if (field === 'entry.summary' && typeof a === 'string' && c.file.includes('ch9'))
    return 'feedparser prefers itunes:summary to description';
  if (field === 'entry.summary' && a === 'Some text' && c.file.includes('newscred'))
    return 'feedparser prefers media:description to Atom content';
  return null;
}

/**
 * Maps an expected entry index to ours. When we dropped entries (duplicates, empty or nested
 * items) the indices shift, so expected entries are matched by id, else by link; -1 = dropped.
 */
function aligner(feed: ParsedFeed, expectations: Record<string, Json>[]): ((n: number) => number) | undefined {
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

function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const showFailures = argv.includes('--failures');
  const positional = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-') && !['--failures', '--'].includes(a));
  if (positional.length !== 1 || unknown.length > 0) {
    process.stderr.write(`eval-feeds: expected exactly one DIR${unknown.length ? ` (unknown option ${unknown[0]})` : ''}\n${HELP}\n`);
    return 2;
  }
  const dir = positional[0];
  const manifestPath = join(dir, 'manifest.jsonl');
  if (!existsSync(manifestPath)) {
    process.stderr.write(`eval-feeds: ${manifestPath} not found\n`);
    return 1;
  }
  const manifest = readJsonLines(manifestPath);
  const results = new Map<string, FeedParseResult>();
  let answered = 0;
  let crashed = 0;
  let ok = 0;
  const crashes: string[] = [];
  for (const item of manifest) {
    const file = String(item.file);
    try {
      const result = parseFeed(gunzipIfNeeded(readBytes(join(dir, file))));
      results.set(file, result);
      // parseFeed turns an internal exception into "parser error: ...": that is a crash too.
      if (!result.ok && result.error.startsWith('parser error:')) {
        crashed++;
        crashes.push(`${file}: ${result.error}`);
      } else answered++;
      if (result.ok) ok++;
    } catch (error) {
      crashed++;
      crashes.push(`${file}: ${(error as Error).message}`);
      results.set(file, { ok: false, error: `crash: ${(error as Error).message}` });
    }
  }
  console.log(JSON.stringify({ summary: 'run', feeds: manifest.length, answered, crashed, ok, errors: answered - ok, crashes }));
  for (const [file, result] of results) if (!result.ok) console.log(JSON.stringify({ error: file, message: result.error }));

  const checks: Check[] = [];

  // node-feedparser expectations.
  const nodePath = join(dir, 'node-feedparser/expectations.jsonl');
  if (existsSync(nodePath)) {
    for (const line of readJsonLines(nodePath)) {
      const file = String(line.file);
      if (line.error === true) {
        const raw = parseFeed(readBytes(join(dir, file)));
        checks.push({
          source: 'node-feedparser',
          file,
          path: '(error)',
          expected: true,
          actual: !raw.ok,
          status: raw.ok ? 'failed' : 'met',
          reason: raw.ok ? 'parsed as a feed' : undefined,
        });
        continue;
      }
      const baseUrl = typeof line.base_url === 'string' ? line.base_url : undefined;
      const result = baseUrl
        ? parseFeed(gunzipIfNeeded(readBytes(join(dir, file))), { url: baseUrl })
        : (results.get(file) as FeedParseResult);
      for (const expectation of (line.expect as Record<string, Json>[]) ?? []) {
        const path = String(expectation.path);
        const implSpecific = expectation.impl_specific === true;
        if ('matches' in expectation) {
          const pattern = new RegExp(String(expectation.matches));
          const target = result.ok ? lookUp(result.feed, path) : null;
          const value = target?.value;
          const met = typeof value === 'string' && pattern.test(value);
          checks.push({
            source: 'node-feedparser',
            file,
            path,
            expected: `~/${String(expectation.matches)}/`,
            actual: value ?? null,
            status: met ? 'met' : 'failed',
            implSpecific,
            reason: met
              ? undefined
              : implSpecific
                ? "expects node-feedparser's HTML markup; our summary is plain text by contract"
                : undefined,
          });
          continue;
        }
        check('node-feedparser', file, path, expectation.equals, result, checks, { implSpecific });
      }
    }
  }

  // Python feedparser reference.
  const referencePath = join(dir, 'reference-feedparser.jsonl');
  if (existsSync(referencePath)) {
    for (const line of readJsonLines(referencePath)) {
      const file = String(line.file);
      const rawBytes = readBytes(join(dir, file));
      // The reference read the raw bytes: gzip files are compared as such.
      const result = rawBytes[0] === 0x1f && rawBytes[1] === 0x8b ? parseFeed(rawBytes) : results.get(file);
      if (!result) continue;
      const expectations = (line.expect as Record<string, Json>[]) ?? [];
      const entryIndex = result.ok ? aligner(result.feed, expectations) : undefined;
      const hasAuthorName = new Set(
        expectations.filter((e) => String(e.path).endsWith('.author_name')).map((e) => String(e.path).replace(/_name$/, '')),
      );
      for (const expectation of expectations) {
        const path = String(expectation.path);
        if (hasAuthorName.has(path)) continue; // the raw "author" is checked through author_name
        const expected = 'text' in expectation ? expectation.text : expectation.equals;
        check('reference', file, path, expected, result, checks, {}, entryIndex);
      }
    }
  }

  // rss-parser goldens.
  for (const item of manifest) {
    const file = String(item.file);
    const expected = Array.isArray(item.expected) ? item.expected.map(String) : [];
    const golden = expected.find((p) => p.startsWith('rss-parser/output/'));
    if (!golden) continue;
    const bytes = readBytes(join(dir, golden));
    const text = new TextDecoder(golden.endsWith('encoding.json') ? 'latin1' : 'utf-8').decode(bytes);
    const feed = (JSON.parse(text) as { feed: Record<string, Json> }).feed;
    const result = results.get(file) as FeedParseResult;
    if (typeof feed.title === 'string') check('rss-parser', file, 'feed.title', feed.title, result, checks);
    if (typeof feed.link === 'string') check('rss-parser', file, 'feed.link', feed.link, result, checks);
    const items = Array.isArray(feed.items) ? (feed.items as Record<string, Json>[]) : [];
    check('rss-parser', file, 'entries.length', items.length, result, checks);
    items.forEach((golden_, i) => {
      if (typeof golden_.title === 'string') check('rss-parser', file, `entries.${i}.title`, golden_.title, result, checks);
      if (typeof golden_.link === 'string') check('rss-parser', file, `entries.${i}.link`, golden_.link, result, checks);
      if (typeof golden_.guid === 'string') check('rss-parser', file, `entries.${i}.id`, golden_.guid, result, checks);
      if (typeof golden_.isoDate === 'string') check('rss-parser', file, `entries.${i}.published`, golden_.isoDate, result, checks);
      if (typeof golden_.creator === 'string') check('rss-parser', file, `entries.${i}.author`, golden_.creator, result, checks);
      const candidates = ['content', 'contentSnippet', 'summary', 'content:encoded']
        .map((k) => golden_[k])
        .filter((v): v is string => typeof v === 'string');
      if (candidates.length > 0 && result.ok) {
        const actual = result.feed.entries[i]?.summary ?? null;
        const met = candidates.some(
          (c) =>
            sameText(c, actual) ||
            (c.endsWith('...') || c.length >= 100 ? actual !== null && visible(actual).startsWith(visible(c)) : false),
        );
        checks.push({
          source: 'rss-parser',
          file,
          path: `entries.${i}.summary`,
          expected: candidates[0],
          actual,
          status: met ? 'met' : 'failed',
        });
      }
    });
  }

  // feed-rs serde goldens.
  for (const item of manifest) {
    const file = String(item.file);
    const expected = Array.isArray(item.expected) ? item.expected.map(String) : [];
    const golden = expected.find((p) => p.endsWith('.serde.json'));
    if (!golden) continue;
    const model = JSON.parse(readFileSync(join(dir, golden), 'utf8')) as Record<string, Json>;
    const result = results.get(file) as FeedParseResult;
    const content = (v: Json): string | null =>
      v && typeof v === 'object' && !Array.isArray(v) && typeof v.content === 'string' ? v.content : null;
    const hrefs = (v: Json): string[] =>
      Array.isArray(v) ? v.map((l) => (l && typeof l === 'object' && !Array.isArray(l) ? String(l.href) : '')) : [];
    const oneOf = (
      path: string,
      options: string[],
      actual: string | null | undefined,
      compareOne: (e: string, a: string | null | undefined) => boolean,
    ): void => {
      const met = options.length === 0 ? actual === null : options.some((o) => compareOne(o, actual));
      checks.push({ source: 'feed-rs', file, path, expected: options, actual: actual ?? null, status: met ? 'met' : 'failed' });
    };
    if (!result.ok) {
      check('feed-rs', file, 'entries.length', (model.entries as Json[]).length, result, checks);
      continue;
    }
    const title = content(model.title);
    if (title !== null) check('feed-rs', file, 'feed.title', title, result, checks);
    const feedLinks = hrefs(model.links).filter((_h, i) => {
      const links = model.links as Record<string, Json>[];
      return links[i].rel !== 'self' && links[i].rel !== 'hub';
    });
    if (feedLinks.length > 0) oneOf('feed.link', feedLinks, result.feed.link, sameLink);
    const entries = Array.isArray(model.entries) ? (model.entries as Record<string, Json>[]) : [];
    check('feed-rs', file, 'entries.length', entries.length, result, checks);
    entries.forEach((entry, i) => {
      const ours = result.feed.entries[i];
      const entryTitle = content(entry.title);
      if (entryTitle !== null) check('feed-rs', file, `entries.${i}.title`, entryTitle, result, checks);
      const links = hrefs(entry.links);
      if (links.length > 0) oneOf(`entries.${i}.link`, links, ours?.link, sameLink);
      if (typeof entry.id === 'string') {
        if (ours && ours.id === null)
          checks.push({
            source: 'feed-rs',
            file,
            path: `entries.${i}.id`,
            expected: entry.id,
            actual: null,
            status: 'na',
            reason: 'feed-rs generates ids; ours is null when the feed gives none',
          });
        else check('feed-rs', file, `entries.${i}.id`, entry.id, result, checks);
      }
      if (typeof entry.published === 'string') check('feed-rs', file, `entries.${i}.published`, entry.published, result, checks);
      if (typeof entry.updated === 'string') check('feed-rs', file, `entries.${i}.updated`, entry.updated, result, checks);
      const summary = content(entry.summary);
      const body =
        entry.content && typeof entry.content === 'object' && !Array.isArray(entry.content) && typeof entry.content.body === 'string'
          ? entry.content.body
          : null;
      if (summary !== null || body !== null) {
        const options = [summary, body].filter((v): v is string => v !== null);
        oneOf(`entries.${i}.summary`, options, ours?.summary, sameText);
      }
      const authors = Array.isArray(entry.authors)
        ? entry.authors.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? String(a.name) : '')).filter((n) => n !== '')
        : [];
      if (authors.length > 0) oneOf(`entries.${i}.author`, authors, ours?.author, sameAuthor);
    });
  }

  // Files the manifest says must fail.
  for (const item of manifest) {
    const file = String(item.file);
    const note = String(item.notes ?? item.note ?? '');
    if (!/should fail|not a feed|HTML .*page|expects error|expects a parse error/i.test(note)) continue;
    const result = results.get(file) as FeedParseResult;
    checks.push({
      source: 'failure',
      file,
      path: '(error)',
      expected: true,
      actual: !result.ok,
      status: result.ok ? 'failed' : 'met',
      reason: result.ok ? 'parsed as a feed' : undefined,
    });
  }

  for (const c of checks) {
    if (c.status !== 'failed' || c.implSpecific) continue;
    const reason = knownDifference(c, results.get(c.file));
    if (reason !== null) {
      c.status = 'differs';
      c.reason = reason;
    }
  }
  const sources = [...new Set(checks.map((c) => c.source))];
  for (const source of sources) {
    const mine = checks.filter((c) => c.source === source);
    const general = mine.filter((c) => !c.implSpecific);
    const specific = mine.filter((c) => c.implSpecific);
    console.log(
      JSON.stringify({
        source,
        checks: mine.length,
        met: general.filter((c) => c.status === 'met').length,
        failed: general.filter((c) => c.status === 'failed').length,
        differsByLibraryChoice: general.filter((c) => c.status === 'differs').length,
        notApplicable: general.filter((c) => c.status === 'na').length,
        implSpecific: {
          met: specific.filter((c) => c.status === 'met').length,
          failed: specific.filter((c) => c.status === 'failed').length,
        },
      }),
    );
  }
  if (showFailures) {
    for (const c of checks) {
      if (c.status !== 'failed' && c.status !== 'differs') continue;
      const clip = (v: Json | undefined): Json | undefined => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v);
      console.log(
        JSON.stringify({
          [c.status]: c.source,
          file: c.file,
          path: c.path,
          expected: clip(c.expected),
          actual: clip(c.actual),
          implSpecific: c.implSpecific,
          reason: c.reason,
        }),
      );
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

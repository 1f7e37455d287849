/**
 * eval-feeds: the checks each expectation source of the corpus asks for (see the help text of
 * eval-feeds.ts for what each source is and how it is read).
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../../core/feeds/index';
import type { FeedParseResult } from '../../core/types';
import { aligner, type Check, check, type Json, lookUp, sameAuthor, sameLink, sameText, visible } from './compare';
import { gunzipIfNeeded, readBytes, readJsonLines } from './corpus';

/** The corpus as parsed once: each manifest line, and each file's result. */
export interface Corpus {
  dir: string;
  manifest: Record<string, Json>[];
  results: Map<string, FeedParseResult>;
}

/** The check that a file is refused (not a feed, broken). */
function mustFail(source: string, file: string, result: FeedParseResult): Check {
  return {
    source,
    file,
    path: '(error)',
    expected: true,
    actual: !result.ok,
    status: result.ok ? 'failed' : 'met',
    reason: result.ok ? 'parsed as a feed' : undefined,
  };
}

/** node-feedparser/expectations.jsonl. */
export function nodeFeedparserChecks({ dir, results }: Corpus, checks: Check[]): void {
  const nodePath = join(dir, 'node-feedparser/expectations.jsonl');
  if (existsSync(nodePath)) {
    for (const line of readJsonLines(nodePath)) {
      const file = String(line.file);
      if (line.error === true) {
        checks.push(mustFail('node-feedparser', file, parseFeed(readBytes(join(dir, file)))));
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
}

/** reference-feedparser.jsonl (Python feedparser 6.0.14). */
export function referenceChecks({ dir, results }: Corpus, checks: Check[]): void {
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
}

/** Each feed of the manifest that has an expected-output file `isGolden` recognises, with that file. */
function withGolden(manifest: Corpus['manifest'], isGolden: (path: string) => boolean): { file: string; golden: string }[] {
  return manifest.flatMap((item) => {
    const golden = (Array.isArray(item.expected) ? item.expected.map(String) : []).find(isGolden);
    return golden === undefined ? [] : [{ file: String(item.file), golden }];
  });
}

/** rss-parser/output/*.json goldens. */
export function rssParserChecks({ dir, manifest, results }: Corpus, checks: Check[]): void {
  for (const { file, golden } of withGolden(manifest, (path) => path.startsWith('rss-parser/output/'))) {
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
}

/** feed-rs serde goldens (feed-rs/fixture, *.serde.json). */
export function feedRsChecks({ dir, manifest, results }: Corpus, checks: Check[]): void {
  for (const { file, golden } of withGolden(manifest, (path) => path.endsWith('.serde.json'))) {
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
}

/** Feeds the manifest notes as "should fail". */
export function failureChecks({ manifest, results }: Corpus, checks: Check[]): void {
  for (const item of manifest) {
    const file = String(item.file);
    const note = String(item.notes ?? item.note ?? '');
    if (!/should fail|not a feed|HTML .*page|expects error|expects a parse error/i.test(note)) continue;
    checks.push(mustFail('failure', file, results.get(file) as FeedParseResult));
  }
}

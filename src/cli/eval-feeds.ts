/**
 * `npx tsx src/cli/eval-feeds.ts DIR`: runs the feed parser over the feeds-dev corpus and scores
 * it against the expected outputs that come with it. The checks each source asks for are in
 * eval-feeds/sources.ts, how one is compared in eval-feeds/compare.ts, and the failures that are one
 * library's choice in eval-feeds/known-differences.ts.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../core/feeds/index';
import type { FeedParseResult } from '../core/types';
import type { Check, Json } from './eval-feeds/compare';
import { gunzipIfNeeded, readBytes, readJsonLines } from './eval-feeds/corpus';
import { knownDifference } from './eval-feeds/known-differences';
import { type Corpus, failureChecks, feedRsChecks, nodeFeedparserChecks, referenceChecks, rssParserChecks } from './eval-feeds/sources';

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
  const corpus: Corpus = { dir, manifest, results };
  for (const add of [nodeFeedparserChecks, referenceChecks, rssParserChecks, feedRsChecks, failureChecks]) add(corpus, checks);

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

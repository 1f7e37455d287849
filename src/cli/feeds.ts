/**
 * `npm run --silent feeds -- FILE...`: parses feed files, one JSON line per file on stdout.
 */

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../core/feeds/index';
import type { FeedParseResult } from '../core/types';

const HELP = `Usage: npm run --silent feeds -- [--url URL] [--warnings] FILE...

Parses each FILE as a feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.x) and prints one
JSON line per file, in the order given:
  {"file","ok":true,"feed":{"title","link","entries":[{"title","link","id","published",
   "updated","summary","author","image"}]}}
  {"file","ok":false,"error"}
Titles and summaries are plain text; dates ISO 8601 UTC; missing values null.
Gzip-compressed files are recognised by their magic bytes and decompressed.

Options:
  --url URL     base URL for relative links (the URL the feeds were fetched from)
  --warnings    add a "warnings" array to each ok line (parser recoveries)
  -h, --help    this text

Exit status: 0 when every file was read (even if some are not feeds: those print ok:false),
1 when a file cannot be read (it still gets its ok:false line; the message also goes to stderr),
2 on bad usage.`;

/** Reads a file and gunzips it when it starts with the gzip magic bytes. */
function readFeedFile(path: string): Uint8Array {
  const bytes = readFileSync(path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return new Uint8Array(gunzipSync(bytes));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function resultLine(file: string, result: FeedParseResult, withWarnings: boolean): string {
  if (!result.ok) return JSON.stringify({ file, ok: false, error: result.error });
  const { title, link, entries } = result.feed;
  const feed = {
    title,
    link,
    entries: entries.map((e) => ({
      title: e.title,
      link: e.link,
      id: e.id,
      published: e.published,
      updated: e.updated,
      summary: e.summary,
      author: e.author,
      image: e.image,
    })),
  };
  return JSON.stringify(withWarnings ? { file, ok: true, feed, warnings: result.warnings } : { file, ok: true, feed });
}

function main(argv: string[]): number {
  const files: string[] = [];
  let url: string | undefined;
  let withWarnings = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (arg === '--warnings') withWarnings = true;
    else if (arg === '--url') {
      url = argv[++i];
      if (url === undefined) {
        process.stderr.write('feeds: --url needs a value\n');
        return 2;
      }
    } else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`feeds: unknown option ${arg}\n${HELP}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`feeds: no FILE given\n${HELP}\n`);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFeedFile(file);
    } catch (error) {
      const message = `cannot read ${file}: ${(error as Error).message}`;
      process.stderr.write(`feeds: ${message}\n`);
      // The line is still printed so that output lines stay aligned with the files given.
      process.stdout.write(`${JSON.stringify({ file, ok: false, error: message })}\n`);
      status = 1;
      continue;
    }
    let result: FeedParseResult;
    try {
      result = parseFeed(bytes, { url });
    } catch (error) {
      // The parser is meant never to throw; if it does, the file still gets its line.
      result = { ok: false, error: `parser error: ${(error as Error).message}` };
    }
    process.stdout.write(`${resultLine(file, result, withWarnings)}\n`);
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));

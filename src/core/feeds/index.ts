/**
 * Feed parser of Parallax: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.x, from raw
 * bytes to plain-text entries. Pure TypeScript with no DOM: it runs in the MV3 service worker and
 * in Node alike.
 *
 * Size policy: bytes beyond `maxBytes` (default 10 MiB) are not read. An XML feed over the limit
 * is parsed from its first `maxBytes` bytes (feeds list the newest items first), with a warning;
 * a JSON Feed over the limit cannot be cut and is refused.
 *
 * Failure policy: a document that is not a feed, or a broken one from which no entry can be
 * read, gives `{ ok: false, error }`, so callers leave what they stored untouched. An ill-formed
 * feed that still yields entries gives `ok: true` with warnings.
 */

import type { FeedParseResult } from '../types';
import { decodeBytes } from './decode';
import { extractXmlFeed, feedKindOf } from './extract';
import { extractJsonFeed, isJsonFeed } from './jsonfeed';
import { parseXml } from './xml';

export interface ParseFeedOptions {
  /** URL the feed was fetched from: the base for relative links. */
  url?: string;
  /** Content-Type header of the response (its charset is used when the document declares none). */
  contentType?: string;
  /** Largest number of bytes read; default DEFAULT_MAX_FEED_BYTES. */
  maxBytes?: number;
}

export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

export { parseFeedDate } from './dates';
export { htmlToText } from './text';

function firstSignificantChar(text: string): string {
  const match = /[^\s\uFEFF]/.exec(text.slice(0, 4096));
  return match ? match[0] : '';
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  const end = Math.min(bytes.length, 512);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return end > 0 && control > end * 0.1;
}

const FEED_ROOT = /<(?:rss|rdf:RDF|feed)[\s>]/;

function isHtmlRoot(name: string): boolean {
  return /^(?:html|head|body|title)$/i.test(name.replace(/^.*:/, ''));
}

function describeRoot(name: string): string {
  if (isHtmlRoot(name)) return `an HTML page (root element <${name}>)`;
  return `a <${name}> document`;
}

/**
 * Parses feed bytes. Never throws: anything unexpected becomes `{ ok: false, error }`, so one
 * bad feed cannot stop a refresh of many.
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): FeedParseResult {
  try {
    return parseFeedBytes(bytes, options);
  } catch (error) {
    return { ok: false, error: `parser error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function parseFeedBytes(bytes: Uint8Array, options: ParseFeedOptions): FeedParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const warnings: string[] = [];
  if (bytes.length === 0) return { ok: false, error: 'empty document: not a feed' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return { ok: false, error: 'gzip-compressed bytes: not a feed (decompress the response before parsing)' };
  }
  // UTF-16 documents have zero bytes in them; only single-byte-based data is checked for binary.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[0] === 0 || bytes[1] === 0;
  if (!utf16 && looksBinary(bytes)) return { ok: false, error: 'binary data: not a feed' };

  let input = bytes;
  let truncated = false;
  if (bytes.length > maxBytes) {
    input = bytes.subarray(0, maxBytes);
    truncated = true;
  }
  const decoded = decodeBytes(input, options.contentType);
  warnings.push(...decoded.warnings);
  const text = decoded.text;
  const first = firstSignificantChar(text);

  if (first === '{' || first === '[') {
    if (truncated) {
      return { ok: false, error: `JSON Feed of ${bytes.length} bytes is over the ${maxBytes}-byte limit` };
    }
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
    }
    if (!isJsonFeed(value)) return { ok: false, error: 'JSON document that is not a JSON Feed (no version or items)' };
    const feed = extractJsonFeed(value, options.url ?? null, warnings);
    return { ok: true, feed, warnings };
  }

  let xmlText = text;
  if (first !== '<') {
    // Plain-text server messages before the feed ("Deprecated: ... on line 12"): skip them.
    const start = text.search(FEED_ROOT);
    if (start < 0) return { ok: false, error: 'not a feed: the document is neither XML nor JSON' };
    warnings.push("text before the feed's root element ignored");
    xmlText = text.slice(start);
  }
  if (truncated)
    warnings.push(`feed of ${bytes.length} bytes is over the ${maxBytes}-byte limit: only the first ${maxBytes} bytes were read`);
  let xmlDocument = parseXml(xmlText, { baseUrl: options.url ?? null });
  let root = xmlDocument.root;
  if (root === null) return { ok: false, error: 'not a feed: no XML element found' };
  let kind = feedKindOf(root);
  if (kind === null && !isHtmlRoot(root.name)) {
    // Server junk before the feed (PHP warnings, "<br />" lines): read from the feed's own root.
    const start = xmlText.search(FEED_ROOT);
    if (start > 0) {
      const retry = parseXml(xmlText.slice(start), { baseUrl: options.url ?? null });
      if (retry.root !== null && feedKindOf(retry.root) !== null) {
        warnings.push(`content before the feed's root element (<${root.name}>...) ignored`);
        xmlDocument = retry;
        root = retry.root;
        kind = feedKindOf(retry.root);
      }
    }
  }
  warnings.push(...xmlDocument.warnings);
  if (kind === null) {
    return { ok: false, error: `not a feed: ${describeRoot(root.name)}, not RSS, RDF, Atom or JSON Feed` };
  }
  const feed = extractXmlFeed(root, kind, warnings);
  if (!xmlDocument.complete && feed.entries.length === 0) {
    return { ok: false, error: 'broken feed: the document ends before its first entry (truncated or ill-formed)' };
  }
  return { ok: true, feed, warnings };
}

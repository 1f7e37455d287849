/**
 * eval-feeds: failed checks that are one library's particular choice rather than a defect of ours.
 */

import { htmlToText } from '../../core/feeds/index';
import type { FeedParseResult } from '../../core/types';
import { type Check, sameDate, visible } from './compare';

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
export function knownDifference(c: Check, result: FeedParseResult | undefined): string | null {
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

/**
 * AllSides rows (the Opinionated add-on's copy, 2023-07): which rows are an outlet's own, which are
 * a person's or a column's, and which row's lean is an outlet's rating.
 */
import { z } from 'zod';
import { readCsv } from '../../ratings/csv';
import { describeZodError } from '../schema';
import type { Confidence, OutletRating } from '../../ratings/schema';
import type { Lean7 } from '../../types';
import { isInstitutionHost, notOutletReason, registrableDomain } from './hosts';
import { ALLSIDES_PROVIDER } from './sources';

export interface AllSidesRow {
  name: string;
  profileUrl: string;
  /** The outlet's web address as AllSides gives it; '' when none. */
  url: string;
  /** AllSides term id of the lean. */
  term: string;
}

/** AllSides term ids of the copy (from the Opinionated add-on's source). */
export const ALLSIDES_TERM_LABEL: Readonly<Record<string, string>> = {
  '71': 'Left',
  '72': 'Lean Left',
  '73': 'Center',
  '74': 'Lean Right',
  '75': 'Right',
  '2707': 'Mixed',
  '2690': 'Not yet rated',
};

/**
 * AllSides publishes five leans; far-left and far-right stay unused because AllSides draws no line
 * beyond "Left" / "Right". "Mixed" and "Not yet rated" are not leans: no rating.
 */
export const ALLSIDES_LEAN_TO_LEAN7: Readonly<Record<string, Lean7>> = {
  Left: 'left',
  'Lean Left': 'lean-left',
  Center: 'center',
  'Lean Right': 'lean-right',
  Right: 'right',
};

/**
 * Outlets whose AllSides row the host join cannot find on its own, picked by reading the rows:
 * the row's URL is a section page (pbs.org/newshour/, theverge.com/politics) or the outlet's
 * parent site (yahoo.com for Yahoo News). Each is the AllSides profile of that very outlet.
 */
export const CHOSEN_PROFILE: Readonly<Record<string, string>> = {
  'pbs-newshour': 'https://www.allsides.com/news-source/pbs-newshour',
  'the-verge': 'https://www.allsides.com/news-source/verge',
  'yahoo-news': 'https://www.allsides.com/news-source/yahoo-news-media-bias',
};

const rowSchema = z.looseObject({
  news_source: z.string(),
  allsides_url: z.string(),
  url: z.string().optional(),
  bias_rating: z.string().optional(),
});

/** The rows of allsides_data.json; throws a readable error when the file is not that. */
export function readAllSidesRows(data: unknown): AllSidesRow[] {
  const parsed = z.array(rowSchema).safeParse(data);
  if (!parsed.success) throw new Error(`AllSides data: ${describeZodError(parsed.error)}`);
  return parsed.data.map((row) => ({
    name: row.news_source.trim(),
    profileUrl: normaliseProfileUrl(row.allsides_url),
    url: (row.url ?? '').trim(),
    term: row.bias_rating ?? '',
  }));
}

export function normaliseProfileUrl(url: string): string {
  return url
    .trim()
    .replace(/^http:/, 'https:')
    .replace(/\/+$/, '');
}

export interface EarlierRating {
  lean: Lean7 | null;
  confidence: Confidence | null;
}

/** AllSideR 2019 rows by AllSides profile URL: lean and confidence level. Throws on a malformed file. */
export function readAllSides2019(text: string): Map<string, EarlierRating> {
  const csv = readCsv(text);
  if (!csv.ok) throw new Error(`AllSides 2019 CSV, line ${csv.line}: ${csv.message}`);
  const [header, ...records] = csv.records;
  const column = (name: string): number => {
    const position = header?.fields.indexOf(name) ?? -1;
    if (position < 0) throw new Error(`AllSides 2019 CSV, line 1: no column "${name}"`);
    return position;
  };
  const ratingColumn = column('rating');
  const urlColumn = column('url');
  const confidenceColumn = column('confidence_level');
  const lean2019: Record<string, Lean7> = {
    left: 'left',
    'left-center': 'lean-left',
    center: 'center',
    'right-center': 'lean-right',
    right: 'right',
  };
  const byProfile = new Map<string, EarlierRating>();
  for (const record of records) {
    const confidence = (record.fields[confidenceColumn] ?? '').trim().toLowerCase();
    byProfile.set(normaliseProfileUrl(record.fields[urlColumn] ?? ''), {
      lean: lean2019[record.fields[ratingColumn] ?? ''] ?? null,
      confidence: confidence === 'low' || confidence === 'medium' || confidence === 'high' ? confidence : null,
    });
  }
  return byProfile;
}

/** Names of rows that rate a side of an outlet (its opinion pages, a desk, a podcast), not the outlet. */
const NOT_NEWS_SIDE = /opinion|editorial|contributor|fact check|blog|podcast|letters|columnist/i;

/** Paths of a person's page on a site: an author, staff or profile page. */
const PERSON_PATH =
  /^\/(?:.*\/)?(?:authors?|people|person|by|u|bios?|team|staff|experts?|contributors?|columnists?|profiles?|directory|faculty(?:-and-staff)?|sites)(?:\/|$)/i;

/** The outlet's home page, or a landing page of one of its editions. */
export function isHomePage(url: URL): boolean {
  return (
    url.pathname === '/' || url.pathname === '' || /^\/(?:(?:index|home)(?:\.(?:html?|php|aspx?))?|us|uk|intl|en)\/?$/i.test(url.pathname)
  );
}

export type RowKind =
  | { kind: 'no-url' }
  | { kind: 'left-out'; reason: string }
  | { kind: 'site'; url: URL; host: string; domain: string; home: boolean };

/** What a row's URL says: an outlet's site (home page or not), or a page that is no outlet's own. */
export function classifyRow(row: AllSidesRow): RowKind {
  if (row.url === '') return { kind: 'no-url' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(row.url) ? row.url : `https://${row.url}`);
  } catch {
    return { kind: 'left-out', reason: 'unreadable URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'left-out', reason: 'not a web address' };
  // "www1.cbn.com" and "home.gazettenet.com" are the site's home host, written another way.
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^(?:www\d*|home|go)\.(?=[^.]+\.)/, '');
  const domain = registrableDomain(host);
  if (domain === null) return { kind: 'left-out', reason: 'no registrable domain' };
  const notOutlet = notOutletReason(host);
  if (notOutlet !== null) return { kind: 'left-out', reason: `a page on ${domain} (${notOutlet}): a person's or a channel's` };
  const home = isHomePage(url);
  if (!home && PERSON_PATH.test(url.pathname)) return { kind: 'left-out', reason: "a person's page on a bigger site" };
  if (!home && isInstitutionHost(host)) return { kind: 'left-out', reason: "a page of an institution's site" };
  return { kind: 'site', url, host, domain, home };
}

/** AllSides' side labels are not part of an outlet's name: "Fox News (Online News)" is Fox News. */
export function outletNameOf(rowName: string): string {
  return rowName
    .replace(/\s*\((?:online )?news\)$/i, '')
    .replace(/\s*\(online\)$/i, '')
    .replace(/\s+-\s+news$/i, '')
    .trim();
}

export interface RatingChoice {
  rating: OutletRating | null;
  /** The row whose lean was taken (or that would have been, when it has none). */
  chosen: AllSidesRow | null;
  reason: string;
}

export interface SiteRow {
  row: AllSidesRow;
  home: boolean;
}

/**
 * The rating of an outlet from the AllSides rows on its site: a home-page row that is not an opinion
 * side, the rated ones first, the news side first; rows that disagree with no clear news side give no
 * rating, as do "Mixed" and "Not yet rated".
 */
export function chooseRating(
  outletId: string,
  rows: readonly SiteRow[],
  allRows: readonly AllSidesRow[],
  earlier: ReadonlyMap<string, EarlierRating> | null,
): RatingChoice {
  let chosen: AllSidesRow | undefined;
  const chosenProfile = CHOSEN_PROFILE[outletId];
  if (chosenProfile !== undefined) {
    chosen = allRows.find((row) => row.profileUrl === chosenProfile);
    if (chosen === undefined) throw new Error(`chosen AllSides profile ${chosenProfile} of ${outletId} is not in the AllSides data`);
  } else {
    const candidates = rows.filter((site) => site.home && !NOT_NEWS_SIDE.test(site.row.name)).map((site) => site.row);
    if (candidates.length === 0) return { rating: null, chosen: null, reason: 'no AllSides row for its home page' };
    const rated = candidates.filter((row) => ALLSIDES_LEAN_TO_LEAN7[ALLSIDES_TERM_LABEL[row.term] ?? ''] !== undefined);
    const pool = rated.length > 0 ? rated : candidates;
    const newsSide = pool.filter((row) => /\((?:online )?news\)|\(online\)/i.test(row.name));
    const finalists = newsSide.length > 0 ? newsSide : pool;
    if (new Set(finalists.map((row) => row.term)).size > 1) {
      const described = finalists.map((row) => `${row.name} = ${ALLSIDES_TERM_LABEL[row.term] ?? row.term}`).join('; ');
      return { rating: null, chosen: finalists[0], reason: `ambiguous: ${described}` };
    }
    chosen = finalists[0];
  }
  const label = ALLSIDES_TERM_LABEL[chosen.term] ?? `unknown term "${chosen.term}"`;
  const lean = ALLSIDES_LEAN_TO_LEAN7[label];
  if (lean === undefined) return { rating: null, chosen, reason: `AllSides: ${label}` };
  const rating: OutletRating = { outletId, providerId: ALLSIDES_PROVIDER.id, lean, url: chosen.profileUrl };
  const before = earlier?.get(chosen.profileUrl);
  if (before !== undefined && before.lean === lean && before.confidence !== null) {
    // Key order as the shipped file has always had it: confidence before url.
    return {
      rating: { outletId, providerId: rating.providerId, lean, confidence: before.confidence, url: rating.url },
      chosen,
      reason: 'rated',
    };
  }
  return { rating, chosen, reason: 'rated' };
}

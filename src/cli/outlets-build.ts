/**
 * Regenerates src/core/ratings/data/allsides.json: the AllSides ratings (Opinionated add-on copy, 2020–2023)
 * of the registry's outlets, joined on the outlet's home page host. Prints one JSON line per
 * registry outlet saying how it was joined (rated / unrated and why), so the join can be reviewed.
 *
 *   npx tsx src/cli/outlets-build.ts [--write] ALLSIDES_2020_JSON [ALLSIDES_2019_CSV]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRegistry, publisherHost } from '../core/outlets/index';
import { ALLSIDES_LEAN_TO_LEAN7, parseRatingSet } from '../core/ratings/index';
import { readCsv } from '../core/ratings/csv';
import type { Confidence, OutletRating, RatingProvider } from '../core/ratings/schema';
import type { Lean7 } from '../core/types';

const HELP = `Usage: npx tsx src/cli/outlets-build.ts [--write] ALLSIDES_2020_JSON [ALLSIDES_2019_CSV]

Joins the AllSides 2020 ratings (allsides_data.json of allsides-2020-opinionated) to the outlet
registry on each outlet's home page host, and prints one JSON line per registry outlet:
  {"outlet","status":"rated"|"unrated","lean"?,"allsidesName"?,"reason"?}
With ALLSIDES_2019_CSV (allsides-2019-allsider/allsides_data.csv), AllSides' published confidence
level is added where the 2019 rating equals the 2020 one.
--write  also writes src/core/ratings/data/allsides.json.
Exit status: 0 done, 2 bad usage, 1 unreadable or invalid input.`;

/** AllSides term ids of the 2020 dump (from the Opinionated add-on's source). */
const ALLSIDES_TERM_LABEL: Record<string, string> = {
  '71': 'Left',
  '72': 'Lean Left',
  '73': 'Center',
  '74': 'Lean Right',
  '75': 'Right',
  '2707': 'Mixed',
  '2690': 'Not yet rated',
};

/**
 * Outlets whose AllSides row the host join cannot find on its own, picked by reading the rows:
 * the row's URL is a section page (pbs.org/newshour/, theverge.com/politics) or the outlet's
 * parent site (yahoo.com for Yahoo News). Each is the AllSides profile of that very outlet.
 */
const CHOSEN_PROFILE: Record<string, string> = {
  'pbs-newshour': 'https://www.allsides.com/news-source/pbs-newshour',
  'the-verge': 'https://www.allsides.com/news-source/verge',
  'yahoo-news': 'https://www.allsides.com/news-source/yahoo-news-media-bias',
};

export const ALLSIDES_PROVIDER: RatingProvider = {
  id: 'allsides',
  name: 'AllSides Media Bias Ratings',
  licence: 'CC BY-NC 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
  sourceUrl: 'https://www.allsides.com/media-bias/media-bias-ratings',
  // The copy was first published in April 2020 and last updated in July 2023 (see the data README).
  date: '2023-07',
  attribution:
    'AllSides Media Bias Ratings™ by AllSides.com are licensed under a Creative Commons Attribution-NonCommercial 4.0 International License (copy published in the Opinionated browser add-on, github.com/wjohnsto/opinionated, 2020–2023). They may be used for research or noncommercial purposes with attribution.',
};

interface AllSidesRow {
  name: string;
  profileUrl: string;
  url: string;
  term: string;
}

function fail(message: string): never {
  process.stderr.write(`outlets-build: ${message}\n`);
  process.exit(1);
}

function readAllSides2020(path: string): AllSidesRow[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${path}: cannot read JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) fail(`${path}: expected a JSON array`);
  return data.map((item: unknown, index: number) => {
    const row = item as Record<string, unknown>;
    if (typeof row !== 'object' || row === null || typeof row.news_source !== 'string' || typeof row.allsides_url !== 'string') {
      fail(`${path}: element ${index} lacks news_source / allsides_url`);
    }
    return {
      name: row.news_source.trim(),
      profileUrl: row.allsides_url,
      url: typeof row.url === 'string' ? row.url.trim() : '',
      term: typeof row.bias_rating === 'string' ? row.bias_rating : '',
    };
  });
}

/** 2019 AllSideR rows by AllSides profile URL: rating label and confidence level. */
function readAllSides2019(path: string): Map<string, { lean: Lean7 | null; confidence: Confidence | null }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
  const csv = readCsv(text);
  if (!csv.ok) fail(`${path}:${csv.line}: ${csv.message}`);
  const [header, ...records] = csv.records;
  const column = (name: string): number => {
    const position = header.fields.indexOf(name);
    if (position < 0) fail(`${path}:1: no column "${name}"`);
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
  const byProfile = new Map<string, { lean: Lean7 | null; confidence: Confidence | null }>();
  for (const record of records) {
    const confidence = record.fields[confidenceColumn].trim().toLowerCase();
    byProfile.set(normaliseProfileUrl(record.fields[urlColumn]), {
      lean: lean2019[record.fields[ratingColumn]] ?? null,
      confidence: confidence === 'low' || confidence === 'medium' || confidence === 'high' ? confidence : null,
    });
  }
  return byProfile;
}

function normaliseProfileUrl(url: string): string {
  return url
    .trim()
    .replace(/^http:/, 'https:')
    .replace(/\/+$/, '');
}

const NOT_NEWS_SIDE = /opinion|editorial|contributor|fact check|blog|podcast|letters|columnist/i;

function isHomePage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' || parsed.pathname === '' || /^\/(?:index\.(?:html?|php)|home|us|uk|intl|en)\/?$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const write = argv.includes('--write');
  const files = argv.filter((arg) => arg !== '--write');
  const unknownFlag = files.find((arg) => arg.startsWith('-'));
  if (unknownFlag !== undefined || files.length < 1 || files.length > 2) {
    process.stderr.write(
      `outlets-build: ${unknownFlag !== undefined ? `unknown option ${unknownFlag}` : 'expected 1 or 2 files'}\n${HELP}\n`,
    );
    process.exit(2);
  }
  const rows = readAllSides2020(files[0]);
  const confidence2019 = files[1] === undefined ? null : readAllSides2019(files[1]);
  const registry = loadRegistry();

  const rowsByOutlet = new Map<string, AllSidesRow[]>();
  for (const row of rows) {
    if (row.url === '' || publisherHost(row.url) === null) continue;
    const outlet = registry.resolve(row.url);
    if (outlet === null) continue;
    const list = rowsByOutlet.get(outlet.id) ?? [];
    list.push(row);
    rowsByOutlet.set(outlet.id, list);
  }

  const ratings: OutletRating[] = [];
  for (const outlet of registry.all()) {
    const candidates = (rowsByOutlet.get(outlet.id) ?? []).filter((row) => isHomePage(row.url) && !NOT_NEWS_SIDE.test(row.name));
    const report = (status: 'rated' | 'unrated', extra: Record<string, string>): void => {
      process.stdout.write(`${JSON.stringify({ outlet: outlet.id, status, ...extra })}\n`);
    };
    if (candidates.length === 0 && CHOSEN_PROFILE[outlet.id] === undefined) {
      report('unrated', { reason: 'no AllSides row for its home page' });
      continue;
    }
    const chosenProfile = CHOSEN_PROFILE[outlet.id];
    let chosen: AllSidesRow | undefined;
    if (chosenProfile !== undefined) {
      chosen = rows.find((row) => normaliseProfileUrl(row.profileUrl) === chosenProfile);
      if (chosen === undefined) fail(`chosen AllSides profile ${chosenProfile} of ${outlet.id} is not in ${files[0]}`);
    } else {
      const rated = candidates.filter((row) => ALLSIDES_LEAN_TO_LEAN7[ALLSIDES_TERM_LABEL[row.term] ?? ''] !== undefined);
      const pool = rated.length > 0 ? rated : candidates;
      const newsSide = pool.filter((row) => /\((?:online )?news\)|\(online\)/i.test(row.name));
      const finalists = newsSide.length > 0 ? newsSide : pool;
      const terms = new Set(finalists.map((row) => row.term));
      if (terms.size > 1) {
        report('unrated', {
          reason: `ambiguous: ${finalists.map((row) => `${row.name} = ${ALLSIDES_TERM_LABEL[row.term] ?? row.term}`).join('; ')}`,
        });
        continue;
      }
      chosen = finalists[0];
    }
    const label = ALLSIDES_TERM_LABEL[chosen.term] ?? `unknown term "${chosen.term}"`;
    const lean = ALLSIDES_LEAN_TO_LEAN7[label];
    if (lean === undefined) {
      report('unrated', { allsidesName: chosen.name, reason: `AllSides: ${label}` });
      continue;
    }
    const rating: OutletRating = {
      outletId: outlet.id,
      providerId: ALLSIDES_PROVIDER.id,
      lean,
      url: normaliseProfileUrl(chosen.profileUrl),
    };
    const earlier = confidence2019?.get(normaliseProfileUrl(chosen.profileUrl));
    if (earlier !== undefined && earlier.lean === lean && earlier.confidence !== null) rating.confidence = earlier.confidence;
    ratings.push(rating);
    report('rated', { lean, allsidesName: chosen.name, ...(rating.confidence ? { confidence: rating.confidence } : {}) });
  }

  const set = parseRatingSet({ provider: ALLSIDES_PROVIDER, ratings });
  if (write) {
    const target = fileURLToPath(new URL('../core/ratings/data/allsides.json', import.meta.url));
    // One rating per line keeps the file small and its diffs readable.
    const lines = set.ratings.map((rating) => `  ${JSON.stringify(rating)}`).join(',\n');
    writeFileSync(target, `{\n "provider": ${JSON.stringify(set.provider)},\n "ratings": [\n${lines}\n ]\n}\n`);
    process.stderr.write(`outlets-build: wrote ${set.ratings.length} ratings to ${target}\n`);
  }
}

main(process.argv.slice(2));

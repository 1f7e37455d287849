/**
 * Builds the shipped outlet catalogue (src/core/outlets/data/outlets.json) and its AllSides ratings
 * (src/core/ratings/data/allsides.json) from the hand-kept outlets and the source datasets.
 *
 *   npx tsx src/cli/outlets-build.ts [--write] [--check] [--data DIR] [--report FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildCatalogue, serialiseOutlets, serialiseRatings } from '../core/outlets/catalogue/build';
import { CATALOGUE_FILES, DEFAULT_DATA_DIR, readCatalogueInputs } from './lib/catalogue-inputs';

const HELP = `Usage: npm run --silent outlets:build -- [--write] [--check] [--data DIR] [--report FILE]

Builds the outlet catalogue from, in this order:
  src/core/outlets/data/curated.json     the hand-kept outlets (they keep every fact they have)
  DIR/ratings/allsides-2020-opinionated  AllSides outlets and leans (copy of 2023-07)
  DIR/ratings/allsides-2019-allsider     AllSides confidence levels (kept where the lean agrees)
  DIR/kite/media_data.json               Kagi News media organisations: domains, seat, owner, typology
  DIR/kite/kite_feeds.json               Kagi News feed catalogue: feeds, by category
and prints its figures as one JSON line:
  {"outlets","ratedOutlets","outletsWithFeeds","feeds","countriesWith5FeedOutlets"}
  --data DIR     the datasets folder (default: ../shared/data beside the repository)
  --write        write src/core/outlets/data/outlets.json and src/core/ratings/data/allsides.json
  --check        exit 1 when the shipped files differ from the build
  --report FILE  write every decision (rows and hosts left out, joins, new outlets) as JSON Lines
The same inputs give the same files, byte for byte.
Exit status: 0 done, 1 unreadable or invalid input (or --check found a difference), 2 bad usage.`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  let dataDir = DEFAULT_DATA_DIR;
  let reportPath: string | null = null;
  let write = false;
  let check = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--write') write = true;
    else if (arg === '--check') check = true;
    else if ((arg === '--data' || arg === '--report') && argv[i + 1] !== undefined) {
      if (arg === '--data') dataDir = argv[i + 1];
      else reportPath = argv[i + 1];
      i += 1;
    } else {
      process.stderr.write(`outlets-build: unexpected argument ${arg}\n${HELP}\n`);
      process.exit(2);
    }
  }

  let built: ReturnType<typeof buildCatalogue>;
  try {
    built = buildCatalogue(readCatalogueInputs(dataDir));
  } catch (error) {
    process.stderr.write(`outlets-build: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const outletsText = serialiseOutlets(built.outlets);
  const ratingsText = serialiseRatings(built.ratings);
  process.stdout.write(`${JSON.stringify(built.figures)}\n`);
  if (reportPath !== null) writeFileSync(reportPath, built.decisions.map((decision) => `${JSON.stringify(decision)}\n`).join(''));
  if (write) {
    writeFileSync(CATALOGUE_FILES.outlets, outletsText);
    writeFileSync(CATALOGUE_FILES.ratings, ratingsText);
    process.stderr.write(`outlets-build: wrote ${built.outlets.length} outlets and ${built.ratings.ratings.length} ratings\n`);
  }
  if (check) {
    const stale = [
      [CATALOGUE_FILES.outlets, outletsText],
      [CATALOGUE_FILES.ratings, ratingsText],
    ].filter(([path, text]) => readFileSync(path, 'utf8') !== text);
    if (stale.length > 0) {
      process.stderr.write(`outlets-build: not the build's output: ${stale.map(([path]) => path).join(', ')} (run with --write)\n`);
      process.exit(1);
    }
  }
}

main(process.argv.slice(2));

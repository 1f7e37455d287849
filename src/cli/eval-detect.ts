/**
 * eval-detect: score the article detector.
 *   npx tsx src/cli/eval-detect.ts --pages DIR [--negatives DIR] [--list]
 * --pages: a pages-dev style folder (<id>.html.gz + truth.jsonl, every page an article).
 * --negatives: a folder of non-article pages (.html / .html.gz), e.g. tests/fixtures/detect/negative.
 * Prints JSON lines: one summary per measure; with --list, one line per miss.
 */
import { detectArticle } from '../core/detect/index';
import { urlHostPathKey } from '../core/url/index';
import { parseDocument, readHtmlFile } from './detect';
import { htmlFilesIn, readTruth, truthPageFile } from './lib/pages-dir';

const HELP = `Usage: npx tsx src/cli/eval-detect.ts --pages DIR [--negatives DIR] [--list]

Measures the article detector:
  recall        share of --pages pages classified as articles (all of them are articles), with the
                location known and unknown (see canonical)
  canonical     share whose canonicalUrl equals truth.jsonl's url on host+path (lower-case host,
                no www., no scheme, trailing slash or fragment), run twice: with the page URL a
                content script would know (location = the true URL) and with the location unknown
                (https://example.invalid/, as the detect CLI does by default)
  falsePositive share of --negatives pages classified as articles (location unknown)
Options: --list prints each miss as its own JSON line.
`;

const UNKNOWN_PAGE_URL = 'https://example.invalid/';

function fail(message: string): never {
  process.stderr.write(`eval-detect: ${message}\n`);
  process.exit(2);
}

/** Runs a read of the user's input, turning its InputError into the usage failure. */
function orFail<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function main(argv: string[]): void {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  let pages: string | null = null;
  let negatives: string | null = null;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pages') pages = argv[++i] ?? fail('--pages needs a folder');
    else if (arg === '--negatives') negatives = argv[++i] ?? fail('--negatives needs a folder');
    else if (arg === '--list') list = true;
    else fail(`unexpected argument ${arg} (see --help)`);
  }
  if (pages === null) fail('--pages DIR is required (see --help)');

  const pagesDir = pages;
  const truth = orFail(() => readTruth(pagesDir));
  let articles = 0;
  let articlesUnknown = 0;
  let canonicalKnown = 0;
  let canonicalUnknown = 0;
  for (const line of truth) {
    const file = truthPageFile(pagesDir, line);
    let html: string;
    try {
      html = readHtmlFile(file);
    } catch (error) {
      fail(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const expected = urlHostPathKey(line.url);
    const atLocation = detectArticle(parseDocument(html), line.url);
    const unknownLocation = detectArticle(parseDocument(html), UNKNOWN_PAGE_URL);
    if (unknownLocation.isArticle) articlesUnknown++;
    else if (list)
      console.log(JSON.stringify({ miss: 'recall', location: 'unknown', id: line.id, url: line.url, reasons: unknownLocation.reasons }));
    if (atLocation.isArticle) articles++;
    else if (list)
      console.log(JSON.stringify({ miss: 'recall', location: 'known', id: line.id, url: line.url, reasons: atLocation.reasons }));
    const keyKnown = atLocation.canonicalUrl === null ? null : urlHostPathKey(atLocation.canonicalUrl);
    const keyUnknown = unknownLocation.canonicalUrl === null ? null : urlHostPathKey(unknownLocation.canonicalUrl);
    if (keyKnown === expected) canonicalKnown++;
    else if (list)
      console.log(JSON.stringify({ miss: 'canonical', location: 'known', id: line.id, url: line.url, got: atLocation.canonicalUrl }));
    if (keyUnknown === expected) canonicalUnknown++;
    else if (list)
      console.log(
        JSON.stringify({ miss: 'canonical', location: 'unknown', id: line.id, url: line.url, got: unknownLocation.canonicalUrl }),
      );
  }
  const total = truth.length;
  const round = (value: number): number => Math.round(value * 10000) / 10000;
  console.log(JSON.stringify({ measure: 'recall', location: 'known', pages: total, articles, rate: round(articles / total) }));
  console.log(
    JSON.stringify({
      measure: 'recall',
      location: 'unknown',
      pages: total,
      articles: articlesUnknown,
      rate: round(articlesUnknown / total),
    }),
  );
  console.log(
    JSON.stringify({ measure: 'canonical', location: 'known', pages: total, agree: canonicalKnown, rate: round(canonicalKnown / total) }),
  );
  console.log(
    JSON.stringify({
      measure: 'canonical',
      location: 'unknown',
      pages: total,
      agree: canonicalUnknown,
      rate: round(canonicalUnknown / total),
    }),
  );

  if (negatives !== null) {
    const negativesDir = negatives;
    const files = orFail(() => htmlFilesIn(negativesDir));
    let falsePositives = 0;
    for (const file of files) {
      let html: string;
      try {
        html = readHtmlFile(file);
      } catch (error) {
        fail(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const detection = detectArticle(parseDocument(html), UNKNOWN_PAGE_URL);
      if (detection.isArticle) {
        falsePositives++;
        if (list) console.log(JSON.stringify({ miss: 'false-positive', file, reasons: detection.reasons }));
      }
    }
    console.log(
      JSON.stringify({
        measure: 'falsePositive',
        pages: files.length,
        falsePositives,
        rate: files.length === 0 ? 0 : round(falsePositives / files.length),
      }),
    );
  }
}

main(process.argv.slice(2));

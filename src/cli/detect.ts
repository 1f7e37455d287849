/**
 * detect: run the content script's article detector on saved HTML files.
 *   npx tsx src/cli/detect.ts [--url URL] [--reasons] FILE...
 * One JSON line per file, in order, on stdout; errors on stderr; exit 1 on bad usage or unreadable input.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../core/detect/index';

const HELP = `Usage: npm run --silent detect -- [--url URL] [--reasons] FILE...

Detects whether each saved page (FILE: .html or .html.gz, decoded as UTF-8) is a single news
article and extracts its metadata, with the same code the content script runs.

Prints one JSON line per file, in order:
  {"file","isArticle","title","canonicalUrl","siteName","byline","published","description","lang"}
(missing values are null; dates are ISO 8601 UTC).

Options:
  --url URL    the page's address (default https://example.invalid/, meaning "unknown");
               relative links resolve against it
  --reasons    also print "modified" and the detector's "reasons" for each verdict
  -h, --help   show this help
`;

/** The address a saved page is read as when none is given: `.invalid` never resolves (RFC 2606). */
export const UNKNOWN_PAGE_URL = 'https://example.invalid/';

export function readHtmlFile(file: string): string {
  const bytes = readFileSync(file);
  const raw = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return new TextDecoder('utf-8').decode(raw);
}

export function parseDocument(html: string): Document {
  // linkedom's Document implements the subset of the DOM the detector uses.
  return parseHTML(html).document as unknown as Document;
}

interface Options {
  url: string;
  reasons: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { url: UNKNOWN_PAGE_URL, reasons: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') {
      const value = argv[++i];
      if (value === undefined) return 'detect: --url needs a value';
      try {
        new URL(value);
      } catch {
        return `detect: --url: not an absolute URL: ${value}`;
      }
      options.url = value;
    } else if (arg === '--reasons') options.reasons = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') return `detect: unknown option ${arg} (see --help)`;
    else options.files.push(arg);
  }
  if (options.files.length === 0) return 'detect: no FILE given (see --help)';
  return options;
}

function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  let failed = false;
  for (const file of options.files) {
    let html: string;
    try {
      html = readHtmlFile(file);
    } catch (error) {
      process.stderr.write(`detect: ${file}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
      failed = true;
      continue;
    }
    const detection = detectArticle(parseDocument(html), options.url);
    const line: Record<string, unknown> = {
      file,
      isArticle: detection.isArticle,
      title: detection.title,
      canonicalUrl: detection.canonicalUrl,
      siteName: detection.siteName,
      byline: detection.byline,
      published: detection.published,
      description: detection.description,
      lang: detection.lang,
    };
    if (options.reasons) {
      line.modified = detection.modified;
      line.reasons = detection.reasons;
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed ? 1 : 0;
}

/** Run only as a program, not when eval-detect or the bench import the file helpers above. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = main(process.argv.slice(2));

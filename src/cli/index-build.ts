/**
 * `npm run --silent index:build -- [options] FEED...`: builds a Parallax index file in Node from feed
 * URLs, local feed files and OPML lists, with the same parser, conversion and file schema as the
 * extension, so anyone can publish a ready index.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../core/feeds/index';
import { buildIndexFile, validateIndexFile, type IndexFileArticle, type IndexFileFeed } from '../core/index-file/index';
import { loadRegistry, type OutletRegistry } from '../core/outlets/index';
import { DEFAULT_PREFERENCES } from '../core/preferences';
import { DAY_MS, entriesToArticles, fetchFeedDocument, mapWithConcurrency, parseOpml } from '../core/refresh/index';
import type { FeedParseResult } from '../core/types';

const HELP = `Usage: npm run --silent index:build -- [options] FEED...

Builds one Parallax index file ({"format":"parallax-index","version":1,...}, the file the options
page imports) from the articles of the given feeds.

FEED is any of:
  an http(s) URL        fetched with a plain GET, a time limit and no cookies; up to 5 redirects
                        are followed, to http(s) addresses only
  a feed file           RSS 0.9x/2.0, RSS 1.0, Atom, JSON Feed (gzip is recognised)
  an OPML file          every http(s) feed it lists is fetched (recognised by its <opml> root)

Each article's outlet is resolved from its link's host through the outlet registry, else from the
feed (the registry's feed lists, the feed URL's host, or --outlet). Feeds with a known outlet are
listed in the file's "feeds" (enabled), so an import also subscribes the reader to them.

Options:
  --out FILE          write the index file to FILE (stdout then gets one JSON line per feed:
                      {"feed","ok":true,"entries","articles"} or {"feed","ok":false,"error"})
                      Without --out the index file is written to stdout as one JSON line.
  --outlet ID         outlet id for the FEEDs that follow it (up to the next --outlet), used when
                      a feed's outlet cannot be resolved; "--outlet -" ends the scope
  --base-url URL      base URL for relative links in local feed files (default: the feed's own link)
  --max-age-days N    leave out articles published more than N days ago
  --timeout SECONDS   time limit per request (default 20)
  --concurrency N     feeds fetched at once (default 4)
  --allow-failures    exit 0 even when some feeds failed (at least one must succeed)
  -h, --help          this text

Progress and per-feed errors go to stderr. Exit status: 0 on success, 1 when a feed or file could
not be read (the file is still written from the others unless none succeeded), 2 on bad usage.`;

interface Input {
  path: string;
  /** The --outlet in force where the FEED was given. */
  outlet: string | null;
}

interface Options {
  inputs: Input[];
  out: string | null;
  baseUrl: string | null;
  maxAgeDays: number | null;
  timeoutMs: number;
  concurrency: number;
  allowFailures: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  let outlet: string | null = null;
  const options: Options = {
    inputs: [],
    out: null,
    baseUrl: null,
    maxAgeDays: null,
    timeoutMs: 20_000,
    concurrency: 4,
    allowFailures: false,
  };
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  const positive = (text: string, name: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '--':
        break;
      case '--out':
        options.out = value(++i, arg);
        break;
      case '--outlet':
        outlet = value(++i, arg);
        if (outlet === '-') outlet = null;
        break;
      case '--base-url':
        options.baseUrl = value(++i, arg);
        if (!/^https?:\/\//i.test(options.baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, got "${options.baseUrl}"`);
        break;
      case '--max-age-days':
        options.maxAgeDays = positive(value(++i, arg), arg);
        break;
      case '--timeout':
        options.timeoutMs = positive(value(++i, arg), arg) * 1000;
        break;
      case '--concurrency':
        options.concurrency = Math.floor(positive(value(++i, arg), arg));
        break;
      case '--allow-failures':
        options.allowFailures = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.inputs.push({ path: arg, outlet });
    }
  }
  if (options.inputs.length === 0) throw new UsageError('no FEED given');
  return options;
}

/** One feed to read: fetched from a URL, or read from a local file. */
type FeedSource = ({ kind: 'url'; url: string; label: string | null; from: string } | { kind: 'file'; path: string; bytes: Uint8Array }) & {
  outlet: string | null;
};

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function readBytes(path: string): Uint8Array {
  const bytes = readFileSync(path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return new Uint8Array(gunzipSync(bytes));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function looksLikeOpml(path: string, bytes: Uint8Array): boolean {
  if (/\.opml$/i.test(path)) return true;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  return /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(head);
}

/** The feeds named by the arguments; an unreadable file or OPML is an input error naming it. */
function expandInputs(inputs: Input[], problems: string[]): FeedSource[] {
  const sources: FeedSource[] = [];
  for (const { path: input, outlet } of inputs) {
    if (isUrl(input)) {
      sources.push({ kind: 'url', url: input, label: null, from: 'argument', outlet });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readBytes(input);
    } catch (error) {
      problems.push(`${input}: cannot read file (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (!looksLikeOpml(input, bytes)) {
      sources.push({ kind: 'file', path: input, bytes, outlet });
      continue;
    }
    const opml = parseOpml(new TextDecoder('utf-8').decode(bytes));
    if (!opml.ok) {
      problems.push(`${input}: ${opml.error}`);
      continue;
    }
    for (const warning of opml.warnings) process.stderr.write(`index-build: ${input}: ${warning}\n`);
    if (opml.feeds.length === 0) problems.push(`${input}: the OPML list has no http(s) feed`);
    for (const feed of opml.feeds) sources.push({ kind: 'url', url: feed.url, label: feed.title, from: input, outlet });
  }
  return sources;
}

interface FeedResult {
  feed: string;
  ok: boolean;
  error?: string;
  entries?: number;
  articles: IndexFileArticle[];
  row?: IndexFileFeed;
}

/** The outlet and section of a feed: the registry's feed lists, then its host, then --outlet. */
function feedOutlet(
  registry: OutletRegistry,
  feedUrl: string | null,
  feedLink: string | null,
  fallback: string | null,
): { outletId: string; section: string | null } | null {
  if (feedUrl !== null) {
    for (const outlet of registry.all()) {
      const listed = outlet.feeds.find((f) => f.url === feedUrl);
      if (listed) return { outletId: outlet.id, section: listed.section };
    }
    const byHost = registry.resolve(feedUrl);
    if (byHost) return { outletId: byHost.id, section: null };
  }
  if (feedLink !== null) {
    const byLink = registry.resolve(feedLink);
    if (byLink) return { outletId: byLink.id, section: null };
  }
  if (fallback !== null && registry.get(fallback)) return { outletId: fallback, section: null };
  return null;
}

/** The CLI fetches what its user names, wherever its redirects lead on the web: only the hops are bounded. */
const CLI_FETCH_RULES = { redirects: { isAllowed: () => true } };

async function readSource(source: FeedSource, options: Options, registry: OutletRegistry, now: number): Promise<FeedResult> {
  const name = source.kind === 'url' ? source.url : source.path;
  let parsed: FeedParseResult;
  let baseUrl: string | undefined;
  if (source.kind === 'url') {
    const fetched = await fetchFeedDocument(fetch, source.url, {}, options.timeoutMs, CLI_FETCH_RULES);
    if (fetched.kind === 'failed') return { feed: name, ok: false, error: fetched.error, articles: [] };
    if (fetched.kind === 'not-modified') return { feed: name, ok: false, error: 'HTTP 304 without a conditional request', articles: [] };
    baseUrl = fetched.finalUrl;
    parsed = parseFeed(fetched.bytes, { url: fetched.finalUrl, contentType: fetched.contentType });
  } else {
    parsed = parseFeed(source.bytes, { url: options.baseUrl ?? undefined });
    baseUrl = options.baseUrl ?? undefined;
  }
  if (!parsed.ok) return { feed: name, ok: false, error: `not a readable feed: ${parsed.error}`, articles: [] };
  for (const warning of parsed.warnings) process.stderr.write(`index-build: ${name}: warning: ${warning}\n`);
  const feedLink = parsed.feed.link !== null && /^https?:/i.test(parsed.feed.link) ? parsed.feed.link : null;
  const base = baseUrl ?? feedLink;
  const outlet = feedOutlet(registry, source.kind === 'url' ? source.url : null, feedLink, source.outlet);
  if (base === null && source.kind === 'file') {
    process.stderr.write(`index-build: ${name}: no --base-url and no feed link: relative article links are left out\n`);
  }
  const { articles } = entriesToArticles(parsed.feed.entries, {
    feedUrl: base ?? 'about:blank',
    feedOutletId: outlet?.outletId,
    feedTitle: parsed.feed.title,
    resolveOutlet: (url) => registry.resolve(url)?.id ?? null,
    firstSeen: now,
  });
  const minPublished = options.maxAgeDays === null ? -Infinity : now - options.maxAgeDays * DAY_MS;
  const rows: IndexFileArticle[] = articles
    .filter((a) => a.published >= minPublished)
    .map((a) => (source.kind === 'url' ? { ...a, feedUrl: source.url } : { ...a }));
  const label = source.kind === 'url' ? source.label : null;
  const row: IndexFileFeed | undefined =
    source.kind === 'url' && outlet !== null
      ? {
          url: source.url,
          outletId: outlet.outletId,
          section: (outlet.section ?? label ?? parsed.feed.title ?? 'Feed').slice(0, 80) || 'Feed',
          enabled: true,
        }
      : undefined;
  if (source.kind === 'url' && outlet === null) {
    process.stderr.write(`index-build: ${name}: outlet unknown (not in the registry; use --outlet ID): articles kept, feed not listed\n`);
  }
  return { feed: name, ok: true, entries: parsed.feed.entries.length, articles: rows, row };
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`index-build: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    throw error;
  }
  const registry = loadRegistry();
  for (const input of options.inputs) {
    if (input.outlet !== null && !registry.get(input.outlet)) {
      process.stderr.write(`index-build: --outlet: unknown outlet id "${input.outlet}"\n`);
      return 2;
    }
  }
  const problems: string[] = [];
  const sources = expandInputs(options.inputs, problems);
  for (const problem of problems) process.stderr.write(`index-build: ${problem}\n`);
  const now = Date.now();
  const results = await mapWithConcurrency(sources, options.concurrency, async (source) => {
    const result = await readSource(source, options, registry, now);
    process.stderr.write(
      result.ok
        ? `index-build: ${result.feed}: ${result.entries} entries, ${result.articles.length} articles\n`
        : `index-build: ${result.feed}: error: ${result.error}\n`,
    );
    return result;
  });

  const byId = new Map<string, IndexFileArticle>();
  for (const result of results) for (const article of result.articles) if (!byId.has(article.id)) byId.set(article.id, article);
  const feeds = new Map<string, IndexFileFeed>();
  for (const result of results) if (result.row && !feeds.has(result.row.url)) feeds.set(result.row.url, result.row);
  const file = buildIndexFile({
    exportedAt: now,
    generator: 'parallax index:build',
    preferences: DEFAULT_PREFERENCES,
    feeds: [...feeds.values()],
    articles: [...byId.values()].sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1)),
  });
  // The extension will refuse a file that does not validate: check here so a publisher never ships one.
  const check = validateIndexFile(file);
  if (!check.ok) {
    process.stderr.write(`index-build: internal error, the built file does not validate: ${check.errors.join('; ')}\n`);
    return 1;
  }
  const succeeded = results.filter((r) => r.ok).length;
  const failed = results.length - succeeded + problems.length;
  if (succeeded === 0) {
    process.stderr.write('index-build: no feed could be read; no index file written\n');
    return 1;
  }
  const json = JSON.stringify(file);
  if (options.out !== null) {
    try {
      writeFileSync(options.out, `${json}\n`);
    } catch (error) {
      process.stderr.write(`index-build: ${options.out}: cannot write (${error instanceof Error ? error.message : String(error)})\n`);
      return 1;
    }
    for (const r of results) {
      process.stdout.write(
        `${JSON.stringify(r.ok ? { feed: r.feed, ok: true, entries: r.entries, articles: r.articles.length } : { feed: r.feed, ok: false, error: r.error })}\n`,
      );
    }
  } else {
    process.stdout.write(`${json}\n`);
  }
  process.stderr.write(
    `index-build: ${byId.size} articles from ${succeeded} feed(s), ${feeds.size} feed(s) listed${failed > 0 ? `, ${failed} failed` : ''}\n`,
  );
  return failed > 0 && !options.allowFailures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`index-build: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

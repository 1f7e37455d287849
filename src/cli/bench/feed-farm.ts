/**
 * A thousand distinct feeds on 127.0.0.1, built from the real feeds of feeds-dev: each document that
 * parses is served again and again, each copy under its own port and path, with its article links moved
 * under a per-copy path (distinct articles) and its dates laid over the last days (so they fall inside
 * the retention window, as a live feed's do). Plus an endless chunked body without Content-Length, to
 * show that reading a feed stops at its byte cap.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../../core/feeds/index';

/** Namespace and format identifiers that look like links but must stay as they are. */
const IDENTIFIER_HOSTS =
  /(^|\.)(w3\.org|purl\.org|jsonfeed\.org|webns\.net|wellformedweb\.org|rssnamespace\.org|userland\.com|netscape\.com|itunes\.com|yahoo\.com|harvard\.edu)$/;
const LINK = /(?<!xmlns(?::[\w-]+)?=["'])\b(https?:\/\/)([^/"'<>\s]+)\//g;
const XML_DATE = /<((?:[\w-]+:)?(?:pubDate|date|published|updated|issued|modified|created))(\s[^>]*)?>[^<]*<\/\1>/g;
const JSON_DATE = /"(date_published|date_modified)"\s*:\s*"[^"]*"/g;
/** Between two consecutive items of a served feed. */
const ITEM_GAP_MS = 20 * 60_000;

export interface FarmDocument {
  file: string;
  /** The document as stored (gunzipped), as a byte-preserving string. */
  text: string;
  json: boolean;
}

function readDocument(dir: string, file: string): FarmDocument {
  let bytes = readFileSync(join(dir, file));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('latin1');
  return { file, text, json: /^\s*\{/.test(text) };
}

/** One served copy: links under `/c<copy>/`, dates from `now` back, one item gap apart. */
export function servedCopy(doc: FarmDocument, copy: number, now: number): Buffer {
  let n = 0;
  const rfc822 = () => new Date(now - n++ * ITEM_GAP_MS).toUTCString();
  const iso = () => new Date(now - n++ * ITEM_GAP_MS).toISOString();
  const text = doc.text
    .replace(LINK, (match, scheme: string, host: string) => (IDENTIFIER_HOSTS.test(host) ? match : `${scheme}${host}/c${copy}/`))
    .replace(
      XML_DATE,
      (_m, tag: string, attrs: string | undefined) => `<${tag}${attrs ?? ''}>${/pubDate$/i.test(tag) ? rfc822() : iso()}</${tag}>`,
    )
    .replace(JSON_DATE, (_m, key: string) => `"${key}": "${iso()}"`);
  return Buffer.from(text, 'latin1');
}

/** The documents of feeds-dev that still parse as feeds with entries once served as copies. */
export function farmDocuments(feedsDir: string): FarmDocument[] {
  const files = readFileSync(join(feedsDir, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { file: string }).file);
  return files
    .map((file) => readDocument(feedsDir, file))
    .filter((doc) => {
      const parsed = parseFeed(new Uint8Array(servedCopy(doc, 1, Date.now())));
      return parsed.ok && parsed.feed.entries.length > 0;
    });
}

export interface FeedFarm {
  /** Every feed's URL, `count` of them. */
  urls: string[];
  /** A feed whose body never ends (chunked, no Content-Length). */
  endlessUrl: string;
  /** Bytes the endless route wrote before the reader went away, per request. */
  endlessWritten: number[];
  requests: () => number;
  close(): Promise<void>;
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
};

/**
 * Serves `count` feeds over `ports` servers (a host is name and port, so the per-host limit counts each
 * port apart), pre-rendered with dates from now back.
 */
export async function startFeedFarm(
  docs: readonly FarmDocument[],
  count: number,
  ports: number,
  endlessLimitBytes: number,
): Promise<FeedFarm> {
  const now = Date.now();
  const bodies = Array.from({ length: count }, (_, k) => ({
    bytes: servedCopy(docs[k % docs.length], k, now),
    json: docs[k % docs.length].json,
  }));
  let requests = 0;
  const endlessWritten: number[] = [];
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let p = 0; p < ports; p++) {
    const server = createServer((req, res) => {
      requests++;
      if (req.url === '/endless.xml') return endless(res);
      const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
      const body = match ? bodies[Number(match[1])] : undefined;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': body.json ? 'application/feed+json' : 'application/rss+xml',
        'content-length': body.bytes.length,
      });
      res.end(body.bytes);
    });
    servers.push(server);
    origins.push(`http://127.0.0.1:${await listen(server)}`);
  }
  function endless(res: import('node:http').ServerResponse): void {
    const index = endlessWritten.push(0) - 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const head = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title><description>');
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    res.write(head);
    const pump = () => {
      while (endlessWritten[index] < endlessLimitBytes && !res.destroyed) {
        endlessWritten[index] += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('</description></channel></rss>');
    };
    res.on('close', () => res.destroy());
    pump();
  }
  return {
    urls: Array.from({ length: count }, (_, k) => `${origins[k % ports]}/feeds/${k}.xml`),
    endlessUrl: `${origins[0]}/endless.xml`,
    endlessWritten,
    requests: () => requests,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((ok) => server.close(ok));
      }
    },
  };
}

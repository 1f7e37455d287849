/**
 * Benchmarks of the outlet registry and ratings: load time, resolution speed and coverage on real
 * article URLs (UCI headlines, pages-dev), search latency, shipped data size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { catalogueFigures } from '../../core/outlets/catalogue/build';
import { OutletRegistry, parseOutlets, registryOfShippedText, SHIPPED_OUTLETS_DATA } from '../../core/outlets/index';
import { ratingFor, shippedRatingSets, SHIPPED_RATINGS_DATA } from '../../core/ratings/index';
import type { BenchPaths } from './paths';
import { median } from './stats';

function readUrls(path: string, gzipped: boolean): string[] {
  const bytes = readFileSync(path);
  const text = (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  const urls: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { url?: unknown };
    if (typeof row.url === 'string') urls.push(row.url);
  }
  return urls;
}

function coverage(bench: string, registry: OutletRegistry, urls: string[]): void {
  let resolved = 0;
  let rated = 0;
  const outlets = new Set<string>();
  const started = performance.now();
  for (const url of urls) {
    const outlet = registry.resolve(url);
    if (outlet === null) continue;
    resolved += 1;
    outlets.add(outlet.id);
    if (ratingFor(outlet.id) !== null) rated += 1;
  }
  const elapsedMs = performance.now() - started;
  console.log(
    JSON.stringify({
      bench,
      urls: urls.length,
      resolved,
      resolvedShare: Number((resolved / urls.length).toFixed(4)),
      rated,
      ratedShare: Number((rated / urls.length).toFixed(4)),
      distinctOutlets: outlets.size,
      nsPerResolveAndRate: Math.round((elapsedMs * 1e6) / urls.length),
    }),
  );
}

export async function runBench(paths: BenchPaths): Promise<void> {
  const loadTimes: number[] = [];
  let registry = new OutletRegistry([]);
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    registry = new OutletRegistry(parseOutlets(SHIPPED_OUTLETS_DATA));
    loadTimes.push(performance.now() - started);
  }
  // What a woken worker does with the catalogue file's text: index the hosts, then parse the outlet a page needs.
  const catalogueText = readFileSync(fileURLToPath(new URL('../../core/outlets/data/outlets.json', import.meta.url)), 'utf8');
  const wakeTimes: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    registryOfShippedText(catalogueText).resolve('https://www.bbc.co.uk/news');
    wakeTimes.push(performance.now() - started);
  }
  const ratingsStarted = performance.now();
  const ratingSets = shippedRatingSets();
  const ratingsMs = performance.now() - ratingsStarted;
  console.log(
    JSON.stringify({
      bench: 'outlets:load',
      outlets: registry.size,
      englishOutlets: registry.all().filter((outlet) => outlet.lang === 'en').length,
      feeds: registry.all().reduce((sum, outlet) => sum + outlet.feeds.length, 0),
      matchPatterns: registry.matchPatterns().length,
      ratings: ratingSets.reduce((sum, set) => sum + set.ratings.length, 0),
      registryParseAndIndexMsMedian: Number(median(loadTimes).toFixed(2)),
      registryParseAndIndexMsFirst: Number(loadTimes[0].toFixed(2)),
      ratingsParseMs: Number(ratingsMs.toFixed(2)),
      outletsJsonBytes: JSON.stringify(SHIPPED_OUTLETS_DATA).length,
      ratingsJsonBytes: SHIPPED_RATINGS_DATA.reduce<number>((sum, data) => sum + JSON.stringify(data).length, 0),
      workerReadMsMedian: Number(median(wakeTimes).toFixed(2)),
    }),
  );
  // The catalogue's figures, as `npm run outlets:build` prints them.
  console.log(JSON.stringify({ bench: 'outlets:catalogue', ...catalogueFigures(registry.all(), ratingSets[0]) }));

  coverage('outlets:resolve-uci', registry, readUrls(paths.uci, true));
  coverage('outlets:resolve-pages-dev', registry, readUrls(join(paths.pages, 'truth.jsonl'), false));

  const queries = ['guardian', 'new york', 'times', 'fox', 'le monde', 'spiegel', 'ab', 'z'];
  const searchTimes: number[] = [];
  for (let run = 0; run < 20; run += 1) {
    for (const query of queries) {
      const started = performance.now();
      registry.search(query);
      searchTimes.push(performance.now() - started);
    }
  }
  console.log(
    JSON.stringify({
      bench: 'outlets:search',
      queries: searchTimes.length,
      msMedian: Number(median(searchTimes).toFixed(3)),
      msMax: Number(Math.max(...searchTimes).toFixed(3)),
    }),
  );
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  const data = '/work/shared/data';
  await runBench({ uci: `${data}/uci-news/uci-dev.jsonl.gz`, pages: `${data}/pages-dev`, feeds: `${data}/feeds-dev` });
}

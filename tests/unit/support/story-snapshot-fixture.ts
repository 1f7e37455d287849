/**
 * A story engine snapshot kept as a committed fixture, written by an earlier build of the engine, and the
 * answers that build gave: a restore by today's code must read the old bytes and answer as the old engine
 * did (a reader's stored index outlives the build that wrote it).
 *
 * The history below is deterministic: the fixture headlines, then synthetic coverage of 30 events over
 * three days (so that stories close, get their second look and merge), with some articles re-added and
 * some removed, and the engine saved mid-stream (not settled), as the extension saves it.
 *
 * Re-recording (`npx tsx tests/unit/support/story-snapshot-fixture.ts --write`) writes the bytes and the
 * answers of the code checked out, so it is for a deliberate change of the stored format or of the
 * engine's answers only: otherwise the point of the fixture, bytes from an older build, is lost.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type EngineArticle, StoryEngine } from '../../../src/core/story';
import { encodeSnapshot } from '../../../src/core/story/snapshot-pack';

export const SNAPSHOT_FIXTURE = 'tests/fixtures/story/engine-snapshot-v1.bin';
export const ANSWERS_FIXTURE = 'tests/fixtures/story/engine-snapshot-v1.answers.json';

const T0 = Date.UTC(2026, 0, 16, 8);

/** A well-spread pick in 0..n−1 for (i, k): a 32-bit hash (MurmurHash3's finaliser), the same on every run. */
function pick(i: number, k: number, n: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % n;
}

/**
 * `count` synthetic headlines over 30 events, 15 minutes apart (four of the event's eight words and one
 * common word each); `salt` varies the picks.
 */
function synthetic(count: number, salt: number, start: number, idPrefix: string): EngineArticle[] {
  const shared = ['report', 'update', 'officials', 'latest', 'says', 'week', 'plan', 'crisis'];
  return Array.from({ length: count }, (_, i) => {
    const at = (k: number, n: number) => pick(i, salt * 16 + k, n);
    const event = (Math.floor((i / count) * 30) + at(0, 3)) % 30;
    const title = [1, 2, 3, 4].map((k) => `event${event}word${at(k, 8)}`).concat(shared[at(5, 8)]);
    const outlet = at(6, 25);
    const article: EngineArticle = {
      id: `https://outlet${outlet}.example/${idPrefix}${i}-ü`,
      title: title.join(' '),
      published: start + i * 900_000,
    };
    // Some outlets are known by name, some only by host, a few not at all; some articles have a description.
    if (outlet % 5 !== 0) article.publisher = `Outlet ${outlet}`;
    else if (outlet % 10 === 0) article.host = `outlet${outlet}.example`;
    if (at(7, 4) === 0) article.description = `event${event}word${at(8, 8)} ${shared[at(9, 8)]} background`;
    return article;
  });
}

/** The fixture headlines (tests/fixtures/story/headlines.jsonl). */
function fixtureHeadlines(): EngineArticle[] {
  return readFileSync('tests/fixtures/story/headlines.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const { id, title, publisher, published } = JSON.parse(line) as EngineArticle;
      return { id, title, publisher, published };
    });
}

/** The engine whose snapshot the fixture holds, built the same way by any build. */
export function fixtureEngine(): StoryEngine {
  const engine = new StoryEngine();
  for (const article of fixtureHeadlines()) engine.add(article);
  const coverage = synthetic(300, 11, T0, '');
  coverage.forEach((article, i) => {
    engine.add(article);
    // A re-added article replaces its earlier version.
    if (i % 37 === 36) engine.add({ ...coverage[i - 20], title: `${coverage[i - 20].title} revised` });
  });
  for (const article of coverage.filter((_, i) => i % 11 === 5)) engine.remove(article.id);
  engine.remove('a2');
  return engine;
}

/** Articles that were never indexed: the queries, and the coverage added after the restore. */
export function laterCoverage(): EngineArticle[] {
  return synthetic(40, 23, T0 + 300 * 900_000 - 6 * 3_600_000, 'later-');
}

export function fixtureQueries(): EngineArticle[] {
  const queries = readFileSync('tests/fixtures/story/queries.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EngineArticle);
  return [...queries, ...synthetic(20, 5, T0 + 24 * 3_600_000, 'query-')];
}

export interface RecordedAnswers {
  size: { articles: number; stories: number };
  storyOf: Record<string, string | null>;
  members: Record<string, string[]>;
  currentStoryId: Record<string, string | null>;
  matches: unknown[];
  /** After the restore: the story each later article joined, then the matches again. */
  joined: string[];
  matchesAfter: unknown[];
}

/** What the engine answers about the fixture's articles and stories (recorded in ANSWERS_FIXTURE); it then grows. */
export function answersOf(engine: StoryEngine, storyIds: readonly string[], mergedFrom: readonly string[]): RecordedAnswers {
  const ids = [...fixtureHeadlines(), ...synthetic(300, 11, T0, '')].map((article) => article.id);
  const queries = fixtureQueries();
  const answers: RecordedAnswers = {
    size: engine.size(),
    storyOf: Object.fromEntries(ids.map((id) => [id, engine.storyOf(id) ?? null])),
    members: Object.fromEntries(storyIds.map((id) => [id, engine.members(id)])),
    currentStoryId: Object.fromEntries(mergedFrom.map((id) => [id, engine.currentStoryId(id) ?? null])),
    matches: queries.map((query) => engine.match(query)),
    joined: [],
    matchesAfter: [],
  };
  answers.joined = laterCoverage().map((article) => engine.add(article));
  answers.matchesAfter = queries.map((query) => engine.match(query));
  return answers;
}

if (process.argv.includes('--write')) {
  const engine = fixtureEngine();
  const snapshot = engine.toSnapshot();
  const bytes = encodeSnapshot(snapshot);
  writeFileSync(SNAPSHOT_FIXTURE, bytes);
  // The saved engine's own answers: a restored engine must give the same.
  writeFileSync(ANSWERS_FIXTURE, `${JSON.stringify(answersOf(engine, snapshot.storyIds, snapshot.mergedFrom), null, 1)}\n`);
  console.log(`${SNAPSHOT_FIXTURE}: ${bytes.length} bytes, ${snapshot.storyIds.length} stories, ${snapshot.mergedFrom.length} merged`);
}

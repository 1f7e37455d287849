/**
 * A made-up news stream as feeds deliver it: stories of invented words (so that no real vocabulary or
 * stop word decides anything), their headlines arriving in batches of neighbouring times, some batches
 * late, behind newer ones. Seeded: the same seed gives the same stream.
 */
import type { EngineArticle } from '../../../src/core/story/index';

const HOUR = 3600_000;
const T0 = 1_700_000_000_000;

/** Mulberry32: a small seeded generator, enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items in a random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const CONSONANTS = 'bdfgklmnprtvz';
const VOWELS = 'aiou';

/**
 * `stories` stories over a week, each of 1-10 headlines within 30 hours of its start, in batches of
 * `batchSize` by time; every third batch arrives after the next one.
 */
export function lateBatches(seed: number, stories = 40, batchSize = 12): EngineArticle[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const used = new Set<string>();
  const word = (): string => {
    for (;;) {
      const made =
        pick([...CONSONANTS]) + pick([...VOWELS]) + pick([...CONSONANTS]) + pick([...VOWELS]) + pick([...CONSONANTS]) + pick([...VOWELS]);
      if (!used.has(made)) {
        used.add(made);
        return made;
      }
    }
  };
  // Words several stories share (as "court" or "deal" do), and words any headline may hold.
  const shared = Array.from({ length: 6 }, word);
  const noise = Array.from({ length: 60 }, word);
  const articles: EngineArticle[] = [];
  for (let s = 0; s < stories; s++) {
    const topic = Array.from({ length: 5 }, word);
    const start = T0 + Math.floor(next() * 7 * 24) * HOUR;
    const count = 1 + Math.floor(next() * 10);
    for (let a = 0; a < count; a++) {
      const words = shuffled(topic, next).slice(0, 2 + Math.floor(next() * 3));
      words.push(pick(shared), pick(noise));
      articles.push({
        id: `s${s}-a${a}`,
        title: words.join(' '),
        publisher: `Outlet ${Math.floor(next() * 8)}`,
        published: start + Math.floor(next() * 30) * HOUR,
      });
    }
  }
  articles.sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1));
  const batches: EngineArticle[][] = [];
  for (let i = 0; i < articles.length; i += batchSize) batches.push(articles.slice(i, i + batchSize));
  for (let b = 2; b < batches.length; b += 3) [batches[b - 1], batches[b]] = [batches[b], batches[b - 1]];
  return batches;
}

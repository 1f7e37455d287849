/** The stored form of the engine's snapshot: one binary buffer that gives the snapshot back exactly. */
import { describe, expect, it } from 'vitest';
import { clusterInTimeOrder, StoryEngine, type EngineArticle, type PackedArticleIds } from '../../../../src/core/story';
import { decodeSnapshot, encodeSnapshot } from '../../../../src/core/story/snapshot-pack';

const T0 = Date.UTC(2026, 0, 16, 8);
const ARTICLES = [
  { id: 'https://a.example/1', title: 'Japan and US agree to expand joint missile production', published: T0, publisher: 'Reuters' },
  {
    id: 'https://b.example/2',
    title: 'US, Japan to boost missile production, drills',
    published: T0 + 3_600_000,
    publisher: 'Line\u0000Break News',
  },
  { id: 'https://c.example/3', title: 'Tormenta invernal: nieve en el noreste, 東京 雪', published: T0 + 7_200_000, publisher: 'AP' },
];

/** The ids of a packed list, each decoded on its own (as the engine does). */
function idsOf(packed: PackedArticleIds): string[] {
  return Array.from(packed.ends, (end, i) => new TextDecoder().decode(packed.utf8.subarray(i === 0 ? 0 : packed.ends[i - 1] + 1, end)));
}

/** What IndexedDB hands back: the bytes in a fresh buffer of their own. */
const stored = (bytes: Uint8Array) => bytes.slice().buffer;

/**
 * Deterministic synthetic coverage: `count` headlines over 60 events in time order, each made of three of
 * its event's words and two shared words, from 40 outlets.
 */
function syntheticArticles(count: number): EngineArticle[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const shared = ['report', 'update', 'officials', 'latest', 'says', 'week', 'plan', 'crisis'];
  return Array.from({ length: count }, (_, i) => {
    const event = Math.floor((i / count) * 60 + next(3)) % 60;
    const words = [0, 1, 2].map(() => `event${event}word${next(6)}`);
    return {
      id: `https://outlet${next(40)}.example/${i}-é`,
      title: [...words, shared[next(shared.length)], shared[next(shared.length)]].join(' '),
      publisher: `Outlet ${next(40)}`,
      published: T0 + i * 600_000,
    };
  });
}

describe('snapshot encoding', () => {
  it('gives the snapshot back unchanged: typed arrays, string lists in any script, options, Infinity', () => {
    const engine = clusterInTimeOrder(ARTICLES);
    const snapshot = engine.toSnapshot();
    const { articleIdsUtf8, ...decoded } = decodeSnapshot(stored(encodeSnapshot(snapshot)));
    // The article ids come packed, for the engine to decode one by one; everything else as it was.
    expect(decoded).toEqual({ ...snapshot, articleIds: [] });
    expect(idsOf(articleIdsUtf8!)).toEqual(ARTICLES.map((a) => a.id));
    // A list holding the separator (here a publisher's name) survives as well.
    expect(decoded.publishers.some((key) => key.includes('\u0000'))).toBe(true);
    const infinite = { ...snapshot, revisedBefore: Infinity };
    // Ids holding the separator are stored as a plain list.
    const odd = { ...snapshot, articleIds: ['a\u0000b', 'c'] };
    expect(decodeSnapshot(stored(encodeSnapshot(odd))).articleIds).toEqual(['a\u0000b', 'c']);
    expect(decodeSnapshot(stored(encodeSnapshot(infinite))).revisedBefore).toBe(Infinity);
  });

  it('tells an empty list from a list of one empty string', () => {
    const snapshot = new StoryEngine().toSnapshot();
    const round = decodeSnapshot(stored(encodeSnapshot({ ...snapshot, mergedFrom: [], mergedInto: [''] })));
    expect(round.mergedFrom).toEqual([]);
    expect(round.mergedInto).toEqual(['']);
  });

  it('restores an engine that answers as the original did', () => {
    const engine = clusterInTimeOrder(ARTICLES);
    const query = { id: 'q', title: 'Japan, United States agree on missile production', published: T0 + 2 * 3_600_000 };
    const restore = () => StoryEngine.fromSnapshot(decodeSnapshot(stored(encodeSnapshot(engine.toSnapshot()))));
    const restored = restore();
    expect(engine.match(query)).not.toBeNull();
    expect(restored.match(query)).toEqual(engine.match(query));
    // Members come from the still-packed ids; every other path unpacks them first.
    expect(restored.members(engine.storyOf(ARTICLES[0].id)!)).toEqual(engine.members(engine.storyOf(ARTICLES[0].id)!));
    expect(restored.storyOf(ARTICLES[2].id)).toBe(engine.storyOf(ARTICLES[2].id));
    expect(restored.toSnapshot()).toEqual(engine.toSnapshot());
    const late = { id: 'https://d.example/4', title: 'Japan US missile production deal signed', published: T0 + 3 * 3_600_000 };
    expect(restore().add(late)).toBe(clusterInTimeOrder(ARTICLES).add(late));
    const pruned = restore();
    expect(pruned.pruneOlderThan(T0 + 1)).toBe(1);
    expect(pruned.storyOf(ARTICLES[0].id)).toBeUndefined();
  });

  it('restores an engine that keeps answering, growing and shrinking like the original, and leaves its snapshot as it was', () => {
    const articles = syntheticArticles(1500);
    // Past the first thousand articles, a fresh engine's columns grow too.
    const original = clusterInTimeOrder(articles.slice(0, 1100));
    const bytes = encodeSnapshot(original.toSnapshot());
    const buffer = stored(bytes);
    const restored = StoryEngine.fromSnapshot(decodeSnapshot(buffer));
    // Matches of indexed articles (found in the packed ids) and of unseen ones.
    for (const query of [
      articles[0],
      articles[555],
      articles[1099],
      articles[1100],
      { ...articles[1101], id: 'https://outlet1.example/x' },
    ]) {
      expect(restored.match(query)).toEqual(original.match(query));
    }
    // Enough matches for the restored engine to go from scanning its vocabulary to its term map.
    for (const query of articles.slice(1100, 1140)) expect(restored.match(query)).toEqual(original.match(query));
    // An id of the same byte length as an indexed one, but not indexed, is not taken for it.
    const lookalike = { ...articles[555], id: articles[555].id.replace('-é', '-è') };
    expect(restored.match(lookalike)).toEqual(original.match(lookalike));
    // Removals and story moves first, while the restored columns are still the snapshot's size.
    for (const article of articles.slice(0, 900).filter((_, i) => i % 7 === 0)) {
      original.remove(article.id);
      restored.remove(article.id);
    }
    original.refineStories();
    restored.refineStories();
    for (const article of articles.slice(1100)) expect(restored.add(article)).toBe(original.add(article));
    expect(original.pruneOlderThan(articles[200].published)).toBe(restored.pruneOlderThan(articles[200].published));
    expect(restored.toSnapshot()).toEqual(original.toSnapshot());
    for (const query of articles.filter((_, i) => i % 50 === 0)) {
      const [again, before] = [restored.match(query), original.match(query)];
      expect(again?.storyId).toBe(before?.storyId);
      expect(again?.terms).toEqual(before?.terms);
      // Story term sums are stored as 32-bit floats: once stories change, scores may differ in the last bit.
      expect(again?.score ?? 0).toBeCloseTo(before?.score ?? 0, 12);
    }
    // Its stored bytes were not written to (the restored engine's arrays started as views on them).
    const after = new Uint8Array(buffer);
    expect(after.length).toBe(bytes.length);
    expect(after.findIndex((byte, i) => byte !== bytes[i])).toBe(-1);
  });

  it('restores a snapshot stored without the derived frequencies and postings to the same engine', () => {
    const articles = syntheticArticles(600);
    const engine = clusterInTimeOrder(articles.slice(0, 500));
    const { df, storyPostingOffsets, storyPostings, ...older } = engine.toSnapshot();
    expect(df?.length).toBe(older.terms.length);
    expect(storyPostings?.length).toBe(older.storyTermIds.length);
    const fromOlder = StoryEngine.fromSnapshot(decodeSnapshot(stored(encodeSnapshot(older))));
    const fromCurrent = StoryEngine.fromSnapshot(decodeSnapshot(stored(encodeSnapshot(engine.toSnapshot()))));
    for (const query of articles.filter((_, i) => i % 20 === 0)) {
      expect(fromOlder.match(query)).toEqual(engine.match(query));
      expect(fromCurrent.match(query)).toEqual(engine.match(query));
    }
    for (const article of articles.slice(500)) {
      const joined = engine.add(article);
      expect(fromOlder.add(article)).toBe(joined);
      expect(fromCurrent.add(article)).toBe(joined);
    }
    expect(fromOlder.toSnapshot()).toEqual(engine.toSnapshot());
    expect(fromCurrent.toSnapshot()).toEqual(engine.toSnapshot());
  });

  it('refuses bytes that are not a snapshot, or a truncated one, with an error', () => {
    expect(() => decodeSnapshot(new TextEncoder().encode('{"format":"parallax-story-engine"}').buffer)).toThrow(
      'not a stored story engine snapshot',
    );
    const bytes = encodeSnapshot(clusterInTimeOrder(ARTICLES).toSnapshot());
    expect(() => decodeSnapshot(stored(bytes.subarray(0, bytes.length - 64)))).toThrow(/bad section|truncated/);
  });
});

/**
 * A snapshot's head (every byte before the article ids) restores an engine that answers a first match
 * exactly as the saved one, and finds a story's members by their id keys; the ids' bytes complete it.
 */
import { describe, expect, it } from 'vitest';
import { StoryEngine } from '../../../../src/core/story';
import { idKey, idKeyOfBytes } from '../../../../src/core/story/id-key';
import { decodeSnapshot, encodeSnapshot, encodeSnapshotWithHead, snapshotHeadLength } from '../../../../src/core/story/snapshot-pack';
import { lateBatches } from '../../support/late-batches';

/**
 * An engine over the first 400 articles of a made-up stream, every article with a non-ASCII id
 * (the keys hash UTF-8 bytes).
 */
function streamEngine() {
  const articles = lateBatches(5, 100)
    .flat()
    .map((article, i) => ({ ...article, id: `https://outlet${i % 9}.example/${i}-né` }));
  const engine = new StoryEngine();
  for (const article of articles.slice(0, 400)) engine.add(article);
  engine.refineStories();
  return { engine, articles };
}

/** The snapshot split where the woken worker splits it: its head, and the ids' bytes after it. */
function split(engine: StoryEngine) {
  const { bytes, headLength } = encodeSnapshotWithHead(engine.toSnapshot());
  return { bytes, headLength, head: bytes.slice(0, headLength).buffer, ids: bytes.slice(headLength) };
}

describe('the id key', () => {
  it('is the same from the id and from its stored bytes, and differs between ids', () => {
    const ids = ['https://a.example/1', 'https://b.example/über-straße', 'https://c.example/東京', ''];
    for (const id of ids) {
      const bytes = new TextEncoder().encode(`xx${id}yy`);
      expect(idKeyOfBytes(bytes, 2, bytes.length - 2)).toBe(idKey(id));
      expect(Number.isSafeInteger(idKey(id))).toBe(true);
    }
    const many = Array.from({ length: 50_000 }, (_, i) => `https://outlet${i % 97}.example/news/${i}`);
    expect(new Set(many.map(idKey)).size).toBe(many.length);
  });
});

describe("a snapshot's head", () => {
  it('is everything before the article ids, about half of a snapshot with long ids', () => {
    const { engine } = streamEngine();
    const { bytes, headLength } = split(engine);
    expect(headLength).toBeLessThan(bytes.length);
    expect(new TextDecoder().decode(bytes.subarray(headLength, headLength + 30))).toBe('https://outlet0.example/0-né\u0000'.slice(0, 30));
    // Not a snapshot by itself unless the caller says it is only the head.
    expect(() => decodeSnapshot(bytes.slice(0, headLength).buffer)).toThrow(/bad section/);
    // A snapshot without id keys (an older build's) has no head to read apart.
    const { articleIdKeys, ...older } = engine.toSnapshot();
    expect(encodeSnapshotWithHead(older).headLength).toBe(encodeSnapshot(older).length);
    expect(articleIdKeys?.length).toBe(engine.size().articles);
  });

  it('is found again from the encoded bytes alone (as a stored snapshot file is read back)', () => {
    const { engine } = streamEngine();
    const { bytes, headLength } = split(engine);
    expect(snapshotHeadLength(bytes)).toBe(headLength);
    const { articleIdKeys: _keys, ...older } = engine.toSnapshot();
    const olderBytes = encodeSnapshot(older);
    expect(snapshotHeadLength(olderBytes)).toBe(olderBytes.length);
    expect(() => snapshotHeadLength(new TextEncoder().encode('not a snapshot'))).toThrow(/not a stored/);
  });

  it("restores an engine that matches like the saved one, finds a story's members by key, and refuses what needs the ids", () => {
    const { engine, articles } = streamEngine();
    const { bytes, head } = split(engine);
    const restored = StoryEngine.fromSnapshot(decodeSnapshot(head, { headOnly: true }));
    // Members of one time are in slot order after any restore: the same engine restored whole says which.
    const whole = StoryEngine.fromSnapshot(decodeSnapshot(bytes.slice().buffer));
    expect(restored.idsPending).toBe(true);
    expect(whole.idsPending).toBe(false);
    // Indexed articles (found by their key), unseen ones, and an unseen one at an indexed article's time.
    const queries = [...articles.slice(0, 400).filter((_, i) => i % 7 === 0), ...articles.slice(400, 460)];
    queries.push({ ...articles[10], id: 'https://elsewhere.example/10' });
    let indexed = 0;
    for (const query of queries) {
      const match = engine.match(query);
      if (engine.storyOf(query.id) !== undefined) indexed++;
      expect(restored.match(query)).toEqual(match);
    }
    expect(indexed).toBeGreaterThan(30);
    for (const storyId of new Set(articles.slice(0, 400).map((a) => engine.storyOf(a.id)!))) {
      expect(restored.memberKeys(storyId)).toEqual(
        whole.members(storyId).map((id) => ({ key: idKey(id), published: articles.find((a) => a.id === id)!.published })),
      );
      expect(new Set(whole.members(storyId))).toEqual(new Set(engine.members(storyId)));
      expect(restored.currentStoryId(storyId)).toBe(engine.currentStoryId(storyId));
    }
    expect(restored.size()).toEqual(engine.size());
    expect(() => restored.members(engine.storyOf(articles[0].id)!)).toThrow('not read yet');
    expect(() => restored.add(articles[400])).toThrow('not read yet');
  });

  it('with the ids attached, goes on exactly like the saved engine', () => {
    const { engine, articles } = streamEngine();
    const { head, ids } = split(engine);
    const restored = StoryEngine.fromSnapshot(decodeSnapshot(head, { headOnly: true }));
    expect(() => restored.attachIds(ids.subarray(0, ids.length - 40))).toThrow('do not fit');
    restored.attachIds(ids);
    expect(restored.idsPending).toBe(false);
    expect(() => restored.attachIds(ids)).toThrow('in already');
    expect(restored.toSnapshot()).toEqual(engine.toSnapshot());
    for (const article of articles.slice(400)) expect(restored.add(article)).toBe(engine.add(article));
    restored.refineStories();
    engine.refineStories();
    expect(restored.toSnapshot()).toEqual(engine.toSnapshot());
    expect(restored.members(engine.storyOf(articles[0].id)!)).toEqual(engine.members(engine.storyOf(articles[0].id)!));
  });
});

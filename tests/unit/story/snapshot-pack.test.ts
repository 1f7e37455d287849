/** The stored form of the engine's snapshot: packed string lists that come back exactly. */
import { describe, expect, it } from 'vitest';
import { clusterInTimeOrder, StoryEngine } from '../../../src/core/story';
import { packSnapshot, unpackSnapshot, type PackedStrings } from '../../../src/core/story/snapshot-pack';

const T0 = Date.UTC(2026, 0, 16, 8);
const ARTICLES = [
  { id: 'https://a.example/1', title: 'Japan and US agree to expand joint missile production', published: T0, publisher: 'Reuters' },
  { id: 'https://b.example/2', title: 'US, Japan to boost missile production, drills', published: T0 + 3_600_000, publisher: 'Line\u0000Break News' },
  { id: 'https://c.example/3', title: 'Winter storm brings heavy snow to the Northeast', published: T0 + 7_200_000, publisher: 'AP' },
];

describe('snapshot packing', () => {
  it('stores string lists as one string each and gives the snapshot back unchanged', () => {
    const snapshot = clusterInTimeOrder(ARTICLES).toSnapshot();
    const stored = packSnapshot(snapshot);
    expect(typeof (stored.articleIds as PackedStrings).packed).toBe('string');
    expect(typeof (stored.terms as PackedStrings).packed).toBe('string');
    expect(unpackSnapshot(structuredClone(stored))).toEqual(snapshot);
  });

  it('keeps a list as it is when one of its strings holds the separator', () => {
    const snapshot = clusterInTimeOrder(ARTICLES).toSnapshot();
    const stored = packSnapshot(snapshot);
    expect(stored.publishers).toEqual(snapshot.publishers);
    expect(unpackSnapshot(stored).publishers).toEqual(snapshot.publishers);
  });

  it('tells an empty list from a list of one empty string', () => {
    const snapshot = new StoryEngine().toSnapshot();
    const round = unpackSnapshot(structuredClone(packSnapshot({ ...snapshot, mergedFrom: [], mergedInto: [''] })));
    expect(round.mergedFrom).toEqual([]);
    expect(round.mergedInto).toEqual(['']);
  });

  it('restores an engine that answers as the original did, and reads snapshots stored before packing', () => {
    const engine = clusterInTimeOrder(ARTICLES);
    const query = { id: 'q', title: 'Japan, United States agree on missile production', published: T0 + 2 * 3_600_000 };
    const packed = StoryEngine.fromSnapshot(unpackSnapshot(structuredClone(packSnapshot(engine.toSnapshot()))));
    const legacy = StoryEngine.fromSnapshot(unpackSnapshot(structuredClone(engine.toSnapshot())));
    expect(packed.match(query)).toEqual(engine.match(query));
    expect(legacy.match(query)).toEqual(engine.match(query));
    expect(engine.match(query)).not.toBeNull();
  });
});

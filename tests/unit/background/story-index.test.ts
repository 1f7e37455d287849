/** The worker's index keeps the engine and the articles table in step, and survives a bad snapshot. */
import { describe, expect, it, vi } from 'vitest';
import { StoryEngine } from '../../../src/core/story';
import { decodeSnapshot } from '../../../src/core/story/snapshot-pack';
import { StoryIndex } from '../../../src/background/story-index';
import { ParallaxDatabase } from '../../../src/db/database';
import { EARLY_SNAPSHOT_MARKS, readSnapshotEarly } from '../../../src/db/early-snapshot';
import { feedRow as row } from '../support/feed-rows';

const ROWS = [
  row('https://a.example/1', 'Japan and US agree to expand joint missile production', 0),
  row('https://b.example/2', 'US and Japan agree to boost missile production and drills', 1),
  row('https://c.example/3', 'Winter storm brings heavy snow to the Northeast', 2),
];

describe('StoryIndex changes', () => {
  it('tells its listeners of every change of generation: an add, a removal, a reset', async () => {
    const index = new StoryIndex(new ParallaxDatabase(`index-${Math.random()}`));
    const generations: number[] = [];
    index.onChange(() => generations.push(index.generation()));
    await index.add(ROWS);
    await index.add(ROWS); // Nothing new: no change.
    await index.remove([ROWS[2].id]);
    index.reset();
    expect(generations).toEqual([1, 2, 3]);
  });
});

describe('StoryIndex persistence', () => {
  it('stores the engine as a Blob, and a fresh index (a woken worker) answers the same', async () => {
    const db = new ParallaxDatabase(`index-${Math.random()}`);
    const index = new StoryIndex(db);
    await index.add(ROWS);
    expect((await db.engineState.get('engine'))?.snapshot).toBeInstanceOf(Blob);
    const woken = new StoryIndex(db);
    const query = { ...row('https://d.example/4', 'Japan, US agree on joint missile production', 1.5) };
    expect(await woken.match(query)).toEqual(await index.match(query));
    expect((await woken.members((await woken.match(query))!.storyId)).map((a) => a.id).sort()).toEqual([ROWS[0].id, ROWS[1].id]);
  });

  it('a woken worker restores from the snapshot read before the database is opened, and answers the same', async () => {
    const name = `index-${Math.random()}`;
    const db = new ParallaxDatabase(name);
    const index = new StoryIndex(db);
    await index.add(ROWS);
    db.close();
    performance.clearMarks();
    const early = await readSnapshotEarly(name);
    expect(early?.bytes.byteLength).toBeGreaterThan(0);
    // Each step of the read leaves its mark, in order, for the benchmark's account of a wake.
    const marks = Object.values(EARLY_SNAPSHOT_MARKS).map((mark) => performance.getEntriesByName(mark)[0]?.startTime);
    expect(marks.every((time) => typeof time === 'number')).toBe(true);
    expect([...marks].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(marks);
    const wokenDb = new ParallaxDatabase(name);
    const read = vi.spyOn(wokenDb.engineState, 'get');
    const woken = new StoryIndex(wokenDb, Promise.resolve(early));
    const query = row('https://d.example/4', 'Japan, US agree on joint missile production', 1.5);
    expect(await woken.match(query)).toEqual(await index.match(query));
    // Restored from the early bytes: the row was not read again through Dexie.
    expect(read).not.toHaveBeenCalled();
  });

  it('reads nothing early, and creates no database, when there is none yet', async () => {
    const name = `absent-${Math.random()}`;
    expect(await readSnapshotEarly(name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    // Dexie then creates it with its schema as usual.
    const db = new ParallaxDatabase(name);
    await new StoryIndex(db, readSnapshotEarly(name)).add(ROWS);
    expect(await new StoryIndex(db).status()).toEqual({ articles: 3, stories: 2 });
  });

  it('falls back to the database when the early read found no usable snapshot', async () => {
    const db = new ParallaxDatabase(`index-${Math.random()}`);
    await new StoryIndex(db).add(ROWS);
    const woken = new StoryIndex(db, Promise.resolve(undefined));
    expect(await woken.status()).toEqual({ articles: 3, stories: 2 });
  });

  it('stores the stories as refined, for the next wake', async () => {
    const db = new ParallaxDatabase(`index-${Math.random()}`);
    const index = new StoryIndex(db);
    await index.add(ROWS);
    const refineStories = vi.spyOn(StoryEngine.prototype, 'refineStories');
    await index.refine();
    expect(refineStories).toHaveBeenCalledTimes(1);
    const stored = (await db.engineState.get('engine'))!.snapshot as Blob;
    expect(StoryEngine.fromSnapshot(decodeSnapshot(await stored.arrayBuffer())).toSnapshot()).toEqual((await index.ready()).toSnapshot());
    const query = row('https://d.example/4', 'Japan, US agree on joint missile production', 1.5);
    expect(await new StoryIndex(db).match(query)).toEqual(await index.match(query));
    expect(await new StoryIndex(db).status()).toEqual(await index.status());
  });

  it('rebuilds from the articles when the stored snapshot cannot be read', async () => {
    const db = new ParallaxDatabase(`index-${Math.random()}`);
    await new StoryIndex(db).add(ROWS);
    const state = (await db.engineState.get('engine'))!;
    await db.engineState.put({ ...state, snapshot: new Blob(['not a snapshot']) });
    const woken = new StoryIndex(db);
    expect(await woken.status()).toEqual({ articles: 3, stories: 2 });
    // And the rebuilt snapshot is stored for the next wake.
    expect(await new StoryIndex(db).status()).toEqual({ articles: 3, stories: 2 });
    expect((await db.engineState.get('engine'))?.snapshot).toBeInstanceOf(Blob);
  });
});

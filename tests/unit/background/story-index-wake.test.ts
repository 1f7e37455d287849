/**
 * A woken worker's index answers its first match from the snapshot's head (the bytes before the article
 * ids) and reads the ids after it: the same answers and rows, and nothing lost when the ids are unreadable.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoryIndex } from '../../../src/background/story-index';
import { ParallaxDatabase } from '../../../src/db/database';
import { type EarlySnapshot, readSnapshotEarly } from '../../../src/db/early-snapshot';
import { feedRow as row } from '../support/feed-rows';

// Two articles of one story at the same time, and one of another story at that time too: the rows are
// found by time, then told apart by their id keys.
const ROWS = [
  row('https://a.example/1', 'Japan and US agree to expand joint missile production', 0),
  row('https://b.example/2', 'US and Japan agree to boost missile production and drills', 1),
  row('https://e.example/5', 'Japan, US sign missile production pact', 1),
  row('https://c.example/3', 'Winter storm brings heavy snow to the Northeast', 1),
  row('https://f.example/6', 'Northeast digs out after winter storm and heavy snow', 2),
];
const QUERY = row('https://d.example/4', 'Japan, US agree on joint missile production', 1.5);
const LATE = row('https://g.example/7', 'Missile production deal: Japan and US expand joint plan', 3);

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** An index written by a worker that has since stopped, and the snapshot a new worker reads first. */
async function stoppedWorker(): Promise<{ name: string; awake: StoryIndex; early: EarlySnapshot }> {
  const name = `wake-${Math.random()}`;
  const db = new ParallaxDatabase(name);
  const awake = new StoryIndex(db);
  await awake.add(ROWS);
  const early = await readSnapshotEarly(name);
  if (!early) throw new Error('no snapshot');
  return { name, awake, early };
}

describe('a woken worker', () => {
  it("answers the first match and the story's rows before reading the article ids, then reads them once", async () => {
    const { name, awake, early } = await stoppedWorker();
    const stored = (await new ParallaxDatabase(name).engineState.get('engine'))!;
    // The early read took the head only: the row says where the ids start.
    expect(early.ids).toBeInstanceOf(Blob);
    expect(early.bytes.byteLength).toBe(stored.headBytes);
    expect(early.bytes.byteLength + early.ids!.size).toBe((stored.snapshot as Blob).size);
    const idsRead = vi.spyOn(early.ids!, 'arrayBuffer');
    const woken = new StoryIndex(new ParallaxDatabase(name), Promise.resolve(early));
    woken.warm();
    const match = await woken.match(QUERY);
    expect(match).toEqual(await awake.match(QUERY));
    expect(await woken.match(ROWS[2])).toEqual(await awake.match(ROWS[2]));
    expect(await woken.status()).toEqual(await awake.status());
    const rows = await woken.members(match!.storyId);
    expect(rows).toEqual(await awake.members(match!.storyId));
    expect(rows.map((r) => r.id).sort()).toEqual([ROWS[0].id, ROWS[1].id, ROWS[2].id]);
    expect(idsRead).not.toHaveBeenCalled();
    // Anything that needs the ids reads them first, once; the engine then goes on like one never stopped
    // (the worker that wrote the index shares its database: the same adds on an index of its own).
    const neverStopped = new StoryIndex(new ParallaxDatabase(`wake-${Math.random()}`));
    await neverStopped.add(ROWS);
    await woken.add([LATE]);
    await neverStopped.add([LATE]);
    expect(idsRead).toHaveBeenCalledTimes(1);
    expect(await woken.memberIds(match!.storyId)).toEqual(await neverStopped.memberIds(match!.storyId));
    expect(await woken.memberIds(match!.storyId)).toContain(LATE.id);
    expect((await woken.ready()).toSnapshot()).toEqual((await neverStopped.ready()).toSnapshot());
  });

  it('reads the ids on its own a moment after the restore', async () => {
    const { name, early } = await stoppedWorker();
    const idsRead = vi.spyOn(early.ids!, 'arrayBuffer');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const woken = new StoryIndex(new ParallaxDatabase(name), Promise.resolve(early));
    await woken.match(QUERY);
    expect(idsRead).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(idsRead).toHaveBeenCalledTimes(1);
    expect((await woken.ready()).idsPending).toBe(false);
  });

  it('restores from the head through the database too, when the early read found nothing', async () => {
    const { name, awake } = await stoppedWorker();
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const woken = new StoryIndex(new ParallaxDatabase(name), Promise.resolve(undefined));
    expect(await woken.match(QUERY)).toEqual(await awake.match(QUERY));
    expect((await woken.ready()).idsPending).toBe(false);
    expect(slice).toHaveBeenCalledTimes(2);
  });

  it('rebuilds from the articles when the ids cannot be read, and keeps every article', async () => {
    const { name, awake, early } = await stoppedWorker();
    const woken = new StoryIndex(new ParallaxDatabase(name), Promise.resolve({ ...early, ids: new Blob(['not the ids']) }));
    expect(await woken.match(QUERY)).toEqual(await awake.match(QUERY));
    expect(await woken.storiesOf(ROWS.map((r) => r.id))).toEqual(await awake.storiesOf(ROWS.map((r) => r.id)));
    expect(await woken.status()).toEqual({ articles: 5, stories: 2 });
  });

  it('reads a row written before the head was stored whole, as before', async () => {
    const { name, awake } = await stoppedWorker();
    const db = new ParallaxDatabase(name);
    const { headBytes, ...older } = (await db.engineState.get('engine'))!;
    expect(headBytes).toBeGreaterThan(0);
    await db.engineState.put(older);
    const early = await readSnapshotEarly(name);
    expect(early?.ids).toBeUndefined();
    const woken = new StoryIndex(db, Promise.resolve(early));
    expect(await woken.match(QUERY)).toEqual(await awake.match(QUERY));
    expect((await woken.ready()).idsPending).toBe(false);
  });
});

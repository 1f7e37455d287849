/** Snapshots written by an earlier build of the engine: a reader's stored index must survive an update. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryEngine } from '../../../../src/core/story';
import { idKey } from '../../../../src/core/story/id-key';
import { decodeSnapshot, encodeSnapshot } from '../../../../src/core/story/snapshot-pack';
import { ANSWERS_FIXTURE, answersOf, type RecordedAnswers, SNAPSHOT_FIXTURE } from '../../support/story-snapshot-fixture';

/** The stored bytes, in a buffer of their own (as IndexedDB hands them back). */
const storedBytes = () => new Uint8Array(readFileSync(SNAPSHOT_FIXTURE));

describe('a snapshot written by an earlier build', () => {
  it('restores to an engine that answers as the saved one did, and goes on growing like it', () => {
    const snapshot = decodeSnapshot(storedBytes().buffer);
    const recorded = JSON.parse(readFileSync(ANSWERS_FIXTURE, 'utf8')) as RecordedAnswers;
    // The fixture covers the paths a restore must get right: removed articles, merged stories, packed ids.
    expect(Object.values(recorded.storyOf)).toContain(null);
    expect(Object.keys(recorded.currentStoryId).length).toBeGreaterThan(0);
    expect(snapshot.articleIdsUtf8?.ends.length).toBe(recorded.size.articles);
    expect(answersOf(StoryEngine.fromSnapshot(snapshot), snapshot.storyIds, snapshot.mergedFrom)).toEqual(recorded);
  });

  it('is written back unchanged by the engine restored from it, with the revision walk and id keys it had', () => {
    const bytes = storedBytes();
    const stored = decodeSnapshot(bytes.slice().buffer);
    expect(stored.unrevisedStories).toBeUndefined();
    expect(stored.articleIdKeys).toBeUndefined();
    const { unrevisedStories, articleIdKeys, ...again } = StoryEngine.fromSnapshot(decodeSnapshot(bytes.slice().buffer)).toSnapshot();
    // Every field as stored (the ids' bytes now come last in the buffer, see snapshot-pack.ts).
    expect(decodeSnapshot(encodeSnapshot(again).slice().buffer)).toEqual(stored);
    const { utf8, ends } = stored.articleIdsUtf8!;
    const ids = new TextDecoder().decode(utf8.subarray(0, ends[ends.length - 1])).split('\u0000');
    expect([...(articleIdKeys ?? [])]).toEqual(ids.map(idKey));
    // Written without the walk's order, the snapshot left unrevised the stories whose period had not
    // ended before `revisedBefore`: those, in time order, are now stored as the walk's order.
    const first = (story: number) =>
      Math.min(...[...stored.articleStory].flatMap((of, article) => (of === story ? [stored.articlePublished[article]] : [])));
    const waiting = stored.storyIds
      .map((_, story) => story)
      .filter((story) => first(story) + stored.options.storySpanMs >= stored.revisedBefore)
      .sort((a, b) => first(a) - first(b) || a - b);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length).toBeLessThan(stored.storyIds.length);
    expect([...(unrevisedStories ?? [])]).toEqual(waiting);
  });
});

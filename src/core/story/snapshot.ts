/**
 * The story engine's persistent form: what a snapshot holds, how an engine's parts are written into one,
 * and how a new engine's parts are filled from one. A snapshot written by an earlier build restores to an
 * engine that answers exactly as the saved one did (tests/fixtures/story/engine-snapshot-v1.bin).
 */
import { ArticleStore, type PackedArticleIds } from './article-store';
import { idKey } from './id-key';
import { type EngineOptions, NO_STORY } from './options';
import { storiesInTimeOrder } from './story-order';
import { invertStoryTerms } from './story-postings';
import type { StoryStore } from './story-store';
import type { Vocabulary } from './vocabulary';

export type { PackedArticleIds } from './article-store';

/**
 * The engine's persistent form: plain arrays and typed arrays only, so that it survives structured clone
 * (IndexedDB, postMessage) and restores without re-tokenising anything.
 */
export interface EngineSnapshot {
  format: 'parallax-story-engine';
  version: 1;
  options: EngineOptions;
  /** Vocabulary; a term's id is its index. */
  terms: string[];
  /** Article count and per-term document frequencies at the last IDF refresh (see StoryEngine). */
  epochArticles: number;
  epochDf: Int32Array;
  /** Display form of each term. */
  termDisplay: string[];
  articleIds: string[];
  /**
   * Set by the stored form's decoder instead of `articleIds` (then empty): the ids as one UTF-8 run.
   * A woken worker's first answers need only a few ids (a story's members), not 100k decoded strings.
   */
  articleIdsUtf8?: PackedArticleIds;
  /** Set by the decoder when it had the bytes before the ids only: their bytes come later (ArticleStore.idsPending). */
  articleIdsPending?: boolean;
  /** Per article, its id's key (id-key.ts). Absent in snapshots of older builds. */
  articleIdKeys?: Float64Array;
  articlePublished: Float64Array;
  /** Outlet keys; articlePublisher holds an index into it, or −1. */
  publishers: string[];
  articlePublisher: Int32Array;
  /** Index into `storyIds`. */
  articleStory: Uint32Array;
  /** Article i's terms are termIds[termOffsets[i] .. termOffsets[i+1]). */
  termOffsets: Uint32Array;
  termIds: Uint32Array;
  termWeights: Float32Array;
  storyIds: string[];
  /** Story i's summed term weights are storyTermIds/storyTermWeights[storyTermOffsets[i] .. [i+1]). */
  storyTermOffsets: Uint32Array;
  storyTermIds: Uint32Array;
  storyTermWeights: Float32Array;
  /**
   * Per story, Σ S_t²·idf² and Σ S_t·idf² over its term sums S, so that a restored
   * engine scores with exactly the norms the saved one had. Absent in snapshots of older builds.
   */
  storySquares?: Float64Array;
  storyLinear?: Float64Array;
  nextStoryNumber: number;
  /** Stories whose coverage period ended before this time have had their second look. */
  revisedBefore: number;
  /** Ids of stories merged away, and the id each was merged into (same length). */
  mergedFrom: string[];
  mergedInto: string[];
  /**
   * Derived from the fields above and stored so that a woken worker need not recompute them (~15-25 ms
   * per 100k articles); snapshots without them are restored by computing them. `df`: live articles per
   * term. Term t's stories, by their earliest article, are storyPostings[storyPostingOffsets[t] .. [t+1]).
   */
  df?: Int32Array;
  storyPostingOffsets?: Uint32Array;
  storyPostings?: Uint32Array;
  /**
   * The stories still waiting for their second look (indexes into `storyIds`), in the order the engine's
   * revision walk takes them: its creation order, which is not time order when articles arrive late.
   * Without it (older snapshots), every story whose coverage period ended before `revisedBefore` counts as
   * revised, and a story created after an unrevised newer one lost its second look in a restored engine.
   */
  unrevisedStories?: Uint32Array;
}

/** The parts of an engine its snapshot holds. */
export interface EngineParts {
  options: EngineOptions;
  vocabulary: Vocabulary;
  articles: ArticleStore;
  stories: StoryStore;
}

/**
 * A typed array's `count` values from `start`, as a plain array. A preallocated loop: Array.from on a
 * typed array is several times slower.
 */
function toNumbers(source: ArrayLike<number>, start: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = source[start + i];
  return out;
}

/**
 * The snapshot of an engine's parts. `revisedBefore`: stories whose coverage period ended before this
 * time have had their second look; `unrevised`: the story slots still waiting for it, in walk order.
 */
export function takeSnapshot(
  { options, vocabulary, articles, stories }: EngineParts,
  revisedBefore: number,
  unrevised: readonly number[],
): EngineSnapshot {
  // Compact: only live articles, live stories and terms in use, renumbered densely.
  const termRemap = new Int32Array(vocabulary.terms.length).fill(-1);
  const terms: string[] = [];
  const termDisplay: string[] = [];
  const storyRemap = new Int32Array(stories.ids.length).fill(-1);
  const storyIds: string[] = [];
  const articleIds: string[] = [];
  const liveSlots: number[] = [];
  let termCount = 0;
  // Terms that still carry a frozen IDF are kept even when no live article uses them: queries see them.
  for (let id = 0; id < vocabulary.terms.length; id++) {
    if (vocabulary.epochDf[id] > 0) {
      termRemap[id] = terms.length;
      terms.push(vocabulary.terms[id]);
      termDisplay.push(vocabulary.termDisplay[id]);
    }
  }
  const ids = articles.allIds();
  for (let slot = 0; slot < ids.length; slot++) {
    if (articles.story[slot] === NO_STORY) continue;
    liveSlots.push(slot);
    articleIds.push(ids[slot]);
    termCount += articles.termEnd[slot] - articles.termStart[slot];
    const story = articles.story[slot];
    if (storyRemap[story] < 0) {
      storyRemap[story] = storyIds.length;
      storyIds.push(stories.ids[story]);
    }
  }
  const articlePublished = new Float64Array(liveSlots.length);
  const articleIdKeys = new Float64Array(liveSlots.length);
  const articlePublisher = new Int32Array(liveSlots.length);
  const articleStory = new Uint32Array(liveSlots.length);
  const termOffsets = new Uint32Array(liveSlots.length + 1);
  const termIds = new Uint32Array(termCount);
  const termWeights = new Float32Array(termCount);
  let cursor = 0;
  liveSlots.forEach((slot, i) => {
    articlePublished[i] = articles.published[slot];
    articleIdKeys[i] = articles.idKeys[slot];
    articlePublisher[i] = articles.publisher[slot];
    articleStory[i] = storyRemap[articles.story[slot]];
    termOffsets[i] = cursor;
    for (let k = articles.termStart[slot]; k < articles.termEnd[slot]; k++) {
      const original = articles.termPool[k];
      let id = termRemap[original];
      if (id < 0) {
        id = terms.length;
        termRemap[original] = id;
        terms.push(vocabulary.terms[original]);
        termDisplay.push(vocabulary.termDisplay[original]);
      }
      termIds[cursor] = id;
      termWeights[cursor] = articles.weightPool[k];
      cursor++;
    }
  });
  termOffsets[liveSlots.length] = cursor;
  // Story term sums, so that a restore need not rebuild them from the articles.
  let storyTermCount = 0;
  for (const id of storyIds) storyTermCount += stories.weightsOf(stories.slotOf.get(id) ?? 0).size;
  const storyTermOffsets = new Uint32Array(storyIds.length + 1);
  const storyTermIds = new Uint32Array(storyTermCount);
  const storyTermWeights = new Float32Array(storyTermCount);
  let storyCursor = 0;
  storyIds.forEach((id, i) => {
    storyTermOffsets[i] = storyCursor;
    // In the map's own order: a restored map then iterates like this one, so every sum over a story's
    // terms adds up in the same order and the restored engine goes on exactly like the saved one.
    for (const [term, weight] of stories.weightsOf(stories.slotOf.get(id) ?? 0)) {
      storyTermIds[storyCursor] = termRemap[term];
      storyTermWeights[storyCursor] = weight;
      storyCursor++;
    }
  });
  storyTermOffsets[storyIds.length] = storyCursor;
  const storySquares = new Float64Array(storyIds.length);
  const storyLinear = new Float64Array(storyIds.length);
  storyIds.forEach((id, i) => {
    // Brought up to date first: a snapshot must not depend on which norms reads happened to cache.
    const slot = stories.slotOf.get(id) ?? 0;
    stories.updateSums(slot);
    storySquares[i] = stories.squares[slot];
    storyLinear[i] = stories.linear[slot];
  });
  const epochDf = new Int32Array(terms.length);
  for (let id = 0; id < vocabulary.terms.length; id++) if (termRemap[id] >= 0) epochDf[termRemap[id]] = vocabulary.epochDf[id];
  const df = new Int32Array(terms.length);
  for (let k = 0; k < termIds.length; k++) df[termIds[k]]++;
  const earliest = new Float64Array(storyIds.length).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < articleStory.length; i++) earliest[articleStory[i]] = Math.min(earliest[articleStory[i]], articlePublished[i]);
  const postings = invertStoryTerms(
    storyTermOffsets,
    storyTermIds,
    terms.length,
    storiesInTimeOrder(
      storyIds.map((_, story) => story),
      (story) => earliest[story],
    ),
  );
  const mergedFrom: string[] = [];
  const mergedInto: string[] = [];
  for (const [from, into] of stories.mergedInto) {
    // Keep redirects only while they lead somewhere.
    if (stories.slotOf.has(stories.resolveId(into))) {
      mergedFrom.push(from);
      mergedInto.push(into);
    }
  }
  // The field order is the stored form's section order (snapshot-pack.ts): keep it.
  return {
    format: 'parallax-story-engine',
    version: 1,
    options: { ...options },
    terms,
    epochArticles: vocabulary.epochArticles,
    epochDf,
    termDisplay,
    articleIds,
    articlePublished,
    publishers: articles.publishers.slice(),
    articlePublisher,
    articleStory,
    termOffsets,
    termIds,
    termWeights,
    storyIds,
    storyTermOffsets,
    storyTermIds,
    storyTermWeights,
    storySquares,
    storyLinear,
    nextStoryNumber: stories.nextNumber,
    revisedBefore,
    mergedFrom,
    mergedInto,
    df,
    storyPostingOffsets: postings.offsets,
    storyPostings: postings.stories,
    // Stories with no live article left are gone from the snapshot, and from the walk.
    unrevisedStories: Uint32Array.from(unrevised.map((slot) => storyRemap[slot]).filter((story) => story >= 0)),
    articleIdKeys,
  };
}

/** Throws unless `snapshot` is of the one format and version this build reads. */
export function checkSnapshotFormat(snapshot: EngineSnapshot): void {
  if (snapshot.format !== 'parallax-story-engine' || snapshot.version !== 1) {
    throw new Error(`unsupported story engine snapshot: ${String(snapshot.format)} v${String(snapshot.version)}`);
  }
}

/**
 * Fills a new engine's parts from a snapshot. Only what the first match needs is rebuilt here; story
 * term maps are built on first use. The story queue holds the revised stories in time order, then the
 * unrevised ones in their walk order. Returns how many stories of the queue have had their second look.
 */
export function restoreSnapshot(snapshot: EngineSnapshot, { options, vocabulary, articles, stories }: EngineParts): number {
  stories.nextNumber = snapshot.nextStoryNumber;
  snapshot.publishers.forEach((key, id) => {
    articles.publisherIdOf.set(key, id);
    articles.publishers.push(key);
  });
  const termCount = snapshot.terms.length;
  vocabulary.termIdMap = null;
  vocabulary.terms = snapshot.terms.slice();
  vocabulary.termDisplay = snapshot.termDisplay.slice();
  const storedDf = snapshot.df?.length === termCount ? snapshot.df : null;
  vocabulary.df = storedDf ? toNumbers(storedDf, 0, termCount) : new Array<number>(termCount).fill(0);
  vocabulary.epochDf = toNumbers(snapshot.epochDf, 0, termCount);
  vocabulary.epochArticles = snapshot.epochArticles;
  vocabulary.recomputeIdf();
  vocabulary.epoch = 1;

  const storyCount = snapshot.storyIds.length;
  for (let slot = 0; slot < storyCount; slot++) {
    const id = snapshot.storyIds[slot];
    stories.ids.push(id);
    stories.slotOf.set(id, slot);
    stories.members.push([]);
    stories.termWeight.push(undefined);
    stories.first.push(Infinity);
    stories.last.push(-Infinity);
    stories.norms.push(0);
    stories.cohesions.push(1);
    stories.normsAt.push(-1);
    const squares = snapshot.storySquares?.[slot] ?? Number.NaN;
    const linear = snapshot.storyLinear?.[slot] ?? Number.NaN;
    const current = !Number.isNaN(squares) && !Number.isNaN(linear);
    stories.squares.push(current ? squares : 0);
    stories.linear.push(current ? linear : 0);
    stories.sumsAt.push(current ? vocabulary.epoch : -1);
  }
  stories.postings.length = termCount;
  const { storyPostingOffsets, storyPostings } = snapshot;
  // Copied (about 1 MB per 100k articles): kept for good, they would otherwise keep all the stored bytes alive.
  stories.restoredTerms = {
    count: storyCount,
    offsets: snapshot.storyTermOffsets.slice(),
    ids: snapshot.storyTermIds.slice(),
    weights: snapshot.storyTermWeights.slice(),
  };
  stories.live = storyCount;

  const { termOffsets, termIds, termWeights, articleIds, articleStory, articlePublished } = snapshot;
  if (!storedDf) for (let k = 0; k < termIds.length; k++) vocabulary.df[termIds[k]]++;
  const packedIds = snapshot.articleIdsUtf8 ?? null;
  const articleCount = packedIds ? packedIds.ends.length : articleIds.length;
  articles.slotMap = null;
  articles.ids = packedIds ? [] : articleIds.slice();
  articles.packedIds = packedIds;
  articles.idsPending = snapshot.articleIdsPending === true;
  // Appended to only, like `published`: the snapshot's own array until the first add.
  articles.idKeys =
    snapshot.articleIdKeys?.length === articleCount
      ? snapshot.articleIdKeys
      : packedIds
        ? ArticleStore.keysOf(packedIds)
        : Float64Array.from(articleIds, idKey);
  // The article columns and the term pool stay typed arrays, and the ones only ever appended to are the
  // snapshot's own (views on the stored bytes, from decodeSnapshot): exactly full, they move to larger
  // arrays of their own when the first article is added. Copying them into plain arrays was ~15 ms of
  // a woken worker's restore. The two columns written in place (story moves, removals) are copied, so
  // that an engine never changes the snapshot it came from.
  articles.termPool = termIds;
  articles.weightPool = termWeights;
  articles.poolLength = termIds.length;
  articles.published = articlePublished;
  articles.publisher = snapshot.articlePublisher;
  articles.story = new Int32Array(articleStory);
  articles.termStart = termOffsets;
  articles.termEnd = termOffsets.slice(1, articleCount + 1);
  for (let slot = 0; slot < articleCount; slot++) {
    const story = articleStory[slot];
    const published = articlePublished[slot];
    stories.members[story].push(slot);
    if (published < stories.first[story]) stories.first[story] = published;
    if (published > stories.last[story]) stories.last[story] = published;
  }
  articles.live = articleCount;
  // Member lists are kept in time order (revisions may have appended out of order before the save).
  for (const members of stories.members) {
    for (let i = 1; i < members.length; i++) {
      if (articlePublished[members[i - 1]] > articlePublished[members[i]]) {
        members.sort((x, y) => articlePublished[x] - articlePublished[y] || x - y);
        break;
      }
    }
  }
  const inTimeOrder = storiesInTimeOrder(
    snapshot.storyIds.map((_, slot) => slot),
    (story) => stories.first[story],
  );
  stories.restoredPostings =
    storyPostingOffsets?.length === termCount + 1 && storyPostings?.length === snapshot.storyTermIds.length
      ? { offsets: storyPostingOffsets.slice(), stories: storyPostings.slice() }
      : invertStoryTerms(snapshot.storyTermOffsets, snapshot.storyTermIds, termCount, inTimeOrder);
  for (let i = 0; i < snapshot.mergedFrom.length; i++) stories.mergedInto.set(snapshot.mergedFrom[i], snapshot.mergedInto[i]);
  const unrevised = validUnrevised(snapshot.unrevisedStories, storyCount);
  // Pushed one by one: spread into one call, a queue of ~150k stories (an index at its cap of unrelated
  // headlines) overflowed the stack.
  if (unrevised === null) {
    for (const story of inTimeOrder) stories.queue.push(story);
    let revised = 0;
    while (revised < inTimeOrder.length && stories.first[inTimeOrder[revised]] + options.storySpanMs < snapshot.revisedBefore) revised++;
    return revised;
  }
  const waiting = new Set(unrevised);
  for (const story of inTimeOrder) if (!waiting.has(story)) stories.queue.push(story);
  for (const story of unrevised) stories.queue.push(story);
  return storyCount - unrevised.length;
}

/** The stored walk order, unless it names a story twice or one the snapshot does not hold (then null). */
function validUnrevised(stored: Uint32Array | undefined, storyCount: number): number[] | null {
  if (stored === undefined) return null;
  const seen = new Set<number>();
  for (const story of stored) {
    if (story >= storyCount || seen.has(story)) return null;
    seen.add(story);
  }
  return [...stored];
}

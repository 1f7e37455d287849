/**
 * The story engine: online clustering of articles into stories, and read-only matching of an article to
 * its story.
 *
 * - An article is a set of unique headline terms (description terms at a lower weight), weighted by IDF.
 * - A story is the centroid of its articles: per term, the summed weights over the member count.
 * - Time model: every article of one event lies within `storySpanMs` of the event's first report. A
 *   story's period is taken from its core (10th to 90th percentile of its members' times, so one stray
 *   member neither ends nor stretches it); an article or story that would make the union longer than
 *   `storySpanMs` is penalised by e for every `decayMs` of excess.
 * - Score(article, story) = cosine(article, centroid) × time factor.
 * - add(): the best story at or above `joinThreshold` is joined, else a new story starts. When the article
 *   is also close to a second story and the two centroids agree (≥ `mergeThreshold`), they merge.
 * - When a story's period has ended (it can gain no more articles of its event): a small story's
 *   articles get a second look against the stories that grew around them, and the story is merged with
 *   the closest story whose core overlaps it within one period when their centroids agree
 *   (≥ `mergeThreshold`): online assignment splits an event whose headlines are worded several ways.
 *   `settle()` does this at once for every story (end of a batch), and then refines the whole batch
 *   through an article similarity graph (refine-graph.ts): each article moves to the story its nearest
 *   headlines sit in, which joins fragments linked only through intermediate headlines.
 * - match(): the best candidate with at least `matchMinSharedTerms` terms characteristic of the story,
 *   scored against the story's own cohesion (see `matchCohesionWeight`), at or above `matchThreshold`.
 * - Candidates come from an inverted index term → stories, walked newest first and cut off by time, so the
 *   cost per article does not grow with the index's history.
 */
import { stripHeadlineBoilerplate, tokenizeWithSurfaces } from '../text/index';
import {
  CHARACTERISTIC_SHARE,
  DEFAULT_ENGINE_OPTIONS,
  type EngineOptions,
  IDF_PRIOR_ARTICLES,
  INITIAL_ARTICLE_CAPACITY,
  MATCH_CANDIDATES,
  MERGE_MIN_SIZE,
  MERGE_PROBE_TERMS,
  NO_STORY,
  reachWindowMs,
  SMALL_STORY_SIZE,
  VOCABULARY_SCANS,
} from './options';
import { refineByNeighbourVotes, type RefineInput } from './refine-graph';
import type { EngineArticle, StoryMatch } from './types';

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './options';
export type { EngineArticle, StoryMatch } from './types';

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
   * term. Term t's stories, in slot order, are storyPostings[storyPostingOffsets[t] .. [t+1]).
   */
  df?: Int32Array;
  storyPostingOffsets?: Uint32Array;
  storyPostings?: Uint32Array;
}

/** Article ids as UTF-8, each followed by a NUL byte; `ends[i]` is where id i's bytes end. */
export interface PackedArticleIds {
  utf8: Uint8Array;
  ends: Uint32Array;
}

/** A tokenised article: unique term ids (−1 for words not in the vocabulary) and their weights. */
interface ArticleVector {
  surfaces: string[];
  ids: number[];
  weights: number[];
}

interface Candidate {
  story: number;
  score: number;
}

const ID_DECODER = new TextDecoder();
const ID_ENCODER = new TextEncoder();

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
 * Term → story slots, from the stories' term lists (a counting sort: slots stay in creation order, which
 * the candidate walk relies on).
 */
function invertStoryTerms(offsets: Uint32Array, termIds: Uint32Array, termCount: number): { offsets: Uint32Array; stories: Uint32Array } {
  const starts = new Uint32Array(termCount + 1);
  for (let k = 0; k < termIds.length; k++) starts[termIds[k] + 1]++;
  for (let t = 0; t < termCount; t++) starts[t + 1] += starts[t];
  const fill = starts.slice(0, termCount);
  const stories = new Uint32Array(termIds.length);
  for (let story = 0; story + 1 < offsets.length; story++) {
    for (let k = offsets[story]; k < offsets[story + 1]; k++) stories[fill[termIds[k]]++] = story;
  }
  return { offsets: starts, stories };
}

type Column = Float64Array | Int32Array | Uint32Array;

/** `column` with room for `needed` values: itself, or a copy of its first `used` values with twice the room. */
function withRoom<T extends Column>(column: T, used: number, needed: number): T {
  if (needed <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(Math.max(needed, column.length * 2, INITIAL_ARTICLE_CAPACITY));
  grown.set(column.subarray(0, used));
  return grown;
}

export class StoryEngine {
  private readonly options: EngineOptions;
  /** Stories whose time span is further than this from an article cannot reach the thresholds. */
  private readonly windowMs: number;

  // Vocabulary and document frequencies over live articles.
  /**
   * Term → id; null after a restore until the engine has looked up VOCABULARY_SCANS terms by scanning
   * `terms` (building it for 20k terms was 7-16 ms of a woken worker's first answer, which needs ~15).
   */
  private termIdMap: Map<string, number> | null = new Map();
  private vocabularyScans = 0;
  private terms: string[] = [];
  private termDisplay: string[] = [];
  private df: number[] = [];
  /**
   * IDF is taken from a frozen copy of the document frequencies, refreshed whenever the collection has
   * grown or shrunk by a tenth. Scores then depend only on the index's content, not on its history, so a
   * restored snapshot answers exactly like the original, and story norms can be cached safely.
   */
  private epochDf: number[] = [];
  private epochArticles = 0;
  private epoch = 0;
  /** IDF of each term from the frozen frequencies (cached: it is read in every scoring loop). */
  private idfOf: number[] = [];
  /**
   * Story slots that contain each term (may hold stale slots; checked on use). After a restore, a term's
   * list stays in `restoredPostings` until a story gains the term: the wake path builds no 50k arrays.
   */
  private readonly postings: (number[] | undefined)[] = [];
  private restoredPostings: { offsets: Uint32Array; stories: Uint32Array } | undefined;

  // Articles, by slot.
  /** Article id → slot; null after a restore until something asks by id (a first match need not). */
  private articleSlotMap: Map<string, number> | null = new Map();
  private articleIds: string[] = [];
  /** After a restore: the ids still packed, decoded one at a time until something needs them all. */
  private packedIds: PackedArticleIds | null = null;
  /**
   * Article columns: typed arrays with room to grow, of which the first slotCount() values are in use.
   * After a restore they are the snapshot's own arrays until an article is added (see fromSnapshot).
   */
  private articlePublished: Float64Array = new Float64Array(INITIAL_ARTICLE_CAPACITY);
  /** The article's story slot, or NO_STORY once removed. */
  private articleStory: Int32Array = new Int32Array(INITIAL_ARTICLE_CAPACITY);
  /** Article terms live in one pool (no per-article arrays): slot i owns termPool[start[i] .. end[i]). */
  private termPool: Uint32Array = new Uint32Array(1 << 16);
  private weightPool: Float32Array = new Float32Array(1 << 16);
  private poolLength = 0;
  private articleTermStart: Uint32Array = new Uint32Array(INITIAL_ARTICLE_CAPACITY);
  private articleTermEnd: Uint32Array = new Uint32Array(INITIAL_ARTICLE_CAPACITY);
  /** Index into `publishers`, or −1. */
  private articlePublisher: Int32Array = new Int32Array(INITIAL_ARTICLE_CAPACITY);
  private readonly publisherIdOf = new Map<string, number>();
  private readonly publishers: string[] = [];
  private liveArticles = 0;

  // Stories, by slot.
  private readonly storySlotOf = new Map<string, number>();
  private readonly storyIds: string[] = [];
  private readonly storyMembers: number[][] = [];
  /** Sum of member weights per term. */
  private readonly storyTermWeight: (Map<number, number> | undefined)[] = [];
  /** Story term sums of a restored snapshot, turned into maps only when a story is first used. */
  private restoredStoryTerms: { count: number; offsets: Uint32Array; ids: Uint32Array; weights: Float32Array } | undefined;
  private readonly storyFirst: number[] = [];
  private readonly storyLast: number[] = [];
  /** Cached centroid norm, and the IDF epoch it was computed in (−1: story changed since). */
  private readonly storyNorm: number[] = [];
  /** Approximate mean member-to-centroid cosine, computed with the norm. */
  private readonly storyCohesion: number[] = [];
  private readonly storyNormAt: number[] = [];
  /**
   * Σ w²·idf² and Σ w·idf² over a story's summed term weights w, kept up to date as members come and go
   * within one IDF epoch (−1 in `storySumsAt`: recompute), so that a large story's norm does not cost a
   * pass over its whole vocabulary after every article it gains.
   */
  private readonly storySquares: number[] = [];
  private readonly storyLinear: number[] = [];
  private readonly storySumsAt: number[] = [];
  private liveStories = 0;
  private nextStoryNumber = 0;
  private readonly mergedInto = new Map<string, string>();
  /** Stories of `addToLabelledStory`, by label. */
  private readonly labelledStories = new Map<string, number>();
  /** Stories in creation order, and how far `reviseClosedSmallStories` has gone through them. */
  private readonly storyQueue: number[] = [];
  private revisedUpTo = 0;

  // Scratch space for scoring, reused across calls.
  private accumulator = new Float64Array(1024);
  private readonly touched: number[] = [];

  constructor(options?: Partial<EngineOptions>) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.windowMs = reachWindowMs(this.options);
  }

  /** Adds an article (or re-adds it, replacing the old version) and returns the id of the story it joined. */
  add(article: EngineArticle): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articleSlots().has(article.id)) this.remove(article.id);
    this.reviseClosedSmallStories(article.published);
    const vector = this.vectorize(article, true);
    const publisher = this.publisherId(article);
    const candidates = this.rankStories(vector, article.published, 4);
    if (this.options.joinMinSharedTerms > 1) {
      // A single shared word, however rare, does not make an article part of a story.
      for (const candidate of candidates) {
        if (this.characteristicSharedTerms(vector, candidate.story) < this.options.joinMinSharedTerms) candidate.score = 0;
      }
      candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    }
    if (publisher >= 0 && this.options.samePublisherFactor !== 1) {
      for (const candidate of candidates) {
        if (this.storyMembers[candidate.story].some((member) => this.articlePublisher[member] === publisher)) {
          candidate.score *= this.options.samePublisherFactor;
        }
      }
      candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    }
    const [best, second] = candidates;
    let story: number;
    if (best && best.score >= this.options.joinThreshold) {
      story = best.story;
    } else {
      story = this.createStory(article.published);
    }
    this.insert(article, vector, publisher, story);
    if (best && second && best.story === story && second.score >= this.options.joinThreshold) {
      // The article is close to two stories: if they now look like one, merge them.
      const smaller = this.storyMembers[story].length < this.storyMembers[second.story].length ? story : second.story;
      const larger = smaller === story ? second.story : story;
      if (this.storySimilarity(smaller, larger) >= this.options.mergeThreshold) {
        this.mergeStories(smaller, larger);
        story = larger;
      }
    }
    return this.storyIds[story];
  }

  /**
   * Adds an article to the story that `label` names, without clustering (a story is created for a label
   * on first use). For evaluation: an index built only through this method holds the known stories as
   * they are, and shows how well `match` does when the clustering is perfect. (`add` and `settle` would
   * revise and merge these stories like any other.)
   */
  addToLabelledStory(article: EngineArticle, label: string): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articleSlots().has(article.id)) this.remove(article.id);
    let story = this.labelledStories.get(label);
    if (story === undefined || this.storyMembers[story].length === 0) {
      story = this.createStory(article.published);
      this.labelledStories.set(label, story);
    }
    this.insert(article, this.vectorize(article, true), this.publisherId(article), story);
    return this.storyIds[story];
  }

  /** Records a vectorised article and attaches it to `story`. */
  private insert(article: EngineArticle, vector: ArticleVector, publisher: number, story: number): void {
    const ids = this.allIds();
    const slot = ids.length;
    ids.push(article.id);
    const termStart = this.poolLength;
    this.appendTerms(vector.ids, vector.weights);
    this.appendArticle(slot, article.published, publisher, story, termStart, this.poolLength);
    this.articleSlots().set(article.id, slot);
    this.liveArticles++;
    for (const id of vector.ids) this.df[id]++;
    this.refreshIdfIfDrifted();
    this.attach(slot, story);
  }

  storyOf(articleId: string): string | undefined {
    const slot = this.articleSlots().get(articleId);
    return slot === undefined ? undefined : this.storyIds[this.articleStory[slot]];
  }

  /**
   * The id a story goes by now: a story merged into another answers with that story's id (so what the
   * reader said about it, e.g. "wrong story", still applies); undefined when the story is gone.
   */
  currentStoryId(storyId: string): string | undefined {
    const id = this.resolveStoryId(storyId);
    return this.storySlotOf.has(id) ? id : undefined;
  }

  members(storyId: string): string[] {
    const slot = this.storySlotOf.get(this.resolveStoryId(storyId));
    if (slot === undefined) return [];
    return this.storyMembers[slot].map((article) => this.idAt(article));
  }

  /** The story `query` belongs to, or null when no story is close enough. Never changes the index. */
  match(query: EngineArticle): StoryMatch | null {
    const ownSlot = this.findArticleSlot(query.id);
    const vector = this.vectorize(query, false);
    if (ownSlot !== undefined) {
      const story = this.articleStory[ownSlot];
      return { storyId: this.storyIds[story], score: this.scoreStory(vector, query.published, story), terms: this.evidence(vector, story) };
    }
    return this.bestMatch(vector, this.rankStories(vector, query.published, MATCH_CANDIDATES));
  }

  /**
   * `match` restricted to the given candidate stories (ids from an external retrieval, e.g. a full-text
   * index): same scoring and threshold. Read-only.
   */
  matchAmong(query: EngineArticle, candidateStoryIds: readonly string[]): StoryMatch | null {
    const vector = this.vectorize(query, false);
    const candidates: Candidate[] = [];
    for (const storyId of candidateStoryIds) {
      const story = this.storySlotOf.get(this.resolveStoryId(storyId));
      if (story === undefined || candidates.some((candidate) => candidate.story === story)) continue;
      candidates.push({ story, score: this.scoreStory(vector, query.published, story) });
    }
    candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    return this.bestMatch(vector, candidates.slice(0, MATCH_CANDIDATES));
  }

  /**
   * The read path's decision among the best-scoring candidates. A match needs
   * - at least `matchMinSharedTerms` shared terms that characterise the story (used by a tenth of its
   *   articles or more): one shared word, however rare, is as often a coincidence as a story;
   * - a score, calibrated against the story's own cohesion, of at least `matchThreshold`: a story worded
   *   many ways is matched on less overlap than a story whose articles all repeat one headline.
   */
  private bestMatch(vector: ArticleVector, candidates: readonly Candidate[]): StoryMatch | null {
    let best: Candidate | undefined;
    for (const candidate of candidates) {
      if (this.characteristicSharedTerms(vector, candidate.story) < this.options.matchMinSharedTerms) continue;
      const score = Math.min(1, candidate.score / this.calibration(candidate.story));
      if (!best || score > best.score || (score === best.score && candidate.story < best.story)) best = { story: candidate.story, score };
    }
    if (!best || best.score < this.options.matchThreshold) return null;
    return { storyId: this.storyIds[best.story], score: best.score, terms: this.evidence(vector, best.story) };
  }

  private characteristicSharedTerms(vector: ArticleVector, story: number): number {
    const weights = this.weightsOf(story);
    const minimum = CHARACTERISTIC_SHARE * this.storyMembers[story].length;
    let count = 0;
    for (const id of vector.ids) if ((weights.get(id) ?? 0) >= minimum) count++;
    return count;
  }

  /** Article slots so far (live or not). */
  private slotCount(): number {
    return this.packedIds ? this.packedIds.ends.length : this.articleIds.length;
  }

  /** One article's id, decoded on its own while the ids are still packed. */
  private idAt(slot: number): string {
    const packed = this.packedIds;
    if (!packed) return this.articleIds[slot];
    const start = slot === 0 ? 0 : packed.ends[slot - 1] + 1;
    return ID_DECODER.decode(packed.utf8.subarray(start, packed.ends[slot]));
  }

  /** Every slot's id, as the plain list the write paths extend (unpacked once, on first need). */
  private allIds(): string[] {
    const packed = this.packedIds;
    if (packed) {
      this.packedIds = null;
      this.articleIds =
        packed.ends.length === 0 ? [] : ID_DECODER.decode(packed.utf8.subarray(0, packed.ends[packed.ends.length - 1])).split('\u0000');
    }
    return this.articleIds;
  }

  /** The id → slot map, built on first use after a restore. */
  private articleSlots(): Map<string, number> {
    if (this.articleSlotMap === null) {
      const map = new Map<string, number>();
      const ids = this.allIds();
      for (let slot = 0; slot < ids.length; slot++) if (this.articleStory[slot] !== NO_STORY) map.set(ids[slot], slot);
      this.articleSlotMap = map;
    }
    return this.articleSlotMap;
  }

  /**
   * One look-up by id: a scan when the map is not built yet is cheaper than building it. While the ids
   * are still packed (a woken worker's first match of an indexed article), the scan compares bytes and
   * decodes nothing: unpacking 100k ids for it took longer than the rest of the match.
   */
  private findArticleSlot(articleId: string): number | undefined {
    if (this.articleSlotMap !== null) return this.articleSlotMap.get(articleId);
    const slot = this.packedIds ? this.lastPackedSlotOf(articleId, this.packedIds) : this.articleIds.lastIndexOf(articleId);
    return slot >= 0 && this.articleStory[slot] !== NO_STORY ? slot : undefined;
  }

  /** The last slot whose packed id is `articleId`, or −1 (like lastIndexOf on the unpacked ids). */
  private lastPackedSlotOf(articleId: string, packed: PackedArticleIds): number {
    const wanted = ID_ENCODER.encode(articleId);
    const { utf8, ends } = packed;
    const length = wanted.length;
    for (let slot = ends.length - 1; slot >= 0; slot--) {
      const start = slot === 0 ? 0 : ends[slot - 1] + 1;
      if (ends[slot] - start !== length) continue;
      let k = 0;
      while (k < length && utf8[start + k] === wanted[k]) k++;
      // Equal bytes, and the decoded id compared too: a string with a lone surrogate encodes like U+FFFD.
      if (k === length && this.idAt(slot) === articleId) return slot;
    }
    return -1;
  }

  remove(articleId: string): void {
    const slot = this.articleSlots().get(articleId);
    if (slot === undefined) return;
    this.detach(slot);
    for (let k = this.articleTermStart[slot]; k < this.articleTermEnd[slot]; k++) this.df[this.termPool[k]]--;
    this.articleSlots().delete(articleId);
    this.articleStory[slot] = NO_STORY;
    this.articleTermEnd[slot] = this.articleTermStart[slot];
    this.liveArticles--;
    this.refreshIdfIfDrifted();
  }

  pruneOlderThan(epochMs: number): number {
    const old: string[] = [];
    const ids = this.allIds();
    for (let slot = 0; slot < ids.length; slot++) {
      if (this.articleStory[slot] !== NO_STORY && this.articlePublished[slot] < epochMs) old.push(ids[slot]);
    }
    for (const id of old) this.remove(id);
    return old.length;
  }

  size(): { articles: number; stories: number } {
    return { articles: this.liveArticles, stories: this.liveStories };
  }

  toSnapshot(): EngineSnapshot {
    // Compact: only live articles, live stories and terms in use, renumbered densely.
    const termRemap = new Int32Array(this.terms.length).fill(-1);
    const terms: string[] = [];
    const termDisplay: string[] = [];
    const storyRemap = new Int32Array(this.storyIds.length).fill(-1);
    const storyIds: string[] = [];
    const articleIds: string[] = [];
    const liveSlots: number[] = [];
    let termCount = 0;
    // Terms that still carry a frozen IDF are kept even when no live article uses them: queries see them.
    for (let id = 0; id < this.terms.length; id++) {
      if (this.epochDf[id] > 0) {
        termRemap[id] = terms.length;
        terms.push(this.terms[id]);
        termDisplay.push(this.termDisplay[id]);
      }
    }
    const ids = this.allIds();
    for (let slot = 0; slot < ids.length; slot++) {
      if (this.articleStory[slot] === NO_STORY) continue;
      liveSlots.push(slot);
      articleIds.push(ids[slot]);
      termCount += this.articleTermEnd[slot] - this.articleTermStart[slot];
      const story = this.articleStory[slot];
      if (storyRemap[story] < 0) {
        storyRemap[story] = storyIds.length;
        storyIds.push(this.storyIds[story]);
      }
    }
    const articlePublished = new Float64Array(liveSlots.length);
    const articlePublisher = new Int32Array(liveSlots.length);
    const articleStory = new Uint32Array(liveSlots.length);
    const termOffsets = new Uint32Array(liveSlots.length + 1);
    const termIds = new Uint32Array(termCount);
    const termWeights = new Float32Array(termCount);
    let cursor = 0;
    liveSlots.forEach((slot, i) => {
      articlePublished[i] = this.articlePublished[slot];
      articlePublisher[i] = this.articlePublisher[slot];
      articleStory[i] = storyRemap[this.articleStory[slot]];
      termOffsets[i] = cursor;
      for (let k = this.articleTermStart[slot]; k < this.articleTermEnd[slot]; k++) {
        const original = this.termPool[k];
        let id = termRemap[original];
        if (id < 0) {
          id = terms.length;
          termRemap[original] = id;
          terms.push(this.terms[original]);
          termDisplay.push(this.termDisplay[original]);
        }
        termIds[cursor] = id;
        termWeights[cursor] = this.weightPool[k];
        cursor++;
      }
    });
    termOffsets[liveSlots.length] = cursor;
    // Story term sums, so that a restore need not rebuild them from the articles.
    let storyTermCount = 0;
    for (const id of storyIds) storyTermCount += this.weightsOf(this.storySlotOf.get(id) ?? 0).size;
    const storyTermOffsets = new Uint32Array(storyIds.length + 1);
    const storyTermIds = new Uint32Array(storyTermCount);
    const storyTermWeights = new Float32Array(storyTermCount);
    let storyCursor = 0;
    storyIds.forEach((id, i) => {
      storyTermOffsets[i] = storyCursor;
      // In the map's own order: a restored map then iterates like this one, so every sum over a story's
      // terms adds up in the same order and the restored engine goes on exactly like the saved one.
      for (const [term, weight] of this.weightsOf(this.storySlotOf.get(id) ?? 0)) {
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
      const slot = this.storySlotOf.get(id) ?? 0;
      this.updateSums(slot);
      storySquares[i] = this.storySquares[slot];
      storyLinear[i] = this.storyLinear[slot];
    });
    const epochDf = new Int32Array(terms.length);
    for (let id = 0; id < this.terms.length; id++) if (termRemap[id] >= 0) epochDf[termRemap[id]] = this.epochDf[id];
    const df = new Int32Array(terms.length);
    for (let k = 0; k < termIds.length; k++) df[termIds[k]]++;
    const postings = invertStoryTerms(storyTermOffsets, storyTermIds, terms.length);
    const mergedFrom: string[] = [];
    const mergedInto: string[] = [];
    for (const [from, into] of this.mergedInto) {
      // Keep redirects only while they lead somewhere.
      if (this.storySlotOf.has(this.resolveStoryId(into))) {
        mergedFrom.push(from);
        mergedInto.push(into);
      }
    }
    return {
      format: 'parallax-story-engine',
      version: 1,
      options: { ...this.options },
      terms,
      epochArticles: this.epochArticles,
      epochDf,
      termDisplay,
      articleIds,
      articlePublished,
      publishers: this.publishers.slice(),
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
      nextStoryNumber: this.nextStoryNumber,
      revisedBefore: this.revisedBefore(),
      mergedFrom,
      mergedInto,
      df,
      storyPostingOffsets: postings.offsets,
      storyPostings: postings.stories,
    };
  }

  static fromSnapshot(snapshot: EngineSnapshot): StoryEngine {
    if (snapshot.format !== 'parallax-story-engine' || snapshot.version !== 1) {
      throw new Error(`unsupported story engine snapshot: ${String(snapshot.format)} v${String(snapshot.version)}`);
    }
    // Only what the first match needs is rebuilt here; story term maps are built on first use.
    const engine = new StoryEngine(snapshot.options);
    engine.nextStoryNumber = snapshot.nextStoryNumber;
    snapshot.publishers.forEach((key, id) => {
      engine.publisherIdOf.set(key, id);
      engine.publishers.push(key);
    });
    const termCount = snapshot.terms.length;
    engine.termIdMap = null;
    engine.terms = snapshot.terms.slice();
    engine.termDisplay = snapshot.termDisplay.slice();
    const storedDf = snapshot.df?.length === termCount ? snapshot.df : null;
    engine.df = storedDf ? toNumbers(storedDf, 0, termCount) : new Array<number>(termCount).fill(0);
    engine.epochDf = toNumbers(snapshot.epochDf, 0, termCount);
    engine.epochArticles = snapshot.epochArticles;
    engine.recomputeIdf();
    engine.epoch = 1;

    const storyCount = snapshot.storyIds.length;
    for (let slot = 0; slot < storyCount; slot++) {
      const id = snapshot.storyIds[slot];
      engine.storyIds.push(id);
      engine.storySlotOf.set(id, slot);
      engine.storyMembers.push([]);
      engine.storyTermWeight.push(undefined);
      engine.storyFirst.push(Infinity);
      engine.storyLast.push(-Infinity);
      engine.storyNorm.push(0);
      engine.storyCohesion.push(1);
      engine.storyNormAt.push(-1);
      const squares = snapshot.storySquares?.[slot] ?? Number.NaN;
      const linear = snapshot.storyLinear?.[slot] ?? Number.NaN;
      const current = !Number.isNaN(squares) && !Number.isNaN(linear);
      engine.storySquares.push(current ? squares : 0);
      engine.storyLinear.push(current ? linear : 0);
      engine.storySumsAt.push(current ? engine.epoch : -1);
    }
    engine.postings.length = termCount;
    const { storyPostingOffsets, storyPostings } = snapshot;
    engine.restoredPostings =
      storyPostingOffsets?.length === termCount + 1 && storyPostings?.length === snapshot.storyTermIds.length
        ? { offsets: storyPostingOffsets.slice(), stories: storyPostings.slice() }
        : invertStoryTerms(snapshot.storyTermOffsets, snapshot.storyTermIds, termCount);
    // Copied (about 1 MB per 100k articles): kept for good, they would otherwise keep all the stored bytes alive.
    engine.restoredStoryTerms = {
      count: storyCount,
      offsets: snapshot.storyTermOffsets.slice(),
      ids: snapshot.storyTermIds.slice(),
      weights: snapshot.storyTermWeights.slice(),
    };
    engine.liveStories = storyCount;

    const { termOffsets, termIds, termWeights, articleIds, articleStory, articlePublished } = snapshot;
    if (!storedDf) for (let k = 0; k < termIds.length; k++) engine.df[termIds[k]]++;
    const packedIds = snapshot.articleIdsUtf8 ?? null;
    const articleCount = packedIds ? packedIds.ends.length : articleIds.length;
    engine.articleSlotMap = null;
    engine.articleIds = packedIds ? [] : articleIds.slice();
    engine.packedIds = packedIds;
    // The article columns and the term pool stay typed arrays, and the ones only ever appended to are the
    // snapshot's own (views on the stored bytes, from decodeSnapshot): exactly full, they move to larger
    // arrays of their own when the first article is added. Copying them into plain arrays was ~15 ms of
    // a woken worker's restore. The two columns written in place (story moves, removals) are copied, so
    // that an engine never changes the snapshot it came from.
    engine.termPool = termIds;
    engine.weightPool = termWeights;
    engine.poolLength = termIds.length;
    engine.articlePublished = articlePublished;
    engine.articlePublisher = snapshot.articlePublisher;
    engine.articleStory = new Int32Array(articleStory);
    engine.articleTermStart = termOffsets;
    engine.articleTermEnd = termOffsets.slice(1, articleCount + 1);
    for (let slot = 0; slot < articleCount; slot++) {
      const story = articleStory[slot];
      const published = articlePublished[slot];
      engine.storyMembers[story].push(slot);
      if (published < engine.storyFirst[story]) engine.storyFirst[story] = published;
      if (published > engine.storyLast[story]) engine.storyLast[story] = published;
    }
    engine.liveArticles = articleCount;
    // Member lists are kept in time order (revisions may have appended out of order before the save).
    for (const members of engine.storyMembers) {
      for (let i = 1; i < members.length; i++) {
        if (engine.articlePublished[members[i - 1]] > engine.articlePublished[members[i]]) {
          members.sort((x, y) => engine.articlePublished[x] - engine.articlePublished[y] || x - y);
          break;
        }
      }
    }
    const queue = snapshot.storyIds.map((_, slot) => slot).sort((a, b) => engine.storyFirst[a] - engine.storyFirst[b] || a - b);
    engine.storyQueue.push(...queue);
    while (
      engine.revisedUpTo < queue.length &&
      engine.storyFirst[queue[engine.revisedUpTo]] + engine.options.storySpanMs < snapshot.revisedBefore
    ) {
      engine.revisedUpTo++;
    }
    for (let i = 0; i < snapshot.mergedFrom.length; i++) engine.mergedInto.set(snapshot.mergedFrom[i], snapshot.mergedInto[i]);
    return engine;
  }

  // ---- internals ----

  private revisedBefore(): number {
    const next = this.storyQueue[this.revisedUpTo];
    return next === undefined ? Infinity : this.storyFirst[next] + this.options.storySpanMs;
  }

  /** Interned outlet key of an article (publisher name, else host), −1 when unknown. */
  private publisherId(article: EngineArticle): number {
    const key = (article.publisher ?? article.host ?? '').trim().toLowerCase();
    if (key.length === 0) return -1;
    let id = this.publisherIdOf.get(key);
    if (id === undefined) {
      id = this.publishers.length;
      this.publisherIdOf.set(key, id);
      this.publishers.push(key);
    }
    return id;
  }

  /** A story's summed term weights (built from the restored snapshot on first use). */
  private weightsOf(story: number): Map<number, number> {
    let weights = this.storyTermWeight[story];
    if (weights === undefined) {
      weights = new Map();
      const restored = this.restoredStoryTerms;
      if (restored !== undefined && story < restored.count) {
        for (let k = restored.offsets[story]; k < restored.offsets[story + 1]; k++) weights.set(restored.ids[k], restored.weights[k]);
      }
      this.storyTermWeight[story] = weights;
    }
    return weights;
  }

  /** Writes a new article slot's columns (the slot after the last one in use), growing them when full. */
  private appendArticle(slot: number, published: number, publisher: number, story: number, termStart: number, termEnd: number): void {
    this.articlePublished = withRoom(this.articlePublished, slot, slot + 1);
    this.articlePublisher = withRoom(this.articlePublisher, slot, slot + 1);
    this.articleStory = withRoom(this.articleStory, slot, slot + 1);
    this.articleTermStart = withRoom(this.articleTermStart, slot, slot + 1);
    this.articleTermEnd = withRoom(this.articleTermEnd, slot, slot + 1);
    this.articlePublished[slot] = published;
    this.articlePublisher[slot] = publisher;
    this.articleStory[slot] = story;
    this.articleTermStart[slot] = termStart;
    this.articleTermEnd[slot] = termEnd;
  }

  /** Appends an article's terms to the pool, from poolLength on. */
  private appendTerms(ids: readonly number[], weights: readonly number[]): void {
    if (this.poolLength + ids.length > this.termPool.length) {
      const termPool = new Uint32Array(Math.max(this.termPool.length * 2, this.poolLength + ids.length));
      termPool.set(this.termPool.subarray(0, this.poolLength));
      const weightPool = new Float32Array(termPool.length);
      weightPool.set(this.weightPool.subarray(0, this.poolLength));
      this.termPool = termPool;
      this.weightPool = weightPool;
    }
    for (let i = 0; i < ids.length; i++) {
      this.termPool[this.poolLength] = ids[i];
      this.weightPool[this.poolLength] = weights[i];
      this.poolLength++;
    }
  }

  private resolveStoryId(storyId: string): string {
    let id = storyId;
    for (let hops = 0; hops < 64; hops++) {
      const next = this.mergedInto.get(id);
      if (next === undefined) return id;
      id = next;
    }
    return id;
  }

  private idf(termId: number): number {
    return termId < 0 ? this.unseenIdf() : this.idfOf[termId];
  }

  private unseenIdf(): number {
    return Math.log(this.epochArticles + IDF_PRIOR_ARTICLES);
  }

  /** Recomputes the cached IDF of every term from the frozen document frequencies. */
  private recomputeIdf(): void {
    const total = this.epochArticles + IDF_PRIOR_ARTICLES;
    this.idfOf = this.epochDf.map((df) => Math.log(total / (df + 1)));
  }

  private refreshIdfIfDrifted(): void {
    const drift = Math.abs(this.liveArticles - this.epochArticles);
    // Small collections refresh on every change (cheap); large ones when they drift by a tenth.
    if (this.liveArticles > 1000 && drift <= this.epochArticles * 0.1) return;
    this.epochDf = this.df.slice();
    this.epochArticles = this.liveArticles;
    this.recomputeIdf();
    this.epoch++;
  }

  /** The term → id map, built on first use after a restore. */
  private termIds(): Map<string, number> {
    if (this.termIdMap === null) {
      const map = new Map<string, number>();
      for (let id = 0; id < this.terms.length; id++) map.set(this.terms[id], id);
      this.termIdMap = map;
    }
    return this.termIdMap;
  }

  private termId(term: string): number | undefined {
    if (this.termIdMap === null && this.vocabularyScans < VOCABULARY_SCANS) {
      this.vocabularyScans++;
      const id = this.terms.indexOf(term);
      return id < 0 ? undefined : id;
    }
    return this.termIds().get(term);
  }

  /** Tokenises an article into unique terms; `intern` adds unseen words to the vocabulary. */
  private vectorize(article: EngineArticle, intern: boolean): ArticleVector {
    const vector: ArticleVector = { surfaces: [], ids: [], weights: [] };
    const position = new Map<string, number>();
    const addText = (text: string, weight: number): void => {
      const list = tokenizeWithSurfaces(stripHeadlineBoilerplate(text, article.publisher, article.host));
      for (let i = 0; i < list.tokens.length; i++) {
        const term = list.tokens[i];
        const at = position.get(term);
        if (at !== undefined) {
          if (vector.weights[at] < weight) vector.weights[at] = weight;
          continue;
        }
        position.set(term, vector.ids.length);
        vector.surfaces.push(list.surfaces[i]);
        vector.weights.push(weight);
        let id = this.termId(term);
        if (id === undefined && intern) {
          id = this.terms.length;
          this.termIds().set(term, id);
          this.terms.push(term);
          this.termDisplay.push(list.surfaces[i]);
          this.df.push(0);
          this.epochDf.push(0);
          this.idfOf.push(this.unseenIdf());
          this.postings.push([]);
        }
        vector.ids.push(id ?? -1);
      }
    };
    addText(article.title, 1);
    if (article.description) addText(article.description, this.options.descriptionWeight);
    return vector;
  }

  private createStory(published: number): number {
    const slot = this.storyIds.length;
    const id = `s${(this.nextStoryNumber++).toString(36)}`;
    this.storyIds.push(id);
    this.storySlotOf.set(id, slot);
    this.storyMembers.push([]);
    this.storyTermWeight.push(new Map());
    this.storyFirst.push(published);
    this.storyLast.push(published);
    this.storyNorm.push(0);
    this.storyCohesion.push(1);
    this.storyNormAt.push(-1);
    this.storySquares.push(0);
    this.storyLinear.push(0);
    this.storySumsAt.push(this.epoch);
    this.storyQueue.push(slot);
    this.liveStories++;
    return slot;
  }

  /** The story slots holding a term, oldest first (read only). */
  private posting(id: number): ArrayLike<number> {
    const list = this.postings[id];
    if (list) return list;
    const restored = this.restoredPostings;
    return restored && id < restored.offsets.length - 1 ? restored.stories.subarray(restored.offsets[id], restored.offsets[id + 1]) : [];
  }

  private writablePosting(id: number): number[] {
    let list = this.postings[id];
    if (!list) {
      list = Array.from(this.posting(id));
      this.postings[id] = list;
    }
    return list;
  }

  private attach(articleSlot: number, story: number): void {
    this.insertMember(this.storyMembers[story], articleSlot);
    const weights = this.weightsOf(story);
    const sums = this.storySumsAt[story] === this.epoch;
    let squares = 0;
    let linear = 0;
    for (let k = this.articleTermStart[articleSlot]; k < this.articleTermEnd[articleSlot]; k++) {
      const id = this.termPool[k];
      const before = weights.get(id);
      if (before === undefined) this.writablePosting(id).push(story);
      const added = this.weightPool[k];
      const after = (before ?? 0) + added;
      weights.set(id, after);
      if (sums) {
        const idfSquared = this.idfOf[id] * this.idfOf[id];
        squares += (after * after - (before ?? 0) * (before ?? 0)) * idfSquared;
        linear += added * idfSquared;
      }
    }
    if (sums) {
      this.storySquares[story] += squares;
      this.storyLinear[story] += linear;
    }
    const published = this.articlePublished[articleSlot];
    if (published < this.storyFirst[story]) this.storyFirst[story] = published;
    if (published > this.storyLast[story]) this.storyLast[story] = published;
    this.storyNormAt[story] = -1;
  }

  /** Inserts an article into a member list kept in `published` order (appending in the usual case). */
  private insertMember(members: number[], articleSlot: number): void {
    const published = this.articlePublished[articleSlot];
    let at = members.length;
    while (at > 0 && this.articlePublished[members[at - 1]] > published) at--;
    if (at === members.length) members.push(articleSlot);
    else members.splice(at, 0, articleSlot);
  }

  /** Start of a story's core: the 10th percentile of its members' times (members are kept in time order). */
  private coreFirst(story: number): number {
    const members = this.storyMembers[story];
    return this.articlePublished[members[Math.floor((members.length - 1) * 0.1)]];
  }

  /** End of a story's core: the 90th percentile of its members' times. */
  private coreLast(story: number): number {
    const members = this.storyMembers[story];
    return this.articlePublished[members[Math.ceil((members.length - 1) * 0.9)]];
  }

  /**
   * Work done once a story's coverage period has ended (it can gain no more articles of its event):
   * - a small story's articles get a second look against the stories that grew around them;
   * - the story is compared, centroid to centroid, with the stories whose periods overlap it, and merged
   *   with the closest one when the centroids agree and the union still fits one coverage period
   *   (online assignment fragments an event whose first headlines happened to differ).
   */
  private reviseClosedSmallStories(now: number): void {
    const queue = this.storyQueue;
    while (this.revisedUpTo < queue.length && this.storyFirst[queue[this.revisedUpTo]] + this.options.storySpanMs < now) {
      const story = queue[this.revisedUpTo++];
      const members = this.storyMembers[story];
      if (members.length === 0) continue;
      if (members.length <= SMALL_STORY_SIZE) this.reviseMembers(story);
      this.mergeWithClosest(story);
    }
  }

  private reviseMembers(story: number): void {
    for (const member of [...this.storyMembers[story]]) {
      const start = this.articleTermStart[member];
      const end = this.articleTermEnd[member];
      const vector: ArticleVector = {
        surfaces: [],
        ids: Array.from(this.termPool.subarray(start, end)),
        weights: Array.from(this.weightPool.subarray(start, end)),
      };
      const published = this.articlePublished[member];
      const target = this.rankStories(vector, published, 2).find((candidate) => candidate.story !== story);
      if (!target || target.score < this.options.joinThreshold) continue;
      // The own story's score includes the article itself, so a move needs clearly better evidence.
      if (this.storyMembers[story].length > 1 && target.score <= this.scoreStory(vector, published, story)) continue;
      const emptied = this.detach(member);
      this.articleStory[member] = target.story;
      this.attach(member, target.story);
      if (emptied) this.mergedInto.set(this.storyIds[story], this.storyIds[target.story]);
    }
  }

  /** Merges `story` into (or with) its closest overlapping story while one agrees enough; bounded rounds. */
  private mergeWithClosest(story: number): void {
    let current = story;
    for (let round = 0; round < 4; round++) {
      if (this.storyMembers[current].length === 0) return;
      const other = this.closestStory(current);
      if (other === NO_STORY) return;
      const smaller = this.storyMembers[current].length < this.storyMembers[other].length ? current : other;
      const larger = smaller === current ? other : current;
      this.mergeStories(smaller, larger);
      current = larger;
    }
  }

  /**
   * The story whose centroid is most similar to `story`'s (at least `mergeThreshold`), or NO_STORY.
   * Candidates are gathered through the postings of the story's strongest terms only (cheap; a story
   * that shares none of them is not a fragment of the same event).
   */
  private closestStory(story: number): number {
    const size = this.storyMembers[story].length;
    if (size < MERGE_MIN_SIZE) return NO_STORY;
    const strongest = [...this.weightsOf(story)]
      .map(([id, weight]) => ({ id, weight: (weight / size) * this.idf(id) }))
      .sort((x, y) => y.weight - x.weight || x.id - y.id)
      .slice(0, MERGE_PROBE_TERMS);
    const low = this.coreFirst(story);
    const high = this.coreLast(story);
    const first = this.storyFirst[story];
    const last = this.storyLast[story];
    const seen = new Set<number>();
    let best = NO_STORY;
    let bestScore = this.options.mergeThreshold;
    for (const { id } of strongest) {
      const posting = this.posting(id);
      for (let p = posting.length - 1; p >= 0; p--) {
        const other = posting[p];
        if (other === story || seen.has(other)) continue;
        const otherFirst = this.storyFirst[other];
        if (otherFirst > first + this.windowMs) continue;
        if (otherFirst < last - this.windowMs) {
          if (otherFirst < last - 2 * this.windowMs) break;
          continue;
        }
        seen.add(other);
        if (this.storyMembers[other].length < MERGE_MIN_SIZE || !this.weightsOf(other).has(id)) continue;
        // One event's articles all lie within one coverage period; a union that does not fit is two events.
        // The core of each story is used, so that one stray member cannot block or allow a merge.
        if (Math.max(high, this.coreLast(other)) - Math.min(low, this.coreFirst(other)) > this.options.storySpanMs) continue;
        const score = this.centroidCosine(story, other);
        if (score > bestScore || (score === bestScore && best !== NO_STORY && other < best)) {
          best = other;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /**
   * Brings every story to its settled state as if its coverage period had ended: the final second looks
   * and merges. For a finished batch (a whole file clustered at once); an online index gets the same work
   * gradually as time moves past each story's period.
   */
  settle(): void {
    this.reviseClosedSmallStories(Infinity);
    this.refineStories();
  }

  /**
   * The graph refinement alone, over all live articles (see refine-graph.ts): each article moves to the
   * story its most similar headlines (within one coverage period) sit in, which joins fragments linked
   * through intermediate headlines. Stories emptied this way redirect to where most of their articles went.
   * Unlike `settle`, it ends no story's coverage period, so an online index can run it after each batch of
   * new articles (cost: about a second per 100k articles on one core). Off when `refineNeighbours` is 0.
   */
  refineStories(): void {
    if (this.options.refineNeighbours > 0) this.refineThroughNeighbours();
    // Merges and moves append stories to postings out of creation order; put them back in order.
    this.rebuildPostings();
  }

  private refineThroughNeighbours(): void {
    const slots: number[] = [];
    let termCount = 0;
    for (let slot = 0; slot < this.slotCount(); slot++) {
      if (this.articleStory[slot] === NO_STORY) continue;
      slots.push(slot);
      termCount += this.articleTermEnd[slot] - this.articleTermStart[slot];
    }
    if (slots.length < 2) return;
    const input: RefineInput = {
      published: new Float64Array(slots.length),
      termOffsets: new Uint32Array(slots.length + 1),
      termIds: new Uint32Array(termCount),
      termWeights: new Float32Array(termCount),
      idf: Float64Array.from(this.idfOf),
      publisher: new Int32Array(slots.length),
      initial: new Int32Array(slots.length),
    };
    let cursor = 0;
    slots.forEach((slot, i) => {
      input.published[i] = this.articlePublished[slot];
      input.publisher[i] = this.articlePublisher[slot];
      input.initial[i] = this.articleStory[slot];
      input.termOffsets[i] = cursor;
      const start = this.articleTermStart[slot];
      const end = this.articleTermEnd[slot];
      input.termIds.set(this.termPool.subarray(start, end), cursor);
      input.termWeights.set(this.weightPool.subarray(start, end), cursor);
      cursor += end - start;
    });
    input.termOffsets[slots.length] = cursor;
    const labels = refineByNeighbourVotes(input, {
      spanMs: this.options.storySpanMs,
      decayMs: this.options.decayMs,
      neighbours: this.options.refineNeighbours,
      selfWeight: this.options.refineSelfWeight,
    });
    this.relabel(slots, labels);
  }

  /**
   * Rebuilds the term → stories postings in story creation order. Moves append a story to the postings of
   * terms new to it, out of that order; `rankStories` stops walking a posting list at the first story a
   * window older than its range, so after many moves the lists must be put back in order.
   */
  private rebuildPostings(): void {
    for (let id = 0; id < this.postings.length; id++) this.postings[id] = [];
    this.restoredPostings = undefined;
    for (let story = 0; story < this.storyIds.length; story++) {
      if (this.storyMembers[story].length === 0) continue;
      for (const id of this.weightsOf(story).keys()) this.writablePosting(id).push(story);
    }
  }

  /** Moves articles to new stories (labels are story slots), then retires the stories left empty. */
  private relabel(slots: readonly number[], labels: Int32Array): void {
    const movedTo = new Map<number, Map<number, number>>();
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const from = this.articleStory[slot];
      const to = labels[i];
      if (from === to) continue;
      this.removeMember(slot);
      this.articleStory[slot] = to;
      this.attach(slot, to);
      let counts = movedTo.get(from);
      if (!counts) movedTo.set(from, (counts = new Map()));
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    for (const [story, counts] of movedTo) {
      if (this.storyMembers[story].length > 0) {
        this.recomputeSpan(story);
        continue;
      }
      let into = NO_STORY;
      let most = 0;
      for (const [to, count] of counts) {
        if (count > most || (count === most && to < into)) {
          into = to;
          most = count;
        }
      }
      this.storySlotOf.delete(this.storyIds[story]);
      this.storyTermWeight[story] = new Map();
      this.clearSums(story);
      this.liveStories--;
      this.mergedInto.set(this.storyIds[story], this.storyIds[into]);
    }
  }

  /** Takes an article out of its story (the article stays indexed); returns whether the story emptied. */
  private detach(slot: number): boolean {
    const story = this.articleStory[slot];
    const members = this.storyMembers[story];
    this.removeMember(slot);
    if (members.length === 0) {
      this.storySlotOf.delete(this.storyIds[story]);
      this.liveStories--;
      return true;
    }
    this.recomputeSpan(story);
    return false;
  }

  /** Takes an article's terms and membership out of its story, leaving the story's bookkeeping to the caller. */
  private removeMember(slot: number): void {
    const story = this.articleStory[slot];
    const members = this.storyMembers[story];
    const index = members.indexOf(slot);
    if (index >= 0) members.splice(index, 1);
    const weights = this.weightsOf(story);
    const sums = this.storySumsAt[story] === this.epoch;
    let squares = 0;
    let linear = 0;
    for (let k = this.articleTermStart[slot]; k < this.articleTermEnd[slot]; k++) {
      const id = this.termPool[k];
      const before = weights.get(id) ?? 0;
      let left = before - this.weightPool[k];
      if (left > 1e-9) weights.set(id, left);
      else {
        weights.delete(id);
        left = 0;
      }
      if (sums) {
        const idfSquared = this.idfOf[id] * this.idfOf[id];
        squares += (left * left - before * before) * idfSquared;
        linear += (left - before) * idfSquared;
      }
    }
    if (sums) {
      this.storySquares[story] += squares;
      this.storyLinear[story] += linear;
    }
    this.storyNormAt[story] = -1;
  }

  private recomputeSpan(story: number): void {
    let first = Infinity;
    let last = -Infinity;
    for (const member of this.storyMembers[story]) {
      const published = this.articlePublished[member];
      if (published < first) first = published;
      if (published > last) last = published;
    }
    this.storyFirst[story] = first;
    this.storyLast[story] = last;
  }

  private mergeStories(from: number, into: number): void {
    for (const member of this.storyMembers[from]) {
      this.articleStory[member] = into;
      this.attach(member, into);
    }
    this.storyMembers[from] = [];
    this.storyTermWeight[from] = new Map();
    this.clearSums(from);
    this.storyNormAt[from] = -1;
    this.storySlotOf.delete(this.storyIds[from]);
    this.mergedInto.set(this.storyIds[from], this.storyIds[into]);
    this.liveStories--;
  }

  private clearSums(story: number): void {
    this.storySquares[story] = 0;
    this.storyLinear[story] = 0;
    this.storySumsAt[story] = this.epoch;
  }

  /** Recomputes a story's Σ S²·idf² and Σ S·idf² unless they are current. */
  private updateSums(story: number): void {
    if (this.storySumsAt[story] === this.epoch) return;
    let squares = 0;
    let linear = 0;
    for (const [id, weight] of this.weightsOf(story)) {
      const idfSquared = this.idfOf[id] * this.idfOf[id];
      squares += weight * weight * idfSquared;
      linear += weight * idfSquared;
    }
    this.storySquares[story] = squares;
    this.storyLinear[story] = linear;
    this.storySumsAt[story] = this.epoch;
  }

  /** Centroid norm, recomputed when the story changed or the IDF was refreshed. */
  private norm(story: number): number {
    if (this.storyNormAt[story] === this.epoch) return this.storyNorm[story];
    const size = this.storyMembers[story].length;
    // With the centroid a plain mean (c = S/size), its norm and the members' mean cosine with it follow
    // from Σ S_t²·idf² and Σ S_t·idf² (members are 0/1 headline term vectors, so Σ|m|² = Σ S_t·idf²).
    if (this.options.centroidSaturation === 1) {
      this.updateSums(story);
      const squares = Math.max(0, this.storySquares[story]);
      const linear = Math.max(0, this.storyLinear[story]);
      const norm = size === 0 ? 0 : Math.sqrt(squares) / size;
      this.storyNorm[story] = norm;
      this.storyNormAt[story] = this.epoch;
      // memberDot / (size · norm · rmsMember) with memberDot = Σ S²·idf² / size, rmsMember = √(Σ S·idf² / size).
      this.storyCohesion[story] = norm === 0 || linear === 0 ? 1 : Math.min(1, Math.sqrt(squares) / Math.sqrt(linear * size));
      return norm;
    }
    let sum = 0;
    // Alongside: Σ_m m·c and Σ|m|² over the members, which are 0/1 term vectors (headline words), so
    // Σ_m m·c = Σ S_t·c_t·idf² and Σ|m|² = Σ S_t·idf².
    let memberDot = 0;
    let memberSquares = 0;
    for (const [id, weight] of this.weightsOf(story)) {
      const idfSquared = this.idfOf[id] * this.idfOf[id];
      const centroid = this.centroidWeight(weight, size);
      sum += centroid * centroid * idfSquared;
      memberDot += weight * centroid * idfSquared;
      memberSquares += weight * idfSquared;
    }
    const norm = Math.sqrt(sum);
    this.storyNorm[story] = norm;
    this.storyNormAt[story] = this.epoch;
    const rmsMember = Math.sqrt(memberSquares / size);
    // ≈ mean cosine of a member with the centroid (exact for equal-norm members): 1 for one article, low
    // for a story whose coverage is worded many ways.
    this.storyCohesion[story] = norm === 0 || rmsMember === 0 ? 1 : Math.min(1, memberDot / (size * norm * rmsMember));
    return norm;
  }

  /**
   * A term's weight in a story's centroid from its summed member weight: the share of members using it,
   * saturated (exponent `centroidSaturation` < 1), so that the words every article repeats do not drown
   * the story's other, still characteristic words.
   */
  private centroidWeight(sum: number, size: number): number {
    const share = sum / size;
    return this.options.centroidSaturation === 1 ? share : share ** this.options.centroidSaturation;
  }

  /** Divisor that puts a story's scores on the scale of its own members' similarity to it. */
  private calibration(story: number): number {
    this.norm(story);
    return this.storyCohesion[story] ** this.options.matchCohesionWeight;
  }

  /**
   * How far a story, with `published` added, would exceed its coverage period: every article of one
   * event lies within `storySpanMs` of the event's first report, so the extent from the earliest to the
   * latest article counts, not the distance to the last one.
   */
  private timeDistance(published: number, story: number): number {
    // The story's core, not its extremes: one stray member must not end or stretch its period.
    const extent = Math.max(published, this.coreLast(story)) - Math.min(published, this.coreFirst(story));
    return Math.max(0, extent - this.options.storySpanMs);
  }

  private decay(distanceMs: number): number {
    return Math.exp(-distanceMs / this.options.decayMs);
  }

  private queryNorm(vector: ArticleVector): number {
    let sum = 0;
    for (let i = 0; i < vector.ids.length; i++) {
      const w = vector.weights[i] * this.idf(vector.ids[i]);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** The `limit` best stories for an article vector, best first. */
  private rankStories(vector: ArticleVector, published: number, limit: number): Candidate[] {
    if (this.liveStories === 0) return [];
    if (this.accumulator.length < this.storyIds.length) {
      this.accumulator = new Float64Array(Math.max(this.storyIds.length * 2, 1024));
    }
    const accumulator = this.accumulator;
    const touched = this.touched;
    touched.length = 0;
    const earliest = published - this.windowMs;
    const latest = published + this.windowMs;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i];
      if (id < 0 || this.df[id] === 0) continue;
      const idf = this.idf(id);
      const queryWeight = vector.weights[i] * idf;
      const posting = this.posting(id);
      for (let p = posting.length - 1; p >= 0; p--) {
        const story = posting[p];
        const first = this.storyFirst[story];
        if (first > latest) continue;
        if (first < earliest) {
          // Postings run in story creation order, which follows time: once stories are a whole window
          // older than the reachable range, none further back can be in it (bounds work per article
          // however long the index's history is).
          if (first < earliest - this.windowMs) break;
          continue;
        }
        // Postings keep the slots of stories merged away (emptied, never reused): skipped before the lookup.
        const size = this.storyMembers[story].length;
        if (size === 0) continue;
        const weight = this.weightsOf(story).get(id);
        if (weight === undefined) continue;
        if (accumulator[story] === 0) touched.push(story);
        accumulator[story] += queryWeight * this.centroidWeight(weight, size) * idf;
      }
    }
    const queryNorm = this.queryNorm(vector);
    const best: Candidate[] = [];
    for (const story of touched) {
      const dot = accumulator[story];
      accumulator[story] = 0;
      const storyNorm = this.norm(story);
      if (storyNorm === 0 || queryNorm === 0) continue;
      const score = (dot / (queryNorm * storyNorm)) * this.decay(this.timeDistance(published, story));
      if (best.length < limit || score > best[best.length - 1].score) {
        // Insertion into the short sorted list (best score first, then lower slot), no re-sort.
        let at = best.length;
        while (at > 0 && (best[at - 1].score < score || (best[at - 1].score === score && best[at - 1].story > story))) at--;
        best.splice(at, 0, { story, score });
        if (best.length > limit) best.pop();
      }
    }
    return best;
  }

  private scoreStory(vector: ArticleVector, published: number, story: number): number {
    const weights = this.weightsOf(story);
    const size = this.storyMembers[story].length;
    let dot = 0;
    for (let i = 0; i < vector.ids.length; i++) {
      const weight = weights.get(vector.ids[i]);
      if (weight === undefined) continue;
      const idf = this.idf(vector.ids[i]);
      dot += vector.weights[i] * idf * this.centroidWeight(weight, size) * idf;
    }
    const norms = this.queryNorm(vector) * this.norm(story);
    return norms === 0 ? 0 : (dot / norms) * this.decay(this.timeDistance(published, story));
  }

  /** Cosine of two stories' centroids. */
  private centroidCosine(a: number, b: number): number {
    const weightsA = this.weightsOf(a);
    const weightsB = this.weightsOf(b);
    // Walk the smaller vocabulary, look up in the larger.
    const [walked, probed] = weightsA.size <= weightsB.size ? [weightsA, weightsB] : [weightsB, weightsA];
    const [walkedSize, probedSize] =
      walked === weightsA
        ? [this.storyMembers[a].length, this.storyMembers[b].length]
        : [this.storyMembers[b].length, this.storyMembers[a].length];
    let dot = 0;
    for (const [id, weight] of walked) {
      const other = probed.get(id);
      if (other === undefined) continue;
      const idf = this.idf(id);
      dot += this.centroidWeight(weight, walkedSize) * this.centroidWeight(other, probedSize) * idf * idf;
    }
    const norms = this.norm(a) * this.norm(b);
    if (norms === 0) return 0;
    return dot / norms;
  }

  /** Story-to-story similarity: cosine of the centroids, decayed by how far their union exceeds a period. */
  private storySimilarity(a: number, b: number): number {
    // Fragments of one story together still fit in one coverage period: only an excess counts against.
    const extent = Math.max(this.coreLast(a), this.coreLast(b)) - Math.min(this.coreFirst(a), this.coreFirst(b));
    return this.centroidCosine(a, b) * this.decay(Math.max(0, extent - this.options.storySpanMs));
  }

  /** Shared terms, strongest contribution first, in display form. */
  private evidence(vector: ArticleVector, story: number): string[] {
    const weights = this.weightsOf(story);
    const size = this.storyMembers[story].length;
    const shared: { term: string; contribution: number }[] = [];
    for (let i = 0; i < vector.ids.length; i++) {
      const weight = weights.get(vector.ids[i]);
      if (weight === undefined) continue;
      shared.push({
        term: vector.surfaces[i],
        contribution: vector.weights[i] * this.centroidWeight(weight, size) * this.idf(vector.ids[i]) ** 2,
      });
    }
    shared.sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1));
    return shared.slice(0, this.options.evidenceTerms).map((entry) => entry.term);
  }
}

import { stripHeadlineBoilerplate, tokenizeWithSurfaces } from '../text/index';

/** An article as the story engine sees it. */
export interface EngineArticle {
  id: string;
  title: string;
  description?: string;
  publisher?: string;
  host?: string;
  /** Epoch milliseconds. */
  published: number;
}

/** The story an article belongs to, how sure the engine is, and why. */
export interface StoryMatch {
  storyId: string;
  /** Time-decayed cosine similarity to the story, 0..1. */
  score: number;
  /** Key terms the article shares with the story, strongest first, in display form. */
  terms: string[];
}

export interface EngineOptions {
  /** Minimum score for an added article to join an existing story instead of starting one. */
  joinThreshold: number;
  /** Minimum score for `match` to name a story rather than answer null. */
  matchThreshold: number;
  /** Minimum story-to-story score for two stories to be merged into one. */
  mergeThreshold: number;
  /** How long after its first report a story keeps collecting coverage at full weight. */
  storySpanMs: number;
  /** Time scale of the similarity decay beyond that span: each `decayMs` further divides the score by e. */
  decayMs: number;
  /** Weight of words found only in the description, relative to headline words. */
  descriptionWeight: number;
  /** Number of shared terms reported as evidence. */
  evidenceTerms: number;
  /**
   * Score factor, when clustering, for a story that already has an article from the same outlet: an
   * outlet usually covers one event once, so a second article of it more likely belongs elsewhere.
   */
  samePublisherFactor: number;
}

/**
 * Defaults, chosen by principle rather than fitted: a story is one news event, covered over a day or two,
 * so similarity decays by e per day outside the story's span; an article joins a story when its weighted
 * overlap with the story's centroid is clearly more than an incidental shared word; stories merge only
 * when their centroids agree more than a typical member agrees with its own story.
 */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  joinThreshold: 0.2,
  matchThreshold: 0.3,
  mergeThreshold: 0.25,
  storySpanMs: 36 * 3600 * 1000,
  decayMs: 12 * 3600 * 1000,
  descriptionWeight: 0.5,
  evidenceTerms: 5,
  samePublisherFactor: 1,
};

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
  nextStoryNumber: number;
  /** Stories whose coverage period ended before this time have had their second look. */
  revisedBefore: number;
  /** Ids of stories merged away, and the id each was merged into (same length). */
  mergedFrom: string[];
  mergedInto: string[];
}

/** A tokenised article: unique term ids (−1 for words not in the vocabulary) and their weights. */
interface ArticleVector {
  terms: string[];
  surfaces: string[];
  ids: number[];
  weights: number[];
}

interface Candidate {
  story: number;
  score: number;
}

const NO_STORY = -1;
/** Size of the prior pseudo-collection in the IDF (matters only while the index is small). */
const IDF_PRIOR_ARTICLES = 100;
/** Stories of at most this many articles get a second look when their coverage period ends. */
const SMALL_STORY_SIZE = 3;

export class StoryEngine {
  private readonly options: EngineOptions;
  /** Stories whose time span is further than this from an article cannot reach the thresholds. */
  private readonly windowMs: number;

  // Vocabulary and document frequencies over live articles.
  private readonly termIdOf = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly termDisplay: string[] = [];
  private readonly df: number[] = [];
  /**
   * IDF is taken from a frozen copy of the document frequencies, refreshed whenever the collection has
   * grown or shrunk by a tenth. Scores then depend only on the index's content, not on its history, so a
   * restored snapshot answers exactly like the original, and story norms can be cached safely.
   */
  private epochDf: number[] = [];
  private epochArticles = 0;
  private epoch = 0;
  /** Story slots that contain each term (may hold stale slots; checked on use). */
  private readonly postings: number[][] = [];

  // Articles, by slot.
  private readonly articleSlotOf = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private readonly articlePublished: number[] = [];
  private readonly articleStory: number[] = [];
  /** Article terms live in one pool (no per-article arrays): slot i owns termPool[start[i] .. end[i]). */
  private termPool = new Uint32Array(1 << 16);
  private weightPool = new Float32Array(1 << 16);
  private poolLength = 0;
  private readonly articleTermStart: number[] = [];
  private readonly articleTermEnd: number[] = [];
  private readonly articlePublisher: number[] = [];
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
  private readonly storyNormAt: number[] = [];
  private liveStories = 0;
  private nextStoryNumber = 0;
  private readonly mergedInto = new Map<string, string>();
  /** Stories in creation order, and how far `reviseClosedSmallStories` has gone through them. */
  private readonly storyQueue: number[] = [];
  private revisedUpTo = 0;

  // Scratch space for scoring, reused across calls.
  private accumulator = new Float64Array(1024);
  private readonly touched: number[] = [];

  constructor(options?: Partial<EngineOptions>) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    const lowest = Math.min(this.options.joinThreshold, this.options.matchThreshold, this.options.mergeThreshold);
    this.windowMs = this.options.storySpanMs + this.options.decayMs * Math.log(1 / Math.max(lowest, 1e-3));
  }

  /** Adds an article (or re-adds it, replacing the old version) and returns the id of the story it joined. */
  add(article: EngineArticle): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articleSlotOf.has(article.id)) this.remove(article.id);
    this.reviseClosedSmallStories(article.published);
    const vector = this.vectorize(article, true);
    const publisher = this.publisherId(article);
    const candidates = this.rankStories(vector, article.published, 4);
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
    const slot = this.articleIds.length;
    this.articleIds.push(article.id);
    this.articlePublished.push(article.published);
    this.articlePublisher.push(publisher);
    this.articleStory.push(story);
    this.appendTerms(vector.ids, vector.weights);
    this.articleSlotOf.set(article.id, slot);
    this.liveArticles++;
    for (const id of vector.ids) this.df[id]++;
    this.refreshIdfIfDrifted();
    this.attach(slot, story);
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

  storyOf(articleId: string): string | undefined {
    const slot = this.articleSlotOf.get(articleId);
    return slot === undefined ? undefined : this.storyIds[this.articleStory[slot]];
  }

  members(storyId: string): string[] {
    const slot = this.storySlotOf.get(this.resolveStoryId(storyId));
    if (slot === undefined) return [];
    return this.storyMembers[slot].map((article) => this.articleIds[article]);
  }

  /** The story `query` belongs to, or null when no story is close enough. Never changes the index. */
  match(query: EngineArticle): StoryMatch | null {
    const ownSlot = this.articleSlotOf.get(query.id);
    const vector = this.vectorize(query, false);
    if (ownSlot !== undefined) {
      const story = this.articleStory[ownSlot];
      return { storyId: this.storyIds[story], score: this.scoreStory(vector, query.published, story), terms: this.evidence(vector, story) };
    }
    const [best] = this.rankStories(vector, query.published, 1);
    if (!best || best.score < this.options.matchThreshold) return null;
    return { storyId: this.storyIds[best.story], score: best.score, terms: this.evidence(vector, best.story) };
  }

  /**
   * `match` restricted to the given candidate stories (ids from an external retrieval, e.g. a full-text
   * index): same scoring and threshold. Read-only.
   */
  matchAmong(query: EngineArticle, candidateStoryIds: readonly string[]): StoryMatch | null {
    const vector = this.vectorize(query, false);
    let best: Candidate | undefined;
    for (const storyId of candidateStoryIds) {
      const story = this.storySlotOf.get(this.resolveStoryId(storyId));
      if (story === undefined) continue;
      const score = this.scoreStory(vector, query.published, story);
      if (!best || score > best.score || (score === best.score && story < best.story)) best = { story, score };
    }
    if (!best || best.score < this.options.matchThreshold) return null;
    return { storyId: this.storyIds[best.story], score: best.score, terms: this.evidence(vector, best.story) };
  }

  remove(articleId: string): void {
    const slot = this.articleSlotOf.get(articleId);
    if (slot === undefined) return;
    this.detach(slot);
    for (let k = this.articleTermStart[slot]; k < this.articleTermEnd[slot]; k++) this.df[this.termPool[k]]--;
    this.articleSlotOf.delete(articleId);
    this.articleStory[slot] = NO_STORY;
    this.articleTermEnd[slot] = this.articleTermStart[slot];
    this.liveArticles--;
    this.refreshIdfIfDrifted();
  }

  pruneOlderThan(epochMs: number): number {
    const old: string[] = [];
    for (let slot = 0; slot < this.articleIds.length; slot++) {
      if (this.articleStory[slot] !== NO_STORY && this.articlePublished[slot] < epochMs) old.push(this.articleIds[slot]);
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
    for (let slot = 0; slot < this.articleIds.length; slot++) {
      if (this.articleStory[slot] === NO_STORY) continue;
      liveSlots.push(slot);
      articleIds.push(this.articleIds[slot]);
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
      const entries = [...this.weightsOf(this.storySlotOf.get(id) ?? 0)].map(([term, weight]) => [termRemap[term], weight]);
      // Sorted by term id: the restored maps then do not depend on this engine's insertion history.
      entries.sort((x, y) => x[0] - y[0]);
      for (const [term, weight] of entries) {
        storyTermIds[storyCursor] = term;
        storyTermWeights[storyCursor] = weight;
        storyCursor++;
      }
    });
    storyTermOffsets[storyIds.length] = storyCursor;
    const epochDf = new Int32Array(terms.length);
    for (let id = 0; id < this.terms.length; id++) if (termRemap[id] >= 0) epochDf[termRemap[id]] = this.epochDf[id];
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
      nextStoryNumber: this.nextStoryNumber,
      revisedBefore: this.revisedBefore(),
      mergedFrom,
      mergedInto,
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
    for (let t = 0; t < termCount; t++) {
      engine.termIdOf.set(snapshot.terms[t], t);
      engine.terms.push(snapshot.terms[t]);
      engine.termDisplay.push(snapshot.termDisplay[t]);
      engine.df.push(0);
      engine.epochDf.push(snapshot.epochDf[t]);
      engine.postings.push([]);
    }
    engine.epochArticles = snapshot.epochArticles;
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
      engine.storyNormAt.push(-1);
      for (let k = snapshot.storyTermOffsets[slot]; k < snapshot.storyTermOffsets[slot + 1]; k++) {
        engine.postings[snapshot.storyTermIds[k]].push(slot);
      }
    }
    engine.restoredStoryTerms = {
      count: storyCount,
      offsets: snapshot.storyTermOffsets,
      ids: snapshot.storyTermIds,
      weights: snapshot.storyTermWeights,
    };
    engine.liveStories = storyCount;

    const { termOffsets, termIds, termWeights, articleIds, articleStory, articlePublished } = snapshot;
    engine.termPool = new Uint32Array(Math.max(1 << 16, termIds.length * 2));
    engine.termPool.set(termIds);
    engine.weightPool = new Float32Array(engine.termPool.length);
    engine.weightPool.set(termWeights);
    engine.poolLength = termIds.length;
    for (let k = 0; k < termIds.length; k++) engine.df[termIds[k]]++;
    const articleCount = articleIds.length;
    for (let slot = 0; slot < articleCount; slot++) {
      const story = articleStory[slot];
      const published = articlePublished[slot];
      engine.articleIds.push(articleIds[slot]);
      engine.articleSlotOf.set(articleIds[slot], slot);
      engine.articlePublished.push(published);
      engine.articlePublisher.push(snapshot.articlePublisher[slot]);
      engine.articleStory.push(story);
      engine.articleTermStart.push(termOffsets[slot]);
      engine.articleTermEnd.push(termOffsets[slot + 1]);
      engine.storyMembers[story].push(slot);
      if (published < engine.storyFirst[story]) engine.storyFirst[story] = published;
      if (published > engine.storyLast[story]) engine.storyLast[story] = published;
    }
    engine.liveArticles = articleCount;
    const queue = snapshot.storyIds.map((_, slot) => slot).sort((a, b) => engine.storyFirst[a] - engine.storyFirst[b] || a - b);
    engine.storyQueue.push(...queue);
    while (engine.revisedUpTo < queue.length && engine.storyFirst[queue[engine.revisedUpTo]] + engine.options.storySpanMs < snapshot.revisedBefore) {
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

  /** Appends an article's terms to the pool; the new slot's range is [start, end). */
  private appendTerms(ids: readonly number[], weights: readonly number[]): void {
    if (this.poolLength + ids.length > this.termPool.length) {
      const termPool = new Uint32Array(Math.max(this.termPool.length * 2, this.poolLength + ids.length));
      termPool.set(this.termPool.subarray(0, this.poolLength));
      const weightPool = new Float32Array(termPool.length);
      weightPool.set(this.weightPool.subarray(0, this.poolLength));
      this.termPool = termPool;
      this.weightPool = weightPool;
    }
    this.articleTermStart.push(this.poolLength);
    for (let i = 0; i < ids.length; i++) {
      this.termPool[this.poolLength] = ids[i];
      this.weightPool[this.poolLength] = weights[i];
      this.poolLength++;
    }
    this.articleTermEnd.push(this.poolLength);
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
    const df = termId < 0 ? 0 : this.epochDf[termId];
    // The prior pseudo-collection keeps a small index from treating every unseen word as decisive.
    return Math.log((this.epochArticles + IDF_PRIOR_ARTICLES) / (df + 1));
  }

  private refreshIdfIfDrifted(): void {
    const drift = Math.abs(this.liveArticles - this.epochArticles);
    // Small collections refresh on every change (cheap); large ones when they drift by a tenth.
    if (this.liveArticles > 1000 && drift <= this.epochArticles * 0.1) return;
    this.epochDf = this.df.slice();
    this.epochArticles = this.liveArticles;
    this.epoch++;
  }

  /** Tokenises an article into unique terms; `intern` adds unseen words to the vocabulary. */
  private vectorize(article: EngineArticle, intern: boolean): ArticleVector {
    const vector: ArticleVector = { terms: [], surfaces: [], ids: [], weights: [] };
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
        position.set(term, vector.terms.length);
        vector.terms.push(term);
        vector.surfaces.push(list.surfaces[i]);
        vector.weights.push(weight);
        let id = this.termIdOf.get(term);
        if (id === undefined && intern) {
          id = this.terms.length;
          this.termIdOf.set(term, id);
          this.terms.push(term);
          this.termDisplay.push(list.surfaces[i]);
          this.df.push(0);
          this.epochDf.push(0);
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
    this.storyNormAt.push(-1);
    this.storyQueue.push(slot);
    this.liveStories++;
    return slot;
  }

  private attach(articleSlot: number, story: number): void {
    this.storyMembers[story].push(articleSlot);
    const weights = this.weightsOf(story);
    for (let k = this.articleTermStart[articleSlot]; k < this.articleTermEnd[articleSlot]; k++) {
      const id = this.termPool[k];
      const before = weights.get(id);
      if (before === undefined) this.postings[id].push(story);
      weights.set(id, (before ?? 0) + this.weightPool[k]);
    }
    const published = this.articlePublished[articleSlot];
    if (published < this.storyFirst[story]) this.storyFirst[story] = published;
    if (published > this.storyLast[story]) this.storyLast[story] = published;
    this.storyNormAt[story] = -1;
  }

  /**
   * Second look at stories that stayed small through their coverage period: the stories around them
   * have grown since, so an article of theirs may now clearly belong to one of those.
   */
  private reviseClosedSmallStories(now: number): void {
    const queue = this.storyQueue;
    while (this.revisedUpTo < queue.length && this.storyFirst[queue[this.revisedUpTo]] + this.options.storySpanMs < now) {
      const story = queue[this.revisedUpTo++];
      const members = this.storyMembers[story];
      if (members.length === 0 || members.length > SMALL_STORY_SIZE) continue;
      for (const member of [...members]) {
        const start = this.articleTermStart[member];
        const end = this.articleTermEnd[member];
        const vector: ArticleVector = {
          terms: [],
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
  }

  /** Takes an article out of its story (the article stays indexed); returns whether the story emptied. */
  private detach(slot: number): boolean {
    const story = this.articleStory[slot];
    const members = this.storyMembers[story];
    const index = members.indexOf(slot);
    if (index >= 0) members.splice(index, 1);
    const weights = this.weightsOf(story);
    for (let k = this.articleTermStart[slot]; k < this.articleTermEnd[slot]; k++) {
      const id = this.termPool[k];
      const left = (weights.get(id) ?? 0) - this.weightPool[k];
      if (left > 1e-9) weights.set(id, left);
      else weights.delete(id);
    }
    this.storyNormAt[story] = -1;
    if (members.length === 0) {
      this.storySlotOf.delete(this.storyIds[story]);
      this.liveStories--;
      return true;
    }
    this.recomputeSpan(story);
    return false;
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
    this.storyNormAt[from] = -1;
    this.storySlotOf.delete(this.storyIds[from]);
    this.mergedInto.set(this.storyIds[from], this.storyIds[into]);
    this.liveStories--;
  }

  /** Centroid norm, recomputed when the story changed or the IDF was refreshed. */
  private norm(story: number): number {
    if (this.storyNormAt[story] === this.epoch) return this.storyNorm[story];
    const size = this.storyMembers[story].length;
    let sum = 0;
    for (const [id, weight] of this.weightsOf(story)) {
      const w = (weight / size) * this.idf(id);
      sum += w * w;
    }
    const norm = Math.sqrt(sum);
    this.storyNorm[story] = norm;
    this.storyNormAt[story] = this.epoch;
    return norm;
  }

  /**
   * How far `published` lies outside the period in which a story collects coverage: from its first report
   * to `storySpanMs` after it (before the first report counts as outside: feeds deliver late, not early).
   */
  private timeDistance(published: number, story: number): number {
    const first = this.storyFirst[story];
    if (published < first) return first - published;
    return Math.max(0, published - first - this.options.storySpanMs);
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
      const posting = this.postings[id];
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
        const weight = this.weightsOf(story).get(id);
        if (weight === undefined) continue;
        if (accumulator[story] === 0) touched.push(story);
        accumulator[story] += queryWeight * (weight / this.storyMembers[story].length) * idf;
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
        best.push({ story, score });
        best.sort((a, b) => b.score - a.score || a.story - b.story);
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
      dot += vector.weights[i] * idf * (weight / size) * idf;
    }
    const norms = this.queryNorm(vector) * this.norm(story);
    return norms === 0 ? 0 : (dot / norms) * this.decay(this.timeDistance(published, story));
  }

  /** Story-to-story similarity: cosine of the centroids, decayed by the gap between their time spans. */
  private storySimilarity(a: number, b: number): number {
    const weightsA = this.weightsOf(a);
    const weightsB = this.weightsOf(b);
    const sizeA = this.storyMembers[a].length;
    const sizeB = this.storyMembers[b].length;
    let dot = 0;
    for (const [id, weightA] of weightsA) {
      const weightB = weightsB.get(id);
      if (weightB === undefined) continue;
      const idf = this.idf(id);
      dot += (weightA / sizeA) * idf * (weightB / sizeB) * idf;
    }
    const norms = this.norm(a) * this.norm(b);
    if (norms === 0) return 0;
    // Fragments of one story may start anywhere in its coverage period: only starts further apart count.
    const gap = Math.max(0, Math.abs(this.storyFirst[a] - this.storyFirst[b]) - this.options.storySpanMs);
    return (dot / norms) * this.decay(gap);
  }

  /** Shared terms, strongest contribution first, in display form. */
  private evidence(vector: ArticleVector, story: number): string[] {
    const weights = this.weightsOf(story);
    const size = this.storyMembers[story].length;
    const shared: { term: string; contribution: number }[] = [];
    for (let i = 0; i < vector.ids.length; i++) {
      const weight = weights.get(vector.ids[i]);
      if (weight === undefined) continue;
      shared.push({ term: vector.surfaces[i], contribution: vector.weights[i] * (weight / size) * this.idf(vector.ids[i]) ** 2 });
    }
    shared.sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1));
    return shared.slice(0, this.options.evidenceTerms).map((entry) => entry.term);
  }
}

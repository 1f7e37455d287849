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
 *   is also close to a second story and the two centroids agree (≥ `mergeThreshold`), they merge. A
 *   merge of stories of MERGE_MIN_SIZE articles or more also needs MERGE_MIN_SHARED_TERMS terms that
 *   characterise both: one common word does not make two events one.
 * - When a story's period has ended: a small story's articles get a second look against the stories that grew
 *   around them, and the story merges with the closest story whose core overlaps it within one period when
 *   their centroids agree (≥ `mergeThreshold`, with those shared terms): online assignment splits an event
 *   worded several ways. `settle()` does this for every story at once, then refines the batch through an
 *   article similarity graph (refine-graph.ts): it joins fragments linked through other headlines and splits
 *   unlinked parts.
 * - match(): the best candidate (by its cohesion-calibrated score or its headlines near in time), named when
 *   the match model (match-model.ts) gives it a probability of `matchThreshold` or more.
 * - Candidates come from an inverted index term → stories, walked newest first and cut off by time, so the
 *   cost per article does not grow with the index's history.
 *
 * This file is the clustering policy, composing options.ts, vocabulary.ts, article-store.ts, story-store.ts,
 * scoring.ts and snapshot.ts. Decisions: `joinOrNew`, `mergePartnerOnJoin` and `looksLikeOne` (add),
 * merge-partner.ts (period end), `StoryScoring.matchOrNull`.
 */
import { ArticleStore } from './article-store';
import type { MatchEvidence } from './match-model';
import {
  MATCH_CANDIDATES,
  MERGE_MIN_SHARED_TERMS,
  MERGE_MIN_SIZE,
  NO_STORY,
  SMALL_STORY_SIZE,
  DEFAULT_ENGINE_OPTIONS,
  type EngineOptions,
  reachWindowMs,
} from './options';
import { type NeighbourWindow, neighbourStories } from './neighbours';
import { closestMergePartner, type MergeContext } from './merge-partner';
import { refineAndSplit } from './refine-graph';
import { type Candidate, StoryScoring } from './scoring';
import { checkSnapshotFormat, type EngineParts, type EngineSnapshot, restoreSnapshot, takeSnapshot } from './snapshot';
import { StoryStore } from './story-store';
import type { EngineArticle, StoryMatch } from './types';
import { type ArticleVector, Vocabulary } from './vocabulary';

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './options';
export type { EngineSnapshot, PackedArticleIds } from './snapshot';
export type { EngineArticle, StoryMatch } from './types';

/** The join-or-new decision: the story an added article joins (NO_STORY: a new one), and the runner-up. */
interface JoinDecision {
  story: number;
  runnerUp: Candidate | undefined;
}

export class StoryEngine {
  private readonly options: EngineOptions;
  /** Stories whose time span is further than this from an article cannot reach the thresholds. */
  private readonly windowMs: number;
  private readonly vocabulary: Vocabulary;
  private readonly articles: ArticleStore;
  private readonly stories: StoryStore;
  private readonly scoring: StoryScoring;
  private readonly mergeContext: MergeContext;
  /** Stories of `addToLabelledStory`, by label. */
  private readonly labelledStories = new Map<string, number>();
  /** How far `reviseClosedSmallStories` has gone through the stories in creation order. */
  private revisedUpTo = 0;

  constructor(options?: Partial<EngineOptions>) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.windowMs = reachWindowMs(this.options);
    this.vocabulary = new Vocabulary(this.options.descriptionWeight);
    this.articles = new ArticleStore();
    this.stories = new StoryStore(this.articles, this.vocabulary, this.options.centroidSaturation);
    this.scoring = new StoryScoring(this.options, this.windowMs, this.vocabulary, this.stories, this.articles);
    this.mergeContext = {
      options: this.options,
      windowMs: this.windowMs,
      stories: this.stories,
      vocabulary: this.vocabulary,
      scoring: this.scoring,
    };
  }

  /** Adds an article (or re-adds it, replacing the old version) and returns the id of the story it joined. */
  add(article: EngineArticle): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articles.slots().has(article.id)) this.remove(article.id);
    this.reviseClosedSmallStories(article.published);
    const vector = this.vocabulary.vectorize(article, true);
    const publisher = this.articles.publisherId(article);
    const { story: joined, runnerUp } = this.joinOrNew(vector, article.published, publisher);
    const partner = this.mergePartnerOnJoin(joined, runnerUp);
    let story = joined === NO_STORY ? this.stories.create(article.published) : joined;
    this.insert(article, vector, publisher, story);
    if (partner !== NO_STORY && this.looksLikeOne(joined, partner)) {
      // The article is close to two stories that now look like one.
      const [smaller, larger] = this.bySize(joined, partner);
      this.stories.merge(smaller, larger);
      story = larger;
    }
    return this.stories.ids[story];
  }

  /**
   * The join-or-new decision of `add`: the best story at or above `joinThreshold`, among candidates that
   * share at least `joinMinSharedTerms` of their characteristic terms with the article (scored 0 otherwise)
   * and, with `samePublisherFactor`, scored down when they already have an article from the same outlet.
   */
  private joinOrNew(vector: ArticleVector, published: number, publisher: number): JoinDecision {
    const candidates = this.scoring.rankStories(vector, published, 4);
    if (this.options.joinMinSharedTerms > 1) {
      // A single shared word, however rare, does not make an article part of a story.
      for (const candidate of candidates) {
        if (this.scoring.characteristicSharedTerms(vector, candidate.story) < this.options.joinMinSharedTerms) candidate.score = 0;
      }
      candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    }
    if (publisher >= 0 && this.options.samePublisherFactor !== 1) {
      for (const candidate of candidates) {
        if (this.stories.members[candidate.story].some((member) => this.articles.publisher[member] === publisher)) {
          candidate.score *= this.options.samePublisherFactor;
        }
      }
      candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    }
    const [best, runnerUp] = candidates;
    return { story: best && best.score >= this.options.joinThreshold ? best.story : NO_STORY, runnerUp };
  }

  /**
   * The first half of `add`'s merge decision, before the article goes in (an article between two stories
   * is no evidence that they are one): the runner-up story, when it was close enough to join too
   * (≥ `joinThreshold`) and it shares MERGE_MIN_SHARED_TERMS characteristic terms with `joined`, as a merge
   * of stories of MERGE_MIN_SIZE articles needs; else NO_STORY. A smaller story is held together by the
   * article itself, which shares `joinMinSharedTerms` such terms with both.
   */
  private mergePartnerOnJoin(joined: number, runnerUp: Candidate | undefined): number {
    if (joined === NO_STORY || runnerUp === undefined || runnerUp.score < this.options.joinThreshold) return NO_STORY;
    const other = runnerUp.story;
    if (Math.min(this.stories.members[joined].length + 1, this.stories.members[other].length) < MERGE_MIN_SIZE) return other;
    return this.scoring.shareCharacteristicTerms(joined, other, MERGE_MIN_SHARED_TERMS) ? other : NO_STORY;
  }

  /** The second half, once the article has joined `joined`: whether the two centroids agree (≥ `mergeThreshold`). */
  private looksLikeOne(joined: number, other: number): boolean {
    const [smaller, larger] = this.bySize(joined, other);
    return this.scoring.storySimilarity(smaller, larger) >= this.options.mergeThreshold;
  }

  /** Two stories, the one with fewer articles first (`b` first when they are the same size). */
  private bySize(a: number, b: number): [number, number] {
    return this.stories.members[a].length < this.stories.members[b].length ? [a, b] : [b, a];
  }

  /**
   * Adds an article to the story that `label` names, without clustering (a story is created for a label
   * on first use). For evaluation: an index built only through this method holds the known stories as
   * they are, and shows how well `match` does when the clustering is perfect. (`add` and `settle` would
   * revise and merge these stories like any other.)
   */
  addToLabelledStory(article: EngineArticle, label: string): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articles.slots().has(article.id)) this.remove(article.id);
    let story = this.labelledStories.get(label);
    if (story === undefined || this.stories.members[story].length === 0) {
      story = this.stories.create(article.published);
      this.labelledStories.set(label, story);
    }
    this.insert(article, this.vocabulary.vectorize(article, true), this.articles.publisherId(article), story);
    return this.stories.ids[story];
  }

  /** Records a vectorised article and attaches it to `story`. */
  private insert(article: EngineArticle, vector: ArticleVector, publisher: number, story: number): void {
    const slot = this.articles.append(article, vector, publisher, story);
    const df = this.vocabulary.df;
    for (const id of vector.ids) df[id]++;
    this.vocabulary.refreshIdfIfDrifted(this.articles.live);
    this.stories.coverTerms(this.vocabulary.terms.length);
    this.stories.attach(slot, story);
  }

  storyOf(articleId: string): string | undefined {
    const slot = this.articles.slots().get(articleId);
    return slot === undefined ? undefined : this.stories.ids[this.articles.story[slot]];
  }

  /** Ids of the stories with an article published within [from, to] (epoch ms, both included). Read-only. */
  storiesWithin(from: number, to: number): string[] {
    return [...this.articles.storySlotsWithin(from, to)].map((slot) => this.stories.ids[slot]);
  }

  /**
   * The id a story goes by now: a story merged into another answers with that story's id (so what the
   * reader said about it, e.g. "wrong story", still applies); undefined when the story is gone.
   */
  currentStoryId(storyId: string): string | undefined {
    const id = this.stories.resolveId(storyId);
    return this.stories.slotOf.has(id) ? id : undefined;
  }

  members(storyId: string): string[] {
    return this.memberSlots(storyId).map((article) => this.articles.idAt(article));
  }

  /** A story's members by their id keys (id-key.ts) and times: what finds their rows before the ids are in. */
  memberKeys(storyId: string): { key: number; published: number }[] {
    return this.memberSlots(storyId).map((slot) => ({ key: this.articles.idKeys[slot], published: this.articles.published[slot] }));
  }

  private memberSlots(storyId: string): readonly number[] {
    return this.stories.members[this.stories.slotOf.get(this.stories.resolveId(storyId)) ?? -1] ?? [];
  }

  /**
   * Restored from a snapshot's head (snapshot-pack.ts): until `attachIds` gives it the ids' bytes, it
   * answers match, size, currentStoryId, related, storiesWithin and memberKeys, and throws on the rest.
   */
  get idsPending(): boolean {
    return this.articles.idsPending;
  }

  attachIds(utf8: Uint8Array): void {
    this.articles.attachIds(utf8);
  }

  /** Ids of the stories related to `storyId` (neighbours.ts), strongest first. Read-only. */
  related(storyId: string, window: NeighbourWindow): string[] {
    const slot = this.stories.slotOf.get(this.stories.resolveId(storyId));
    return slot === undefined ? [] : neighbourStories(this.stories, this.vocabulary, slot, window).map((s) => this.stories.ids[s]);
  }

  /** The story `query` belongs to, or null when no story is close enough. Never changes the index. */
  match(query: EngineArticle): StoryMatch | null {
    const ownSlot = this.articles.findSlot(query.id);
    const vector = this.vocabulary.vectorize(query, false);
    if (ownSlot !== undefined) {
      const story = this.articles.story[ownSlot];
      const score = this.scoring.scoreStory(vector, query.published, story);
      return { storyId: this.stories.ids[story], score, terms: this.scoring.evidence(vector, story) };
    }
    return this.scoring.matchOrNull(vector, query.published, this.scoring.rankStories(vector, query.published, MATCH_CANDIDATES));
  }

  /** What `match` weighs: its best candidate and the model's evidence on it, undecided (for training). */
  matchEvidence(query: EngineArticle): { storyId: string; evidence: MatchEvidence } | null {
    const vector = this.vocabulary.vectorize(query, false);
    const best = this.scoring.bestCandidate(vector, query.published, this.scoring.rankStories(vector, query.published, MATCH_CANDIDATES));
    return best && { storyId: this.stories.ids[best.story], evidence: best.evidence };
  }

  /**
   * `match` restricted to the given candidate stories (ids from an external retrieval, e.g. a full-text
   * index): same scoring and threshold. Read-only.
   */
  matchAmong(query: EngineArticle, candidateStoryIds: readonly string[]): StoryMatch | null {
    const vector = this.vocabulary.vectorize(query, false);
    const candidates: Candidate[] = [];
    for (const storyId of candidateStoryIds) {
      const story = this.stories.slotOf.get(this.stories.resolveId(storyId));
      if (story === undefined || candidates.some((candidate) => candidate.story === story)) continue;
      candidates.push({ story, score: this.scoring.scoreStory(vector, query.published, story) });
    }
    candidates.sort((a, b) => b.score - a.score || a.story - b.story);
    return this.scoring.matchOrNull(vector, query.published, candidates.slice(0, MATCH_CANDIDATES));
  }

  remove(articleId: string): void {
    const articles = this.articles;
    const slot = articles.slots().get(articleId);
    if (slot === undefined) return;
    this.stories.detach(slot);
    const df = this.vocabulary.df;
    for (let k = articles.termStart[slot]; k < articles.termEnd[slot]; k++) df[articles.termPool[k]]--;
    articles.retire(articleId, slot);
    this.vocabulary.refreshIdfIfDrifted(articles.live);
  }

  pruneOlderThan(epochMs: number): number {
    const old = this.articles.idsPublishedBefore(epochMs);
    for (const id of old) this.remove(id);
    return old.length;
  }

  size(): { articles: number; stories: number } {
    return { articles: this.articles.live, stories: this.stories.live };
  }

  toSnapshot(): EngineSnapshot {
    return takeSnapshot(this.parts(), this.revisedBefore(), this.stories.queue.slice(this.revisedUpTo));
  }

  static fromSnapshot(snapshot: EngineSnapshot): StoryEngine {
    checkSnapshotFormat(snapshot);
    const engine = new StoryEngine(snapshot.options);
    engine.revisedUpTo = restoreSnapshot(snapshot, engine.parts());
    return engine;
  }

  private parts(): EngineParts {
    return { options: this.options, vocabulary: this.vocabulary, articles: this.articles, stories: this.stories };
  }

  /** Stories whose coverage period ended before this time have had their second look. */
  private revisedBefore(): number {
    const next = this.stories.queue[this.revisedUpTo];
    return next === undefined ? Infinity : this.stories.first[next] + this.options.storySpanMs;
  }

  /** Once a story's coverage period has ended: a small story's articles get a second look, and the story
   * merges with its closest overlapping story while the centroids agree and the union fits one period. */
  private reviseClosedSmallStories(now: number): void {
    const { queue, first } = this.stories;
    while (this.revisedUpTo < queue.length) {
      const story = queue[this.revisedUpTo];
      const members = this.stories.members[story];
      // A story a merge emptied has no period left to wait for (and a snapshot does not keep it).
      if (members.length > 0 && first[story] + this.options.storySpanMs >= now) return;
      this.revisedUpTo++;
      if (members.length === 0) continue;
      if (members.length <= SMALL_STORY_SIZE) this.reviseMembers(story);
      this.mergeWithClosest(story);
    }
  }

  private reviseMembers(story: number): void {
    const articles = this.articles;
    for (const member of [...this.stories.members[story]]) {
      const vector = articles.vectorOf(member);
      const published = articles.published[member];
      const target = this.scoring.rankStories(vector, published, 2).find((candidate) => candidate.story !== story);
      if (!target || target.score < this.options.joinThreshold) continue;
      // The own story's score includes the article itself, so a move needs clearly better evidence.
      if (this.stories.members[story].length > 1 && target.score <= this.scoring.scoreStory(vector, published, story)) continue;
      this.stories.moveArticle(member, target.story);
    }
  }

  /** Merges `story` into (or with) its closest overlapping story while one agrees enough; bounded rounds. */
  private mergeWithClosest(story: number): void {
    let current = story;
    for (let round = 0; round < 4; round++) {
      if (this.stories.members[current].length === 0) return;
      const other = closestMergePartner(this.mergeContext, current);
      if (other === NO_STORY) return;
      const [smaller, larger] = this.bySize(current, other);
      this.stories.merge(smaller, larger);
      current = larger;
    }
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
   * The graph refinement alone, over all live articles (refine-graph.ts): articles move to the story their
   * most similar headlines sit in, joining fragments; a story grown around one shared word splits where no
   * neighbour link crosses (unlinked-parts.ts); emptied stories redirect to where most of their articles
   * went. Unlike `settle`, it ends no story's period, so an online index runs it after each batch (about a
   * second per 100k articles on one core). Off when `refineNeighbours` is 0.
   */
  refineStories(): void {
    if (this.options.refineNeighbours > 0) this.refineThroughNeighbours();
    // Merges, moves and splits leave postings out of time order; put them back in order.
    this.stories.rebuildPostings();
  }

  private refineThroughNeighbours(): void {
    const refine = this.articles.refineInput(this.vocabulary.idfOf);
    if (!refine) return;
    const { storySpanMs: spanMs, decayMs, refineNeighbours: neighbours, refineSelfWeight: selfWeight } = this.options;
    const { labels, parts } = refineAndSplit(refine.input, { spanMs, decayMs, neighbours, selfWeight });
    for (const part of parts) {
      const story = this.stories.create(refine.input.published[part[0]]);
      for (const i of part) labels[i] = story;
    }
    this.stories.moveArticles(refine.slots, labels);
  }
}

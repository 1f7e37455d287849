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
 * - Score(article, story) = cosine(article, centroid) × time factor: it ranks the candidate stories.
 * - The decisions are the decision model's (decision-model.ts, decisions.ts): a logistic regression over
 *   what an article and a story share (cosine, characteristic terms, names, numbers, the rarity of the
 *   strongest shared term, time, the story's size and cohesion, its outlets), fitted on labelled headlines.
 * - add(): the most probable of the best-scoring candidates is joined when its probability reaches
 *   `joinThreshold`, else a new story starts. When the article is also probable for a second story and
 *   the merge model finds the two one event (≥ `mergeThreshold`), they merge.
 * - When a story's period has ended (it can gain no more articles of its event): a small story's
 *   articles get a second look against the stories that grew around them, and the story is merged with
 *   the most probable story whose core overlaps it within one period (≥ `mergeThreshold`): online
 *   assignment splits an event whose headlines are worded several ways. `settle()` does this at once for
 *   every story (end of a batch), refines the whole batch through an article similarity graph
 *   (refine-graph.ts: each article moves to the story its nearest headlines sit in), and splits the
 *   stories whose articles hold together only through one term (coherence.ts).
 * - match(): the candidate the match model finds most probable, when it reaches `matchThreshold`.
 * - Candidates come from an inverted index term → stories, walked newest first and cut off by time, so the
 *   cost per article does not grow with the index's history.
 *
 * This file is the clustering policy; the parts it composes: options.ts (tuning), vocabulary.ts (terms,
 * IDF), article-store.ts and story-store.ts (the columns), scoring.ts (similarities), snapshot.ts
 * (persistent form), decisions.ts (the model's decisions). The decisions: `joinOrNew` and `mergesOnJoin`
 * (add), `closestMergePartner` (end of a story's period), and `StoryDecisions.matchOrNull` (match).
 */
import { ArticleStore } from './article-store';
import { splitIncoherentStories } from './coherence';
import { DECISION_MODEL, type DecisionModel } from './decision-model';
import { type CandidateEvidence, StoryDecisions } from './decisions';
import { DECISION_CANDIDATES, NO_STORY, SMALL_STORY_SIZE, DEFAULT_ENGINE_OPTIONS, type EngineOptions, reachWindowMs } from './options';
import { type NeighbourGraph, refineByNeighbourVotes } from './refine-graph';
import { type Candidate, StoryScoring } from './scoring';
import { checkSnapshotFormat, type EngineParts, type EngineSnapshot, restoreSnapshot, takeSnapshot } from './snapshot';
import { StoryStore } from './story-store';
import type { EngineArticle, StoryMatch } from './types';
import { type ArticleVector, Vocabulary } from './vocabulary';

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './options';
export type { EngineSnapshot, PackedArticleIds } from './snapshot';
export type { EngineArticle, StoryMatch } from './types';

export type { CandidateEvidence } from './decisions';

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
  private readonly decisions: StoryDecisions;
  /** Stories of `addToLabelledStory`, by label. */
  private readonly labelledStories = new Map<string, number>();
  /** How far `reviseClosedSmallStories` has gone through the stories in creation order. */
  private revisedUpTo = 0;

  /** @param model the decision model (the shipped one unless a test or the trainer gives another) */
  constructor(options?: Partial<EngineOptions>, model: DecisionModel = DECISION_MODEL) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.windowMs = reachWindowMs(this.options);
    this.vocabulary = new Vocabulary(this.options.descriptionWeight);
    this.articles = new ArticleStore();
    this.stories = new StoryStore(this.articles, this.vocabulary, this.options.centroidSaturation);
    this.scoring = new StoryScoring(this.options, this.windowMs, this.vocabulary, this.stories);
    this.decisions = new StoryDecisions(model, this.options, this.vocabulary, this.articles, this.stories, this.scoring);
  }

  /** The version of the decision model this engine decides with (stored with its snapshots). */
  get modelVersion(): string {
    return this.decisions.model.version;
  }

  /** Adds an article (or re-adds it, replacing the old version) and returns the id of the story it joined. */
  add(article: EngineArticle): string {
    if (!Number.isFinite(article.published)) throw new RangeError(`article ${article.id}: published must be epoch milliseconds`);
    if (this.articles.slots().has(article.id)) this.remove(article.id);
    this.reviseClosedSmallStories(article.published);
    const vector = this.vocabulary.vectorize(article, true);
    const publisher = this.articles.publisherId(article);
    const { story: joined, runnerUp } = this.joinOrNew(vector, article.published, publisher);
    let story = joined === NO_STORY ? this.stories.create(article.published) : joined;
    this.insert(article, vector, publisher, story);
    if (joined !== NO_STORY && runnerUp && this.mergesOnJoin(joined, runnerUp)) {
      // The article is close to two stories that now look like one.
      const [smaller, larger] = this.bySize(joined, runnerUp.story);
      this.stories.merge(smaller, larger);
      story = larger;
    }
    return this.stories.ids[story];
  }

  /**
   * The join-or-new decision of `add`: among the best-scoring candidates, the one the pair model finds
   * most probable, when that probability reaches `joinThreshold`.
   */
  private joinOrNew(vector: ArticleVector, published: number, publisher: number): JoinDecision {
    const ranked = this.scoring.rankStories(vector, published, DECISION_CANDIDATES);
    const [best, runnerUp] = this.decisions.joinProbabilities(vector, published, publisher, ranked);
    return { story: best && best.score >= this.options.joinThreshold ? best.story : NO_STORY, runnerUp };
  }

  /**
   * The merge decision of `add`, once an article has joined `joined`: whether the runner-up story was
   * probable enough to join too (≥ `joinThreshold`) and the merge model finds the two stories one event
   * (≥ `mergeThreshold`).
   */
  private mergesOnJoin(joined: number, runnerUp: Candidate): boolean {
    if (runnerUp.score < this.options.joinThreshold) return false;
    const [smaller, larger] = this.bySize(joined, runnerUp.story);
    return this.decisions.mergeProbability(smaller, larger) >= this.options.mergeThreshold;
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

  /**
   * The id a story goes by now: a story merged into another answers with that story's id (so what the
   * reader said about it, e.g. "wrong story", still applies); undefined when the story is gone.
   */
  currentStoryId(storyId: string): string | undefined {
    const id = this.stories.resolveId(storyId);
    return this.stories.slotOf.has(id) ? id : undefined;
  }

  members(storyId: string): string[] {
    const slot = this.stories.slotOf.get(this.stories.resolveId(storyId));
    if (slot === undefined) return [];
    return this.stories.members[slot].map((article) => this.articles.idAt(article));
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
    const candidates = this.scoring.rankStories(vector, query.published, DECISION_CANDIDATES);
    return this.decisions.matchOrNull(vector, query.published, this.articles.knownPublisherId(query), candidates);
  }

  /** The candidate stories of an article, with the pair model's evidence. Read-only (training, explaining). */
  candidateEvidence(article: EngineArticle, limit = DECISION_CANDIDATES): CandidateEvidence[] {
    return this.decisions.candidateEvidence(article, limit);
  }

  /** Every pair of stories that could merge at the end of their periods, with the merge model's features. Read-only. */
  mergeCandidateEvidence(): { a: string; b: string; features: Float64Array }[] {
    return this.decisions.mergeCandidateEvidence();
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
    const publisher = this.articles.knownPublisherId(query);
    return this.decisions.matchOrNull(vector, query.published, publisher, candidates.slice(0, DECISION_CANDIDATES));
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
    const old: string[] = [];
    const ids = this.articles.allIds();
    for (let slot = 0; slot < ids.length; slot++) {
      if (this.articles.story[slot] !== NO_STORY && this.articles.published[slot] < epochMs) old.push(ids[slot]);
    }
    for (const id of old) this.remove(id);
    return old.length;
  }

  size(): { articles: number; stories: number } {
    return { articles: this.articles.live, stories: this.stories.live };
  }

  toSnapshot(): EngineSnapshot {
    return takeSnapshot(this.parts(), this.revisedBefore(), this.decisions.model.version);
  }

  /** The engine a snapshot holds; it must have been decided by `model` (the shipped one unless given). */
  static fromSnapshot(snapshot: EngineSnapshot, model: DecisionModel = DECISION_MODEL): StoryEngine {
    checkSnapshotFormat(snapshot, model.version);
    const engine = new StoryEngine(snapshot.options, model);
    restoreSnapshot(snapshot, engine.parts());
    const { queue, first } = engine.stories;
    while (engine.revisedUpTo < queue.length && first[queue[engine.revisedUpTo]] + engine.options.storySpanMs < snapshot.revisedBefore) {
      engine.revisedUpTo++;
    }
    return engine;
  }

  private parts(): EngineParts {
    return { options: this.options, vocabulary: this.vocabulary, articles: this.articles, stories: this.stories };
  }

  /** Stories whose coverage period ended before this time have had their second look. */
  private revisedBefore(): number {
    const { queue, members, first } = this.stories;
    // Stories merged away while waiting are not in a snapshot: the next live one sets the time.
    let at = this.revisedUpTo;
    while (at < queue.length && members[queue[at]].length === 0) at++;
    return at === queue.length ? Infinity : first[queue[at]] + this.options.storySpanMs;
  }

  /**
   * Work done once a story's coverage period has ended (it can gain no more articles of its event):
   * - a small story's articles get a second look against the stories that grew around them;
   * - the story is compared, centroid to centroid, with the stories whose periods overlap it, and merged
   *   with the closest one when the centroids agree and the union still fits one coverage period
   *   (online assignment fragments an event whose first headlines happened to differ).
   */
  private reviseClosedSmallStories(now: number): void {
    const { queue, first } = this.stories;
    while (this.revisedUpTo < queue.length && first[queue[this.revisedUpTo]] + this.options.storySpanMs < now) {
      const story = queue[this.revisedUpTo++];
      const members = this.stories.members[story];
      if (members.length === 0) continue;
      if (members.length <= SMALL_STORY_SIZE) this.reviseMembers(story);
      this.mergeWithClosest(story);
    }
  }

  /** A small story's second look: each article moves to a more probable story that grew around it. */
  private reviseMembers(story: number): void {
    const articles = this.articles;
    const pair = this.decisions.model.pair;
    for (const member of [...this.stories.members[story]]) {
      const vector = articles.vectorOf(member);
      const published = articles.published[member];
      const publisher = articles.publisher[member];
      const ranked = this.scoring.rankStories(vector, published, DECISION_CANDIDATES).filter((candidate) => candidate.story !== story);
      const [target] = this.decisions.joinProbabilities(vector, published, publisher, ranked);
      if (!target || target.score < this.options.joinThreshold) continue;
      // The own story's probability counts the article itself, so a move needs clearly better evidence.
      const own = this.stories.members[story].length > 1 ? this.decisions.pairProbability(pair, vector, published, publisher, story) : 0;
      if (target.score <= own) continue;
      this.stories.moveArticle(member, target.story);
    }
  }

  /** Merges `story` into (or with) its closest overlapping story while one agrees enough; bounded rounds. */
  private mergeWithClosest(story: number): void {
    let current = story;
    for (let round = 0; round < 4; round++) {
      if (this.stories.members[current].length === 0) return;
      const other = this.closestMergePartner(current);
      if (other === NO_STORY) return;
      const [smaller, larger] = this.bySize(current, other);
      this.stories.merge(smaller, larger);
      current = larger;
    }
  }

  /**
   * The merge decision at the end of a story's period: among the stories it could merge with (see
   * `StoryScoring.mergeCandidates`), the one the merge model finds most probable, at `mergeThreshold` or
   * above; NO_STORY when none is.
   */
  private closestMergePartner(story: number): number {
    let best = NO_STORY;
    let bestScore = this.options.mergeThreshold;
    for (const other of this.scoring.mergeCandidates(story)) {
      const score = this.decisions.mergeProbability(story, other);
      if (score > bestScore || (score === bestScore && best !== NO_STORY && other < best)) {
        best = other;
        bestScore = score;
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
    this.stories.rebuildPostings();
  }

  /** The graph refinement, then the split of stories that hold together only through one term. */
  private refineThroughNeighbours(): void {
    const refine = this.articles.refineInput(this.vocabulary.idfOf);
    if (!refine) return;
    const kept: { graph?: NeighbourGraph } = {};
    const refined = refineByNeighbourVotes(
      refine.input,
      {
        spanMs: this.options.storySpanMs,
        decayMs: this.options.decayMs,
        neighbours: this.options.refineNeighbours,
        selfWeight: this.options.refineSelfWeight,
      },
      kept,
    );
    let labels = refined;
    if (kept.graph) {
      // Parts split off get new stories, numbered from the next slot on; each starts at its first article.
      const split = splitIncoherentStories(refine.input, refined, kept.graph, this.stories.ids.length);
      const earliest = new Float64Array(split.created).fill(Infinity);
      for (let i = 0; i < split.labels.length; i++) {
        const part = split.labels[i] - this.stories.ids.length;
        if (part >= 0) earliest[part] = Math.min(earliest[part], refine.input.published[i]);
      }
      const { queue } = this.stories;
      for (let part = 0; part < split.created; part++) {
        // A part split off has had its look: it goes in the queue among the revised stories.
        queue.splice(this.revisedUpTo++, 0, this.stories.create(earliest[part]));
        queue.pop();
      }
      labels = split.labels;
    }
    this.stories.moveArticles(refine.slots, labels);
  }
}

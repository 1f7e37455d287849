/**
 * The engine's decisions, as the decision model (decision-model.ts) takes them: the evidence of an
 * (article, story) or (story, story) pair as features (pair-features.ts, merge-features.ts), and the
 * probability the model gives it. The engine's policy (engine.ts) asks here whether to join, merge or
 * match; this file also answers the read path's match-or-null.
 */
import type { ArticleStore } from './article-store';
import { type DecisionModel, type LogisticWeights, probability } from './decision-model';
import { MERGE_FEATURE_COUNT, mergeFeatures, type StoryShape } from './merge-features';
import { DECISION_CANDIDATES, IDF_PRIOR_ARTICLES, type EngineOptions } from './options';
import { PAIR_FEATURE_COUNT, pairFeatures, sharedTerms } from './pair-features';
import type { Candidate, StoryScoring } from './scoring';
import type { StoryStore } from './story-store';
import type { EngineArticle, StoryMatch } from './types';
import type { ArticleVector, Vocabulary } from './vocabulary';

/** One candidate story of an article, with the evidence the decision model weighs (for training and explaining). */
export interface CandidateEvidence {
  storyId: string;
  features: Float64Array;
  /** The pair model's probability. */
  probability: number;
}

export class StoryDecisions {
  private readonly pairScratch = new Float64Array(PAIR_FEATURE_COUNT);
  private readonly mergeScratch = new Float64Array(MERGE_FEATURE_COUNT);
  /** Outlet marks for `outletOverlap` (a stamp per outlet id, bumped per use: no clearing). */
  private outletStamp = new Int32Array(0);
  private outletStampAt = 0;

  constructor(
    readonly model: DecisionModel,
    private readonly options: EngineOptions,
    private readonly vocabulary: Vocabulary,
    private readonly articles: ArticleStore,
    private readonly stories: StoryStore,
    private readonly scoring: StoryScoring,
  ) {}

  /** Writes the features of an article (vector, time, outlet id or −1) and a story into `out`. */
  pairFeaturesOf(vector: ArticleVector, published: number, publisher: number, story: number, out: Float64Array): void {
    const { stories, vocabulary } = this;
    const members = stories.members[story];
    const shared = sharedTerms(
      vector,
      { weights: stories.weightsOf(story), size: members.length },
      {
        idf: vocabulary.idfOf,
        kind: vocabulary.termKind,
        unseenIdf: vocabulary.unseenIdf(),
      },
    );
    const storyNorm = stories.norm(story);
    let samePublisher = false;
    if (publisher >= 0) {
      const outlets = this.articles.publisher;
      for (const member of members) {
        if (outlets[member] === publisher) {
          samePublisher = true;
          break;
        }
      }
    }
    pairFeatures(
      shared,
      {
        storyNorm,
        cohesion: stories.cohesions[story],
        size: members.length,
        timeExcessMs: this.scoring.timeDistance(published, story),
        decayMs: this.options.decayMs,
        samePublisher,
        queryTerms: vector.ids.length,
        logArticles: Math.log(vocabulary.epochArticles + IDF_PRIOR_ARTICLES),
      },
      out,
    );
  }

  /** The probability `part` (the pair or the match model) gives an article and a story. */
  pairProbability(part: LogisticWeights, vector: ArticleVector, published: number, publisher: number, story: number): number {
    this.pairFeaturesOf(vector, published, publisher, story, this.pairScratch);
    return probability(part, this.pairScratch);
  }

  /** The candidates rescored with the pair model's probability, most probable first. */
  joinProbabilities(vector: ArticleVector, published: number, publisher: number, candidates: Candidate[]): Candidate[] {
    for (const candidate of candidates) {
      candidate.score = this.pairProbability(this.model.pair, vector, published, publisher, candidate.story);
    }
    return candidates.sort((a, b) => b.score - a.score || a.story - b.story);
  }

  /**
   * The match-or-null decision of the read path: the candidate the match model finds most probable, when
   * it reaches `matchThreshold`; its probability is the match's score.
   */
  matchOrNull(vector: ArticleVector, published: number, publisher: number, candidates: readonly Candidate[]): StoryMatch | null {
    let best: Candidate | undefined;
    for (const candidate of candidates) {
      const p = this.pairProbability(this.model.match, vector, published, publisher, candidate.story);
      if (!best || p > best.score || (p === best.score && candidate.story < best.story)) best = { story: candidate.story, score: p };
    }
    if (!best || best.score < this.options.matchThreshold) return null;
    return { storyId: this.stories.ids[best.story], score: best.score, terms: this.scoring.evidence(vector, best.story) };
  }

  /** Writes the features of two stories into `out`. */
  mergeFeaturesOf(a: number, b: number, out: Float64Array): void {
    const stories = this.stories;
    const extent = Math.max(stories.coreLast(a), stories.coreLast(b)) - Math.min(stories.coreFirst(a), stories.coreFirst(b));
    const decay = Math.exp(-Math.max(0, extent - this.options.storySpanMs) / this.options.decayMs);
    const { idfOf, termKind } = this.vocabulary;
    mergeFeatures(this.shape(a), this.shape(b), idfOf, termKind, decay, this.outletOverlap(a, b), out);
  }

  /** The probability the merge model gives two stories. */
  mergeProbability(a: number, b: number): number {
    this.mergeFeaturesOf(a, b, this.mergeScratch);
    return probability(this.model.merge, this.mergeScratch);
  }

  private shape(story: number): StoryShape {
    const stories = this.stories;
    const norm = stories.norm(story);
    stories.updateSums(story);
    return {
      weights: stories.weightsOf(story),
      size: stories.members[story].length,
      norm,
      cohesion: stories.cohesions[story],
      squares: stories.squares[story],
      linear: stories.linear[story],
    };
  }

  /** Share of the smaller story's distinct outlets that also wrote in the larger one. */
  private outletOverlap(a: number, b: number): number {
    const { members } = this.stories;
    const outlets = this.articles.publisher;
    const [small, large] = members[a].length <= members[b].length ? [a, b] : [b, a];
    if (this.outletStamp.length < this.articles.publishers.length) this.outletStamp = new Int32Array(this.articles.publishers.length * 2);
    const stamp = this.outletStamp;
    const inLarge = ++this.outletStampAt;
    for (const member of members[large]) if (outlets[member] >= 0) stamp[outlets[member]] = inLarge;
    const seen = ++this.outletStampAt;
    let distinct = 0;
    let shared = 0;
    for (const member of members[small]) {
      const outlet = outlets[member];
      if (outlet < 0 || stamp[outlet] === seen) continue;
      distinct++;
      if (stamp[outlet] === inLarge) shared++;
      stamp[outlet] = seen;
    }
    return distinct === 0 ? 0 : shared / distinct;
  }

  /**
   * The candidate stories of an article and the evidence the pair model weighs for each, best-scoring
   * first. Read-only: for training the decision model and for explaining a decision.
   */
  candidateEvidence(article: EngineArticle, limit = DECISION_CANDIDATES): CandidateEvidence[] {
    const vector = this.vocabulary.vectorize(article, false);
    const publisher = this.articles.knownPublisherId(article);
    return this.scoring.rankStories(vector, article.published, limit).map(({ story }) => {
      const features = new Float64Array(PAIR_FEATURE_COUNT);
      this.pairFeaturesOf(vector, article.published, publisher, story, features);
      return { storyId: this.stories.ids[story], features, probability: probability(this.model.pair, features) };
    });
  }

  /**
   * Every pair of stories that could merge at the end of their periods (StoryScoring.mergeCandidates),
   * with the merge model's features. Read-only: for training the merge model.
   */
  mergeCandidateEvidence(): { a: string; b: string; features: Float64Array }[] {
    const out: { a: string; b: string; features: Float64Array }[] = [];
    const seen = new Set<string>();
    for (let story = 0; story < this.stories.ids.length; story++) {
      for (const other of this.scoring.mergeCandidates(story)) {
        const key = story < other ? `${story}:${other}` : `${other}:${story}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const features = new Float64Array(MERGE_FEATURE_COUNT);
        this.mergeFeaturesOf(story, other, features);
        out.push({ a: this.stories.ids[story], b: this.stories.ids[other], features });
      }
    }
    return out;
  }
}

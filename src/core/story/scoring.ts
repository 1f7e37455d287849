/**
 * How well an article fits a story, and two stories each other:
 * - Score(article, story) = cosine(article, centroid) × time factor, IDF-weighted. The time factor is 1
 *   while the story with the article still fits one coverage period (`storySpanMs`, measured on the
 *   story's core so that one stray member neither ends nor stretches it), and falls by e per `decayMs`
 *   of excess.
 * - `rankStories` finds the best stories through the term → stories postings, walked newest first and cut
 *   off by time, so the cost per article does not grow with the index's history.
 * - `matchOrNull` is the read path's decision: the story `match` names, or none. It ranks the candidates
 *   by the centroid and the story's own headlines near the article in time (`nearHeadline`), and the
 *   match model decides on the best one.
 */
import type { ArticleStore } from './article-store';
import { type MatchEvidence, matchFeatures, matchProbability } from './match-model';
import { MATCH_MODEL } from './match-model-weights';
import { CHARACTERISTIC_SHARE, type EngineOptions } from './options';
import { centroidWeight, type StoryStore } from './story-store';
import type { StoryMatch } from './types';
import type { ArticleVector, Vocabulary } from './vocabulary';

/** At most this many names open a match's evidence. */
const EVIDENCE_NAMES = 3;

/** A story slot and an article's score against it. */
export interface Candidate {
  story: number;
  score: number;
}

export class StoryScoring {
  // Scratch space for ranking, reused across calls.
  private accumulator = new Float64Array(1024);
  private readonly touched: number[] = [];
  /** The query's IDF-weighted term weights by term id (0 elsewhere), for `nearHeadline`; reset after each match. */
  private queryWeights = new Float64Array(1024);

  /** @param windowMs how far in time a story can be and still reach the lowest threshold (see `reachWindowMs`) */
  constructor(
    private readonly options: EngineOptions,
    private readonly windowMs: number,
    private readonly vocabulary: Vocabulary,
    private readonly stories: StoryStore,
    private readonly articles: ArticleStore,
  ) {}

  /** The `limit` best stories for an article vector, best first. */
  rankStories(vector: ArticleVector, published: number, limit: number): Candidate[] {
    const stories = this.stories;
    if (stories.live === 0) return [];
    if (this.accumulator.length < stories.ids.length) {
      this.accumulator = new Float64Array(Math.max(stories.ids.length * 2, 1024));
    }
    const accumulator = this.accumulator;
    const touched = this.touched;
    touched.length = 0;
    const df = this.vocabulary.df;
    const idfOf = this.vocabulary.idfOf;
    const storyFirst = stories.first;
    const members = stories.members;
    const saturation = this.options.centroidSaturation;
    const windowMs = this.windowMs;
    const earliest = published - windowMs;
    const latest = published + windowMs;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i];
      if (id < 0 || df[id] === 0) continue;
      const idf = idfOf[id];
      const queryWeight = vector.weights[i] * idf;
      const posting = stories.posting(id);
      for (let p = posting.length - 1; p >= 0; p--) {
        const story = posting[p];
        const first = storyFirst[story];
        if (first > latest) continue;
        if (first < earliest) {
          // Postings run in story creation order, which follows time: once stories are a whole window
          // older than the reachable range, none further back can be in it (bounds work per article
          // however long the index's history is).
          if (first < earliest - windowMs) break;
          // Out of reach is measured on the story's core, as the score's time factor is: one early stray
          // member does not put a story's later coverage out of reach.
          if (members[story].length === 0 || stories.coreFirst(story) < earliest) continue;
        }
        // Postings keep the slots of stories merged away (emptied, never reused): skipped before the lookup.
        const size = members[story].length;
        if (size === 0) continue;
        const weight = stories.weightsOf(story).get(id);
        if (weight === undefined) continue;
        if (accumulator[story] === 0) touched.push(story);
        accumulator[story] += queryWeight * centroidWeight(weight, size, saturation) * idf;
      }
    }
    const queryNorm = this.queryNorm(vector);
    const best: Candidate[] = [];
    for (const story of touched) {
      const dot = accumulator[story];
      accumulator[story] = 0;
      const storyNorm = stories.norm(story);
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

  /** An article vector's score against one story. */
  scoreStory(vector: ArticleVector, published: number, story: number): number {
    const vocabulary = this.vocabulary;
    const weights = this.stories.weightsOf(story);
    const size = this.stories.members[story].length;
    const saturation = this.options.centroidSaturation;
    let dot = 0;
    for (let i = 0; i < vector.ids.length; i++) {
      const weight = weights.get(vector.ids[i]);
      if (weight === undefined) continue;
      const idf = vocabulary.idf(vector.ids[i]);
      dot += vector.weights[i] * idf * centroidWeight(weight, size, saturation) * idf;
    }
    const norms = this.queryNorm(vector) * this.stories.norm(story);
    return norms === 0 ? 0 : (dot / norms) * this.decay(this.timeDistance(published, story));
  }

  private queryNorm(vector: ArticleVector): number {
    let sum = 0;
    for (let i = 0; i < vector.ids.length; i++) {
      const w = vector.weights[i] * this.vocabulary.idf(vector.ids[i]);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** Cosine of two stories' centroids. */
  centroidCosine(a: number, b: number): number {
    const stories = this.stories;
    const weightsA = stories.weightsOf(a);
    const weightsB = stories.weightsOf(b);
    // Walk the smaller vocabulary, look up in the larger.
    const [walked, probed] = weightsA.size <= weightsB.size ? [weightsA, weightsB] : [weightsB, weightsA];
    const [walkedSize, probedSize] =
      walked === weightsA ? [stories.members[a].length, stories.members[b].length] : [stories.members[b].length, stories.members[a].length];
    const saturation = this.options.centroidSaturation;
    let dot = 0;
    for (const [id, weight] of walked) {
      const other = probed.get(id);
      if (other === undefined) continue;
      const idf = this.vocabulary.idf(id);
      dot += centroidWeight(weight, walkedSize, saturation) * centroidWeight(other, probedSize, saturation) * idf * idf;
    }
    const norms = stories.norm(a) * stories.norm(b);
    if (norms === 0) return 0;
    return dot / norms;
  }

  /** Story-to-story similarity: cosine of the centroids, decayed by how far their union exceeds a period. */
  storySimilarity(a: number, b: number): number {
    const stories = this.stories;
    // Fragments of one story together still fit in one coverage period: only an excess counts against.
    const extent = Math.max(stories.coreLast(a), stories.coreLast(b)) - Math.min(stories.coreFirst(a), stories.coreFirst(b));
    return this.centroidCosine(a, b) * this.decay(Math.max(0, extent - this.options.storySpanMs));
  }

  /**
   * How far a story, with `published` added, would exceed its coverage period: every article of one
   * event lies within `storySpanMs` of the event's first report, so the extent from the earliest to the
   * latest article counts, not the distance to the last one.
   */
  private timeDistance(published: number, story: number): number {
    // The story's core, not its extremes: one stray member must not end or stretch its period.
    const extent = Math.max(published, this.stories.coreLast(story)) - Math.min(published, this.stories.coreFirst(story));
    return Math.max(0, extent - this.options.storySpanMs);
  }

  private decay(distanceMs: number): number {
    return Math.exp(-distanceMs / this.options.decayMs);
  }

  /** Divisor that puts a story's scores on the scale of its own members' similarity to it. */
  private calibration(story: number): number {
    this.stories.norm(story);
    return this.stories.cohesions[story] ** this.options.matchCohesionWeight;
  }

  /** Terms of the vector that characterise the story (used by at least CHARACTERISTIC_SHARE of its articles). */
  characteristicSharedTerms(vector: ArticleVector, story: number): number {
    const weights = this.stories.weightsOf(story);
    const minimum = CHARACTERISTIC_SHARE * this.stories.members[story].length;
    let count = 0;
    for (const id of vector.ids) if ((weights.get(id) ?? 0) >= minimum) count++;
    return count;
  }

  /**
   * Whether two stories share at least `count` terms that characterise each of them (used by at least
   * CHARACTERISTIC_SHARE of its articles). Stops counting once `count` is reached.
   */
  shareCharacteristicTerms(a: number, b: number, count: number): boolean {
    const stories = this.stories;
    const weightsA = stories.weightsOf(a);
    const weightsB = stories.weightsOf(b);
    const minimumA = CHARACTERISTIC_SHARE * stories.members[a].length;
    const minimumB = CHARACTERISTIC_SHARE * stories.members[b].length;
    let shared = 0;
    for (const [id, weight] of weightsA) {
      if (weight < minimumA || (weightsB.get(id) ?? 0) < minimumB) continue;
      if (++shared >= count) return true;
    }
    return shared >= count;
  }

  /**
   * The article's cosine with its second-closest headline of the story among those published within
   * `decayMs` of it, the engine's time scale, and sharing `matchMinSharedTerms` terms with it (0 when
   * fewer are): the story's own wording near the article, which a centroid averaged over hundreds of
   * wordings blurs. Two agreeing headlines, not one: one alone may be a coincidence. Reads the query from
   * `queryWeights` (see `bestCandidate`).
   */
  private nearHeadline(published: number, story: number, queryNorm: number): number {
    const query = this.queryWeights;
    const idfOf = this.vocabulary.idfOf;
    const { termPool, weightPool, termStart, termEnd, published: times } = this.articles;
    const within = this.options.decayMs;
    // Members are kept in time order: only those within the window are read.
    const members = this.stories.members[story];
    let at = 0;
    for (let high = members.length; at < high; ) {
      const middle = (at + high) >>> 1;
      if (times[members[middle]] < published - within) at = middle + 1;
      else high = middle;
    }
    let closest = 0;
    let second = 0;
    for (; at < members.length && times[members[at]] <= published + within; at++) {
      const member = members[at];
      let dot = 0;
      let norm = 0;
      let shared = 0;
      for (let k = termStart[member]; k < termEnd[member]; k++) {
        const id = termPool[k];
        const weight = weightPool[k] * idfOf[id];
        norm += weight * weight;
        if (query[id] === 0) continue;
        dot += query[id] * weight;
        shared++;
      }
      // As for the centroid: one shared word, however rare, is as often a coincidence as a story.
      if (shared < this.options.matchMinSharedTerms) continue;
      const cosine = dot / (Math.sqrt(norm) * queryNorm);
      if (cosine > closest) {
        second = closest;
        closest = cosine;
      } else if (cosine > second) second = cosine;
    }
    return Math.min(1, second);
  }

  /** What the match model weighs of a candidate besides its scores: the terms the article shares with it. */
  private sharedTermEvidence(vector: ArticleVector, story: number, evidence: MatchEvidence): void {
    const weights = this.stories.weightsOf(story);
    const size = this.stories.members[story].length;
    const unseen = this.vocabulary.unseenIdf();
    let shareSum = 0;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i];
      if (id >= 0) evidence.knownTerms++;
      const weight = weights.get(id);
      if (weight === undefined) continue;
      evidence.sharedTerms++;
      const rarity = this.vocabulary.idf(id) / unseen;
      evidence.maxSharedRarity = Math.max(evidence.maxSharedRarity, rarity);
      evidence.sharedRaritySum += rarity;
      if (vector.names?.[i]) evidence.sharedNames++;
      const share = Math.min(1, weight / size);
      evidence.maxTermShare = Math.max(evidence.maxTermShare, share);
      shareSum += share;
    }
    evidence.meanTermShare = evidence.sharedTerms === 0 ? 0 : shareSum / evidence.sharedTerms;
  }

  /**
   * The best of the candidates by the better of two scores, each resting on `matchMinSharedTerms` shared
   * words, with what the match model weighs of it; null when none scores:
   * - the score calibrated against the story's own cohesion (a story worded many ways is matched on less
   *   overlap than a story whose articles all repeat one headline), counted only when the article shares
   *   that many terms that characterise the story (used by a tenth of its articles or more);
   * - the similarity of the story's headlines nearest the article in time (`nearHeadline`): a sub-event
   *   told by a few headlines of a large story uses words too rare in the story to characterise it.
   */
  bestCandidate(
    vector: ArticleVector,
    published: number,
    candidates: readonly Candidate[],
  ): { story: number; evidence: MatchEvidence } | null {
    // The query's weights by term id, once for every candidate's headlines (unseen terms match none).
    const idfOf = this.vocabulary.idfOf;
    if (this.queryWeights.length < idfOf.length) this.queryWeights = new Float64Array(idfOf.length * 2);
    for (let i = 0; i < vector.ids.length; i++)
      if (vector.ids[i] >= 0) this.queryWeights[vector.ids[i]] = vector.weights[i] * idfOf[vector.ids[i]];
    const queryNorm = this.queryNorm(vector);
    let best: { story: number; evidence: MatchEvidence } | null = null;
    let runnerUp = 0;
    for (const candidate of candidates) {
      const characteristicTerms = this.characteristicSharedTerms(vector, candidate.story);
      const calibrated =
        characteristicTerms >= this.options.matchMinSharedTerms ? Math.min(1, candidate.score / this.calibration(candidate.story)) : 0;
      const near = queryNorm === 0 ? 0 : this.nearHeadline(published, candidate.story, queryNorm);
      const score = Math.max(calibrated, near);
      if (score === 0) continue;
      if (best !== null && !(score > best.evidence.score || (score === best.evidence.score && candidate.story < best.story))) {
        runnerUp = Math.max(runnerUp, score);
        continue;
      }
      if (best !== null) runnerUp = Math.max(runnerUp, best.evidence.score);
      const stories = this.stories;
      const extent = Math.max(published, stories.coreLast(candidate.story)) - Math.min(published, stories.coreFirst(candidate.story));
      best = {
        story: candidate.story,
        evidence: {
          score,
          centroid: candidate.score,
          calibrated,
          nearHeadline: near,
          characteristicTerms,
          sharedTerms: 0,
          knownTerms: 0,
          maxSharedRarity: 0,
          sharedRaritySum: 0,
          sharedNames: 0,
          maxTermShare: 0,
          meanTermShare: 0,
          size: stories.members[candidate.story].length,
          cohesion: stories.cohesions[candidate.story],
          extentHours: extent / 3_600_000,
          runnerUp: 0,
        },
      };
    }
    for (const id of vector.ids) if (id >= 0) this.queryWeights[id] = 0;
    if (best === null) return null;
    best.evidence.runnerUp = runnerUp;
    this.sharedTermEvidence(vector, best.story, best.evidence);
    return best;
  }

  /**
   * The match-or-null decision of the read path: the best candidate (`bestCandidate`), named when the
   * match model (match-model.ts, learned from the dev set) gives it a probability of `matchThreshold` or
   * more. That probability is the match's score.
   */
  matchOrNull(vector: ArticleVector, published: number, candidates: readonly Candidate[]): StoryMatch | null {
    const best = this.bestCandidate(vector, published, candidates);
    if (best === null) return null;
    const probability = matchProbability(MATCH_MODEL, matchFeatures(best.evidence));
    if (probability < this.options.matchThreshold) return null;
    return { storyId: this.stories.ids[best.story], score: probability, terms: this.evidence(vector, best.story) };
  }

  /**
   * Shared terms in display form, strongest first, but the strongest EVIDENCE_NAMES names before the rest:
   * a reader checks a match by its names, and still sees the strongest words beside them.
   */
  evidence(vector: ArticleVector, story: number): string[] {
    const weights = this.stories.weightsOf(story);
    const size = this.stories.members[story].length;
    const shared: { term: string; name: boolean; contribution: number }[] = [];
    for (let i = 0; i < vector.ids.length; i++) {
      const weight = weights.get(vector.ids[i]);
      if (weight === undefined) continue;
      shared.push({
        term: vector.surfaces[i],
        name: vector.names?.[i] ?? false,
        contribution:
          vector.weights[i] * centroidWeight(weight, size, this.options.centroidSaturation) * this.vocabulary.idf(vector.ids[i]) ** 2,
      });
    }
    shared.sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1));
    const names = shared.filter((entry) => entry.name).slice(0, EVIDENCE_NAMES);
    const rest = shared.filter((entry) => !names.includes(entry));
    return [...names, ...rest].slice(0, this.options.evidenceTerms).map((entry) => entry.term);
  }
}

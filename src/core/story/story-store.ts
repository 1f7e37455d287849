/**
 * The story engine's stories, by slot: members (kept in time order), time spans, summed term weights and
 * the norms derived from them, and the term → stories postings the candidate search walks. Moving an
 * article between stories, merging two stories and retiring an emptied one are bookkeeping done here;
 * deciding to do them is the engine's.
 *
 * Per-story arrays are public fields that the scoring loops index directly. Slots are never reused: a
 * story merged away keeps its slot, empty, and postings may still name it (checked on use).
 */
import type { ArticleStore } from './article-store';
import { NO_STORY } from './options';
import { storiesInTimeOrder } from './story-order';
import type { Vocabulary } from './vocabulary';

/**
 * A term's weight in a story's centroid from its summed member weight: the share of members using it,
 * saturated (exponent `saturation` < 1, the `centroidSaturation` option), so that the words every article
 * repeats do not drown the story's other, still characteristic words.
 */
export function centroidWeight(sum: number, size: number, saturation: number): number {
  const share = sum / size;
  return saturation === 1 ? share : share ** saturation;
}

export class StoryStore {
  readonly slotOf = new Map<string, number>();
  readonly ids: string[] = [];
  readonly members: number[][] = [];
  /** Sum of member weights per term. */
  readonly termWeight: (Map<number, number> | undefined)[] = [];
  /** Story term sums of a restored snapshot, turned into maps only when a story is first used. */
  restoredTerms: { count: number; offsets: Uint32Array; ids: Uint32Array; weights: Float32Array } | undefined;
  readonly first: number[] = [];
  readonly last: number[] = [];
  /** Cached centroid norm, and the IDF epoch it was computed in (−1: story changed since). */
  readonly norms: number[] = [];
  /** Approximate mean member-to-centroid cosine, computed with the norm. */
  readonly cohesions: number[] = [];
  readonly normsAt: number[] = [];
  /**
   * Σ w²·idf² and Σ w·idf² over a story's summed term weights w, kept up to date as members come and go
   * within one IDF epoch (−1 in `sumsAt`: recompute), so that a large story's norm does not cost a pass
   * over its whole vocabulary after every article it gains.
   */
  readonly squares: number[] = [];
  readonly linear: number[] = [];
  readonly sumsAt: number[] = [];
  live = 0;
  nextNumber = 0;
  /** Ids of stories merged away → the id each was merged into. */
  readonly mergedInto = new Map<string, string>();
  /** Stories in creation order (the engine's revision walks it). */
  readonly queue: number[] = [];
  /**
   * Story slots that contain each term (may hold stale slots; checked on use). After a restore, a term's
   * list stays in `restoredPostings` until a story gains the term: the wake path builds no 50k arrays.
   */
  readonly postings: (number[] | undefined)[] = [];
  restoredPostings: { offsets: Uint32Array; stories: Uint32Array } | undefined;

  /** @param saturation the `centroidSaturation` option */
  constructor(
    private readonly articles: ArticleStore,
    private readonly vocabulary: Vocabulary,
    private readonly saturation: number,
  ) {}

  /** A story's summed term weights (built from the restored snapshot on first use). */
  weightsOf(story: number): Map<number, number> {
    let weights = this.termWeight[story];
    if (weights === undefined) {
      weights = new Map();
      const restored = this.restoredTerms;
      if (restored !== undefined && story < restored.count) {
        for (let k = restored.offsets[story]; k < restored.offsets[story + 1]; k++) weights.set(restored.ids[k], restored.weights[k]);
      }
      this.termWeight[story] = weights;
    }
    return weights;
  }

  /** A new, empty story starting at `published`; returns its slot. */
  create(published: number): number {
    const slot = this.ids.length;
    const id = `s${(this.nextNumber++).toString(36)}`;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.members.push([]);
    this.termWeight.push(new Map());
    this.first.push(published);
    this.last.push(published);
    this.norms.push(0);
    this.cohesions.push(1);
    this.normsAt.push(-1);
    this.squares.push(0);
    this.linear.push(0);
    this.sumsAt.push(this.vocabulary.epoch);
    this.queue.push(slot);
    this.live++;
    return slot;
  }

  /** The id a story goes by now, following merges. */
  resolveId(storyId: string): string {
    let id = storyId;
    for (let hops = 0; hops < 64; hops++) {
      const next = this.mergedInto.get(id);
      if (next === undefined) return id;
      id = next;
    }
    return id;
  }

  /** The story slots holding a term, oldest first (read only). */
  posting(id: number): ArrayLike<number> {
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

  /** Gives every term of a `termCount`-term vocabulary a posting list (new terms an empty one). */
  coverTerms(termCount: number): void {
    while (this.postings.length < termCount) this.postings.push([]);
  }

  /**
   * Rebuilds the term → stories postings in the order of the stories' earliest articles. Moves append a
   * story to the postings of terms new to it, and a split adds a story whose articles are older than its
   * slot's neighbours; the candidate search stops walking a posting list at the first story a window older
   * than its range, so the lists must be put back in time order.
   */
  rebuildPostings(): void {
    for (let id = 0; id < this.postings.length; id++) this.postings[id] = [];
    this.restoredPostings = undefined;
    const published = this.articles.published;
    const live = this.members.map((_, story) => story).filter((story) => this.members[story].length > 0);
    // Member lists are in time order: a story's first member is its earliest.
    for (const story of storiesInTimeOrder(live, (story) => published[this.members[story][0]])) {
      for (const id of this.weightsOf(story).keys()) this.writablePosting(id).push(story);
    }
  }

  /** Adds an article (already in the article store) to a story's members, term sums and span. */
  attach(articleSlot: number, story: number): void {
    const articles = this.articles;
    this.insertMember(this.members[story], articleSlot);
    const weights = this.weightsOf(story);
    const sums = this.sumsAt[story] === this.vocabulary.epoch;
    const idfOf = this.vocabulary.idfOf;
    let squares = 0;
    let linear = 0;
    for (let k = articles.termStart[articleSlot]; k < articles.termEnd[articleSlot]; k++) {
      const id = articles.termPool[k];
      const before = weights.get(id);
      if (before === undefined) this.writablePosting(id).push(story);
      const added = articles.weightPool[k];
      const after = (before ?? 0) + added;
      weights.set(id, after);
      if (sums) {
        const idfSquared = idfOf[id] * idfOf[id];
        squares += (after * after - (before ?? 0) * (before ?? 0)) * idfSquared;
        linear += added * idfSquared;
      }
    }
    if (sums) {
      this.squares[story] += squares;
      this.linear[story] += linear;
    }
    const published = articles.published[articleSlot];
    if (published < this.first[story]) this.first[story] = published;
    if (published > this.last[story]) this.last[story] = published;
    this.normsAt[story] = -1;
  }

  /** Inserts an article into a member list kept in `published` order (appending in the usual case). */
  private insertMember(members: number[], articleSlot: number): void {
    const published = this.articles.published;
    const time = published[articleSlot];
    let at = members.length;
    while (at > 0 && published[members[at - 1]] > time) at--;
    if (at === members.length) members.push(articleSlot);
    else members.splice(at, 0, articleSlot);
  }

  /** Takes an article's terms and membership out of its story, leaving the story's span to the caller. */
  private removeMember(slot: number): void {
    const articles = this.articles;
    const story = articles.story[slot];
    const members = this.members[story];
    const index = members.indexOf(slot);
    if (index >= 0) members.splice(index, 1);
    const idfOf = this.vocabulary.idfOf;
    const weights = this.weightsOf(story);
    const sums = this.sumsAt[story] === this.vocabulary.epoch;
    let squares = 0;
    let linear = 0;
    for (let k = articles.termStart[slot]; k < articles.termEnd[slot]; k++) {
      const id = articles.termPool[k];
      const before = weights.get(id) ?? 0;
      let left = before - articles.weightPool[k];
      if (left > 1e-9) weights.set(id, left);
      else {
        weights.delete(id);
        left = 0;
      }
      if (sums) {
        const idfSquared = idfOf[id] * idfOf[id];
        squares += (left * left - before * before) * idfSquared;
        linear += (left - before) * idfSquared;
      }
    }
    if (sums) {
      this.squares[story] += squares;
      this.linear[story] += linear;
    }
    this.normsAt[story] = -1;
  }

  /** Takes an article out of its story (the article stays indexed); returns whether the story emptied. */
  detach(slot: number): boolean {
    const story = this.articles.story[slot];
    const members = this.members[story];
    this.removeMember(slot);
    if (members.length === 0) {
      this.slotOf.delete(this.ids[story]);
      this.live--;
      return true;
    }
    this.recomputeSpan(story);
    return false;
  }

  /** Moves one article to another story; a story it leaves empty redirects there. */
  moveArticle(slot: number, to: number): void {
    const from = this.articles.story[slot];
    const emptied = this.detach(slot);
    this.articles.story[slot] = to;
    this.attach(slot, to);
    if (emptied) this.mergedInto.set(this.ids[from], this.ids[to]);
  }

  /**
   * Moves articles to new stories (labels are story slots), then retires the stories left empty, each
   * redirecting to where most of its articles went.
   */
  moveArticles(slots: readonly number[], labels: Int32Array): void {
    const articleStory = this.articles.story;
    const movedTo = new Map<number, Map<number, number>>();
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const from = articleStory[slot];
      const to = labels[i];
      if (from === to) continue;
      this.removeMember(slot);
      articleStory[slot] = to;
      this.attach(slot, to);
      let counts = movedTo.get(from);
      if (!counts) movedTo.set(from, (counts = new Map()));
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    for (const [story, counts] of movedTo) {
      if (this.members[story].length > 0) {
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
      this.retire(story, into);
    }
  }

  /** Moves all of `from`'s articles into `into` and retires `from`. */
  merge(from: number, into: number): void {
    const articleStory = this.articles.story;
    for (const member of this.members[from]) {
      articleStory[member] = into;
      this.attach(member, into);
    }
    this.retire(from, into);
  }

  /** Retires an emptied story (its slot stays, empty), redirecting its id to `into`'s. */
  private retire(story: number, into: number): void {
    this.members[story] = [];
    this.termWeight[story] = new Map();
    this.clearSums(story);
    this.normsAt[story] = -1;
    this.slotOf.delete(this.ids[story]);
    this.mergedInto.set(this.ids[story], this.ids[into]);
    this.live--;
  }

  private recomputeSpan(story: number): void {
    const published = this.articles.published;
    let first = Infinity;
    let last = -Infinity;
    for (const member of this.members[story]) {
      const time = published[member];
      if (time < first) first = time;
      if (time > last) last = time;
    }
    this.first[story] = first;
    this.last[story] = last;
  }

  /** Start of a story's core: the 10th percentile of its members' times (members are kept in time order). */
  coreFirst(story: number): number {
    const members = this.members[story];
    return this.articles.published[members[Math.floor((members.length - 1) * 0.1)]];
  }

  /** End of a story's core: the 90th percentile of its members' times. */
  coreLast(story: number): number {
    const members = this.members[story];
    return this.articles.published[members[Math.ceil((members.length - 1) * 0.9)]];
  }

  private clearSums(story: number): void {
    this.squares[story] = 0;
    this.linear[story] = 0;
    this.sumsAt[story] = this.vocabulary.epoch;
  }

  /** Recomputes a story's Σ S²·idf² and Σ S·idf² unless they are current. */
  updateSums(story: number): void {
    if (this.sumsAt[story] === this.vocabulary.epoch) return;
    const idfOf = this.vocabulary.idfOf;
    let squares = 0;
    let linear = 0;
    for (const [id, weight] of this.weightsOf(story)) {
      const idfSquared = idfOf[id] * idfOf[id];
      squares += weight * weight * idfSquared;
      linear += weight * idfSquared;
    }
    this.squares[story] = squares;
    this.linear[story] = linear;
    this.sumsAt[story] = this.vocabulary.epoch;
  }

  /** Centroid norm, recomputed when the story changed or the IDF was refreshed; updates the cohesion too. */
  norm(story: number): number {
    const epoch = this.vocabulary.epoch;
    if (this.normsAt[story] === epoch) return this.norms[story];
    const size = this.members[story].length;
    // With the centroid a plain mean (c = S/size), its norm and the members' mean cosine with it follow
    // from Σ S_t²·idf² and Σ S_t·idf² (members are 0/1 headline term vectors, so Σ|m|² = Σ S_t·idf²).
    if (this.saturation === 1) {
      this.updateSums(story);
      const squares = Math.max(0, this.squares[story]);
      const linear = Math.max(0, this.linear[story]);
      const norm = size === 0 ? 0 : Math.sqrt(squares) / size;
      this.norms[story] = norm;
      this.normsAt[story] = epoch;
      // memberDot / (size · norm · rmsMember) with memberDot = Σ S²·idf² / size, rmsMember = √(Σ S·idf² / size).
      this.cohesions[story] = norm === 0 || linear === 0 ? 1 : Math.min(1, Math.sqrt(squares) / Math.sqrt(linear * size));
      return norm;
    }
    const idfOf = this.vocabulary.idfOf;
    let sum = 0;
    // Alongside: Σ_m m·c and Σ|m|² over the members, which are 0/1 term vectors (headline words), so
    // Σ_m m·c = Σ S_t·c_t·idf² and Σ|m|² = Σ S_t·idf².
    let memberDot = 0;
    let memberSquares = 0;
    for (const [id, weight] of this.weightsOf(story)) {
      const idfSquared = idfOf[id] * idfOf[id];
      const centroid = centroidWeight(weight, size, this.saturation);
      sum += centroid * centroid * idfSquared;
      memberDot += weight * centroid * idfSquared;
      memberSquares += weight * idfSquared;
    }
    const norm = Math.sqrt(sum);
    this.norms[story] = norm;
    this.normsAt[story] = epoch;
    const rmsMember = Math.sqrt(memberSquares / size);
    // ≈ mean cosine of a member with the centroid (exact for equal-norm members): 1 for one article, low
    // for a story whose coverage is worded many ways.
    this.cohesions[story] = norm === 0 || rmsMember === 0 ? 1 : Math.min(1, memberDot / (size * norm * rmsMember));
    return norm;
  }
}

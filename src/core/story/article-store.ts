/**
 * The story engine's articles, by slot: typed-array columns (time, outlet, story, terms) that grow as
 * articles are added, the ids (packed as UTF-8 after a restore, until something needs them all), and the
 * interned outlet keys.
 *
 * Columns are public fields that the stores and scoring loops index directly; a column may be replaced
 * by a larger one when it grows, so a caller holds it in a local only within one call.
 */
import { idKey, idKeyOfBytes } from './id-key';
import { INITIAL_ARTICLE_CAPACITY, NO_STORY } from './options';
import type { RefineInput } from './refine-graph';
import type { EngineArticle } from './types';
import type { ArticleVector } from './vocabulary';

/** Article ids as UTF-8, each followed by a NUL byte; `ends[i]` is where id i's bytes end. */
export interface PackedArticleIds {
  utf8: Uint8Array;
  ends: Uint32Array;
}

const ID_DECODER = new TextDecoder();
const ID_ENCODER = new TextEncoder();

type Column = Float64Array | Int32Array | Uint32Array;

/** `column` with room for `needed` values: itself, or a copy of its first `used` values with twice the room. */
function withRoom<T extends Column>(column: T, used: number, needed: number): T {
  if (needed <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(Math.max(needed, column.length * 2, INITIAL_ARTICLE_CAPACITY));
  grown.set(column.subarray(0, used));
  return grown;
}

export class ArticleStore {
  /** Article id → slot; null after a restore until something asks by id (a first match need not). */
  slotMap: Map<string, number> | null = new Map();
  ids: string[] = [];
  /** After a restore: the ids still packed, decoded one at a time until something needs them all. */
  packedIds: PackedArticleIds | null = null;
  /**
   * Restored from a snapshot's bytes before its ids (snapshot-pack.ts): `packedIds` has their ends but
   * no bytes yet. Until `attachIds`, an article is found by its id key, and asking for an id throws.
   */
  idsPending = false;
  /** Per slot, the key of its id (id-key.ts). */
  idKeys: Float64Array = new Float64Array(INITIAL_ARTICLE_CAPACITY);
  /**
   * Article columns: typed arrays with room to grow, of which the first slotCount() values are in use.
   * After a restore they are the snapshot's own arrays until an article is added (see restoreSnapshot).
   */
  published: Float64Array = new Float64Array(INITIAL_ARTICLE_CAPACITY);
  /** The article's story slot, or NO_STORY once removed. */
  story: Int32Array = new Int32Array(INITIAL_ARTICLE_CAPACITY);
  /** Article terms live in one pool (no per-article arrays): slot i owns termPool[termStart[i] .. termEnd[i]). */
  termPool: Uint32Array = new Uint32Array(1 << 16);
  weightPool: Float32Array = new Float32Array(1 << 16);
  poolLength = 0;
  termStart: Uint32Array = new Uint32Array(INITIAL_ARTICLE_CAPACITY);
  termEnd: Uint32Array = new Uint32Array(INITIAL_ARTICLE_CAPACITY);
  /** Index into `publishers`, or −1. */
  publisher: Int32Array = new Int32Array(INITIAL_ARTICLE_CAPACITY);
  readonly publisherIdOf = new Map<string, number>();
  readonly publishers: string[] = [];
  /** Articles in the index (slots minus removed ones). */
  live = 0;

  /** Article slots so far (live or not). */
  slotCount(): number {
    return this.packedIds ? this.packedIds.ends.length : this.ids.length;
  }

  /** The story slots of the indexed articles published within [from, to] (epoch ms, both included). */
  storySlotsWithin(from: number, to: number): Set<number> {
    const found = new Set<number>();
    for (let slot = 0; slot < this.slotCount(); slot++) {
      if (this.story[slot] !== NO_STORY && this.published[slot] >= from && this.published[slot] <= to) found.add(this.story[slot]);
    }
    return found;
  }

  /** The ids of the indexed articles published before `epochMs`. */
  idsPublishedBefore(epochMs: number): string[] {
    const ids = this.allIds();
    return ids.filter((_, slot) => this.story[slot] !== NO_STORY && this.published[slot] < epochMs);
  }

  /** One article's id, decoded on its own while the ids are still packed. */
  idAt(slot: number): string {
    const packed = this.packedIds;
    if (!packed) return this.ids[slot];
    this.checkIdsRead();
    const start = slot === 0 ? 0 : packed.ends[slot - 1] + 1;
    return ID_DECODER.decode(packed.utf8.subarray(start, packed.ends[slot]));
  }

  /** Every slot's id, as the plain list the write paths extend (unpacked once, on first need). */
  allIds(): string[] {
    const packed = this.packedIds;
    if (packed) {
      this.checkIdsRead();
      this.packedIds = null;
      this.ids =
        packed.ends.length === 0 ? [] : ID_DECODER.decode(packed.utf8.subarray(0, packed.ends[packed.ends.length - 1])).split('\u0000');
    }
    return this.ids;
  }

  /** The id → slot map, built on first use after a restore. */
  slots(): Map<string, number> {
    if (this.slotMap === null) {
      const map = new Map<string, number>();
      const ids = this.allIds();
      for (let slot = 0; slot < ids.length; slot++) if (this.story[slot] !== NO_STORY) map.set(ids[slot], slot);
      this.slotMap = map;
    }
    return this.slotMap;
  }

  /**
   * One look-up by id: a scan when the map is not built yet is cheaper than building it. While the ids
   * are still packed (a woken worker's first match of an indexed article), the scan compares bytes and
   * decodes nothing: unpacking 100k ids for it took longer than the rest of the match.
   */
  findSlot(articleId: string): number | undefined {
    if (this.slotMap !== null) return this.slotMap.get(articleId);
    const slot = this.idsPending
      ? this.idKeys.lastIndexOf(idKey(articleId), this.slotCount() - 1)
      : this.packedIds
        ? this.lastPackedSlotOf(articleId, this.packedIds)
        : this.ids.lastIndexOf(articleId);
    return slot >= 0 && this.story[slot] !== NO_STORY ? slot : undefined;
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

  /** The ids' bytes of a snapshot restored without them (see idsPending). Throws unless they fit its ends. */
  attachIds(utf8: Uint8Array): void {
    const packed = this.packedIds;
    if (!this.idsPending || !packed) throw new Error('the article ids are in already');
    const count = packed.ends.length;
    if (count > 0 && (utf8.length <= packed.ends[count - 1] || utf8[packed.ends[count - 1]] !== 0)) {
      throw new Error('the article ids do not fit the snapshot');
    }
    this.packedIds = { utf8, ends: packed.ends };
    this.idsPending = false;
  }

  private checkIdsRead(): void {
    if (this.idsPending) throw new Error('the article ids are not read yet');
  }

  /** Interned outlet key of an article (publisher name, else host), −1 when unknown. */
  publisherId(article: EngineArticle): number {
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

  /** Records a vectorised article in a new slot, as a member of `story`; returns the slot. */
  append(article: EngineArticle, vector: ArticleVector, publisher: number, story: number): number {
    const ids = this.allIds();
    const slot = ids.length;
    ids.push(article.id);
    const termStart = this.poolLength;
    this.appendTerms(vector.ids, vector.weights);
    this.appendColumns(slot, article.published, publisher, story, termStart, this.poolLength);
    this.idKeys = withRoom(this.idKeys, slot, slot + 1);
    this.idKeys[slot] = idKey(article.id);
    this.slots().set(article.id, slot);
    this.live++;
    return slot;
  }

  /** An indexed article's vector, from its terms in the pool (without display forms). */
  vectorOf(slot: number): ArticleVector {
    const start = this.termStart[slot];
    const end = this.termEnd[slot];
    return { surfaces: [], ids: Array.from(this.termPool.subarray(start, end)), weights: Array.from(this.weightPool.subarray(start, end)) };
  }

  /** Marks a slot's article as removed (its story has let go of it already). */
  retire(articleId: string, slot: number): void {
    this.slots().delete(articleId);
    this.story[slot] = NO_STORY;
    this.termEnd[slot] = this.termStart[slot];
    this.live--;
  }

  /** Writes a new article slot's columns (the slot after the last one in use), growing them when full. */
  private appendColumns(slot: number, published: number, publisher: number, story: number, termStart: number, termEnd: number): void {
    this.published = withRoom(this.published, slot, slot + 1);
    this.publisher = withRoom(this.publisher, slot, slot + 1);
    this.story = withRoom(this.story, slot, slot + 1);
    this.termStart = withRoom(this.termStart, slot, slot + 1);
    this.termEnd = withRoom(this.termEnd, slot, slot + 1);
    this.published[slot] = published;
    this.publisher[slot] = publisher;
    this.story[slot] = story;
    this.termStart[slot] = termStart;
    this.termEnd[slot] = termEnd;
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

  /**
   * The live articles as the graph refinement's input (refine-graph.ts), in slot order, with the slot of
   * each; null when there are fewer than two.
   */
  refineInput(idf: readonly number[]): { slots: number[]; input: RefineInput } | null {
    const slots: number[] = [];
    let termCount = 0;
    for (let slot = 0; slot < this.slotCount(); slot++) {
      if (this.story[slot] === NO_STORY) continue;
      slots.push(slot);
      termCount += this.termEnd[slot] - this.termStart[slot];
    }
    if (slots.length < 2) return null;
    const input: RefineInput = {
      published: new Float64Array(slots.length),
      termOffsets: new Uint32Array(slots.length + 1),
      termIds: new Uint32Array(termCount),
      termWeights: new Float32Array(termCount),
      idf: Float64Array.from(idf),
      publisher: new Int32Array(slots.length),
      initial: new Int32Array(slots.length),
    };
    let cursor = 0;
    slots.forEach((slot, i) => {
      input.published[i] = this.published[slot];
      input.publisher[i] = this.publisher[slot];
      input.initial[i] = this.story[slot];
      input.termOffsets[i] = cursor;
      const start = this.termStart[slot];
      const end = this.termEnd[slot];
      input.termIds.set(this.termPool.subarray(start, end), cursor);
      input.termWeights.set(this.weightPool.subarray(start, end), cursor);
      cursor += end - start;
    });
    input.termOffsets[slots.length] = cursor;
    return { slots, input };
  }

  /** The keys of packed ids, computed from their bytes (a snapshot of a build before the keys). */
  static keysOf({ utf8, ends }: PackedArticleIds): Float64Array {
    const keys = new Float64Array(ends.length);
    for (let slot = 0, start = 0; slot < ends.length; start = ends[slot] + 1, slot++) keys[slot] = idKeyOfBytes(utf8, start, ends[slot]);
    return keys;
  }
}

/**
 * The story page's and the stories page's answers: one story in full, the stories of a time window in
 * brief (digests), and related stories (found by the engine in memory, then digested or taken from the
 * kept digests: a story page reads its story and at most its five neighbours, never a window). Digests
 * of a window are kept until the index or a setting changes, so that filtering and searching the stories
 * page reads the database once. Once the index has changed and settled (a refresh, an import), the
 * page's first window is digested in the background and its first list kept, so that opening the page
 * does not wait for it, even when the worker has stopped since.
 */
import type { Preferences } from '../core/preferences';
import {
  buildStoryPage,
  byCoverage,
  digestStory,
  filterStories,
  membersSignature,
  publishedSpan,
  textSignature,
  type StoryDigest,
  type StoryFilter,
} from '../core/story-page';
import { coverageItem, type SourceLookup } from '../core/story-view';
import type { ParallaxDatabase, StoredArticle } from '../db/database';
import type { ListAsked } from '../messaging/kept-story-list';
import type { StoryList, StoryPageReply } from '../messaging/protocol-stories';
import { FIRST_LIST } from '../messaging/story-windows';
import type { SourceCatalog } from './source-lookup';
import { StoryDigestCache } from './story-digests';
import type { StoryIndex } from './story-index';

const DAY_MS = 86_400_000;
/** Related stories come from this long before the story's first article to this long after its last. */
export const RELATED_SPAN_MS = 3 * DAY_MS;

/** Longest run of digesting before the worker lets other messages through. */
const DIGEST_SLICE_MS = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long the index must stay unchanged before the first window is digested ahead (a refresh changes it batch by batch). */
const PREPARE_DELAY_MS = 2_000;

export interface StoryPagesDeps {
  db: ParallaxDatabase;
  index: Pick<StoryIndex, 'memberIds' | 'storiesWithin' | 'currentStoryId' | 'related' | 'onChange'>;
  sources: { catalog(): Promise<Pick<SourceCatalog, 'lookup' | 'key'>> };
  /** Digests kept between lists (and workers); default: in memory only. */
  digests?: StoryDigestCache;
  /** Changes whenever the index or a setting does (TabViews.stamp). */
  stamp: () => string;
  /** Longest run of digesting before other messages get through (DIGEST_SLICE_MS). */
  sliceMs?: number;
  /** How long the index stays unchanged before the first window is digested ahead (PREPARE_DELAY_MS). */
  prepareDelayMs?: number;
  /** Keeps the stories page's first list, computed in `stamp`'s state, for its next opening (TabViews.keepList). */
  keepFirstList?: (asked: ListAsked, list: StoryList, stamp: string) => void;
}

interface Window {
  key: string;
  digests: Promise<StoryDigest[]>;
}

export class StoryPages {
  /** The last windows computed (the list's and a story's related window), newest last. */
  private windows: Window[] = [];
  private readonly digests: StoryDigestCache;
  private preparing: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: StoryPagesDeps) {
    this.digests = deps.digests ?? new StoryDigestCache(null);
  }

  /** The reader's outlets, ratings and preferences, and their signature (a digest computed with others may differ). */
  private async context(): Promise<{ lookup: SourceLookup; prefs: Preferences; signature: string }> {
    const [{ lookup, key }, prefs] = await Promise.all([this.deps.sources.catalog(), this.deps.db.getPreferences()]);
    return { lookup, prefs, signature: textSignature(JSON.stringify([key, prefs])) };
  }

  async page(storyId: string): Promise<StoryPageReply> {
    const id = await this.deps.index.currentStoryId(storyId);
    if (id === undefined) return { status: 'missing' };
    const [{ lookup, prefs }, members] = await Promise.all([this.context(), this.members(id)]);
    const page = buildStoryPage({ storyId: id, members }, lookup, prefs);
    return page ? { status: 'found', page } : { status: 'missing' };
  }

  /**
   * The story's related stories, digested, or taken from the digests the stories list kept: reading five
   * more stories' articles for each story page took a quarter of the worker's time in a profile.
   */
  async related(storyId: string): Promise<StoryDigest[]> {
    const id = await this.deps.index.currentStoryId(storyId);
    if (id === undefined) return [];
    const [{ lookup, prefs, signature }, ownIds] = await Promise.all([this.context(), this.deps.index.memberIds(id)]);
    if (ownIds.length === 0) return [];
    const kept = await this.digests.open(signature);
    // Its visible articles' span, from its kept digest; else from all its articles.
    const own = kept.get(id, membersSignature(ownIds));
    const { firstAt, lastAt } = own ?? publishedSpan(await this.members(id));
    const ids = await this.deps.index.related(id, { from: firstAt - RELATED_SPAN_MS, to: lastAt + RELATED_SPAN_MS });
    const digests = await Promise.all(
      ids.map(async (other) => {
        const members = membersSignature(await this.deps.index.memberIds(other));
        const known = kept.get(other, members);
        if (known !== undefined) return known;
        const rows = await this.members(other);
        const digest = digestStory(
          other,
          rows.map((a) => coverageItem(a, lookup, prefs)),
        );
        kept.put(other, members, digest);
        return digest;
      }),
    );
    return digests.filter((digest) => digest !== null);
  }

  async list(days: number, filter: StoryFilter, limit: number): Promise<StoryList> {
    const span = await this.span(days);
    if (!span) return { stories: [], total: 0, matching: 0, from: null, to: null };
    const stories = await this.window(span.from, span.to);
    const matching = filterStories(stories, filter);
    return { stories: matching.slice(0, limit), total: stories.length, matching: matching.length, ...span };
  }

  /** Digests the first window ahead (prepareSoon) after every change of the index. */
  followIndex(): void {
    this.deps.index.onChange(() => this.prepareSoon());
  }

  /**
   * Digests the stories page's first window ahead of its list once nothing has changed for a while (the
   * index, or a setting, which forgets the kept digests): that list then answers from memory, or a new
   * worker's from the kept digests.
   */
  prepareSoon(): void {
    clearTimeout(this.preparing);
    this.preparing = setTimeout(() => void this.prepare().catch(() => undefined), this.deps.prepareDelayMs ?? PREPARE_DELAY_MS);
  }

  /**
   * Digests the stories page's first window (what its first list would), keeping the digests, and keeps
   * that list for the page's next opening.
   */
  async prepare(): Promise<void> {
    const stamp = this.deps.stamp();
    const { days, blindspots, side, query, limit } = FIRST_LIST;
    const list = await this.list(days, { blindspots, side, query }, limit);
    this.deps.keepFirstList?.(FIRST_LIST, list, stamp);
  }

  /** The `days` up to the index's newest article; null for an empty index. */
  private async span(days: number): Promise<{ from: number; to: number } | null> {
    const newest = await this.deps.db.articles.orderBy('published').last();
    if (!newest) return null;
    return { from: newest.published - days * DAY_MS, to: newest.published };
  }

  private async members(storyId: string): Promise<StoredArticle[]> {
    const rows = await this.deps.db.articles.bulkGet(await this.deps.index.memberIds(storyId));
    return rows.filter((a): a is StoredArticle => a !== undefined);
  }

  /** The digests of the stories with an article published within [from, to], by coverage. */
  private window(from: number, to: number): Window['digests'] {
    const key = `${this.deps.stamp()}|${from}|${to}`;
    const known = this.windows.find((w) => w.key === key);
    if (known) return known.digests;
    const digests = this.computeWindow(from, to);
    this.windows = [...this.windows.filter((w) => w.key.startsWith(`${this.deps.stamp()}|`)), { key, digests }].slice(-3);
    digests.catch(() => {
      this.windows = this.windows.filter((w) => w.key !== key);
    });
    return digests;
  }

  /**
   * Digests the stories of the window, reusing those kept whose members have not changed: a refresh adds
   * articles to a few stories, and a new worker finds the last worker's digests in the session store.
   */
  private async computeWindow(from: number, to: number): Promise<StoryDigest[]> {
    const [{ lookup, prefs, signature }, storyIds] = await Promise.all([this.context(), this.deps.index.storiesWithin(from, to)]);
    const memberIds = await Promise.all(storyIds.map((s) => this.deps.index.memberIds(s)));
    const members = memberIds.map(membersSignature);
    const kept = await this.digests.open(signature);
    const digests = storyIds.map((storyId, i) => kept.get(storyId, members[i]));
    const stale = digests.flatMap((digest, i) => (digest === undefined ? [i] : []));
    const byId = await this.articlesOf(
      stale.flatMap((i) => memberIds[i]),
      from,
      to,
      stale.length === storyIds.length,
    );
    let slice = performance.now();
    for (const i of stale) {
      // A window takes seconds to digest on a big index: the worker answers the popup, the badge and the
      // story page in between instead of after it.
      if (performance.now() - slice >= (this.deps.sliceMs ?? DIGEST_SLICE_MS)) {
        await nextTask();
        slice = performance.now();
      }
      const items = memberIds[i].flatMap((id) => {
        const article = byId.get(id);
        return article ? [coverageItem(article, lookup, prefs)] : [];
      });
      digests[i] = digestStory(storyIds[i], items);
      kept.put(storyIds[i], members[i], digests[i]);
    }
    const stories = digests.filter((digest) => digest != null);
    // Stored after the answer has gone: the store copies every digest at once (tens of ms on a big index).
    setTimeout(() => void kept.save(storyIds), 0);
    return stories.sort(byCoverage);
  }

  /**
   * The articles `ids`, by id. For a whole window (`all`), the window's articles are read in one range
   * (faster than by key), then those outside it that belong to its stories.
   */
  private async articlesOf(ids: readonly string[], from: number, to: number, all: boolean): Promise<Map<string, StoredArticle>> {
    const byId = new Map<string, StoredArticle>();
    if (all) for (const a of await this.deps.db.articles.where('published').between(from, to, true, true).toArray()) byId.set(a.id, a);
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) for (const a of await this.deps.db.articles.bulkGet(missing)) if (a) byId.set(a.id, a);
    return byId;
  }
}

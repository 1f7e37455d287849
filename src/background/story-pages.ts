/**
 * The story page's and the stories page's answers: one story in full, the stories of a time window in
 * brief (digests), and related stories (found by the engine in memory, then digested: a story page reads
 * its story and its five neighbours, never a window). Digests of a window are kept until the index or a
 * setting changes, so that filtering and searching the stories page reads the database once.
 */
import type { Preferences } from '../core/preferences';
import {
  buildStoryPage,
  byCoverage,
  digestStory,
  filterStories,
  publishedSpan,
  type StoryDigest,
  type StoryFilter,
} from '../core/story-page';
import { coverageItem, type SourceLookup } from '../core/story-view';
import type { ParallaxDatabase, StoredArticle } from '../db/database';
import type { StoryList, StoryPageReply } from '../messaging/protocol-stories';
import type { StoryIndex } from './story-index';

const DAY_MS = 86_400_000;
/** Related stories come from this long before the story's first article to this long after its last. */
export const RELATED_SPAN_MS = 3 * DAY_MS;

/** Longest run of digesting before the worker lets other messages through. */
const DIGEST_SLICE_MS = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface StoryPagesDeps {
  db: ParallaxDatabase;
  index: Pick<StoryIndex, 'memberIds' | 'storiesOf' | 'currentStoryId' | 'related'>;
  sources: { lookup(): Promise<SourceLookup> };
  /** Changes whenever the index or a setting does (TabViews.stamp). */
  stamp: () => string;
  /** Longest run of digesting before other messages get through (DIGEST_SLICE_MS). */
  sliceMs?: number;
}

interface Window {
  key: string;
  digests: Promise<StoryDigest[]>;
}

export class StoryPages {
  /** The last windows computed (the list's and a story's related window), newest last. */
  private windows: Window[] = [];

  constructor(private readonly deps: StoryPagesDeps) {}

  private async context(): Promise<{ lookup: SourceLookup; prefs: Preferences }> {
    const [lookup, prefs] = await Promise.all([this.deps.sources.lookup(), this.deps.db.getPreferences()]);
    return { lookup, prefs };
  }

  async page(storyId: string): Promise<StoryPageReply> {
    const id = await this.deps.index.currentStoryId(storyId);
    if (id === undefined) return { status: 'missing' };
    const [{ lookup, prefs }, members] = await Promise.all([this.context(), this.members(id)]);
    const page = buildStoryPage({ storyId: id, members }, lookup, prefs);
    return page ? { status: 'found', page } : { status: 'missing' };
  }

  async related(storyId: string): Promise<StoryDigest[]> {
    const id = await this.deps.index.currentStoryId(storyId);
    if (id === undefined) return [];
    const members = await this.members(id);
    if (members.length === 0) return [];
    const { firstAt, lastAt } = publishedSpan(members);
    const ids = await this.deps.index.related(id, { from: firstAt - RELATED_SPAN_MS, to: lastAt + RELATED_SPAN_MS });
    const [{ lookup, prefs }, stories] = await Promise.all([this.context(), Promise.all(ids.map((other) => this.members(other)))]);
    return stories.flatMap(
      (rows, i) =>
        digestStory(
          ids[i],
          rows.map((a) => coverageItem(a, lookup, prefs)),
        ) ?? [],
    );
  }

  async list(days: number, filter: StoryFilter, limit: number): Promise<StoryList> {
    const newest = await this.deps.db.articles.orderBy('published').last();
    if (!newest) return { stories: [], total: 0, matching: 0, from: null, to: null };
    const to = newest.published;
    const from = to - days * DAY_MS;
    const stories = await this.window(from, to);
    const matching = filterStories(stories, filter);
    return { stories: matching.slice(0, limit), total: stories.length, matching: matching.length, from, to };
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

  private async computeWindow(from: number, to: number): Promise<StoryDigest[]> {
    const [{ lookup, prefs }, rows] = await Promise.all([
      this.context(),
      this.deps.db.articles.where('published').between(from, to, true, true).toArray(),
    ]);
    const byId = new Map(rows.map((a) => [a.id, a]));
    const storyIds = [...new Set((await this.deps.index.storiesOf(rows.map((a) => a.id))).filter((s) => s !== undefined))];
    const memberIds = await Promise.all(storyIds.map((s) => this.deps.index.memberIds(s)));
    // Members outside the window still count for their story.
    const outside = memberIds.flat().filter((id) => !byId.has(id));
    if (outside.length > 0) for (const a of await this.deps.db.articles.bulkGet(outside)) if (a) byId.set(a.id, a);
    const stories: StoryDigest[] = [];
    let slice = performance.now();
    for (const [i, storyId] of storyIds.entries()) {
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
      const digest = digestStory(storyId, items);
      if (digest) stories.push(digest);
    }
    return stories.sort(byCoverage);
  }
}

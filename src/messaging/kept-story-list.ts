/**
 * The stories page's first list (its default window, unfiltered), kept in `storage.session` (memory
 * only, gone when the browser closes) by the worker that last answered it, so that the page draws it at
 * once: before the worker answers, and while a stopped worker starts and restores its engine (about
 * 0.6 s on a 100k-article index). The worker forgets it when the index or a setting changes, as it does
 * the popup's kept stories (TabViews); the page still asks the worker, and draws its answer if it differs.
 * This module owns the key and the value's type: the worker writes through it, the page reads through it.
 */
import type { LeanSide } from '../core/types';
import type { SessionArea } from './kept-story';
import type { StoryList } from './protocol-stories';

const KEY = 'stories-first-list';

/** What the list was asked with (a `stories/list` request without its type). */
export interface ListAsked {
  days: number;
  blindspots: boolean;
  side: LeanSide | null;
  query: string;
  limit: number;
}

interface Kept {
  asked: ListAsked;
  /**
   * The list as JSON: the browser hands a stored string to a page far faster than the same list as
   * objects (a 1,000-story list is ~230 kB, 13,000 values), and the page compares it with the worker's
   * answer as text.
   */
  json: string;
}

/** A kept list, and its JSON. */
export interface KeptList {
  list: StoryList;
  json: string;
}

/** Whether two requests ask for the same list. */
export const sameAsked = (a: Partial<ListAsked> | undefined, b: ListAsked) =>
  a?.days === b.days && a.blindspots === b.blindspots && a.side === b.side && a.query === b.query && a.limit === b.limit;

export class KeptStoryList {
  constructor(private readonly area: SessionArea) {}

  /** The list kept for `asked`, else null. */
  async get(asked: ListAsked): Promise<KeptList | null> {
    // Written by an earlier build of the worker, perhaps: only a list of the expected shape is used.
    const kept = (await this.area.get(KEY))[KEY] as Partial<Kept> | undefined;
    if (!sameAsked(kept?.asked, asked) || typeof kept?.json !== 'string') return null;
    let list: Partial<StoryList> | null;
    try {
      list = JSON.parse(kept.json) as Partial<StoryList> | null;
    } catch {
      return null;
    }
    if (!list || !Array.isArray(list.stories) || typeof list.total !== 'number') return null;
    const valid = list.stories.every((story) => typeof story?.id === 'string' && typeof story.headline === 'string');
    return valid ? { list: list as StoryList, json: kept.json } : null;
  }

  set(asked: ListAsked, list: StoryList): Promise<void> {
    return this.area.set({ [KEY]: { asked, json: JSON.stringify(list) } satisfies Kept });
  }

  remove(): Promise<void> {
    return this.area.remove(KEY);
  }
}

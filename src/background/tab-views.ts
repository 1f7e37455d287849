/**
 * The story view computed for each tab's page, kept for the popup: in memory for this worker (TabPages)
 * and in storage.session for the next one (KeptStories), so a popup opened after the worker stopped
 * draws at once; the stories page's first list likewise (KeptStoryList). A view is reused while neither
 * the index nor anything the reader set has changed since it was computed; every request that is not a
 * pure read counts as a change (a needless recomputation is the worst case).
 */
import type { StoryView } from '../core/story-view';
import type { KeptStories } from '../messaging/kept-story';
import type { KeptStoryList, ListAsked } from '../messaging/kept-story-list';
import type { PageState } from '../messaging/page';
import type { RequestType } from '../messaging/protocol';
import type { StoryList } from '../messaging/protocol-stories';
import type { TabPages } from './tab-pages';

/** Requests that change nothing a story view shows (the reading diet row of article/seen is not shown there). */
const PURE_READS: ReadonlySet<unknown> = new Set<RequestType>([
  'article/seen',
  'story/view',
  'worker/wake',
  'popup/story',
  'prefs/get',
  'outlets/list',
  'index/status',
  'story/page',
  'story/related',
  'stories/list',
  // Asked by every popup opening (its chips footer) and by the chips on search and social pages.
  'chips.settings',
  'chips.outlets',
  // The badge's "details": opens the popup, which then draws the kept story.
  'popup/open',
  // The options and welcome pages' lists: opening them leaves every kept story as it was.
  'feeds/list',
  'refresh/status',
  'refresh/progress',
  'providers/list',
  'custom-outlets/list',
  'content/all-sites-status',
  'reading/summary',
  'starter/editions',
]);

/** Whether a request changes nothing a story view or the stories list shows. */
export function isPureRead(message: unknown): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return PURE_READS.has(type);
}

export interface TabViewsDeps {
  pages: Pick<TabPages, 'rememberView' | 'viewFor' | 'forget'>;
  kept: Pick<KeptStories, 'set' | 'remove' | 'clear'>;
  keptList: Pick<KeptStoryList, 'set' | 'remove'>;
  /** Changes whenever the index does (StoryIndex.generation). */
  indexGeneration: () => number;
}

export class TabViews {
  private settingChanges = 0;
  /** A story was kept in the session store since the last time they were all forgotten. */
  private keptAny = true;
  /**
   * The stamp of the stories list kept in the session store: null when none is, true when one may have
   * been kept by an earlier worker.
   */
  private keptListStamp: string | null | true = true;

  constructor(private readonly deps: TabViewsDeps) {}

  /** The state of the index and settings now: a view computed in it is valid while this stays the same. */
  stamp(): string {
    return `${this.deps.indexGeneration()}:${this.settingChanges}`;
  }

  /** Called after each request the worker answered: anything but a pure read may change what a view shows. */
  answered(message: unknown): void {
    if (isPureRead(message)) return;
    this.settingChanges++;
    this.changed();
  }

  /**
   * The index or a setting changed: the stories kept in the session store are no longer current, and a
   * popup would draw them before the worker's answer replaced them.
   */
  changed(): void {
    if (this.keptListStamp !== null) {
      this.keptListStamp = null;
      void this.deps.keptList.remove().catch(() => undefined);
    }
    if (!this.keptAny) return;
    this.keptAny = false;
    void this.deps.kept.clear().catch(() => undefined);
  }

  /** Keeps the stories page's first list computed in `stamp`'s state, while that is current (once per state). */
  keepList(asked: ListAsked, list: StoryList, stamp: string): void {
    if (stamp !== this.stamp() || this.keptListStamp === stamp) return;
    this.keptListStamp = stamp;
    void this.deps.keptList.set(asked, list).catch(() => undefined);
  }

  /** Keeps the view computed for the tab's page in `stamp`'s state (in the session store while that is current). */
  keep(tabId: number, page: PageState, stamp: string, view: StoryView): void {
    this.deps.pages.rememberView(tabId, page.pageUrl, stamp, view);
    if (stamp !== this.stamp()) return;
    this.keptAny = true;
    // A full session store only costs the next popup its head start.
    void this.deps.kept.set(tabId, { page, view }).catch(() => undefined);
  }

  /** The view kept for the tab's page, when nothing has changed since `stamp`. */
  viewFor(tabId: number, pageUrl: string, stamp: string): StoryView | null {
    return this.deps.pages.viewFor(tabId, pageUrl, stamp);
  }

  /** The tab was closed. */
  forget(tabId: number): void {
    this.deps.pages.forget(tabId);
    void this.deps.kept.remove(tabId).catch(() => undefined);
  }
}

/**
 * What each tab's content script last reported, so that the popup needs one message to the worker instead
 * of three (active tab, the page's detection, the story). Kept in memory only: after a worker restart the
 * page is simply asked again. Nothing here outlives the browser session.
 */
import { z } from 'zod';
import type { StoryView } from '../core/story-view';
import { PAGE_DETECTION_REQUEST, type PageState } from '../messaging/page';
import { DetectionSchema } from '../messaging/protocol';

/** A content script runs inside a page we do not control: its answer is checked like any message. */
const PageStateSchema = z.object({ pageUrl: z.url({ protocol: /^https?$/ }).max(4096), detection: DetectionSchema });

export interface TabApi {
  /**
   * The tab's current URL, or undefined when the extension may not see it (or the tab is gone): without
   * the `tabs` permission only hosts it has access to, and the tab `activeTab` granted, show their URL.
   */
  urlOf(tabId: number): Promise<string | undefined>;
  activeTabId(): Promise<number | undefined>;
  /** Asks the tab's content script; rejects when none answers. */
  askPage(tabId: number, message: unknown): Promise<unknown>;
}

interface Report {
  state: PageState;
  /** The story view computed for the badge, and the state of the index and settings it was computed in. */
  view?: { stamp: string; view: StoryView };
}

export class TabPages {
  private readonly reported = new Map<number, Report>();

  constructor(private readonly tabs: TabApi) {}

  /** The content script found an article in this tab (its message was already validated). */
  record(tabId: number, state: PageState): void {
    this.reported.set(tabId, { state });
  }

  /** Keeps the view just computed for the tab's page, valid while `stamp` stays the same. */
  rememberView(tabId: number, pageUrl: string, stamp: string, view: StoryView): void {
    const report = this.reported.get(tabId);
    if (report && report.state.pageUrl === pageUrl) report.view = { stamp, view };
  }

  /** The view remembered for the tab's page, when nothing has changed since it was computed. */
  viewFor(tabId: number, pageUrl: string, stamp: string): StoryView | null {
    const report = this.reported.get(tabId);
    return report?.state.pageUrl === pageUrl && report.view?.stamp === stamp ? report.view.view : null;
  }

  forget(tabId: number): void {
    this.reported.delete(tabId);
  }

  /** The tab the popup describes: the given one, else the active tab of the current window. */
  async resolveTab(tabId: number | null): Promise<number | null> {
    return tabId ?? (await this.tabs.activeTabId()) ?? null;
  }

  /**
   * The page in the tab: the last report when the tab still shows that URL, else the content script's own
   * answer (an SPA may have moved on; a worker restart loses the reports). Null when no content script
   * runs there (not a news site, a browser page) or its answer is malformed.
   */
  async pageOf(tabId: number): Promise<PageState | null> {
    const known = this.reported.get(tabId)?.state;
    if (known && (await this.tabs.urlOf(tabId)) === known.pageUrl) return known;
    let answer: unknown;
    try {
      answer = await this.tabs.askPage(tabId, { type: PAGE_DETECTION_REQUEST });
    } catch {
      return null;
    }
    const parsed = PageStateSchema.safeParse(answer);
    if (!parsed.success) return null;
    if (parsed.data.detection.isArticle) this.record(tabId, parsed.data);
    else this.reported.delete(tabId);
    return parsed.data;
  }
}

/**
 * Handlers of the main protocol's messages (src/messaging/protocol.ts): the badge's and the popup's
 * story, the reader's preferences, the outlet list and the index status.
 */
import { browser } from 'wxt/browser';
import { PreferencesSchema } from '../core/preferences';
import type { ParallaxDatabase } from '../db/database';
import type { CoreReplies } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { outletSummaries, type ReaderSources } from './source-lookup';
import type { StoryIndex } from './story-index';
import type { StoryService } from './story-service';
import type { TabPages } from './tab-pages';
import type { TabViews } from './tab-views';

export interface StoryHandlerDeps {
  db: ParallaxDatabase;
  index: Pick<StoryIndex, 'status' | 'warm'>;
  stories: Pick<StoryService, 'seen' | 'view' | 'unlink'>;
  sources: Pick<ReaderSources, 'catalog'>;
  pages: Pick<TabPages, 'record' | 'resolveTab' | 'pageOf'>;
  views: Pick<TabViews, 'stamp' | 'keep' | 'viewFor'>;
  /** Resolves once the demo index is in (the first message may come before onInstalled's seeding ends). */
  ensureSeeded: () => Promise<unknown>;
  /** Shows the details of the article in the tab (openDetails). */
  openDetails: (tabId: number | undefined) => Promise<void>;
}

export function storyHandlers(deps: StoryHandlerDeps): Handlers<keyof CoreReplies> {
  const { db, stories, pages, views, ensureSeeded } = deps;
  return {
    // A worker woken by this message has started restoring the index already; one awake restores it
    // again only if it was dropped.
    'worker/wake': () => {
      deps.index.warm();
      return null;
    },
    'article/seen': async (r, sender) => {
      const page = { pageUrl: r.pageUrl, detection: r.detection };
      if (sender.tabId !== undefined) pages.record(sender.tabId, page);
      await ensureSeeded();
      const stamp = views.stamp();
      const { badge, view } = await stories.seen(r.pageUrl, r.detection);
      if (sender.tabId !== undefined) views.keep(sender.tabId, page, stamp, view);
      return badge;
    },
    'story/view': async (r) => {
      await ensureSeeded();
      return stories.view(r.pageUrl, r.detection);
    },
    'popup/story': async (r) => {
      await ensureSeeded();
      const tabId = await pages.resolveTab(r.tabId);
      const page = tabId === null ? null : await pages.pageOf(tabId);
      if (!page || tabId === null) return { page, view: { status: 'not-article' } };
      const stamp = views.stamp();
      const kept = views.viewFor(tabId, page.pageUrl, stamp);
      if (kept) return { page, view: kept };
      const view = await stories.view(page.pageUrl, page.detection);
      views.keep(tabId, page, stamp, view);
      return { page, view };
    },
    'story/unlink': async (r) => {
      await stories.unlink(r.pageUrl, r.detection, r.storyId);
      return null;
    },
    'badge/dismiss-site': async (r) => {
      const prefs = await db.getPreferences();
      const host = r.host.toLowerCase();
      if (!prefs.dismissedSites.includes(host)) await db.setPreferences({ ...prefs, dismissedSites: [...prefs.dismissedSites, host] });
      return null;
    },
    'popup/open': async (_r, sender) => {
      await deps.openDetails(sender.tabId);
      return null;
    },
    'prefs/get': () => db.getPreferences(),
    'prefs/update': async (r) => {
      const next = PreferencesSchema.parse({ ...(await db.getPreferences()), ...r.patch });
      await db.setPreferences(next);
      return next;
    },
    'outlets/list': async () => outletSummaries(await deps.sources.catalog()),
    'index/status': async () => {
      await ensureSeeded();
      return deps.index.status();
    },
  };
}

/** After opening a tab's details, further requests from that tab are ignored for this long. */
export const DETAILS_REOPEN_MS = 2_000;

/**
 * Wraps `open` so that a tab gets its details at most once per click: a burst of requests from one tab
 * (a double click, a page replaying events) opens one popup or tab, not one per request. In memory only:
 * a restarted worker simply allows the next click.
 */
export function oncePerClick(
  open: (tabId: number | undefined) => Promise<void>,
  now: () => number = Date.now,
): (tabId: number | undefined) => Promise<void> {
  const lastOpened = new Map<number | undefined, number>();
  return async (tabId) => {
    const at = now();
    const last = lastOpened.get(tabId);
    if (last !== undefined && at - last < DETAILS_REOPEN_MS) return;
    lastOpened.set(tabId, at);
    await open(tabId);
  };
}

/** The badge's "details": the toolbar popup where the browser allows opening it, else a tab. */
export async function openDetails(tabId: number | undefined): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Chrome < 127 and Firefox without a user gesture refuse; fall through to a tab.
  }
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + query });
}

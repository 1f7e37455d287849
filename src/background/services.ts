/** Builds the worker's services once per worker start; each has one job. */
import { browser } from 'wxt/browser';
import { database } from '../db/database';
import type { EarlySnapshot } from '../db/early-snapshot';
import { createRouter, type SenderInfo } from '../messaging/router';
import type { RequestType } from '../messaging/protocol';
import { PreferencesSchema } from '../core/preferences';
import { seedDemoIndex } from './demo-seed';
import { ReaderSources, outletSummaries } from './source-lookup';
import { StoryIndex } from './story-index';
import { StoryService } from './story-service';
import { setAllSites } from './all-sites';
import { FeedRefresher } from './feed-refresh';
import { IndexTransfer } from './index-transfer';
import { indexHandlers } from './index-handlers';
import { optionsHandlers } from './options-handlers';
import { installRefreshSchedule } from './refresh-schedule';
import { RetentionService } from './retention';
import { TabPages } from './tab-pages';
import { keptStoryKey, type PageState, type PopupStory } from '../messaging/page';
import type { StoryView } from '../core/story-view';

export function createBackgroundServices(earlySnapshot?: Promise<EarlySnapshot | undefined>) {
  const db = database();
  const index = new StoryIndex(db, earlySnapshot);
  // Nearly every wake needs the engine (a page's badge, the popup, a refresh): its restore starts now,
  // alongside opening the database and the reader's settings, rather than after them.
  void index.ready().catch(() => undefined);
  const sources = new ReaderSources(db);
  const stories = new StoryService(db, index, sources);
  const tabPages = new TabPages({
    urlOf: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    // The worker has no window of its own: the popup belongs to the window the reader last focused.
    activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    askPage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });
  // Synchronously at worker start, like every listener.
  browser.tabs.onRemoved.addListener((tabId) => {
    tabPages.forget(tabId);
    void browser.storage.session.remove(keptStoryKey(tabId)).catch(() => undefined);
  });
  /** The view computed for a tab, kept for the popup in memory (this worker) and in storage.session (the next one). */
  const keep = (tabId: number, page: PageState, stampAt: string, view: StoryView) => {
    tabPages.rememberView(tabId, page.pageUrl, stampAt, view);
    const story: PopupStory = { page, view };
    // A full session store only costs the next cold popup its head start.
    void browser.storage.session.set({ [keptStoryKey(tabId)]: story }).catch(() => undefined);
  };
  // A view kept for a tab is reused while neither the index nor anything the reader set has changed since:
  // every message that is not a pure read counts as a change (a needless recomputation is the worst case).
  let settingChanges = 0;
  const stamp = () => `${index.generation()}:${settingChanges}`;
  // Seeding is idempotent; also run on the first message in case the worker was started without onInstalled.
  let seeded: Promise<unknown> | null = null;
  const ensureSeeded = () =>
    (seeded ??= seedDemoIndex(db, index).catch((e: unknown) => {
      seeded = null;
      throw e;
    }));

  // The reader's outlets (shipped plus their own), kept current for the refresher's synchronous lookups.
  const registry = sources.liveRegistry();
  const sourcesChanged = () => void sources.catalog().catch(() => undefined);
  sourcesChanged();
  const refresher = new FeedRefresher({
    db,
    index,
    registry,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
  const retention = new RetentionService({ db, index, now: () => Date.now() });
  const transfer = new IndexTransfer({ db, index, now: () => Date.now() });
  // Synchronously at worker start: the alarm listener must exist before the alarm event is dispatched.
  const schedule = installRefreshSchedule(refresher, retention);

  const options = optionsHandlers({
    db,
    now: () => Date.now(),
    registry,
    resetIndex: async () => index.reset(),
    setAllSites,
    changed: sourcesChanged,
  });

  const route = createRouter({
    ...indexHandlers({ refresher, transfer, retention, runRefresh: schedule.run }),
    ...options,
    // A clear that runs while the first-run demo seed is still writing would be undone by the seed.
    'data/clear': async (r) => {
      await ensureSeeded();
      return options['data/clear'](r);
    },
    'article/seen': async (r, sender) => {
      if (sender.tabId !== undefined) tabPages.record(sender.tabId, { pageUrl: r.pageUrl, detection: r.detection });
      await ensureSeeded();
      const viewStamp = stamp();
      const { badge, view } = await stories.seen(r.pageUrl, r.detection);
      if (sender.tabId !== undefined) keep(sender.tabId, { pageUrl: r.pageUrl, detection: r.detection }, viewStamp, view);
      return badge;
    },
    'story/view': async (r) => {
      await ensureSeeded();
      return stories.view(r.pageUrl, r.detection);
    },
    'popup/story': async (r): Promise<PopupStory> => {
      await ensureSeeded();
      const tabId = await tabPages.resolveTab(r.tabId);
      const page = tabId === null ? null : await tabPages.pageOf(tabId);
      if (!page || tabId === null) return { page, view: { status: 'not-article' } };
      const viewStamp = stamp();
      const kept = tabPages.viewFor(tabId, page.pageUrl, viewStamp);
      if (kept) return { page, view: kept };
      const view = await stories.view(page.pageUrl, page.detection);
      keep(tabId, page, viewStamp, view);
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
      await openDetails(sender.tabId);
      return null;
    },
    'prefs/get': () => db.getPreferences(),
    'prefs/update': async (r) => {
      const next = PreferencesSchema.parse({ ...(await db.getPreferences()), ...r.patch });
      await db.setPreferences(next);
      return next;
    },
    'outlets/list': async () => outletSummaries(await sources.catalog()),
    'index/status': async () => {
      await ensureSeeded();
      return index.status();
    },
  });

  return {
    route: async (message: unknown, sender: SenderInfo) => {
      // Handlers may use the registry synchronously: the shipped outlets are read first (once per worker).
      await sources.ready().catch(() => undefined);
      const reply = await route(message, sender);
      if (!PURE_READS.has(typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined))
        settingChanges++;
      return reply;
    },
    onInstalled: () => ensureSeeded(),
  };
}

/** Requests that change nothing a story view shows (the reading diet row of article/seen is not shown there). */
const PURE_READS: ReadonlySet<unknown> = new Set<RequestType>([
  'article/seen',
  'story/view',
  'popup/story',
  'prefs/get',
  'outlets/list',
  'index/status',
]);

/** The badge's "details": the toolbar popup where the browser allows opening it, else a tab. */
async function openDetails(tabId: number | undefined): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Chrome < 127 and Firefox without a user gesture refuse; fall through to a tab.
  }
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + query });
}

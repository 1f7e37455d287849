/** Builds the worker's services once per worker start; each has one job. */
import { browser } from 'wxt/browser';
import { database } from '../db/database';
import { createRouter, type SenderInfo } from '../messaging/router';
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

export function createBackgroundServices() {
  const db = database();
  const index = new StoryIndex(db);
  const sources = new ReaderSources(db);
  const stories = new StoryService(db, index, sources);
  // Seeding is idempotent; also run on the first message in case the worker was started without onInstalled.
  let seeded: Promise<unknown> | null = null;
  const ensureSeeded = () => (seeded ??= seedDemoIndex(db, index).catch((e: unknown) => {
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
    'article/seen': async (r) => {
      await ensureSeeded();
      return stories.badge(r.pageUrl, r.detection);
    },
    'story/view': async (r) => {
      await ensureSeeded();
      return stories.view(r.pageUrl, r.detection);
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
    route: (message: unknown, sender: SenderInfo) => route(message, sender),
    onInstalled: () => ensureSeeded(),
  };
}

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

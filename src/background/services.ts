/**
 * Builds the worker's services once per worker start and wires them to the browser and to the router;
 * each service has one job, and the handlers live in the *-handlers.ts modules.
 */
import { browser } from 'wxt/browser';
import type { OutletRegistry } from '../core/outlets/index';
import { database } from '../db/database';
import type { EarlySnapshot } from '../db/early-snapshot';
import { KeptStories } from '../messaging/kept-story';
import { KeptStoryList } from '../messaging/kept-story-list';
import { TRANSFER_PORT } from '../messaging/protocol-transfer';
import { createRouter, type SenderInfo } from '../messaging/router';
import { setAllSites } from './all-sites';
import { ChipSettingsStore } from './chip-settings';
import { syncChipSites } from './chip-sites';
import { chipsHandlers } from './chips-handlers';
import { chipTexts } from '../ui/link-chip/texts';
import { demoSeeder } from './demo-seed';
import { FeedRefresher } from './feed-refresh';
import { indexHandlers } from './index-handlers';
import { IndexTransfer } from './index-transfer';
import { optionsHandlers } from './options-handlers';
import { syncOutletSites } from './outlet-sites';
import { RedirectObserver } from './redirect-observer';
import { installRefreshSchedule } from './refresh-schedule';
import { RetentionService } from './retention';
import { ReaderSources } from './source-lookup';
import { oncePerClick, openDetails, storyHandlers } from './story-handlers';
import { storiesHandlers } from './stories-handlers';
import { StoryIndex } from './story-index';
import { StoryDigestCache } from './story-digests';
import { StoryPages } from './story-pages';
import { StoryService } from './story-service';
import { TabPages } from './tab-pages';
import { isPureRead, TabViews } from './tab-views';
import { serveTransferPort, type TransferPort } from './transfer-port';
import { openWelcomeOnInstall } from './welcome';
import { welcomeHandlers } from './welcome-handlers';

/** The running build's version ('' where the browser API has none: unit tests). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/** `shippedOutlets`: where the shipped outlets come from; the worker's default reads its extension file. */
export function createBackgroundServices(
  earlySnapshot?: Promise<EarlySnapshot | undefined>,
  shippedOutlets?: () => Promise<OutletRegistry>,
) {
  const db = database();
  const index = new StoryIndex(db, earlySnapshot);
  // Nearly every wake needs the engine (a page's badge, the popup, a refresh): its restore starts now,
  // alongside opening the database and the reader's settings, rather than after them (its article ids
  // are read once the first answer is out).
  index.warm();
  const ensureSeeded = demoSeeder(db, index);
  const sources = new ReaderSources(db, shippedOutlets);
  const stories = new StoryService(db, index, sources);
  const pages = new TabPages({
    urlOf: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    // The worker has no window of its own: the popup belongs to the window the reader last focused.
    activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    askPage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });
  const views = new TabViews({
    pages,
    kept: new KeptStories(browser.storage.session),
    keptList: new KeptStoryList(browser.storage.session),
    indexGeneration: () => index.generation(),
  });
  index.onChange(() => views.changed());
  // Synchronously at worker start, like every listener.
  browser.tabs.onRemoved.addListener((tabId) => views.forget(tabId));

  // The reader's outlets (shipped plus their own), kept current for the refresher's synchronous lookups.
  const registry = sources.liveRegistry();
  const sourcesChanged = () => void sources.catalog().catch(() => undefined);
  sourcesChanged();
  const refresher = new FeedRefresher({
    db,
    index,
    registry,
    fetch: (input, init) => fetch(input, init),
    // The webRequest permission is declared for this alone: the Location of the worker's own feed redirects.
    redirects: new RedirectObserver(browser.webRequest?.onHeadersReceived, browser.runtime.getURL('/')),
    now: () => Date.now(),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
  // A feed's grant may include its outlet's site: the article script follows the grants.
  const outletSites = () =>
    void sources
      .ready()
      .then(() => syncOutletSites(registry))
      .catch(() => undefined);
  // The lean chips on links follow the reader's settings and the browser's grants.
  const chipSettings = new ChipSettingsStore(browser.storage.local);
  const chipSites = () => syncChipSites(() => chipSettings.get());
  const retention = new RetentionService({ db, index, now: () => Date.now() });
  const transfer = new IndexTransfer({
    db,
    index,
    now: () => Date.now(),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
  // Synchronously at worker start: the alarm listener must exist before the alarm event is dispatched.
  const schedule = installRefreshSchedule(refresher, retention);

  // Kept across workers for the stories page; forgotten at any change of a setting (or the data cleared).
  const digests = new StoryDigestCache(browser.storage.session, extensionVersion());
  const storyPages = new StoryPages({
    db,
    index,
    sources,
    digests,
    stamp: () => views.stamp(),
    keepFirstList: (asked, list, stamp) => views.keepList(asked, list, stamp),
  });
  storyPages.followIndex();

  const route = createRouter({
    ...storyHandlers({ db, index, stories, sources, pages, views, ensureSeeded, openDetails: oncePerClick(openDetails) }),
    ...storiesHandlers({ pages: storyPages, views, ensureSeeded }),
    ...indexHandlers({ refresher, transfer, retention, runRefresh: schedule.run }),
    ...optionsHandlers({
      db,
      now: () => Date.now(),
      registry,
      resetIndex: async () => index.reset(),
      setAllSites,
      changed: sourcesChanged,
      ensureSeeded,
    }),
    ...welcomeHandlers({ catalog: () => sources.catalog() }),
    ...chipsHandlers({
      lookup: () => sources.lookup(),
      preferences: () => db.getPreferences(),
      texts: chipTexts,
      settings: chipSettings,
      sync: chipSites,
    }),
  });

  return {
    route: async (message: unknown, sender: SenderInfo) => {
      // Handlers may use the registry synchronously: the shipped outlets are read first (once per worker).
      await sources.ready().catch(() => undefined);
      const reply = await route(message, sender);
      views.answered(message);
      if (!isPureRead(message)) {
        void digests.forget().catch(() => undefined);
        storyPages.prepareSoon();
      }
      return reply;
    },
    onPermissionsChanged: () => {
      outletSites();
      void chipSites().catch(() => undefined);
    },
    onInstalled: async (reason: string) => {
      // An update may bring other outlets: the registered sites are those the new catalogue knows.
      outletSites();
      void chipSites().catch(() => undefined);
      await openWelcomeOnInstall(reason).catch((error: unknown) => console.error('Parallax could not open its welcome page:', error));
      await ensureSeeded();
    },
    /** A page's port: the index's export and import travel over it, for Parallax's own pages only. */
    connect: (port: TransferPort & { name: string; disconnect(): void }, sender: SenderInfo) => {
      if (port.name === TRANSFER_PORT && sender.fromExtensionPage) serveTransferPort(port, transfer);
      else port.disconnect();
    },
  };
}

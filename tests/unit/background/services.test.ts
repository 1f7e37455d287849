/**
 * The worker as composed by createBackgroundServices, driven through its router with WXT's fake browser
 * (tabs, storage.session, alarms) and fake-indexeddb: a content script's report, then the popup's question.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundServices } from '../../../src/background/services';
import { DEMO_STORIES } from '../../../src/core/demo-index';
import { loadRegistry } from '../../../src/core/outlets/index';
import { KeptStories } from '../../../src/messaging/kept-story';
import { StoryIndex } from '../../../src/background/story-index';
import { StoryService } from '../../../src/background/story-service';
import { TRANSFER_PORT } from '../../../src/messaging/protocol-transfer';
import { detectionOf, pageUrl } from '../support/demo';
import { portPair } from '../support/port';

const reuters = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
const popupPage = { fromExtensionPage: true, url: 'chrome-extension://parallax/popup.html' };
/** The shipped outlets as Node has them (the worker reads the same file as an extension resource). */
const shipped = async () => loadRegistry();

beforeEach(() => fakeBrowser.reset());

describe('background services', () => {
  it('answers article/seen with the badge, then popup/story with that tab’s page and story, kept for the next worker', async () => {
    const url = pageUrl(reuters);
    const tab = await fakeBrowser.tabs.create({ url });
    const services = createBackgroundServices(undefined, shipped);
    const seen = await services.route(
      { type: 'article/seen', pageUrl: url, detection: detectionOf(reuters) },
      { tabId: tab.id, url, fromExtensionPage: false },
    );
    expect(seen).toMatchObject({ ok: true, data: { matched: true, sources: 11, percent: { L: 30, C: 30, R: 40 } } });

    const popup = await services.route({ type: 'popup/story', tabId: tab.id }, popupPage);
    expect(popup).toMatchObject({ ok: true, data: { page: { pageUrl: url }, view: { status: 'matched', outlet: { name: 'Reuters' } } } });
    if (!popup.ok) return;
    expect(await new KeptStories(fakeBrowser.storage.session).get(tab.id!, url)).toEqual(popup.data);

    // The tab closes (fake-browser's tabs.remove looks the window up by the tab's id: the event is sent
    // directly): its kept story goes.
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { isWindowClosing: false, windowId: tab.windowId! });
    await vi.waitFor(async () => expect(await new KeptStories(fakeBrowser.storage.session).get(tab.id!, url)).toBeNull());
  });

  it('keeps a tab’s story through the reads every popup opening makes, and recomputes it after a change', async () => {
    const url = pageUrl(reuters);
    const tab = await fakeBrowser.tabs.create({ url });
    const services = createBackgroundServices(undefined, shipped);
    await services.route(
      { type: 'article/seen', pageUrl: url, detection: detectionOf(reuters) },
      { tabId: tab.id, url, fromExtensionPage: false },
    );
    const computed = vi.spyOn(StoryService.prototype, 'view');
    // The chips' words come from the extension's messages, which the fake browser does not hold.
    const messages = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    try {
      // Each opening: the story, then the chips footer's settings (a read, as chips.outlets from a page is).
      for (let opening = 0; opening < 2; opening++) {
        expect(await services.route({ type: 'popup/story', tabId: tab.id }, popupPage)).toMatchObject({ ok: true });
        expect(await services.route({ type: 'chips.settings' }, popupPage)).toMatchObject({ ok: true });
        expect(await services.route({ type: 'chips.outlets', hosts: ['www.reuters.com'] }, popupPage)).toMatchObject({ ok: true });
      }
      expect(computed).not.toHaveBeenCalled();
      // The options page opened in between only reads its lists.
      for (const type of ['feeds/list', 'refresh/status', 'providers/list', 'custom-outlets/list', 'content/all-sites-status']) {
        expect(await services.route({ type }, popupPage)).toMatchObject({ ok: true });
      }
      expect(await services.route({ type: 'popup/story', tabId: tab.id }, popupPage)).toMatchObject({ ok: true });
      expect(computed).not.toHaveBeenCalled();
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'list' } }, popupPage);
      expect(await services.route({ type: 'popup/story', tabId: tab.id }, popupPage)).toMatchObject({ ok: true });
      expect(computed).toHaveBeenCalledTimes(1);
    } finally {
      computed.mockRestore();
      messages.mockRestore();
      // The database outlives the test (fake-indexeddb): the next tests start from the default preferences.
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'rated' } }, popupPage);
    }
  });

  it('forgets the kept stories when a setting changes, so that a popup never draws one no longer current', async () => {
    const url = pageUrl(reuters);
    const tab = await fakeBrowser.tabs.create({ url });
    const services = createBackgroundServices(undefined, shipped);
    const kept = new KeptStories(fakeBrowser.storage.session);
    await services.route(
      { type: 'article/seen', pageUrl: url, detection: detectionOf(reuters) },
      { tabId: tab.id, url, fromExtensionPage: false },
    );
    await vi.waitFor(async () => expect(await kept.get(tab.id!, url)).not.toBeNull());
    // Reads keep it (the popup's own chips footer, the badge's "details").
    await services.route({ type: 'chips.settings' }, popupPage);
    await services.route({ type: 'popup/open' }, { tabId: tab.id, url, fromExtensionPage: false });
    // Another tab's page starting to load.
    expect(await services.route({ type: 'worker/wake' }, { tabId: 99, url, fromExtensionPage: false })).toEqual({ ok: true, data: null });
    expect(await kept.get(tab.id!, url)).not.toBeNull();
    try {
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'list' } }, popupPage);
      await vi.waitFor(async () => expect(await kept.get(tab.id!, url)).toBeNull());
      // The next answer is computed afresh, and kept again.
      expect(await services.route({ type: 'popup/story', tabId: tab.id }, popupPage)).toMatchObject({ ok: true });
      await vi.waitFor(async () => expect(await kept.get(tab.id!, url)).not.toBeNull());
    } finally {
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'rated' } }, popupPage);
    }
  });

  it('answers a page’s worker/wake, which carries nothing, by starting the story index’s restore', async () => {
    const services = createBackgroundServices(undefined, shipped);
    const warm = vi.spyOn(StoryIndex.prototype, 'warm');
    try {
      const page = { tabId: 5, url: pageUrl(reuters), fromExtensionPage: false };
      expect(await services.route({ type: 'worker/wake' }, page)).toEqual({ ok: true, data: null });
      expect(warm).toHaveBeenCalledTimes(1);
    } finally {
      warm.mockRestore();
    }
  });

  it('keeps the stories list’s digests for the next worker through reads, forgets them at a change, then digests again', async () => {
    const services = createBackgroundServices(undefined, shipped);
    const list = { type: 'stories/list', days: 14, blindspots: false, side: null, query: '', limit: 1000 };
    expect(await services.route(list, popupPage)).toMatchObject({ ok: true });
    const stored = async () => Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key === 'story-digests');
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    await services.route({ type: 'prefs/get' }, popupPage);
    expect(await stored()).toHaveLength(1);
    // The window digested ahead once the demo index was written (two seconds after) is in by now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    try {
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'list' } }, popupPage);
      await vi.waitFor(async () => expect(await stored()).toHaveLength(0));
      // Then the first window is digested again in the background, with the new setting, before any list asks.
      await vi.waitFor(async () => expect(await stored()).toHaveLength(1), { timeout: 8_000 });
    } finally {
      await services.route({ type: 'prefs/update', patch: { badgeMode: 'rated' } }, popupPage);
    }
  }, 15_000);

  it('refuses a malformed message, and a content script asking for what only Parallax’s pages may', async () => {
    const services = createBackgroundServices(undefined, shipped);
    const contentScript = { tabId: 1, url: 'https://www.reuters.com/x', fromExtensionPage: false };
    expect(await services.route({ type: 'article/seen', pageUrl: 'javascript:alert(1)' }, contentScript)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid message \(/),
    });
    expect(await services.route({ type: 'prefs/get' }, contentScript)).toMatchObject({ ok: false });
    expect(await services.route({ type: 'prefs/get' }, popupPage)).toMatchObject({ ok: true, data: { badgeMode: 'rated' } });
  });

  it('serves the transfer port to Parallax’s pages only, and closes any other port', async () => {
    const services = createBackgroundServices();
    const contentScript = { tabId: 1, url: 'https://www.reuters.com/x', fromExtensionPage: false };
    for (const [name, sender, served] of [
      [TRANSFER_PORT, popupPage, true],
      [TRANSFER_PORT, contentScript, false],
      ['something-else', popupPage, false],
    ] as const) {
      const { page, worker } = portPair();
      const answers: unknown[] = [];
      let closed = false;
      page.onMessage.addListener((m) => answers.push(m));
      page.onDisconnect.addListener(() => {
        closed = true;
      });
      services.connect(Object.assign(worker, { name }), sender);
      if (served) {
        page.postMessage({ kind: 'ping' });
        await vi.waitFor(() => expect(answers).toEqual([{ kind: 'reply', data: null }]));
      } else await vi.waitFor(() => expect(closed).toBe(true));
    }
  });
});

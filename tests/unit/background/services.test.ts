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
import { detectionOf, pageUrl } from '../support/demo';

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
});

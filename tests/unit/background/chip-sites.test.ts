/** Where the chips script is registered: switched on by the reader and granted by the browser, and nowhere else. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChipSettingsStore } from '../../../src/background/chip-settings';
import { CHIP_SCRIPT_FILE, CHIP_SCRIPT_ID, CHIP_WAKE_FILE, CHIP_WAKE_ID, syncChipSites } from '../../../src/background/chip-sites';
import { CHIP_GROUP_PATTERNS } from '../../../src/core/links/index';
import { stubScripting } from '../support/scripting';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the chips script registration', () => {
  it('follows the settings and the grants, with the script that wakes the worker as a page starts loading', async () => {
    const granted = { origins: ['https://news.ycombinator.com/*', 'https://bsky.app/*', 'https://mastodon.social/*'] };
    const registered = stubScripting(granted);
    const store = new ChipSettingsStore(fakeBrowser.storage.local);
    const sync = () => syncChipSites(() => store.get());

    expect(await sync()).toEqual([]);
    expect(registered).toEqual([]);

    await store.setGroup('social', true);
    expect(await sync()).toEqual(['https://bsky.app/*', 'https://news.ycombinator.com/*']);
    expect(registered).toEqual([
      expect.objectContaining({
        id: CHIP_SCRIPT_ID,
        js: [CHIP_SCRIPT_FILE],
        matches: ['https://bsky.app/*', 'https://news.ycombinator.com/*'],
        runAt: 'document_idle',
      }),
      expect.objectContaining({
        id: CHIP_WAKE_ID,
        js: [CHIP_WAKE_FILE],
        matches: ['https://bsky.app/*', 'https://news.ycombinator.com/*'],
        runAt: 'document_start',
      }),
    ]);

    await store.setSite('https://mastodon.social', true);
    expect(await sync()).toContain('https://mastodon.social/*');

    granted.origins = ['https://mastodon.social/*'];
    expect(await sync()).toEqual(['https://mastodon.social/*']);

    await store.setSite('https://mastodon.social', false);
    expect(await sync()).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('keeps one registration when changes arrive together', async () => {
    const registered = stubScripting({ origins: [...CHIP_GROUP_PATTERNS.search] });
    const store = new ChipSettingsStore(fakeBrowser.storage.local);
    await store.setGroup('search', true);
    await Promise.all([1, 2, 3].map(() => syncChipSites(() => store.get())));
    expect(registered.map((script) => script.id)).toEqual([CHIP_SCRIPT_ID, CHIP_WAKE_ID]);
    expect(registered[0].matches).toEqual([...CHIP_GROUP_PATTERNS.search].sort());
  });
});

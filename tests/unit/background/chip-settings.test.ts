import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHIP_SETTINGS_KEY, ChipSettingsStore } from '../../../src/background/chip-settings';

let store: ChipSettingsStore;

beforeEach(() => {
  fakeBrowser.reset();
  store = new ChipSettingsStore(fakeBrowser.storage.local);
});

describe('the chip settings', () => {
  it('are all off until the reader switches something on', async () => {
    expect(await store.get()).toEqual({ groups: { search: false, aggregators: false, social: false }, sites: [] });
  });

  it('keep every one of several quick changes', async () => {
    await Promise.all([
      store.setGroup('search', true),
      store.setGroup('social', true),
      store.setSite('https://mastodon.social/@someone', true),
      store.setSite('https://fosstodon.org', true),
    ]);
    expect(await store.get()).toEqual({
      groups: { search: true, aggregators: false, social: true },
      sites: ['https://mastodon.social', 'https://fosstodon.org'],
    });
    expect((await store.setSite('https://mastodon.social', false)).sites).toEqual(['https://fosstodon.org']);
  });

  it('refuse a site that is not a web address, and store nothing for it', async () => {
    await expect(store.setSite('javascript:alert(1)', true)).rejects.toThrow(/not a web site/);
    expect((await store.get()).sites).toEqual([]);
  });

  it('read damaged stored values as off, keeping what is still good', async () => {
    await fakeBrowser.storage.local.set({
      [CHIP_SETTINGS_KEY]: { groups: { search: 'yes', social: true }, sites: ['https://ok.example', 42, 'ftp://x'] },
    });
    expect(await store.get()).toEqual({ groups: { search: false, aggregators: false, social: true }, sites: ['https://ok.example'] });
    await fakeBrowser.storage.local.set({ [CHIP_SETTINGS_KEY]: 'garbage' });
    expect(await store.get()).toEqual({ groups: { search: false, aggregators: false, social: false }, sites: [] });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChipSettingsStore } from '../../../src/background/chip-settings';
import { chipsHandlers } from '../../../src/background/chips-handlers';
import { registrySourceLookup } from '../../../src/background/source-lookup';
import { createRouter, type Handlers } from '../../../src/messaging/router';

let syncs: number;
let route: ReturnType<typeof createRouter>;
const CONTENT_SCRIPT = { tabId: 3, url: 'https://news.ycombinator.com/', fromExtensionPage: false };
const OPTIONS_PAGE = { url: 'chrome-extension://id/options.html', fromExtensionPage: true };

beforeEach(() => {
  fakeBrowser.reset();
  syncs = 0;
  const handlers = chipsHandlers({
    lookup: async () => registrySourceLookup(),
    preferences: async () => ({ leanOverrides: { cnn: 'center' } }),
    texts: (outlet) => ({ label: `label of ${outlet.name}`, shortLabel: 'L', accessibleName: outlet.name, details: [] }),
    settings: new ChipSettingsStore(fakeBrowser.storage.local),
    sync: async () => void (syncs += 1),
  });
  // Only the chips family is under test: the router finds its handlers by type.
  route = createRouter(handlers as unknown as Handlers);
});

describe('chips.outlets', () => {
  it("tells a content script which hosts are known outlets', with their chips, the reader's overrides applied", async () => {
    const reply = await route(
      { type: 'chips.outlets', hosts: ['www.theguardian.com', 'www.example.org', 'edition.cnn.com', 'www.theguardian.com'] },
      CONTENT_SCRIPT,
    );
    expect(reply).toEqual({
      ok: true,
      data: {
        outlets: {
          'www.theguardian.com': {
            outlet: expect.objectContaining({ name: 'The Guardian', lean: 'lean-left', provider: 'AllSides Media Bias Ratings' }),
            texts: expect.objectContaining({ label: 'label of The Guardian' }),
          },
          'edition.cnn.com': {
            outlet: expect.objectContaining({ name: 'CNN', lean: 'center', provider: null }),
            texts: expect.objectContaining({ label: 'label of CNN' }),
          },
        },
      },
    });
  });

  it('refuses more hosts than one message may carry, and anything that is not a host name', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `www.example${i}.org`);
    expect(await route({ type: 'chips.outlets', hosts: many }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: /hosts/ });
    expect(await route({ type: 'chips.outlets', hosts: ['<img src=x>'] }, CONTENT_SCRIPT)).toMatchObject({
      ok: false,
      error: /not a host name/,
    });
    expect(await route({ type: 'chips.outlets', hosts: 'www.theguardian.com' }, CONTENT_SCRIPT)).toMatchObject({ ok: false });
  });
});

describe('the chip settings messages', () => {
  it('are answered to Parallax’s own pages only', async () => {
    for (const message of [
      { type: 'chips.settings' },
      { type: 'chips.setGroup', group: 'social', enabled: true },
      { type: 'chips.setSite', origin: 'https://evil.example', enabled: true },
    ]) {
      expect(await route(message, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: /only answered to Parallax/ });
    }
    expect(syncs).toBe(0);
  });

  it('store the change, re-register the script, and answer the settings', async () => {
    expect(await route({ type: 'chips.setGroup', group: 'search', enabled: true }, OPTIONS_PAGE)).toEqual({
      ok: true,
      data: { groups: { search: true, aggregators: false, social: false }, sites: [] },
    });
    expect(await route({ type: 'chips.setSite', origin: 'https://mastodon.social', enabled: true }, OPTIONS_PAGE)).toMatchObject({
      ok: true,
      data: { sites: ['https://mastodon.social'] },
    });
    expect(syncs).toBe(2);
    expect(await route({ type: 'chips.settings' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { groups: { search: true } } });
  });

  it('refuse an unknown group or a bad origin with a clear message', async () => {
    expect(await route({ type: 'chips.setGroup', group: 'all', enabled: true }, OPTIONS_PAGE)).toMatchObject({ ok: false, error: /group/ });
    expect(await route({ type: 'chips.setSite', origin: 'not a site', enabled: true }, OPTIONS_PAGE)).toMatchObject({
      ok: false,
      error: /not a web site/,
    });
    expect(syncs).toBe(0);
  });
});

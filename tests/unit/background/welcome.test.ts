/** The first run in the worker: the welcome page opens on install only, and the starter set's messages. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceCatalog } from '../../../src/background/source-lookup';
import { openWelcomeOnInstall } from '../../../src/background/welcome';
import { welcomeHandlers } from '../../../src/background/welcome-handlers';
import { loadRegistry } from '../../../src/core/outlets';
import { shippedRatingSets } from '../../../src/core/ratings';

describe('openWelcomeOnInstall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the welcome page after a fresh install, not after an update', async () => {
    const welcomeTabs = async () =>
      (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === fakeBrowser.runtime.getURL('/welcome.html'));
    await openWelcomeOnInstall('update');
    await openWelcomeOnInstall('browser_update');
    expect(await welcomeTabs()).toHaveLength(0);
    await openWelcomeOnInstall('install');
    expect(await welcomeTabs()).toHaveLength(1);
  });
});

describe('welcome handlers', () => {
  const catalog = sourceCatalog(loadRegistry(), shippedRatingSets());
  const handlers = welcomeHandlers({ catalog: async () => catalog });

  it('list the editions and suggest the browser’s region', async () => {
    const reply = await handlers['starter/editions']({ type: 'starter/editions', languages: ['en-GB', 'en'] });
    expect(reply.suggested).toBe('GB');
    expect(reply.editions.map((e) => e.country)).toEqual(expect.arrayContaining(['US', 'GB', 'DE']));
  });

  it('answer a starter set with the one list of sites to ask for: every feed’s origin, no more', async () => {
    const set = await handlers['starter/set']({ type: 'starter/set', edition: 'US', topics: ['technology'] });
    expect(set.balanced).toBe(true);
    const origins = new Set(set.feeds.map((feed) => `${new URL(feed.url).protocol}//${new URL(feed.url).hostname}/*`));
    expect(new Set(set.origins)).toEqual(origins);
  });
});

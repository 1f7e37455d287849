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

  it('answer a starter set with the one list of sites to ask for: every feed’s origin, and the sites of its catalogue outlets', async () => {
    const set = await handlers['starter/set']({ type: 'starter/set', edition: 'US', topics: ['technology'] });
    expect(set.balanced).toBe(true);
    const feedOrigins = set.feeds.map((feed) => `${new URL(feed.url).protocol}//${new URL(feed.url).hostname}/*`);
    expect(set.origins).toEqual(expect.arrayContaining(feedOrigins));
    const sites = set.origins.filter((origin) => !feedOrigins.includes(origin));
    // Hand-kept outlets are reached by the manifest: only the others' sites are asked for.
    const catalogueOutlets = new Set(set.feeds.map((f) => catalog.registry.get(f.outletId)).filter((o) => o && o.curated !== true));
    expect(sites.length).toBeGreaterThan(0);
    for (const site of sites)
      expect(
        [...catalogueOutlets].some(
          (o) => site === `*://*.${o!.domains[0]}/*` || o!.domains.concat(o!.aliases ?? []).some((d) => site === `*://*.${d}/*`),
        ),
      ).toBe(true);
    expect(set.origins).not.toContain('*://*.cnn.com/*');
  });
});

/**
 * The all-sites opt-in's registration. Headless Chromium cannot answer the permission prompt, and the
 * fake browser has no scripting or permissions API, so those two are stubbed here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_SITES_ORIGINS, ALL_SITES_SCRIPT_ID, setAllSites } from '../../../src/background/all-sites';

type Registered = { id: string; js?: string[]; matches?: string[]; excludeMatches?: string[] };

function stubBrowser(granted: boolean) {
  const registered: Registered[] = [];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Parallax',
    version: '0.1.0',
    content_scripts: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*', '*://*.cnn.com/*'], js: ['content-scripts/article.js'] }],
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(
    async (p) => granted && (p.origins ?? []).every((o) => ALL_SITES_ORIGINS.includes(o)),
  );
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered.push(...(scripts as Registered[]));
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [])
      registered.splice(
        registered.findIndex((s) => s.id === id),
        1,
      );
  });
  return registered;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('all-sites opt-in', () => {
  it('registers the article script for every site, except where the manifest already runs it', async () => {
    const registered = stubBrowser(true);
    await setAllSites(true);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      id: ALL_SITES_SCRIPT_ID,
      js: ['content-scripts/article.js'],
      matches: ALL_SITES_ORIGINS,
      excludeMatches: ['*://*.cnn.com/*'],
    });
    // Turning it on twice keeps one registration; turning it off removes it.
    await setAllSites(true);
    expect(registered).toHaveLength(1);
    await setAllSites(false);
    expect(registered).toHaveLength(0);
  });

  it('refuses without the reader’s permission and registers nothing', async () => {
    const registered = stubBrowser(false);
    await expect(setAllSites(true)).rejects.toThrow(/permission/);
    expect(registered).toHaveLength(0);
  });
});

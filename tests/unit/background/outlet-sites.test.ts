/**
 * The run-time registration on granted outlet sites. The fake browser has no scripting or permissions
 * API, so those two are stubbed here; the E2E suite loads the real ones.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OUTLET_SITES_SCRIPT_ID, OUTLET_SITES_WAKE_ID, syncOutletSites } from '../../../src/background/outlet-sites';
import { loadRegistry } from '../../../src/core/outlets/index';
import { stubScripting } from '../support/scripting';

const registry = loadRegistry();

function stubBrowser(granted: { origins: string[] }) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Parallax',
    version: '0.1.0',
    content_scripts: [
      { matches: ['http://127.0.0.1/*', '*://*.cnn.com/*'], js: ['content-scripts/article.js'], run_at: 'document_idle' },
      { matches: ['http://127.0.0.1/*', '*://*.cnn.com/*'], js: ['content-scripts/wake.js'], run_at: 'document_start' },
    ],
  });
  return stubScripting(granted);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the article script on granted outlet sites', () => {
  it("follows the grants: an outlet's site granted runs the article script there, and the wake script as its pages start loading; removed, neither runs", async () => {
    const granted = { origins: ['https://feeds.macrumors.com/*', '*://*.macrumors.com/*'] };
    const registered = stubBrowser(granted);
    expect(await syncOutletSites(registry)).toEqual(['*://*.macrumors.com/*']);
    expect(registered).toEqual([
      expect.objectContaining({
        id: OUTLET_SITES_SCRIPT_ID,
        js: ['content-scripts/article.js'],
        matches: ['*://*.macrumors.com/*'],
        runAt: 'document_idle',
      }),
      expect.objectContaining({
        id: OUTLET_SITES_WAKE_ID,
        js: ['content-scripts/wake.js'],
        matches: ['*://*.macrumors.com/*'],
        runAt: 'document_start',
      }),
    ]);
    granted.origins = ['https://feeds.macrumors.com/*'];
    expect(await syncOutletSites(registry)).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('keeps one registration when grants arrive together', async () => {
    const registered = stubBrowser({ origins: ['*://*.macrumors.com/*'] });
    await Promise.all([syncOutletSites(registry), syncOutletSites(registry), syncOutletSites(registry)]);
    expect(registered.map((script) => script.id)).toEqual([OUTLET_SITES_SCRIPT_ID, OUTLET_SITES_WAKE_ID]);
  });
});

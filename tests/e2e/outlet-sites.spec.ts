/**
 * A catalogue outlet the manifest does not reach: once its site is granted (asked for with its feeds),
 * its article pages, served under their real host, get the badge; a catalogue outlet not granted does not.
 */
import { pageStateIn, waitForPageState } from '../../src/demo/extension-probe';
import { badgeOf } from './badge';
import { grantedBuild } from './granted-build';
import { expect, openOnRealHost, test } from './real-hosts';

const ARTICLE = 'tests/fixtures/e2e/real-hosts/news-article.html';
const GRANTED_URL = 'https://www.macrumors.com/2026/12/03/riverside-night-bus-trial/';
const NOT_GRANTED_URL = 'https://www.ign.com/articles/riverside-night-bus-trial';

test.use({
  realPages: { [GRANTED_URL]: ARTICLE, [NOT_GRANTED_URL]: ARTICLE },
  extensionDir: grantedBuild(['https://feeds.macrumors.com/*', '*://*.macrumors.com/*']),
});

test('an article of a catalogue outlet whose site was granted gets the badge; one of an outlet not granted does not', async ({
  context,
  worker,
  realHosts,
}) => {
  // The article script, and the script that wakes the worker as a page starts loading.
  await expect
    .poll(() =>
      worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ js: s.js, matches: s.matches, runAt: s.runAt })),
      ),
    )
    .toEqual([
      { js: ['content-scripts/article.js'], matches: ['*://*.macrumors.com/*'], runAt: 'document_idle' },
      { js: ['content-scripts/wake.js'], matches: ['*://*.macrumors.com/*'], runAt: 'document_start' },
    ]);
  const granted = await openOnRealHost(context, worker, realHosts, GRANTED_URL);
  await badgeOf(granted.page).expectText('MacRumors');
  expect((await pageStateIn(worker, granted.tabId))?.detection.isArticle).toBe(true);

  const notGranted = await openOnRealHost(context, worker, realHosts, NOT_GRANTED_URL);
  await expect(notGranted.page.locator('h1')).toHaveText(/Night Bus Trial/);
  expect(await waitForPageState(worker, notGranted.tabId, 3_000)).toBeNull();
});

/**
 * Where the article script runs, on real host names: outlets' former and sister domains count as the
 * outlet, a portal's mail host never gets the script, and Chrome's install warning says no more than that.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, installWarnings } from '../../src/demo/browser';
import { pageStateIn, waitForPageState } from '../../src/demo/extension-probe';
import { expect, openOnRealHost, test } from './real-hosts';

const ARTICLE = 'tests/fixtures/e2e/real-hosts/news-article.html';
const ALIAS_URL = 'https://www.huffingtonpost.com/entry/riverside-night-bus-trial_n_6a1b2c3d4e5f';
const MAIL_URL = 'https://mail.yahoo.com/d/folders/1/messages/42';
const NEWS_URL = 'https://news.yahoo.com/riverside-night-bus-trial-140500123.html';

test.use({ realPages: { [ALIAS_URL]: ARTICLE, [MAIL_URL]: ARTICLE, [NEWS_URL]: ARTICLE } });

test('an article on an outlet’s former domain gets the badge, as that outlet', async ({ context, worker, realHosts }) => {
  const { page, tabId } = await openOnRealHost(context, worker, realHosts, ALIAS_URL);
  await expect(page.getByTestId('parallax-badge')).toContainText('HuffPost');
  expect((await pageStateIn(worker, tabId))?.detection.isArticle).toBe(true);
});

test('a portal’s mail host gets no content script; the same page on its news host does', async ({ context, worker, realHosts }) => {
  const mail = await openOnRealHost(context, worker, realHosts, MAIL_URL);
  await expect(mail.page.locator('h1')).toHaveText(/Night Bus Trial/);
  // Long enough for a document_idle script to have answered (the news host below answers well within it).
  expect(await waitForPageState(worker, mail.tabId, 3_000)).toBeNull();
  await expect(mail.page.getByTestId('parallax-badge')).toHaveCount(0);

  const news = await openOnRealHost(context, worker, realHosts, NEWS_URL);
  await expect(news.page.getByTestId('parallax-badge')).toContainText('Yahoo News');
});

test('Chrome’s install warning is site access only, without "Read your browsing history"', async ({ context, extensionId }) => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(await installWarnings({ context, extensionId }, manifest)).toEqual(['Read and change your data on a number of websites']);
});

test('the options page finds an outlet by its former domain', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('outlet-search').fill('huffingtonpost.com');
  await expect(options.locator('[data-testid="outlet-row"][data-outlet="huffpost"]')).toBeVisible();
});

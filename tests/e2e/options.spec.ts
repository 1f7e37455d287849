/**
 * The options page in the built extension: custom outlets, provider import, clearing,
 * the reading diet, badge settings, feeds' permission flow, and accessibility in light and dark.
 * The browser's permission prompt cannot be clicked in a headless run, so `chrome.permissions.request`
 * is replaced on the page with the reader's answer (`answerPermissionPrompt`); everything else is real.
 */
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { openOptions, putRows, send } from './options-page';
import { answerPermissionPrompt, expectNoSeriousViolations, permissionRequests } from './page-checks';

const FIXTURES = resolve('tests/fixtures/options');
const DAY = 86_400_000;

/** Adds rows to the reading table as the worker records them when the reader opens an article. */
const seedReading = (page: Page, rows: { at: number; articleId: string; outletId: string | null; side: 'L' | 'C' | 'R' | null }[]) =>
  putRows(page, 'reading', rows);

test('a custom outlet is refused with per-field messages, then added and removed', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  const custom = page.getByTestId('custom-outlets');
  await custom.getByLabel('Domains').fill('co.uk');
  await custom.getByLabel('Feeds (optional)').fill('ftp://valleycourier.com/rss');
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-error-name')).toContainText('Give the outlet a name');
  await expect(page.getByTestId('custom-error-domains')).toContainText('“co.uk” is not a domain an outlet can own');
  await expect(page.getByTestId('custom-error-feeds')).toContainText('not an http(s) feed URL');
  await expect(custom.getByLabel('Name')).toBeFocused();
  await expect(custom.getByLabel('Domains')).toHaveAttribute('aria-invalid', 'true');

  await custom.getByLabel('Name').fill('Valley Courier — an outlet with a long name that has to wrap cleanly');
  await custom.getByLabel('Domains').fill('https://www.valleycourier.com/, valleycourier.com');
  await custom.getByLabel('Feeds (optional)').fill('https://valleycourier.com/rss World');
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-status')).toContainText('Added Valley Courier');
  await expect(page.getByTestId('custom-error-domains')).toHaveCount(0);
  const row = page.getByTestId('custom-outlet');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('www.valleycourier.com, valleycourier.com');
  await expect(row).toContainText('feeds: 1');
  const stored = await send(page, { type: 'custom-outlets/list' });
  expect(stored).toMatchObject({
    ok: true,
    data: [
      {
        id: expect.stringMatching(/^valley-courier-an-outlet-with-a-long-name/),
        outlet: { feeds: [{ url: 'https://valleycourier.com/rss', section: 'World' }] },
      },
    ],
  });

  await row.getByTestId('custom-remove').click();
  await expect(page.getByTestId('custom-outlet')).toHaveCount(0);
  await expect(page.getByTestId('custom-status')).toContainText('Removed Valley Courier');
});

test('a provider file with bad rows is refused row by row, then a good one is imported and can be turned off', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(context, extensionId);
  const allsides = page.locator('[data-testid="provider"][data-provider="allsides"]');
  await expect(allsides).toContainText('CC BY-NC 4.0');
  await expect(allsides.getByRole('link', { name: /CC BY-NC 4.0/ })).toHaveAttribute('href', /creativecommons\.org\/licenses\/by-nc\/4\.0/);
  await expect(allsides.getByTestId('provider-attribution')).not.toBeEmpty();

  await page.getByTestId('provider-file').setInputFiles(resolve(FIXTURES, 'provider-bad.csv'));
  await expect(page.getByTestId('provider-status')).toContainText('provider-bad.csv was not imported, nothing was stored. Problems: 2.');
  const errors = page.getByTestId('provider-errors');
  await expect(errors).toContainText('Row 10: lean "sideways"');
  await expect(errors).toContainText('Row 11: outlet "no-such-outlet-anywhere.example"');
  await expect(page.getByTestId('provider')).toHaveCount(1);

  await page.getByTestId('provider-file').setInputFiles(resolve(FIXTURES, 'provider-good.csv'));
  await expect(page.getByTestId('provider-status')).toContainText('Imported Example Ratings: outlets rated: 3.');
  await expect(page.getByTestId('provider-errors')).toHaveCount(0);
  const imported = page.locator('[data-testid="provider"][data-provider="example-ratings"]');
  await expect(imported).toContainText('CC BY 4.0');
  await expect(imported).toContainText('Ratings of 2025-06 · outlets rated: 3');
  await imported.getByTestId('provider-active').uncheck();
  await expect(imported).toContainText('Not used');
  expect(await send(page, { type: 'providers/list' })).toMatchObject({
    ok: true,
    data: [{ id: 'allsides' }, { id: 'example-ratings', active: false }],
  });
  await imported.getByTestId('provider-remove').click();
  await expect(page.getByTestId('provider')).toHaveCount(1);
});

test('clear everything asks first, then empties the index, the reading diet and the preferences', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  await seedReading(page, [{ at: Date.now() - 1000, articleId: 'https://example.com/a', outletId: 'cnn', side: 'L' }]);
  await send(page, { type: 'prefs/update', patch: { hiddenOutlets: ['fox-news'], retentionDays: 60 } });
  await page.reload();
  await expect(page.getByTestId('data-articles')).not.toHaveText('0');
  await expect(page.getByTestId('data-articles')).not.toHaveText('—');

  await page.getByTestId('data-clear').click();
  const dialog = page.getByTestId('clear-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('clear-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { retentionDays: 60 } });

  await page.getByTestId('data-clear').click();
  await dialog.getByTestId('clear-confirm').click();
  await expect(page.getByTestId('options-status')).toContainText('Everything was cleared');
  await expect(page.getByTestId('data-articles')).toHaveText('0');
  await expect(page.getByTestId('retention')).toHaveValue('14');
  await expect(page.getByTestId('reading-summary')).toContainText('You have not opened any news article');
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { hiddenOutlets: [] } });
  // Nothing is seeded back: the index stays empty after the worker is asked again.
  expect(await send(page, { type: 'refresh/status' })).toMatchObject({ ok: true, data: { articles: 0, stories: 0 } });
});

test('the reading diet charts seeded reading by lean per day and per week, and clears', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId);
  const now = Date.now();
  await seedReading(page, [
    { at: now - 1000, articleId: 'a', outletId: 'cnn', side: 'L' },
    { at: now - 2000, articleId: 'b', outletId: 'the-guardian', side: 'L' },
    { at: now - 2 * DAY, articleId: 'c', outletId: 'reuters', side: 'C' },
    { at: now - 3 * DAY, articleId: 'd', outletId: 'fox-news', side: 'R' },
    { at: now - 3 * DAY, articleId: 'e', outletId: null, side: null },
    { at: now - 20 * DAY, articleId: 'f', outletId: 'fox-news', side: 'R' },
    { at: now - 60 * DAY, articleId: 'g', outletId: 'breitbart', side: 'R' },
  ]);
  await page.reload();
  const reading = page.locator('#reading');
  await reading.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('reading-summary')).toContainText(
    'Articles opened in the last 30 days: 6. By lean: Left 2 (40%), Center 1 (20%), Right 2 (40%). Unrated: 1.',
  );
  const chart = page.getByTestId('reading-chart');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /last 30 days: 6\. By lean: Left 2/);
  await expect(chart.getByTestId('chart-bar')).toHaveCount(30);
  await expect(chart.locator('rect.side-L')).toHaveCount(1);
  await expect(chart.locator('[data-testid="chart-bar"][data-total="2"]')).toHaveCount(2);

  await page.getByTestId('reading-period-7').click();
  await expect(page.getByTestId('reading-period-7')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('reading-summary')).toContainText('Articles opened in the last 7 days: 5.');
  await expect(chart.getByTestId('chart-bar')).toHaveCount(7);

  await page.getByTestId('reading-period-90').click();
  await expect(page.getByTestId('reading-summary')).toContainText('Articles opened in the last 90 days: 7.');
  await expect(chart.getByTestId('chart-bar')).toHaveCount(13);
  await reading.locator('summary').click();
  await expect(page.getByTestId('reading-table').locator('tbody tr').first()).toContainText('1');
  await saveScreenshot(page, 'options-reading-light');

  await page.getByTestId('reading-clear').click();
  await expect(page.getByTestId('reading-summary')).toContainText('You have not opened any news article in the last 90 days');
});

test('badge settings: mode, listed sites with validation, undoing a dismissal, and the all-sites opt-in refused', async ({
  context,
  extensionId,
}) => {
  await answerPermissionPrompt(context, false);
  const page = await openOptions(context, extensionId);
  await send(page, { type: 'prefs/update', patch: { dismissedSites: ['www.example-news.com'] } });
  await page.reload();

  await page.getByTestId('badge-mode-list').check();
  await expect(page.getByTestId('options-status')).toContainText('Saved');
  const input = page.getByTestId('badge-site-input');
  await input.fill('not a site');
  await page.getByTestId('badge-site-add').click();
  await expect(page.locator('#badge-site-error')).toContainText('is not a site name');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('https://www.NYTimes.com/section/world');
  await input.press('Enter');
  await expect(page.locator('[data-testid="badge-site"][data-host="nytimes.com"]')).toBeVisible();
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { badgeMode: 'list', badgeSites: ['nytimes.com'] } });

  const dismissed = page.locator('[data-testid="dismissed-site"][data-host="www.example-news.com"]');
  await dismissed.getByTestId('undismiss').click();
  await expect(dismissed).toHaveCount(0);
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { dismissedSites: [] } });

  await page.getByTestId('all-sites').click();
  await expect(page.getByTestId('all-sites-note')).toContainText('Access to all sites was not allowed');
  await expect(page.getByTestId('all-sites')).not.toBeChecked();
  expect(await permissionRequests(page)).toEqual([{ origins: ['https://*/*', 'http://*/*'] }]);
  expect(await send(page, { type: 'content/all-sites-status' })).toMatchObject({ ok: true, data: { enabled: false } });

  await page.getByTestId('badge-mode-nowhere').check();
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { badgeMode: 'nowhere' } });
});

test('enabling a feed asks for its site first; refused, the feed stays off and the page says what that means', async ({
  context,
  extensionId,
}) => {
  await answerPermissionPrompt(context, false);
  const page = await openOptions(context, extensionId);
  await page.getByTestId('feed-search').fill('NPR');
  const feed = page.getByTestId('feed-row').first();
  await feed.getByTestId('feed-toggle').click();
  await expect(page.getByTestId('feeds-notice')).toContainText('Access was not allowed');
  await expect(page.getByTestId('feeds-notice')).toContainText('Parallax still rates the outlets you visit');
  await expect(feed.getByTestId('feed-toggle')).not.toBeChecked();
  const asked = await permissionRequests(page);
  expect(asked).toHaveLength(1);
  expect(asked[0].origins[0]).toMatch(/^https?:\/\/[^/]+\/\*$/);
  expect(await send(page, { type: 'refresh/status' })).toMatchObject({ ok: true, data: { feedsEnabled: 0 } });
});

test('enabling a feed with access granted enables it and lists it with its state', async ({ context, extensionId }) => {
  await answerPermissionPrompt(context, true);
  const page = await openOptions(context, extensionId);
  await page.getByTestId('feed-search').fill('NPR');
  const row = page.getByTestId('feed-row').first();
  const url = await row.getAttribute('data-url');
  await row.getByTestId('feed-toggle').click();
  await expect(page.getByTestId('feeds-notice')).toContainText('Feeds enabled: 1.');
  await expect(page.locator(`[data-testid="feed-row"][data-url="${url}"]`).getByTestId('feed-toggle')).toBeChecked();
  // The stub answered yes but the browser did not grant it: the status names the missing site.
  await expect(page.getByTestId('permissions-needed')).toBeVisible();
  await page.getByTestId('feed-search').fill('');
  await page.getByLabel('Only enabled feeds').check();
  await expect(page.getByTestId('feed-row')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ scheme });
    test(`the options page has no serious accessibility violation (${scheme})`, async ({ context, extensionId }) => {
      // axe over a page of several hundred controls takes tens of seconds on this 2-core machine.
      test.slow();
      const page = await openOptions(context, extensionId);
      await seedReading(page, [
        { at: Date.now() - 1000, articleId: 'a', outletId: 'cnn', side: 'L' },
        { at: Date.now() - DAY, articleId: 'b', outletId: 'reuters', side: 'C' },
        { at: Date.now() - 2 * DAY, articleId: 'c', outletId: 'fox-news', side: 'R' },
        { at: Date.now() - 2 * DAY, articleId: 'd', outletId: null, side: null },
      ]);
      await send(page, { type: 'prefs/update', patch: { dismissedSites: ['example-news.com'], hiddenOutlets: ['fox-news'] } });
      await page.reload();
      await expect(page.getByTestId('reading-chart')).toBeVisible();
      await expect(page.getByTestId('provider').first()).toBeVisible();
      await page.getByTestId('custom-add').click();
      await expect(page.getByTestId('custom-error-name')).toBeVisible();
      await expectNoSeriousViolations(page);
      await saveScreenshot(page, `options-page-${scheme}`);
      await page.getByTestId('data-clear').click();
      await expect(page.getByTestId('clear-dialog')).toBeVisible();
      await expectNoSeriousViolations(page);
      await saveScreenshot(page, `options-confirm-${scheme}`);
    });
  });
}

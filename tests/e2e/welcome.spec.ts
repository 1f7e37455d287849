/**
 * The first run, in a fresh profile: the welcome page opens by itself on install, preselects the edition
 * of the browser's language, shows the starter set's balance; refused, nothing is enabled; the popup's and
 * the options page's ways back lead to it. Light and dark, with axe.
 */
import type { Page } from '@playwright/test';
import { welcomePageOf } from '../../src/demo/browser';
import { badgeOf } from './badge';
import { expect, openPopupFor, saveScreenshot, test } from './fixtures';
import { answerPermissionPrompt, expectNoSeriousViolations, permissionRequests } from './page-checks';

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

test.use({ keepWelcome: true });

/** The rated shares the page shows, in whole percent. */
async function shares(page: Page): Promise<number[]> {
  return Promise.all(['L', 'C', 'R'].map(async (side) => Number(await page.getByTestId(`share-${side}`).getAttribute('data-share'))));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`welcome page in ${scheme}`, () => {
    test.use({ scheme });
    test(`opens on install with a balanced starter set for the browser's region (${scheme})`, async ({ context, extensionId }) => {
      const page = await welcomePageOf(context, extensionId);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Welcome to Parallax/);
      await expect(page.getByTestId('edition')).toHaveValue('US');
      await expect(page.getByTestId('starter-summary')).toContainText(/\d+ feeds from \d+ outlets/);
      for (const share of await shares(page)) {
        expect(share).toBeGreaterThanOrEqual(25);
        expect(share).toBeLessThanOrEqual(40);
      }
      await expect(page.getByTestId('starter-unbalanced')).toHaveCount(0);
      await expect(page.getByTestId('welcome-start')).toBeEnabled();
      // Skippable: the reader may choose feeds one by one instead.
      await expect(page.getByTestId('welcome-skip')).toHaveAttribute('href', '/options.html#feeds');
      await expectNoSeriousViolations(page);
      // The page follows the browser's scheme, as every Parallax page does.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      await saveScreenshot(page, `welcome-${scheme}`);
    });
  });
}

test('an edition that cannot be balanced says so; topics change the set', async ({ context, extensionId }) => {
  const page = await welcomePageOf(context, extensionId);
  await expect(page.getByTestId('edition')).toHaveValue('US');
  await page.getByTestId('edition').selectOption('DE');
  await expect(page.getByTestId('starter-unbalanced')).toContainText('cannot be balanced');
  await expect(page.getByTestId('starter-unbalanced')).toContainText('Left');
  await expectNoSeriousViolations(page);
  await saveScreenshot(page, 'welcome-unbalanced-light');
});

test('refused, the welcome page says what that means and enables nothing', async ({ context, extensionId }) => {
  await answerPermissionPrompt(context, false);
  const page = await welcomePageOf(context, extensionId);
  // The page opened before the stand-in was installed: load it again so it has it.
  await page.reload();
  await expect(page.getByTestId('welcome-start')).toBeEnabled();
  await page.getByTestId('welcome-start').click();
  await expect(page.getByTestId('welcome-refused')).toContainText('Nothing was enabled');
  const asked = await permissionRequests(page);
  expect(asked).toHaveLength(1);
  expect(asked[0].origins.length).toBeGreaterThan(10);
  // Feeds' origins, and the sites of catalogue outlets (for the badge on their articles): nothing wider.
  expect(asked[0].origins.filter((origin) => !/^(?:https?:\/\/[^/*]+|\*:\/\/\*\.[^/*]+)\/\*$/.test(origin))).toEqual([]);
  const status = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh/status' }))) as Reply;
  expect(status).toMatchObject({ ok: true, data: { feedsEnabled: 0 } });
  // The reader can try again.
  await expect(page.getByTestId('welcome-start')).toBeEnabled();
});

test('with no feed enabled, the popup and the options page lead back to the welcome page', async ({
  context,
  extensionId,
  site,
  worker,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('welcome-link')).toHaveAttribute('href', '/welcome.html');
  await options.getByTestId('welcome-link').click();
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/welcome.html`);

  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/catalogue-article.html`);
  await badgeOf(page).expectVisible();
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.getByTestId('no-feeds')).toContainText('You have no news feeds yet');
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') });
  await popup.getByRole('button', { name: 'Pick your news sources' }).click();
  await opened;
});

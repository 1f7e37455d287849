/** The thin real path: demo article → badge → popup → options → popup changes. */
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { expect, openPopupFor, saveScreenshot, test } from './fixtures';
import { badgeOf } from './badge';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
const FOX = 'fox-news';

test('a demo article shows the badge with its outlet lean and the story coverage', async ({ context, site }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  const badge = badgeOf(page);
  // 11 sources; rated: L = AP, Bloomberg, Guardian; C = Japan Times, Reuters, Stars and Stripes;
  // R = Fox News, Washington Examiner, Washington Times, Breitbart; France 24 is unrated.
  await badge.expectText('Reuters · Center');
  await badge.expectText('11 sources · L 30% · C 30% · R 40%');
  expect(await badge.accessibleName()).toMatch(/^Reuters · Center 11 sources · L 30% · C 30% · R 40%\. Parallax/);
  await saveScreenshot(page, 'badge-light');
});

test('the popup shows the story, the distribution and the other outlets by lean', async ({ context, site, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  await badgeOf(page).expectVisible();
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
  await expect(popup.getByTestId('story-headline')).toContainText(/Japan/);
  await expect(popup.getByTestId('count-L')).toContainText('3');
  await expect(popup.getByTestId('count-C')).toContainText('3');
  await expect(popup.getByTestId('count-R')).toContainText('4');
  await expect(popup.getByTestId('outlet-card')).toContainText('Reuters');
  await expect(popup.getByTestId('outlet-card')).toContainText('AllSides');
  // Left tab is selected first; every side lists its outlets, the reader's own (Reuters) is left out.
  await expect(popup.getByTestId('coverage-item')).toHaveCount(3);
  await expect(popup.getByTestId('coverage-items')).toContainText('The Guardian');
  await popup.getByRole('tab', { name: /Right/ }).click();
  await expect(popup.getByTestId('coverage-item')).toHaveCount(4);
  await expect(popup.getByTestId('coverage-items')).toContainText('Fox News');
  await popup.getByRole('tab', { name: /Center/ }).click();
  await expect(popup.getByTestId('coverage-items')).not.toContainText('Reuters');
  await saveScreenshot(popup, 'popup-matched-light');
});

test('hiding an outlet in the options removes it from the popup coverage and distribution', async ({
  context,
  site,
  extensionId,
  worker,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('outlet-search').fill('Fox News');
  const fox = options.locator(`[data-testid="outlet-row"][data-outlet="${FOX}"]`);
  await fox.getByTestId('hide-outlet').click();
  await expect(fox.getByTestId('hide-outlet')).toHaveAttribute('aria-pressed', 'true');
  await saveScreenshot(options, 'options-light');

  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  await badgeOf(page).expectText('10 sources · L 34% · C 33% · R 33%');
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.getByTestId('count-R')).toContainText('3');
  await popup.getByRole('tab', { name: /Right/ }).click();
  await expect(popup.getByTestId('coverage-item')).toHaveCount(3);
  await expect(popup.getByTestId('coverage-items')).not.toContainText('Fox News');
});

test('a page that is not an article gets no badge and sends nothing to the worker', async ({ context, site, worker, extensionId }) => {
  await worker.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { __seen: unknown[] }).__seen = seen;
    chrome.runtime.onMessage.addListener((message) => {
      seen.push(message);
      return undefined;
    });
  });
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  await expect(page.getByRole('heading', { name: 'Top stories' })).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.locator('parallax-badge')).toHaveCount(0);
  expect(await worker.evaluate(() => (globalThis as unknown as { __seen: unknown[] }).__seen)).toEqual([]);
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'not-article');
  await expect(popup.getByTestId('popup-message')).toContainText('isn’t a news article');
  await saveScreenshot(popup, 'popup-not-article-light');
});

test('a malformed message gets a clear error and the worker keeps answering', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const replies = await page.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'story/view', pageUrl: 'javascript:alert(1)', detection: {} }),
    await chrome.runtime.sendMessage('not an object'),
    await chrome.runtime.sendMessage({ type: 'index/status' }),
  ]);
  expect(replies[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid message/) });
  expect(replies[1]).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid message/) });
  expect(replies[2]).toMatchObject({ ok: true, data: { articles: 18 } });
});

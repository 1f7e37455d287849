/** Every popup state, in light and dark, with accessibility checks and screenshots to look at. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { POPUP_ANSWER_TIMEOUT_MS } from '../../src/ui/popup/first-story';
import { expect, keepWorkerBusy, openPopupFor, saveScreenshot, test } from './fixtures';
import { badgeOf, openArticleTab } from './badge';
import { expectNoSeriousViolations } from './page-checks';

const AP = DEMO_STORIES[0].articles.find((a) => a.host === 'apnews.com')!;
const LONE = DEMO_STORIES[2].articles[0];

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  return results;
}

/** The state opens with a level-one heading, and axe finds the page has one. */
async function expectHeading(page: Page, text: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  const results = await expectAccessible(page);
  expect(results.violations.map((v) => v.id)).not.toContain('page-has-heading-one');
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`popup in ${scheme}`, () => {
    test.use({ scheme });

    test('matched story: accessible, and every part present', async ({ context, site, extensionId, worker }) => {
      const page = await context.newPage();
      await page.goto(site.origin + demoSitePath(AP));
      await badgeOf(page).expectVisible();
      const popup = await openPopupFor(context, extensionId, worker, page);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
      await expect(popup.getByTestId('outlet-card')).toContainText('Associated Press');
      await expect(popup.getByTestId('timeline')).toBeVisible();
      await expect(popup.getByText(/First reported by The Japan Times/)).toBeVisible();
      // The 7-point detail is on the segments, for hover and focus.
      await expect(popup.getByTestId('segment-R')).toHaveAttribute('aria-label', /Right: 4 sources, 40% \(.*Lean Right: 2.*\)/);
      await popup.getByText('Why this story?').click();
      await expect(popup.getByTestId('why-this-match').locator('.term').first()).toBeVisible();
      // The shared names come first ("Japan", "US", "United States" of the AP article, at most three), then the
      // strongest other words.
      const terms = await popup.getByTestId('why-this-match').locator('.term').allTextContents();
      const firstWord = terms.findIndex((term) => /^\p{Ll}/u.test(term));
      expect(firstWord, terms.join(', ')).toBeGreaterThan(0);
      expect(
        terms.slice(firstWord).every((term) => !/^\p{Lu}/u.test(term)),
        terms.join(', '),
      ).toBe(true);
      await expectNoSeriousViolations(popup);
      await saveScreenshot(popup, `popup-matched-${scheme}`);
    });

    test('no other coverage yet', async ({ context, site, extensionId, worker }) => {
      const page = await context.newPage();
      await page.goto(site.origin + demoSitePath(LONE));
      await badgeOf(page).expectText('No other coverage yet');
      const popup = await openPopupFor(context, extensionId, worker, page);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'no-coverage');
      await expect(popup.getByTestId('popup-message')).toContainText('No other coverage of this story');
      await expect(popup.getByTestId('outlet-card')).toContainText('The Japan Times');
      await expectHeading(popup, 'No other coverage yet');
      await saveScreenshot(popup, `popup-no-coverage-${scheme}`);
    });

    test('index empty, after the reader cleared everything', async ({ context, site, extensionId, worker }) => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      expect(await options.evaluate(() => chrome.runtime.sendMessage({ type: 'data/clear' }))).toMatchObject({ ok: true });
      const page = await context.newPage();
      await page.goto(site.origin + demoSitePath(AP));
      const popup = await openPopupFor(context, extensionId, worker, page);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'index-empty');
      await expect(popup.getByTestId('popup-message')).toContainText('Your local index is empty');
      await expect(popup.getByRole('button', { name: 'Choose feeds in the options' })).toBeVisible();
      await expectHeading(popup, 'Nothing to compare yet');
      await saveScreenshot(popup, `popup-index-empty-${scheme}`);
    });

    test('loading while the worker is busy, an error when it does not answer, and "try again"', async ({
      context,
      site,
      extensionId,
      worker,
    }) => {
      const { tabId } = await openArticleTab(context, worker, site.origin + demoSitePath(AP));
      // No story kept from an earlier answer (as after a browser restart), so the popup has only the worker.
      await worker.evaluate(() => chrome.storage.session.clear());
      // The worker's thread is kept busy for longer than the popup waits: a stuck worker, for real.
      const busy = keepWorkerBusy(worker, POPUP_ANSWER_TIMEOUT_MS + 2_000);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'loading');
      await expect(popup.getByRole('status')).toContainText('Looking for this story’s coverage');
      await expectNoSeriousViolations(popup);
      await saveScreenshot(popup, `popup-loading-${scheme}`);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'error', { timeout: POPUP_ANSWER_TIMEOUT_MS + 1_000 });
      await expect(popup.getByTestId('popup-message')).toContainText('background worker did not answer');
      await expectNoSeriousViolations(popup);
      await saveScreenshot(popup, `popup-error-${scheme}`);
      await busy;
      await popup.getByRole('button', { name: 'Try again' }).click();
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
    });

    test('not a news article', async ({ context, site, extensionId, worker }) => {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      const popup = await openPopupFor(context, extensionId, worker, page);
      await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'not-article');
      await expectHeading(popup, 'Not a news article');
      await saveScreenshot(popup, `popup-not-article-${scheme}`);
    });
  });
}

test('the popup is one document and one script: nothing else to fetch before it draws, and its styles apply', async ({
  context,
  site,
  extensionId,
  worker,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'not-article');
  const loads = await popup.evaluate(() =>
    [...document.querySelectorAll('script, link')].map((e) =>
      [e.localName, e.getAttribute('type'), e.getAttribute('rel'), e.getAttribute('src') ?? e.getAttribute('href')]
        .filter(Boolean)
        .join(' '),
    ),
  );
  expect(loads).toEqual(['script /popup-main.js']);
  // The styles are inlined in the page: the popup has its width and the theme's colours.
  expect(await popup.evaluate(() => getComputedStyle(document.body).width)).toBe('400px');
  expect(await popup.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).not.toBe('');
});

test('a popup opened while the worker cannot answer draws the story kept from its last answer', async ({
  context,
  site,
  extensionId,
  worker,
}) => {
  const { tabId } = await openArticleTab(context, worker, site.origin + demoSitePath(AP));
  const busy = keepWorkerBusy(worker, POPUP_ANSWER_TIMEOUT_MS + 1_000);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  // Drawn while the worker is still busy: from the story the worker kept when the page loaded.
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched', { timeout: 2_000 });
  await expect(popup.getByTestId('story-headline')).not.toBeEmpty();
  await busy;
  // The worker never answered in time, and the story stays rather than give way to an error.
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
});

test('coverage tabs work from the keyboard', async ({ context, site, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(AP));
  await badgeOf(page).expectVisible();
  const popup = await openPopupFor(context, extensionId, worker, page);
  const left = popup.getByRole('tab', { name: /Left/ });
  await left.focus();
  await expect(left).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: /Center/ })).toBeFocused();
  await expect(popup.getByRole('tab', { name: /Center/ })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tabpanel')).toContainText('Reuters');
  await popup.keyboard.press('ArrowLeft');
  await expect(left).toHaveAttribute('aria-selected', 'true');
  // Wraps to the last tab: the unrated outlets (France 24 has no rating).
  await popup.keyboard.press('ArrowLeft');
  await expect(popup.getByRole('tab', { name: /Unrated/ })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tabpanel')).toContainText('France 24');
});

test('"wrong story" unlinks the article, and the popup says so', async ({ context, site, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(AP));
  await badgeOf(page).expectVisible();
  const popup = await openPopupFor(context, extensionId, worker, page);
  await popup.getByText('Why this story?').click();
  await popup.getByTestId('wrong-story').click();
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'no-coverage');
  await expect(popup.getByTestId('popup-message')).toContainText('isn’t part of the closest story');
  const again = await openPopupFor(context, extensionId, worker, page);
  await expect(again.locator('.popup')).toHaveAttribute('data-state', 'no-coverage');
});

test('right-to-left headlines render right to left, and long text wraps inside the popup', async ({
  context,
  site,
  extensionId,
  worker,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const article = (host: string, path: string, title: string, published: string) => ({
    id: `https://${host}${path}`,
    url: `https://${host}${path}`,
    title,
    published: Date.parse(published),
  });
  const file = {
    format: 'parallax-index',
    version: 1,
    exportedAt: new Date().toISOString(),
    preferences: {
      hiddenOutlets: [],
      preferredOutlets: [],
      leanOverrides: {},
      dismissedSites: [],
      badgeMode: 'rated',
      badgeSites: [],
      retentionDays: 14,
    },
    feeds: [],
    articles: [
      article(
        'www.bbc.com',
        '/arabic/articles/japan-us-missiles-2026',
        'اليابان والولايات المتحدة تتفقان على توسيع الإنتاج المشترك للصواريخ والتدريبات العسكرية',
        '2026-01-16T05:00:00Z',
      ),
      article(
        'www.alarabiya.net',
        '/arab-and-world/2026/01/16/japan-us-missiles',
        'طوكيو وواشنطن تتفقان على توسيع الإنتاج المشترك للصواريخ والتدريبات العسكرية جنوب غرب اليابان',
        '2026-01-16T06:10:00Z',
      ),
      article(
        'www.france24.com',
        '/ar/asia/20260116-japan-us-missiles',
        'اليابان والولايات المتحدة توسعان الإنتاج المشترك للصواريخ والتدريبات العسكرية في مواجهة الضغط الصيني',
        '2026-01-16T07:30:00Z',
      ),
    ],
  };
  const imported = await options.evaluate((f) => chrome.runtime.sendMessage({ type: 'index/import', text: f }), JSON.stringify(file));
  expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true });

  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/rtl-article.html`);
  await badgeOf(page).expectText('3 sources');
  const popup = await openPopupFor(context, extensionId, worker, page);
  await expect(popup.locator('.popup')).toHaveAttribute('data-state', 'matched');
  const headline = popup.getByTestId('story-headline');
  await expect(headline).toContainText('الإنتاج المشترك');
  expect(await headline.evaluate((h) => getComputedStyle(h).direction)).toBe('rtl');
  await popup.getByRole('tab', { name: /Unrated/ }).click();
  const item = popup.getByTestId('coverage-item').locator('.headline').first();
  expect(await item.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
  // An empty side of the bar shows no label.
  await expect(popup.getByTestId('segment-R').locator('.segment-text')).toBeHidden();
  // Nothing sticks out sideways: long words and names wrap within the 400 px popup.
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await saveScreenshot(popup, 'popup-rtl-light');
});

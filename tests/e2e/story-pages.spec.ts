/**
 * The full story page and the stories page, in the built extension: reached from the popup, on the demo
 * index and on an index imported through the options page, in light and dark, checked with axe, with
 * screenshots to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { stopServiceWorker } from '../../src/demo/browser';
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { PAGE_ANSWER_TIMEOUT_MS } from '../../src/ui/worker-error';
import { expect, keepWorkerBusy, openPopupFor, saveScreenshot, test } from './fixtures';

const AP = DEMO_STORIES[0].articles.find((a) => a.host === 'apnews.com')!;
/** Three stories of November 2026: a wire report reposted by six outlets, a related one, an unrelated one. */
const IMPORTED = resolve('tests/fixtures/story-pages/index.json');
const SENATE = /Senate passes Gateway rail tunnel funding bill/;

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Imports the fixture index as a reader does: the options page's import button. */
async function importIndex(context: BrowserContext, extensionId: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('data-import').setInputFiles(IMPORTED);
  // The import first shows what it would change; the reader confirms.
  await options.getByTestId('import-dialog').getByTestId('import-confirm').click({ timeout: 30_000 });
  // The import writes and clusters in the worker: on a loaded machine that outlasts the usual 10 s.
  await expect(options.getByTestId('options-status')).toContainText(/Imported: 18 articles in the file/, { timeout: 30_000 });
  await options.close();
}

async function openStories(context: BrowserContext, extensionId: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/stories.html`);
  await expect(page.locator('.stories-page')).toHaveAttribute('data-state', 'list');
  return page;
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`story pages in ${scheme}`, () => {
    test.use({ scheme });

    test('"Open full story" in the popup opens the story page with every part', async ({ context, site, extensionId, worker }) => {
      const article = await context.newPage();
      await article.goto(site.origin + demoSitePath(AP));
      const popup = await openPopupFor(context, extensionId, worker, article);
      const headline = await popup.getByTestId('story-headline').textContent();
      const [story] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-full-story').click()]);
      await story.setViewportSize({ width: 1280, height: 900 });
      await expect(story).toHaveURL(/\/story\.html\?id=/);
      await expect(story.getByTestId('story-headline')).toHaveText(headline!);
      const sentences = story.getByTestId('summary-sentence');
      expect(await sentences.count()).toBeGreaterThanOrEqual(2);
      await expect(sentences.first().getByRole('link')).toHaveAttribute('href', /^http/);
      await expect(story.getByText('Extracted from the coverage')).toBeVisible();
      await expect(story.getByTestId('countries')).toContainText(/Sources mostly from United States \(\d+%\)/);
      for (const side of ['L', 'C', 'R'] as const) await expect(story.getByTestId(`column-${side}`)).toBeVisible();
      await expect(story.getByTestId('timeline')).toBeVisible();
      await expect(story.getByTestId('story-outlet').first()).toBeVisible();
      await expect(story.getByTestId('related')).toHaveAttribute('aria-busy', 'false');
      // The address is the story's own: opened again (a bookmark), it shows the same story.
      const again = await context.newPage();
      await again.goto(story.url());
      await expect(again.getByTestId('story-headline')).toHaveText(headline!);
      await expectAccessible(story);
      await saveScreenshot(story, `story-page-demo-${scheme}`);
    });

    test('stories page and a reposted story on an imported index', async ({ context, extensionId }) => {
      await importIndex(context, extensionId);
      const stories = await openStories(context, extensionId);
      await expect(stories.getByTestId('stories-count')).toContainText('3 of 3 stories');
      // Most sources first.
      await expect(stories.getByTestId('story-card').first()).toContainText(SENATE);
      await expect(stories.getByTestId('story-card').first()).toContainText('12 sources');
      await expect(stories.getByTestId('story-card').first()).toContainText('6 original reports');
      await expectAccessible(stories);
      await saveScreenshot(stories, `stories-page-${scheme}`);

      await stories.getByRole('link', { name: SENATE }).click();
      await expect(stories.getByTestId('story-headline')).toContainText(SENATE);
      const head = stories.locator('.story-head');
      await expect(head).toContainText('12 sources · 6 original reports');
      await expect(head).toContainText('First reported by Reuters (United Kingdom)');
      await expect(stories.getByTestId('countries')).toContainText('Sources mostly from United States (75%) · United Kingdom (25%)');
      await expect(stories.getByTestId('column-L')).toContainText('No left-leaning sources in this story.');
      await expect(stories.getByTestId('blindspot')).toBeVisible();
      const reposts = stories.getByTestId('reposts');
      await expect(reposts.locator('summary')).toHaveText('Reuters · reposted by 6 outlets');
      await reposts.locator('summary').click();
      await expect(reposts.getByRole('link')).toHaveCount(6);
      // The summary quotes more than one side.
      const quoted = await stories.getByTestId('summary-sentence').getByRole('link').allTextContents();
      expect(quoted.length).toBeGreaterThanOrEqual(2);
      expect(quoted).toContain('Reuters');
      expect(quoted.some((name) => ['Fox News', 'Breitbart News', 'The Daily Wire', 'Newsmax'].includes(name))).toBe(true);
      await expect(stories.getByTestId('related').getByTestId('story-card')).toHaveCount(1);
      await expect(stories.getByTestId('related')).toContainText('Gateway tunnel');
      await expectAccessible(stories);
      await saveScreenshot(stories, `story-page-reposts-${scheme}`);
    });
  });
}

test('the stories page filters by blindspot, side and words', async ({ context, extensionId }) => {
  await importIndex(context, extensionId);
  const page = await openStories(context, extensionId);
  const titles = page.getByTestId('story-card').locator('.story-card-title');
  await page.getByLabel('Blindspots only').check();
  await expect(titles).toHaveText([SENATE]);
  await page.getByLabel('Blindspots only').uncheck();
  await page.getByTestId('stories-side').selectOption('L');
  await expect(titles).toHaveCount(2);
  await expect(page.getByTestId('stories-count')).toContainText('2 of 3 stories');
  await page.getByTestId('stories-side').selectOption('');
  await page.getByRole('searchbox').fill('ANDALUSÍA');
  await expect(titles).toHaveText([/Andalusia/]);
  await page.getByRole('searchbox').fill('no such words');
  await expect(page.getByTestId('page-message')).toHaveText('No story matches these filters.');
});

test('keyboard only: search, open a story, expand its reposts, follow a related story', async ({ context, extensionId }) => {
  await importIndex(context, extensionId);
  const page = await openStories(context, extensionId);
  await page.getByRole('searchbox').focus();
  await page.keyboard.type('senate');
  await expect(page.getByTestId('story-card')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: SENATE })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('story-headline')).toContainText(SENATE);
  const summary = page.getByTestId('reposts').locator('summary');
  for (let i = 0; i < 40 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reposts').getByRole('link').first()).toBeVisible();
  const related = page.getByTestId('related').getByRole('link');
  for (let i = 0; i < 80 && !(await related.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(related).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('story-headline')).toContainText(/Gateway tunnel|Hudson/);
});

test('each page is one document and one script: nothing else to fetch before it draws, and its styles apply', async ({
  context,
  extensionId,
}) => {
  await importIndex(context, extensionId);
  const page = await openStories(context, extensionId);
  for (const script of ['/stories-main.js', '/story-main.js']) {
    if (script === '/story-main.js') {
      await page.getByRole('link', { name: SENATE }).click();
      await expect(page.getByTestId('story-headline')).toBeVisible();
    }
    const loads = await page.evaluate(() =>
      [...document.querySelectorAll('script, link')].map((e) =>
        [e.localName, e.getAttribute('rel'), e.getAttribute('src') ?? e.getAttribute('href')].filter(Boolean).join(' '),
      ),
    );
    expect(loads).toEqual([`script ${script}`]);
    // The styles are inlined in the page: the theme's colours and the page's layout apply.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).not.toBe('');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.page-main')!).paddingTop)).not.toBe('0px');
  }
});

test('a narrow window stacks the story page, with nothing sticking out sideways', async ({ context, extensionId }) => {
  await importIndex(context, extensionId);
  const page = await openStories(context, extensionId, 480);
  await page.getByRole('link', { name: SENATE }).click();
  await expect(page.getByTestId('story-headline')).toBeVisible();
  const left = await page.getByTestId('column-L').boundingBox();
  const right = await page.getByTestId('column-R').boundingBox();
  expect(right!.y).toBeGreaterThan(left!.y + left!.height - 1);
  expect(Math.abs(right!.x - left!.x)).toBeLessThan(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
  await saveScreenshot(page, 'story-page-narrow-light');
});

test('a story no longer indexed, an empty index, and a page without a story say so', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/story.html?id=no-such-story`);
  await expect(page.getByTestId('page-message')).toContainText('This story is no longer in your local index.');
  await expect(page.getByRole('link', { name: 'All stories' }).first()).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'story-page-missing-light');
  await page.goto(`chrome-extension://${extensionId}/story.html`);
  await expect(page.getByTestId('page-message')).toContainText('This story is no longer in your local index.');
  expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'data/clear' }))).toMatchObject({ ok: true });
  await page.goto(`chrome-extension://${extensionId}/stories.html`);
  await expect(page.getByTestId('page-message')).toContainText('Your local index is empty');
  await expectAccessible(page);
  await saveScreenshot(page, 'stories-page-empty-light');
});

test('the theme chosen in the options wins over the system, on every page', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('theme-dark').check();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(options.getByTestId('options-status')).toContainText('Saved');
  const stories = await openStories(context, extensionId);
  await expect(stories.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await stories.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await options.getByTestId('theme-light').check();
  await expect(options.getByTestId('options-status')).toContainText('Saved');
  await stories.reload();
  await expect(stories.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('loading while the worker is busy, an error when it does not answer, and "try again"', async ({ context, extensionId, worker }) => {
  await importIndex(context, extensionId);
  const stories = await openStories(context, extensionId);
  const url = (await stories.getByRole('link', { name: SENATE }).getAttribute('href'))!;
  // The worker's thread is kept busy for longer than the page waits: a stuck worker, for real. The loop
  // starts before the page asks, and outlasts a page that takes seconds to load on a loaded machine.
  const busy = keepWorkerBusy(worker, PAGE_ANSWER_TIMEOUT_MS + 6_000);
  const page = await context.newPage();
  await page.waitForTimeout(300);
  await page.goto(url);
  await expect(page.locator('.story-page')).toHaveAttribute('data-state', 'loading');
  await expect(page.getByRole('status')).toContainText('Loading the story');
  await expectAccessible(page);
  await saveScreenshot(page, 'story-page-loading-light');
  await expect(page.locator('.story-page')).toHaveAttribute('data-state', 'error', { timeout: PAGE_ANSWER_TIMEOUT_MS + 5_000 });
  await expect(page.getByTestId('page-message')).toContainText('background worker did not answer');
  await expectAccessible(page);
  await saveScreenshot(page, 'story-page-error-light');
  await busy;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('story-headline')).toContainText(SENATE);
});

test('a new worker lists the stories from the digests the last one kept, until a setting changes', async ({ context, extensionId }) => {
  const stories = await openStories(context, extensionId);
  const first = stories.getByTestId('story-card').first();
  const headline = (await first.getByRole('link').first().textContent())!;
  type Kept = { entries: [string, string, { headline: string } | null][] };
  const kept = () => stories.evaluate(async () => (await chrome.storage.session.get('story-digests'))['story-digests'] as Kept | undefined);
  await expect.poll(async () => (await kept())?.entries.length).toBe(await stories.getByTestId('story-card').count());
  // The worker stops (as it does when idle); what it kept is marked, so the next list shows where it came from.
  await stopServiceWorker(context, stories);
  await stories.evaluate(async (from) => {
    const stored = (await chrome.storage.session.get('story-digests'))['story-digests'] as Kept;
    for (const entry of stored.entries) if (entry[2]?.headline === from) entry[2].headline = `Kept: ${from}`;
    await chrome.storage.session.set({ 'story-digests': stored });
  }, headline);
  await stories.reload();
  await expect(stories.getByTestId('story-card').first()).toContainText(`Kept: ${headline}`);
  // A setting changes: the kept digests are forgotten, the list is digested afresh.
  expect(await stories.evaluate(() => chrome.runtime.sendMessage({ type: 'prefs/update', patch: { badgeMode: 'list' } }))).toMatchObject({
    ok: true,
  });
  await expect.poll(kept).toBeUndefined();
  await stories.reload();
  await expect(stories.getByTestId('story-card').first()).toContainText(headline);
  await expect(stories.getByTestId('story-card').first()).not.toContainText('Kept:');
});

test('the stories page draws the list kept from its last opening while the worker is stuck, until a setting changes', async ({
  context,
  extensionId,
  worker,
}) => {
  const stories = await openStories(context, extensionId);
  const cards = await stories.getByTestId('story-card').count();
  const headline = (await stories.getByTestId('story-card').first().getByRole('link').first().textContent())!;
  const kept = () =>
    stories.evaluate(async () => (await chrome.storage.session.get('stories-first-list'))['stories-first-list'] !== undefined);
  await expect.poll(kept).toBe(true);
  // The worker's thread is stuck for longer than the page may take to draw: only the kept list can show.
  const busy = keepWorkerBusy(worker, 12_000);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
  await page.goto(`chrome-extension://${extensionId}/stories.html`);
  await expect(page.locator('.stories-page')).toHaveAttribute('data-state', 'list', { timeout: 8_000 });
  await expect(page.getByTestId('story-card')).toHaveCount(cards);
  await expect(page.getByTestId('story-card').first()).toContainText(headline);
  await busy;
  // A setting changes: the kept list is forgotten (the next page waits for the worker's list).
  expect(await stories.evaluate(() => chrome.runtime.sendMessage({ type: 'prefs/update', patch: { badgeMode: 'list' } }))).toMatchObject({
    ok: true,
  });
  await expect.poll(kept).toBe(false);
});

test('the on-device summary is off until the reader opts in, and with no model in this browser the story keeps its quoted sentences', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByTestId('device-summary');
  await expect(toggle).not.toBeChecked();
  // Debian's Chromium has no built-in Summarizer: the options say what that means.
  await expect(options.getByTestId('device-summary-state')).toHaveText(/offers no on-device summarizer/);
  await toggle.check();
  await expect
    .poll(
      async () =>
        ((await options.evaluate(() => chrome.runtime.sendMessage({ type: 'prefs/get' }))) as { data: { deviceSummary: boolean } }).data
          .deviceSummary,
    )
    .toBe(true);
  const stories = await openStories(context, extensionId);
  await stories.getByTestId('story-card').first().getByRole('link').first().click();
  await expect(stories.locator('.story-page')).toHaveAttribute('data-state', 'found');
  expect(await stories.getByTestId('summary-sentence').count()).toBeGreaterThanOrEqual(1);
  await expect(stories.getByRole('button', { name: 'Write a summary on this device' })).toHaveCount(0);
});

/**
 * Lean chips on links, on each group's fixture pages served under the sites' real hosts, switched on the
 * way a reader does it: the options page's group switches (and its Mastodon field), or the popup's "Show
 * lean chips on this site". The build declares the sites as granted (granted-build.ts): headless Chromium
 * cannot answer a permission prompt, so the page's `permissions.request` resolves as the reader's "Allow"
 * would, and everything after it — the worker's registration, the chips script, the lookups — is real.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { CHIP_GROUP_PATTERNS, CHIP_GROUPS, type ChipGroup } from '../../src/core/links/index';
import { chipCss } from '../../src/ui/link-chip/chip-css';
import { openPopupForTab, saveScreenshot } from './fixtures';
import { grantedBuild } from './granted-build';
import { blockBoxes, chipsOf, RECORD_BLOCKS_EARLY } from './chip-probe';
import { CHIP_PAGES, type ChipPage, INFINITE_PAGE, servedPages } from './link-chips-pages';
import { answerPermissionPrompt, expectNoSeriousViolations, permissionRequests } from './page-checks';
import { expect, openOnRealHost, test } from './real-hosts';

const MASTODON = 'https://mastodon.social';
const GRANTED = [...CHIP_GROUPS.flatMap((group) => CHIP_GROUP_PATTERNS[group]), `${MASTODON}/*`];
const EXTENSION_DIR = grantedBuild(GRANTED);

test.use({ realPages: servedPages([...CHIP_PAGES, INFINITE_PAGE]), extensionDir: EXTENSION_DIR });

/** Where the chips script is registered (its wake script goes with it: link-chips.spec.ts). */
const registeredMatches = (worker: Worker) =>
  worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts())
      .filter((s) => s.id === 'parallax-link-chips')
      .flatMap((s) => s.matches ?? [])
      .sort(),
  );

async function openChipsOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#chips`);
  await expect(options.getByTestId('chips-group-search')).toBeEnabled({ timeout: 30_000 });
  return options;
}

/** Switches groups on or off with the options page's switches (by keyboard), and waits for the worker to follow. */
async function setGroups(context: BrowserContext, extensionId: string, worker: Worker, groups: Partial<Record<ChipGroup, boolean>>) {
  const options = await openChipsOptions(context, extensionId);
  for (const [group, on] of Object.entries(groups) as [ChipGroup, boolean][]) {
    const box = options.getByTestId(`chips-group-${group}`);
    // By keyboard, as a reader without a mouse would: Space on the focused switch.
    if ((await box.isChecked()) !== on) await box.press('Space');
    await expect(box).toBeChecked({ checked: on });
  }
  const wanted = CHIP_GROUPS.filter((g) => groups[g]).flatMap((g) => CHIP_GROUP_PATTERNS[g]);
  await expect.poll(() => registeredMatches(worker)).toEqual(expect.arrayContaining(wanted));
  for (const group of CHIP_GROUPS.filter((g) => groups[g] === false)) {
    await expect.poll(() => registeredMatches(worker)).not.toContain(CHIP_GROUP_PATTERNS[group][0]);
  }
  return options;
}

async function addMastodon(context: BrowserContext, extensionId: string, worker: Worker) {
  const options = await openChipsOptions(context, extensionId);
  await options.getByTestId('chips-site-input').fill('mastodon.social');
  await options.getByTestId('chips-site-input').press('Enter');
  await expect(options.getByTestId('chips-site')).toHaveAttribute('data-origin', MASTODON);
  await expect.poll(() => registeredMatches(worker)).toContain(`${MASTODON}/*`);
  return options;
}

async function openPage(context: BrowserContext, worker: Worker, realHosts: Parameters<typeof openOnRealHost>[2], page: ChipPage) {
  return (await openOnRealHost(context, worker, realHosts, page.url)).page;
}

/** Switches on what covers the page (its group, or Mastodon's site in the field for added sites), as a reader does. */
async function switchOnFor(context: BrowserContext, extensionId: string, worker: Worker, fixture: ChipPage) {
  await answerPermissionPrompt(context, true);
  const options =
    fixture.group === 'mastodon'
      ? await addMastodon(context, extensionId, worker)
      : await setGroups(context, extensionId, worker, { [fixture.group]: true });
  expect(await permissionRequests(options)).toEqual([
    { origins: fixture.group === 'mastodon' ? [`${MASTODON}/*`] : [...CHIP_GROUP_PATTERNS[fixture.group]] },
  ]);
}

for (const fixture of CHIP_PAGES) {
  test.describe(`${fixture.name} (${fixture.group})`, () => {
    test('chips beside the right links, and none beside others', async ({ context, extensionId, worker, realHosts }) => {
      await switchOnFor(context, extensionId, worker, fixture);
      const page = await openPage(context, worker, realHosts, fixture);
      await chipsOf(page).expectChipsAsMarked();
    });

    test('no result block moves when the chips come', async ({ context, extensionId, worker, realHosts }) => {
      await switchOnFor(context, extensionId, worker, fixture);
      await context.addInitScript(RECORD_BLOCKS_EARLY);
      const page = await openPage(context, worker, realHosts, fixture);
      await chipsOf(page).waitForChips();
      const { before, after } = await blockBoxes(page);
      expect(before.chips, 'the boxes were measured before any chip').toBe(0);
      expect(before.boxes.length).toBeGreaterThan(0);
      expect(after).toEqual(before.boxes);
    });
  });
}

test('a page script can neither read a chip nor open it; the reader’s own click opens it and does not follow the link', async ({
  context,
  extensionId,
  worker,
  realHosts,
}) => {
  await answerPermissionPrompt(context, true);
  await setGroups(context, extensionId, worker, { social: true });
  const fixture = CHIP_PAGES.find((p) => p.name === 'Hacker News')!;
  const page = await openPage(context, worker, realHosts, fixture);
  const chips = chipsOf(page);
  await chips.expectChipsAsMarked();

  const seenByPage = await page.evaluate(() => {
    const host = document.querySelector('parallax-chip') as HTMLElement;
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).localName), true);
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    host.focus();
    return { root: host.shadowRoot, text: host.textContent, html: host.innerHTML, clicks };
  });
  expect(seenByPage.root).toBeNull();
  expect(seenByPage.text).toBe('');
  expect(seenByPage.html).toBe('');
  expect(await chips.expanded(0)).toBe(false);

  const url = page.url();
  await chips.click(0);
  await expect.poll(() => chips.expanded(0)).toBe(true);
  expect(page.url()).toBe(url);
  // The reader's keyboard closes it.
  await page.keyboard.press('Escape');
  await expect.poll(() => chips.expanded(0)).toBe(false);
});

test('an infinite feed gets chips on every batch of 100 links it adds', async ({ context, extensionId, worker, realHosts }) => {
  test.slow();
  await answerPermissionPrompt(context, true);
  await setGroups(context, extensionId, worker, { social: true });
  const page = await openPage(context, worker, realHosts, INFINITE_PAGE);
  const chips = chipsOf(page);
  await expect(page.locator('shreddit-post')).toHaveCount(100);
  await chips.expectChipsAsMarked();
  for (const posts of [200, 300]) {
    await page.locator('#sentinel').scrollIntoViewIfNeeded();
    await expect(page.locator('shreddit-post')).toHaveCount(posts);
    const chipsNow = await chips.expectChipsAsMarked();
    // 8 of every 10 links are rated or unrated outlets’ articles.
    expect(chipsNow).toHaveLength((posts / 10) * 8);
  }
});

test('a group switched off gets no chips on the next load', async ({ context, extensionId, worker, realHosts }) => {
  await answerPermissionPrompt(context, true);
  await setGroups(context, extensionId, worker, { search: true });
  const fixture = CHIP_PAGES.find((p) => p.name === 'Bing')!;
  const page = await openPage(context, worker, realHosts, fixture);
  const chips = chipsOf(page);
  await chips.waitForChips();

  await setGroups(context, extensionId, worker, { search: false });
  await page.reload();
  await expect(page.locator('h2').first()).toBeVisible();
  // The script is not registered any more: give it the time it takes elsewhere, then check.
  await page.waitForTimeout(1_500);
  expect(await chips.count()).toBe(0);
});

test('the popup switches chips on for the tab’s site and draws them in that tab at once', async ({
  context,
  extensionId,
  worker,
  realHosts,
}) => {
  await answerPermissionPrompt(context, true);
  const fixture = CHIP_PAGES.find((p) => p.group === 'mastodon')!;
  const { page, tabId } = await openOnRealHost(context, worker, realHosts, fixture.url);
  await expect(page.locator('.status').first()).toBeVisible();
  expect(await chipsOf(page).count()).toBe(0);
  const popup = await openPopupForTab(context, extensionId, tabId);
  await popup.getByTestId('chips-site-on').click();
  await expect(popup.getByTestId('chips-site-note')).toHaveText(
    'Drawn on this page; pages you open on this site from now on get them too.',
  );
  expect(await permissionRequests(popup)).toEqual([{ origins: [`${MASTODON}/*`] }]);
  await chipsOf(page).expectChipsAsMarked();
  await expect.poll(() => registeredMatches(worker)).toContain(`${MASTODON}/*`);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ scheme });

    test(`fixture pages with chips and the options section: no serious accessibility violation, screenshots (${scheme})`, async ({
      context,
      extensionId,
      worker,
      realHosts,
    }) => {
      test.slow();
      await answerPermissionPrompt(context, true);
      const options = await setGroups(context, extensionId, worker, { search: true, aggregators: true, social: true });
      await options.getByTestId('chips-site-input').fill('not a site');
      await options.getByTestId('chips-site-add').click();
      await expect(options.locator('#chips-site-error')).toBeVisible();
      const results = await new AxeBuilder({ page: options }).include('#chips').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await options.locator('#chips').screenshot({ path: `tests/artifacts/link-chips-options-${scheme}.png` });

      await test.step('popup', async () => {
        const fixture = CHIP_PAGES.find((p) => p.group === 'mastodon')!;
        const { tabId } = await openOnRealHost(context, worker, realHosts, fixture.url);
        const popup = await openPopupForTab(context, extensionId, tabId);
        await expect(popup.getByTestId('chips-site-on')).toBeVisible();
        await expectNoSeriousViolations(popup);
        await saveScreenshot(popup, `link-chips-popup-${scheme}`);
        await popup.getByTestId('chips-site-on').click();
        await expect(popup.getByTestId('chips-site-off')).toBeVisible();
        await expectNoSeriousViolations(popup);
        await saveScreenshot(popup, `link-chips-popup-on-${scheme}`);
      });

      for (const name of ['Google search', 'Bing', 'Google News', 'Reddit', 'old Reddit', 'Hacker News']) {
        await test.step(name, async () => {
          const fixture = CHIP_PAGES.find((p) => p.name === name)!;
          const page = await openPage(context, worker, realHosts, fixture);
          await page.setViewportSize({ width: 1100, height: 800 });
          const chips = chipsOf(page);
          await chips.waitForChips();
          // axe cannot enter a closed root: a copy of the first chip's markup and styles, in its place, in an
          // open one, is checked with the page around it (a chip inside a link is checked as nested there).
          const markup = await chips.firstShadowMarkup();
          await page.evaluate(
            ({ html, css }) => {
              const copy = document.createElement('span');
              copy.id = 'chip-copy';
              copy.attachShadow({ mode: 'open' }).innerHTML = `<style>${css}</style>${html}`;
              document.querySelector('parallax-chip')!.after(copy);
            },
            { html: markup, css: chipCss },
          );
          await expectNoSeriousViolations(page);
          await page.evaluate(() => document.getElementById('chip-copy')?.remove());
          const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
          await saveScreenshot(page, `link-chips-${slug}-${scheme}`, { fullPage: false });
          // The tooltip, opened by the reader's click.
          await chips.click(0);
          await expect.poll(() => chips.expanded(0)).toBe(true);
          await saveScreenshot(page, `link-chips-${slug}-tooltip-${scheme}`, { fullPage: false });
          await page.close();
        });
      }
    });
  });
}

/**
 * The Data section of the options page in the built extension: export and import through the transfer
 * port, the import's preview and the reader's choices, what a file may not do (turn feeds on, bring
 * local-network feeds, exceed the index's cap), and stored settings that could not be kept.
 */
import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, saveScreenshot, test } from './fixtures';
import { indexFileText } from './index-files';
import { answerPermissionPrompt, expectNoSeriousViolations, openOptions, putRows, send } from './options-page';

// Each test imports and exports through a freshly started worker, twice for some: on a loaded 2-core
// machine that has taken close to a minute.
test.describe.configure({ timeout: 150_000 });

interface Listing {
  url: string;
  outletId: string;
  section: string;
  enabled: boolean;
}

async function feedList(page: Page): Promise<Listing[]> {
  const reply = await send(page, { type: 'feeds/list' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as Listing[];
}

async function enabledFeeds(page: Page): Promise<string[]> {
  return (await feedList(page)).filter((f) => f.enabled).map((f) => f.url);
}

/** Chooses a file of this text in the Data section and waits for the import's preview. */
async function chooseFile(page: Page, name: string, text: string) {
  await page.getByTestId('data-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  return dialog;
}

test('an exported file imports into an emptied browser: the preview says what changes, its feeds stay off, local ones are left out', async ({
  context,
  extensionId,
}, testInfo) => {
  const page = await openOptions(context, extensionId, 'data-import');
  expect(await send(page, { type: 'index/import', text: indexFileText({ articles: 3 }) })).toMatchObject({ ok: true });
  const [feed] = await feedList(page);
  expect(await send(page, { type: 'feeds/enable', urls: [feed.url] })).toMatchObject({ ok: true, data: 1 });
  await page.reload();
  await page.getByTestId('retention').selectOption('30');
  await expect(page.getByTestId('options-status')).toContainText('Saved');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^parallax-index-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByTestId('data-status')).toContainText('Exported');
  const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  expect(file).toMatchObject({ format: 'parallax-index', preferences: { retentionDays: 30 } });
  expect(file.articles).toHaveLength(3);
  expect(file.feeds).toEqual([{ url: feed.url, outletId: feed.outletId, section: feed.section, enabled: true }]);
  // A hostile copy adds feeds on this computer and its network, on.
  const local = ['http://127.0.0.1:9/admin.xml', 'http://192.168.1.1/rss'];
  file.feeds.push(...local.map((url) => ({ url, outletId: feed.outletId, section: 'Local', enabled: true })));
  const edited = testInfo.outputPath('edited.json');
  await writeFile(edited, JSON.stringify(file));

  // Another browser: nothing held.
  await page.getByTestId('data-clear').click();
  await page.getByTestId('clear-confirm').click();
  await expect(page.getByTestId('options-status')).toContainText('Everything was cleared');
  await page.getByTestId('data-import').setInputFiles(edited);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-articles')).toContainText('3 in the file, 3 of them new');
  await expect(dialog.getByTestId('import-feeds')).toContainText('Replace your 0 feeds with the file’s 1');
  await expect(dialog.getByTestId('import-replace-feeds')).toBeChecked();
  await expect(dialog.getByTestId('import-turn-on')).not.toBeChecked();
  await expect(dialog.getByTestId('import-left-out')).toContainText(
    '2 feeds on this computer or its local network (http://127.0.0.1:9/admin.xml',
  );
  await expect(dialog.getByTestId('import-prefs')).toContainText('Keep articles for: 14 days → 30 days');
  await expect(dialog.getByTestId('import-replace-prefs')).toBeChecked();
  // Nothing is written before the reader confirms.
  expect(await send(page, { type: 'refresh/status' })).toMatchObject({ ok: true, data: { articles: 0 } });
  await dialog.getByTestId('import-confirm').click();

  const status = page.getByTestId('options-status');
  await expect(status).toContainText('Imported: 3 articles in the file, 3 new.');
  await expect(status).toContainText('Feeds replaced by the file’s 1 (on: 0).');
  await expect(status).toContainText('Left out 2 feeds on this computer or its local network');
  await expect(page.getByTestId('retention')).toHaveValue('30');
  const listed = await feedList(page);
  expect(listed.find((f) => f.url === feed.url)).toMatchObject({ enabled: false });
  expect(listed.map((f) => f.url)).not.toContain(local[0]);
  expect(listed.map((f) => f.url)).not.toContain(local[1]);
  expect(await send(page, { type: 'refresh/status' })).toMatchObject({ ok: true, data: { articles: 3, feedsEnabled: 0 } });
});

test('an import asks before replacing the reader’s 29 feeds and preferences with a file’s, and keeps them unless ticked', async ({
  context,
  extensionId,
}) => {
  await answerPermissionPrompt(context, false);
  const page = await openOptions(context, extensionId, 'data-import');
  const feeds = (await feedList(page)).slice(0, 30);
  const mine = feeds.slice(0, 29).map((f) => f.url);
  expect(await send(page, { type: 'feeds/enable', urls: mine })).toMatchObject({ ok: true, data: 29 });
  expect(await send(page, { type: 'prefs/update', patch: { retentionDays: 60, hiddenOutlets: ['fox-news'] } })).toMatchObject({ ok: true });
  await page.reload();
  const other = feeds[29];
  const text = indexFileText({
    articles: 2,
    feeds: [{ url: other.url, outletId: other.outletId, section: other.section, enabled: true }],
    preferences: { retentionDays: 7 },
  });

  let dialog = await chooseFile(page, 'one-feed.json', text);
  await expect(dialog.getByTestId('import-feeds')).toContainText('Replace your 29 feeds with the file’s 1');
  await expect(dialog.getByTestId('import-feeds')).toContainText('Removed: 29 (');
  await expect(dialog.getByTestId('import-replace-feeds')).not.toBeChecked();
  await expect(dialog.getByTestId('import-prefs')).toContainText('Keep articles for: 60 days → 7 days');
  await expect(dialog.getByTestId('import-prefs')).toContainText('Hidden outlets: 1 → 0');
  await expect(dialog.getByTestId('import-replace-prefs')).not.toBeChecked();
  await dialog.getByTestId('import-confirm').click();
  await expect(page.getByTestId('options-status')).toContainText('Your feeds were kept. Your preferences were kept.');
  expect((await enabledFeeds(page)).sort()).toEqual([...mine].sort());
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { retentionDays: 60, hiddenOutlets: ['fox-news'] } });

  // Again, choosing with the keyboard to replace both and to turn the file's feed on; the browser refuses its site.
  dialog = await chooseFile(page, 'one-feed.json', text);
  for (const box of ['import-replace-feeds', 'import-replace-prefs', 'import-turn-on']) {
    await dialog.getByTestId(box).focus();
    await page.keyboard.press('Space');
    await expect(dialog.getByTestId(box)).toBeChecked();
  }
  await dialog.getByTestId('import-confirm').focus();
  await page.keyboard.press('Enter');
  const status = page.getByTestId('options-status');
  await expect(status).toContainText('Feeds replaced by the file’s 1 (on: 0).');
  await expect(status).toContainText('Access to the feeds’ sites was not allowed, so they stay off.');
  expect(await page.evaluate(() => (globalThis as unknown as { __permissionRequests: unknown[] }).__permissionRequests)).toEqual([
    { origins: [`${new URL(other.url).protocol}//${new URL(other.url).hostname}/*`] },
  ]);
  expect(await enabledFeeds(page)).toEqual([]);
  expect((await feedList(page)).filter((f) => mine.includes(f.url) && f.enabled)).toEqual([]);
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { retentionDays: 7, hiddenOutlets: [] } });
});

test('a file over the index’s 150,000-article cap is refused with a clear line, nothing changed', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId, 'data-import');
  const before = await send(page, { type: 'refresh/status' });
  // 150,001 rows: one article, then rows as short as a row can be (the refusal comes at the 150,001st).
  const file = JSON.parse(indexFileText({ articles: 1 }));
  file.articles = file.articles.concat(new Array(150_000).fill(0));
  await page
    .getByTestId('data-import')
    .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('data-status')).toContainText('huge.json was not imported; nothing changed', { timeout: 30_000 });
  await expect(page.getByTestId('data-import-errors').locator('li')).toHaveText([
    "articles: more than 150,000 articles; Parallax's index keeps at most 150,000, so this file cannot be imported",
  ]);
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  expect(await send(page, { type: 'refresh/status' })).toEqual(before);
});

test('a broken file is refused with its rows named, nothing changed', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId, 'data-import');
  const file = JSON.parse(indexFileText({ articles: 2 }));
  file.articles[1] = { id: 'x', url: 'not a url', title: '', published: 'yesterday' };
  await page
    .getByTestId('data-import')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('data-status')).toContainText('broken.json was not imported; nothing changed');
  await expect(page.getByTestId('data-import-errors').locator('li').first()).toContainText('articles[1].id');
  await expect(page.getByTestId('retention')).toHaveValue('14');
});

test('stored settings that fail validation keep their valid fields, and a notice says what was dropped until dismissed', async ({
  context,
  extensionId,
}) => {
  const page = await openOptions(context, extensionId, 'data-import');
  await putRows(page, 'preferences', [
    { key: 'prefs', value: { hiddenOutlets: ['fox-news', 42], retentionDays: 999, badgeMode: 'list', badgeSites: ['apnews.com'] } },
  ]);
  await page.reload();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Hidden outlets: 1 entries that were not valid were left out; the others are kept.');
  await expect(notice).toContainText('Keep articles for: back to its default (the stored value was 999).');
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({
    ok: true,
    data: { hiddenOutlets: ['fox-news'], badgeMode: 'list', badgeSites: ['apnews.com'], retentionDays: 14 },
  });
  await expect(page.getByTestId('badge-mode-list')).toBeChecked();
  await notice.getByTestId('notice-dismiss').click();
  await expect(page.getByTestId('notices')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('outlet-row').first()).toBeVisible();
  await expect(page.getByTestId('notices')).toHaveCount(0);
  expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { hiddenOutlets: ['fox-news'], badgeMode: 'list' } });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ scheme });
    test(`the import preview is keyboard operable, cancels with Escape, and has no serious accessibility violation (${scheme})`, async ({
      context,
      extensionId,
    }) => {
      test.slow();
      const page = await openOptions(context, extensionId, 'data-import');
      await send(page, { type: 'prefs/update', patch: { retentionDays: 60 } });
      const [feed] = await feedList(page);
      await send(page, { type: 'feeds/enable', urls: [feed.url] });
      await page.reload();
      const text = indexFileText({
        articles: 5,
        feeds: [
          { url: 'https://feeds.example.org/world.xml', outletId: feed.outletId, section: 'World', enabled: true },
          { url: 'http://10.0.0.2/feed', outletId: feed.outletId, section: 'Local', enabled: true },
        ],
        preferences: { retentionDays: 30, dismissedSites: ['example.com'] },
      });
      const dialog = await chooseFile(page, 'parallax-index-with-a-rather-long-name-2026-11-20.json', text);
      await expect(dialog.getByTestId('import-cancel')).toBeFocused();
      await dialog.getByTestId('import-replace-feeds').focus();
      await page.keyboard.press('Space');
      await expect(dialog.getByTestId('import-turn-on')).toBeVisible();
      await expectNoSeriousViolations(page);
      await saveScreenshot(page, `options-import-preview-${scheme}`, { fullPage: false });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('data-status')).toContainText('Import cancelled; nothing changed.');
      expect(await send(page, { type: 'prefs/get' })).toMatchObject({ ok: true, data: { retentionDays: 60 } });
      expect(await enabledFeeds(page)).toEqual([feed.url]);
    });
  });
}

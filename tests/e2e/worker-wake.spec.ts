/**
 * A worker the browser stopped wakes to answer from the stored index: it reads the snapshot up to its
 * article ids, answers, and reads the ids after (src/background/story-index.ts). The reader gets the same
 * story view as before the stop, and what needs the ids (the story page) is the same too.
 */
import type { Page } from '@playwright/test';
import { ENGINE_MARKS } from '../../src/background/story-index';
import { benchDetection } from '../../src/cli/bench/story-view-timing';
import { DEMO_STORIES, demoCanonicalUrl } from '../../src/core/demo-index';
import { stopServiceWorker } from '../../src/demo/browser';
import { expect, test } from './fixtures';
import { send } from './options-page';

const AP = DEMO_STORIES[0].articles.find((a) => a.host === 'apnews.com')!;
const VIEW = {
  type: 'story/view',
  pageUrl: demoCanonicalUrl(AP),
  detection: benchDetection({ id: demoCanonicalUrl(AP), title: AP.title, published: Date.parse(AP.published) }),
};

/** The stored engine row's byte counts, read from an extension page. */
function storedRow(page: Page): Promise<{ headBytes: unknown; size: number }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('parallax');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('engineState').objectStore('engineState').get('engine');
      get.onsuccess = () => { open.result.close(); resolve({ headBytes: get.result.headBytes, size: get.result.snapshot.size }); };
      get.onerror = () => reject(get.error);
    };
  })`);
}

test('a stopped worker wakes to the same story view, read from the index before its article ids, and reads those after', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const view = await send(page, VIEW);
  expect(view).toMatchObject({ ok: true, data: { status: 'matched' } });
  const storyId = (view as { data: { story: { id: string } } }).data.story.id;
  const storyPage = await send(page, { type: 'story/page', storyId });
  expect(storyPage.ok).toBe(true);
  const row = await storedRow(page);
  expect(typeof row.headBytes).toBe('number');
  expect(row.headBytes as number).toBeLessThan(row.size);

  await stopServiceWorker(context, page);
  expect(await send(page, VIEW)).toEqual(view);
  const woken = context.serviceWorkers().at(-1)!;
  const marked = (name: string) => woken.evaluate((mark) => performance.getEntriesByName(mark).length, name);
  expect(await marked(ENGINE_MARKS.restored)).toBe(1);
  // Set only when an engine restored without its ids gets them: the first answer came from the head.
  await expect.poll(() => marked(ENGINE_MARKS.idsRead), { timeout: 10_000 }).toBe(1);
  expect(await send(page, { type: 'story/page', storyId })).toEqual(storyPage);
  expect(await send(page, VIEW)).toEqual(view);
});

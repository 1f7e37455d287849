/**
 * The wake scripts (entrypoints/wake.content.ts, chips-wake.content.ts): a worker the browser stopped
 * starts, and restores the story index, as an article page starts loading, not once the page is parsed
 * and the article script asks. A page whose address is no article (a home page) wakes nothing, unless
 * the reader switched lean chips on for its site.
 *
 * The pages here are served with their body held (src/demo/held-pages.ts): until it is released the page
 * is still loading, the article script (document_idle) has not run, and only the wake script can have
 * started the worker.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { ENGINE_MARKS } from '../../src/background/story-index';
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { stopServiceWorker } from '../../src/demo/browser';
import { startHeldPages } from '../../src/demo/held-pages';
import { articlePage } from '../../src/demo/site';
import { badgeOf } from './badge';
import { expect, test } from './fixtures';
import { send } from './options-page';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
const ARTICLE_HTML = articlePage(REUTERS);
const HOME_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo news</title></head><body><h1>Demo news</h1></body></html>';

/** Whether the extension's service worker is running, from the browser's own list of targets. */
async function workerRunning(context: BrowserContext, page: Page, extensionId: string): Promise<boolean> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  } finally {
    await cdp.detach();
  }
}

/**
 * Stops the worker once the installed extension has settled (its demo index seeded), and waits until the
 * browser lists it no more. Returns the blank page the browser is asked through.
 */
async function stopSettledWorker(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await send(options, { type: 'index/status' })).toMatchObject({ ok: true });
  await options.close();
  const control = await context.newPage();
  await stopServiceWorker(context, control);
  await expect.poll(() => workerRunning(context, control, extensionId)).toBe(false);
  return control;
}

test('a stopped worker starts and restores the story index while an article page is still loading', async ({ context, extensionId }) => {
  const server = await startHeldPages({ [demoSitePath(REUTERS)]: ARTICLE_HTML });
  try {
    const control = await stopSettledWorker(context, extensionId);
    const page = await context.newPage();
    await page.goto(server.origin + demoSitePath(REUTERS), { waitUntil: 'commit' });
    await expect.poll(() => workerRunning(context, control, extensionId)).toBe(true);
    const restored = async () => {
      const worker = context.serviceWorkers().at(-1);
      return worker ? worker.evaluate((mark) => performance.getEntriesByName(mark).length, ENGINE_MARKS.restored).catch(() => 0) : 0;
    };
    await expect.poll(restored).toBe(1);
    // All of that while the page is still loading: only the wake script has run in it.
    expect(await page.evaluate(() => document.readyState)).toBe('loading');

    server.release();
    // Probed once loaded: the DevTools protocol's node ids change while the document still loads.
    await page.waitForLoadState('load');
    await badgeOf(page).expectText('Reuters · Center');
  } finally {
    server.release();
    await server.close();
  }
});

test('a page whose address is no article (a home page) does not wake the worker', async ({ context, extensionId }) => {
  const server = await startHeldPages({ '/': HOME_HTML, [demoSitePath(REUTERS)]: ARTICLE_HTML });
  try {
    const control = await stopSettledWorker(context, extensionId);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'commit' });
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await workerRunning(context, control, extensionId)).toBe(false);

    // The same server's article address does: the home page's silence is its address's.
    await page.goto(server.origin + demoSitePath(REUTERS), { waitUntil: 'commit' });
    await expect.poll(() => workerRunning(context, control, extensionId)).toBe(true);
  } finally {
    server.release();
    await server.close();
  }
});

test('a page of a site with lean chips switched on wakes the worker as it starts loading', async ({ context, extensionId }) => {
  const server = await startHeldPages({ '/search': HOME_HTML });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    expect(await send(options, { type: 'chips.setSite', origin: server.origin, enabled: true })).toMatchObject({ ok: true });
    await expect
      .poll(() => options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)))
      .toContain('parallax-link-chips-wake');
    await options.close();
    const control = await stopSettledWorker(context, extensionId);
    const page = await context.newPage();
    await page.goto(`${server.origin}/search?q=night+bus`, { waitUntil: 'commit' });
    await expect.poll(() => workerRunning(context, control, extensionId)).toBe(true);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
  } finally {
    server.release();
    await server.close();
  }
});

/** The content script on pages it does not control: hostile pages, single-page sites, section fronts. */
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { expect, saveScreenshot, test } from './fixtures';
import { badgeOf } from './badge';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;

async function recordWorkerMessages(worker: import('@playwright/test').Worker) {
  await worker.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { __seen: unknown[] }).__seen = seen;
    chrome.runtime.onMessage.addListener((message) => {
      seen.push(message);
      return undefined;
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __seen: unknown[] }).__seen);
}

test('the badge survives a hostile page and does not move its headline or text', async ({ context, site }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/hostile-article.html`);
  const badge = badgeOf(page);
  await badge.expectText('The Guardian · Lean Left');
  await badge.expectText(/11 sources · L \d+% · C \d+% · R \d+%/);
  const positions = await page.evaluate(() => {
    const h1 = document.querySelector('h1')!.getBoundingClientRect();
    const p = document.querySelector('article p')!.getBoundingClientRect();
    return { initial: (window as unknown as { __initial: object }).__initial, now: { h1Top: h1.top, h1Left: h1.left, pTop: p.top } };
  });
  expect(positions.now).toEqual(positions.initial);
  await saveScreenshot(page, 'badge-hostile-page', { fullPage: false });
});

test('the badge never shifts the demo article and is keyboard reachable with a name', async ({ context, site }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  const before = await page.evaluate(() => ({
    h1: document.querySelector('h1')!.getBoundingClientRect().top,
    p: document.querySelector('article p')!.getBoundingClientRect().top,
  }));
  const badge = badgeOf(page);
  await badge.expectVisible();
  const after = await page.evaluate(() => ({
    h1: document.querySelector('h1')!.getBoundingClientRect().top,
    p: document.querySelector('article p')!.getBoundingClientRect().top,
  }));
  expect(after).toEqual(before);
  // Tab from the top of the page reaches the badge.
  await page.locator('header a').focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => badge.focused()).toBe(true);
  expect(await badge.accessibleName()).toMatch(/^Reuters · Center 11 sources.*Parallax/);
});

test('dismissing the badge hides it on that site only', async ({ context, site }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  await badgeOf(page).dismiss();
  await expect(page.locator('parallax-badge')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(1500);
  await expect(page.locator('parallax-badge')).toHaveCount(0);
  // Same server under another host name: a different site for the reader's choice.
  await page.goto(site.origin.replace('127.0.0.1', 'localhost') + demoSitePath(REUTERS));
  await badgeOf(page).expectVisible();
});

test('a single-page site gets the badge when it navigates to an article without a reload', async ({ context, site }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/spa.html`);
  await page.waitForTimeout(1000);
  await expect(page.locator('parallax-badge')).toHaveCount(0);
  await page.locator('#open-article').click();
  await expect(page).toHaveURL(/\/fixtures\/spa\/article\//);
  await badgeOf(page).expectText('Associated Press · Lean Left');
});

test('a section front that declares og:type=article gets no badge and sends nothing about itself', async ({ context, site, worker }) => {
  const seen = await recordWorkerMessages(worker);
  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/section-front.html`);
  await expect(page.getByRole('heading', { name: 'Politics', level: 1 })).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.locator('parallax-badge')).toHaveCount(0);
  // The wake script judges by the address alone, and this fixture's could be an article's: it may have
  // sent its wake, which says nothing of the page. Nothing else came.
  const wake = { type: 'worker/wake' };
  expect((await seen()).filter((message) => JSON.stringify(message) !== JSON.stringify(wake))).toEqual([]);
});

test.describe('dark mode', () => {
  test.use({ scheme: 'dark' });
  test('the badge follows the dark colour scheme', async ({ context, site }) => {
    const page = await context.newPage();
    await page.goto(site.origin + demoSitePath(REUTERS));
    const badge = badgeOf(page);
    await badge.expectVisible();
    expect(await badge.pillBackground()).toBe('rgb(22, 27, 34)');
    await saveScreenshot(page, 'badge-dark');
  });
});

test('clicking the badge opens the story’s details (the toolbar popup)', async ({ context, site, extensionId }) => {
  const page = await context.newPage();
  await page.goto(site.origin + demoSitePath(REUTERS));
  await badgeOf(page).click();
  // Playwright does not attach to the toolbar popup, so look for it among the browser's targets.
  const cdp = await context.newCDPSession(page);
  const popupTarget = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.find(
      (t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/popup.html`),
    );
  await expect.poll(async () => (await popupTarget()) !== undefined).toBe(true);
  // The toolbar popup names no tab: the worker finds the active one. Ask the popup what it shows,
  // through a CDP session attached to it.
  const { targetId } = (await popupTarget())!;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const answers = new Map<number, unknown>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) answers.set(message.id, message.result?.result?.value);
  });
  let nextId = 1;
  const popupState = async () => {
    const id = nextId++;
    const expression = `document.querySelector('.popup')?.getAttribute('data-state') + ' | ' + (document.querySelector('#story-title')?.textContent ?? '')`;
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    await expect.poll(() => answers.has(id)).toBe(true);
    return answers.get(id);
  };
  await expect.poll(popupState).toMatch(/^matched \| \S/);
});

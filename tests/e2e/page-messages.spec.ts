/**
 * What a page's own scripts hear from Parallax: nothing. Its scripts run in their own world and talk to
 * the worker only, so no page, nor the ad and analytics scripts on it, learns from a message or an event
 * that Parallax runs there, or under which extension id; and no page can stop or drive them with one.
 */
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { startHeldPages } from '../../src/demo/held-pages';
import type { BrowserContext } from '@playwright/test';
import { articlePage } from '../../src/demo/site';
import { badgeOf } from './badge';
import { expect, test } from './fixtures';
import { send } from './options-page';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
/** A link the lean chips annotate: another outlet's article. */
const OUTLET_LINK = '<p><a href="https://www.bbc.com/news/articles/c0storm2026">The storm, as the BBC reports it</a></p>';

/** Another outlet's article, linked from the page once it has its chips. */
const LATER_LINK = '<p><a href="https://www.theguardian.com/world/2026/mar/02/storm-coast">The storm, as the Guardian reports it</a></p>';
/** The four scripts' names, which the events of their framework (WXT) are named after, with the extension id. */
const SCRIPTS = ['article', 'wake', 'link-chips', 'chips-wake'];
const EVENTS = ['wxt:content-script-started', 'wxt:locationchange'];

type Listening = Window & { __heard: string[] };

/** An article page of the demo's Reuters story, served at once, with the lean chips switched on for its site. */
async function articleWithChips(context: BrowserContext, extensionId: string) {
  const server = await startHeldPages({ [demoSitePath(REUTERS)]: articlePage(REUTERS).replace('</body>', `${OUTLET_LINK}</body>`) }, 0);
  // The reader switched lean chips on for the site too: all four scripts run in the page.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await send(options, { type: 'chips.setSite', origin: server.origin, enabled: true })).toMatchObject({ ok: true });
  await expect
    .poll(() => options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort()))
    .toEqual(['parallax-link-chips', 'parallax-link-chips-wake']);
  await options.close();
  return server;
}

test('a page hears no message from the article, wake and lean chips scripts', async ({ context, extensionId }) => {
  const server = await articleWithChips(context, extensionId);
  try {
    const page = await context.newPage();
    // The page listens to its window's messages before anything runs, as a script watching for
    // extensions would.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as Listening).__heard = heard;
      window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)), true);
    });
    await page.goto(server.origin + demoSitePath(REUTERS));
    await badgeOf(page).expectText('Reuters · Center');
    await expect(page.locator('parallax-chip')).toHaveCount(1);

    // A message the page posts now arrives after any posted before it: once it is in, all are.
    const heard = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const { __heard } = window as unknown as Listening;
          window.addEventListener('message', (event) => {
            if (event.data === 'last') resolve(__heard.filter((data) => data !== '"last"'));
          });
          window.postMessage('last', '*');
        }),
    );
    expect(heard).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a page that knows the extension id hears no script start, and cannot stop the scripts or make them look again', async ({
  context,
  extensionId,
}) => {
  // A published extension's id is public: a page can name the events the scripts' framework uses.
  const server = await articleWithChips(context, extensionId);
  try {
    const page = await context.newPage();
    await page.addInitScript(
      ({ id, scripts, events }) => {
        const heard: string[] = [];
        (window as unknown as Listening).__heard = heard;
        for (const script of scripts) {
          for (const event of events) {
            const name = `${id}:${script}:${event}`;
            for (const target of [document, window]) target.addEventListener(name, () => heard.push(name), true);
          }
        }
        // Every time the badge leaves the page (the article script takes it down to look at the page again).
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.removedNodes) if (node.nodeName === 'PARALLAX-BADGE') heard.push('badge removed');
          }
        }).observe(document, { childList: true, subtree: true });
      },
      { id: extensionId, scripts: SCRIPTS, events: EVENTS },
    );
    await page.goto(server.origin + demoSitePath(REUTERS));
    await badgeOf(page).expectText('Reuters · Center');
    await expect(page.locator('parallax-chip')).toHaveCount(1);

    // Nothing so far: no script's start, at any time since the page began.
    const heardBefore = await page.evaluate(() => [...(window as unknown as Listening).__heard]);
    expect(heardBefore).toEqual([]);

    // The page sends what a newer copy of each script would send as it starts, and what the article
    // script would take for an address change.
    await page.evaluate(
      ({ id, scripts }) => {
        for (const script of scripts) {
          const detail = { contentScriptName: script, messageId: 'forged' };
          document.dispatchEvent(new CustomEvent(`${id}:${script}:wxt:content-script-started`, { detail }));
          window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
        }
      },
      { id: extensionId, scripts: SCRIPTS },
    );
    // The chips script still annotates what the page adds.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), LATER_LINK);
    await expect(page.locator('parallax-chip')).toHaveCount(2);
    // Past the article script's wait after an address change (400 ms), the badge has never left.
    await page.waitForTimeout(1_000);
    await badgeOf(page).expectText('Reuters · Center');
    const heard = await page.evaluate(() => (window as unknown as Listening).__heard);
    expect(heard).not.toContain('badge removed');
  } finally {
    await server.close();
  }
});

/**
 * What a page's own scripts hear from Parallax: nothing. Its scripts run in their own world and talk to
 * the worker only, so no page, nor the ad and analytics scripts on it, learns from a message that
 * Parallax runs there, or under which extension id.
 */
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { startHeldPages } from '../../src/demo/held-pages';
import { articlePage } from '../../src/demo/site';
import { badgeOf } from './badge';
import { expect, test } from './fixtures';
import { send } from './options-page';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
/** A link the lean chips annotate: another outlet's article. */
const OUTLET_LINK = '<p><a href="https://www.bbc.com/news/articles/c0storm2026">The storm, as the BBC reports it</a></p>';

type Listening = Window & { __heard: string[] };

test('a page hears no message from the article, wake and lean chips scripts', async ({ context, extensionId }) => {
  // Sent at once (no hold): an article page with a link to another outlet's article.
  const server = await startHeldPages({ [demoSitePath(REUTERS)]: articlePage(REUTERS).replace('</body>', `${OUTLET_LINK}</body>`) }, 0);
  try {
    // The reader switched lean chips on for the site too: all four scripts run in the page.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    expect(await send(options, { type: 'chips.setSite', origin: server.origin, enabled: true })).toMatchObject({ ok: true });
    await expect
      .poll(() => options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort()))
      .toEqual(['parallax-link-chips', 'parallax-link-chips-wake']);
    await options.close();

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

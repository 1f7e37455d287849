/**
 * The page cannot reach the badge: its scripts can neither read, rewrite nor click it, while the
 * reader's own click opens the story's details once. And the badge passes axe, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { badgeOf } from './badge';
import { expect, test } from './fixtures';

const REUTERS = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;

/** The details views open: the toolbar popup or a popup.html tab, counted among the browser's targets. */
async function detailsOpen(context: BrowserContext, page: Page, extensionId: string): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/popup.html`)).length;
}

test('a page script can neither read, rewrite nor click the badge; the reader’s click opens the details once', async ({
  context,
  site,
  extensionId,
}) => {
  const page = await context.newPage();
  // The page hooks attachShadow before anything runs, as a script bent on reaching the badge would.
  await page.addInitScript(() => {
    const roots: ShadowRoot[] = [];
    (window as unknown as { __roots: ShadowRoot[] }).__roots = roots;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, { ...init, mode: 'open' });
      roots.push(root);
      return root;
    };
  });
  await page.goto(site.origin + demoSitePath(REUTERS));
  const badge = badgeOf(page);
  await badge.expectText('Reuters · Center');

  // Everything below runs in the page's own JavaScript world.
  const attack = await page.evaluate(async () => {
    const host = document.querySelector('parallax-badge') as HTMLElement;
    const seen = {
      shadowRoot: host.shadowRoot === null ? null : host.shadowRoot.textContent,
      hooked: (window as unknown as { __roots: ShadowRoot[] }).__roots.length,
      text: host.textContent,
      reattach: '',
    };
    try {
      host.attachShadow({ mode: 'open' }).textContent = 'FORGED: 99 sources';
    } catch (error) {
      seen.reattach = (error as Error).name;
    }
    host.textContent = 'FORGED: 99 sources';
    const box = host.getBoundingClientRect();
    for (let i = 0; i < 20; i += 1) {
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      (document.elementFromPoint(box.left + 40, box.top + 16) as HTMLElement | null)?.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    await new Promise((done) => setTimeout(done, 1500));
    return seen;
  });
  expect(attack).toEqual({ shadowRoot: null, hooked: 0, text: '', reattach: 'NotSupportedError' });
  // The pill still says what Parallax says, and nothing opened.
  expect(await badge.text()).not.toContain('FORGED');
  expect(await badge.text()).toContain('11 sources · L 30% · C 30% · R 40%');
  expect(await detailsOpen(context, page, extensionId)).toBe(0);

  // The reader's click (a real mouse event) opens the details, once.
  await badge.click();
  await expect.poll(() => detailsOpen(context, page, extensionId)).toBe(1);
  await page.waitForTimeout(1500);
  expect(await detailsOpen(context, page, extensionId)).toBe(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`badge in ${scheme}`, () => {
    test.use({ scheme });

    test('has no serious or critical axe violation, and its name contains its visible text', async ({ context, site }) => {
      const page = await context.newPage();
      await page.goto(site.origin + demoSitePath(REUTERS));
      const badge = badgeOf(page);
      await badge.expectVisible();
      const visible = (await badge.visibleText()) ?? '';
      expect(visible).toBe('Reuters · Center 11 sources · L 30% · C 30% · R 40%');
      expect(await badge.accessibleName()).toContain(visible);
      // axe cannot enter a closed root: check an exact copy of the badge's markup and styles, placed
      // where the badge is, in an open one.
      const markup = await badge.shadowMarkup();
      await page.evaluate((html) => {
        const copy = document.createElement('div');
        copy.id = 'badge-copy';
        copy.style.position = 'relative';
        copy.attachShadow({ mode: 'open' }).innerHTML = html ?? '';
        document.querySelector('parallax-badge')!.after(copy);
      }, markup);
      // label-content-name-mismatch is one of axe's experimental rules, off unless asked for.
      const results = await new AxeBuilder({ page })
        .include('#badge-copy')
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      expect(results.passes.some((rule) => rule.id === 'label-content-name-mismatch')).toBe(true);
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}

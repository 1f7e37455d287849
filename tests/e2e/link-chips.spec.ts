/**
 * The lean chips, end to end on a granted site served under its real host: switched on from an
 * extension page, the worker registers the chips script there, and the page gets chips beside the links
 * to known outlets' articles only; nothing moves, and the page can neither read nor click them.
 */
import type { Page } from '@playwright/test';
import { grantedBuild } from './granted-build';
import { ChipProbe } from './link-chips';
import { ARTIFACTS } from './fixtures';
import { expect, test } from './real-hosts';

const PAGE_URL = 'https://news.ycombinator.com/';

test.use({
  realPages: { [PAGE_URL]: 'tests/fixtures/e2e/link-chips/link-list.html' },
  extensionDir: grantedBuild(['https://news.ycombinator.com/*']),
});

const rowsExpecting = (page: Page, what: string) => page.locator(`li.row[data-expect="${what}"]`);

test('a granted, switched-on site gets chips beside the links to outlets’ articles only, and they stay the reader’s', async ({
  context,
  extensionId,
  worker,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'chips.setGroup', group: 'social', enabled: true }));
  expect(reply).toMatchObject({ ok: true, data: { groups: { social: true } } });
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches, s.runAt])))
    .toEqual([
      ['parallax-link-chips', ['https://news.ycombinator.com/*'], 'document_idle'],
      // It wakes the worker as the page starts loading.
      ['parallax-link-chips-wake', ['https://news.ycombinator.com/*'], 'document_start'],
    ]);

  const page = await context.newPage();
  await page.goto(PAGE_URL);
  const probe = new ChipProbe(page);
  await expect.poll(() => page.locator('parallax-chip').count()).toBe(3);
  // Beside the right links: each chip follows its row's link.
  for (const row of await rowsExpecting(page, 'chip').all()) await expect(row.locator('a + parallax-chip')).toHaveCount(1);
  for (const row of await rowsExpecting(page, 'quiet').all()) await expect(row.locator('a + parallax-chip')).toHaveCount(1);
  await expect(rowsExpecting(page, 'none').locator('parallax-chip')).toHaveCount(0);
  expect(await probe.labels()).toEqual(['The Guardian: Lean Left', 'Fox News: Right', 'MacRumors: Unrated']);
  expect(await probe.visibleTexts()).toEqual(['Lean Left', 'Right', '']);
  expect((await probe.descriptions())[0]).toBe(
    'Lean Left, rated by AllSides Media Bias Ratings (2023-07). Owner: Guardian Media Group (Scott Trust)',
  );

  // The worker sends each label's width with the chip's words, so the page's thread measures none; the
  // same as a canvas of the page measures it.
  const sent = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'chips.outlets', hosts: ['www.theguardian.com'] }))) as {
    data: { outlets: Record<string, { texts: { label: string; shortLabel: string; labelEm?: number; shortLabelEm?: number } }> };
  };
  const [texts] = Object.values(sent.data.outlets).map((outlet) => outlet.texts);
  const inPage = await page.evaluate(
    `(() => { const c = document.createElement('canvas').getContext('2d'); c.font = '600 100px system-ui, sans-serif';
      return ${JSON.stringify([texts.label, texts.shortLabel])}.map((label) => c.measureText(label).width / 100); })()`,
  );
  expect(texts.labelEm).toBeCloseTo((inPage as number[])[0], 3);
  expect(texts.shortLabelEm).toBeCloseTo((inPage as number[])[1], 3);

  // Nothing moved: every row has the box it had before the chips came.
  const boxesAfter = await page.evaluate(() =>
    [...document.querySelectorAll('li.row')].map((row) => {
      const box = row.getBoundingClientRect();
      return [box.x, box.y, box.width, box.height];
    }),
  );
  expect(boxesAfter).toEqual(await page.evaluate(() => (window as unknown as { boxesBefore: number[][] }).boxesBefore));
  // The chip's box is the one reserved for it before it was drawn.
  for (const widths of await probe.hostAndChipWidths()) expect(widths.same).toBe(true);

  // The page cannot read the chip, nor open it with a click of its own.
  expect(await page.evaluate(() => [...document.querySelectorAll('parallax-chip')].map((chip) => chip.shadowRoot))).toEqual([
    null,
    null,
    null,
  ]);
  await page.evaluate(() => (document.querySelector('parallax-chip') as HTMLElement).click());
  expect(await probe.expanded(0)).toBe(false);

  // By keyboard: Tab from the link reaches its chip, which shows its focus ring and its tooltip (the chip
  // gets its style sheet on its first focus; its own style has no ring).
  await page.locator('li.row a').first().focus();
  await page.keyboard.press('Tab');
  expect(await probe.focusRing(0)).toBe('solid 2px');
  expect(await probe.tooltipShown(0)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await probe.tooltipShown(0)).toBe(false);

  // The reader's hover and click show the tooltip, and the click goes no further than the chip.
  await probe.hover(0);
  expect(await probe.tooltipShown(0)).toBe(true);
  // Drawn over the page, even over the page's own positioned boxes after the chip (a card, a sticky bar):
  // the reader's pointer there finds the chip, not the row under the tooltip.
  await page.evaluate(() => {
    for (const row of document.querySelectorAll<HTMLElement>('li.row')) row.style.position = 'relative';
  });
  const tip = await probe.tooltipCenter(0);
  expect(tip).not.toBeNull();
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, tip ?? { x: 0, y: 0 })).toBe('parallax-chip');
  expect(await probe.tooltipText(0)).toBe(
    'The GuardianLean Left, rated by AllSides Media Bias Ratings (2023-07)Owner: Guardian Media Group (Scott Trust)',
  );
  const clicksBefore = await page.evaluate(() => (window as unknown as { clicksReachedLink: number }).clicksReachedLink);
  await probe.click(0);
  expect(await probe.expanded(0)).toBe(true);
  await page.screenshot({ path: `${ARTIFACTS}/link-chips-smoke.png` });
  expect(await page.evaluate(() => (window as unknown as { clicksReachedLink: number }).clicksReachedLink)).toBe(clicksBefore);

  // Links the page adds later get theirs.
  await page.evaluate(() => {
    const list = document.getElementById('rows') as HTMLElement;
    for (const slug of ['river-floods-town-centre', 'council-votes-on-new-bridge']) {
      const row = document.createElement('li');
      row.className = 'row';
      const link = document.createElement('a');
      link.href = `https://www.reuters.com/world/uk/${slug}-2024-03-02/`;
      link.textContent = slug;
      row.append(link);
      list.append(row);
    }
  });
  await expect.poll(() => page.locator('parallax-chip').count()).toBe(5);
  expect((await probe.labels()).slice(3)).toEqual(['Reuters: Center', 'Reuters: Center']);

  // A link the page adds to a host known by now gets its chip in the task that added it, whole, before
  // the browser lays the row out or draws it: the row is drawn once, with its chip.
  const inSameTask = await page.evaluate(async () => {
    const row = document.createElement('li');
    row.className = 'row';
    const link = document.createElement('a');
    link.href = 'https://www.reuters.com/world/uk/ferry-service-resumes-2024-03-03/';
    link.textContent = 'ferry-service-resumes';
    row.append(link);
    (document.getElementById('rows') as HTMLElement).append(row);
    // The observers' microtask was queued by the insertion, before this one.
    await Promise.resolve();
    const chip = row.querySelector('a + parallax-chip');
    const reuters = document.querySelectorAll('parallax-chip')[3];
    return { chip: chip !== null, sameFormAsReuters: chip?.getAttribute('style') === reuters.getAttribute('style') };
  });
  expect(inSameTask).toEqual({ chip: true, sameFormAsReuters: true });
  expect((await probe.labels()).slice(5)).toEqual(['Reuters: Center']);

  // A page that clones a row as a template copies its chip, closed root and lean included: the copy
  // never shows beside the link the page puts there, and a copied link gets a chip of its own.
  await page.evaluate(() => {
    const list = document.getElementById('rows') as HTMLElement;
    const guardian = list.querySelector('li.row') as HTMLElement;
    const reused = guardian.cloneNode(true) as HTMLElement;
    const link = reused.querySelector('a') as HTMLAnchorElement;
    link.href = 'https://blog.example.org/2024/03/02/a-post-about-the-storm';
    link.textContent = 'a post about the storm';
    const again = guardian.cloneNode(true) as HTMLElement;
    list.append(reused, again);
  });
  await expect.poll(() => page.locator('parallax-chip').count()).toBe(7);
  await expect(page.locator('li.row').nth(-2).locator('parallax-chip')).toHaveCount(0);
  await expect(page.locator('li.row').last().locator('a + parallax-chip')).toHaveCount(1);
  expect((await probe.labels()).slice(6)).toEqual(['The Guardian: Lean Left']);
});

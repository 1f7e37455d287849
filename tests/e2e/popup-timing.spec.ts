/**
 * The popup's time to its story, measured as the browser bench measures it (npm run bench -- --only
 * browser): from the popup's navigation start to the User Timing mark it sets once the story is drawn.
 * Opened as a reader opens it (the toolbar popup over the article's tab), and, in turns with that, as a
 * page of its own for the tab (`popup.html?tab=ID`, a new tab: the way the other popup tests open it).
 * Printed, not asserted: tests do not time things; what is asserted is that every opening draws the
 * article's story.
 */
import { DEMO_STORIES, demoSitePath } from '../../src/core/demo-index';
import { openToolbarPopup } from '../../src/demo/toolbar-popup';
import { POPUP_MARKS } from '../../src/ui/popup/first-story';
import { openArticleTab } from './badge';
import { expect, openPopupForTab, test } from './fixtures';

const AP = DEMO_STORIES[0].articles.find((a) => a.host === 'apnews.com')!;
const OPENINGS = 11;

test('the popup draws the article’s story at every opening, and prints how long that took', async ({
  context,
  site,
  extensionId,
  worker,
}) => {
  const { page, tabId } = await openArticleTab(context, worker, site.origin + demoSitePath(AP));
  const toolbar: number[] = [];
  const asTab: number[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    const popup = await openToolbarPopup(context, extensionId, page, worker);
    const drawn = await popup.waitFor<string>(
      `performance.getEntriesByName(${JSON.stringify(POPUP_MARKS.rendered)}).length > 0 && JSON.stringify({
        ms: performance.getEntriesByName(${JSON.stringify(POPUP_MARKS.rendered)})[0].startTime,
        state: document.querySelector('.popup')?.getAttribute('data-state'),
        outlet: document.querySelector('[data-testid="outlet-card"]')?.textContent ?? '',
      })`,
    );
    const { ms, state, outlet } = JSON.parse(drawn) as { ms: number; state: string; outlet: string };
    expect(state).toBe('matched');
    expect(outlet).toContain('Associated Press');
    expect(ms).toBeGreaterThan(0);
    toolbar.push(ms);
    await popup.close();

    const tab = await openPopupForTab(context, extensionId, tabId);
    await expect(tab.locator('.popup')).toHaveAttribute('data-state', 'matched');
    await expect(tab.getByTestId('outlet-card')).toContainText('Associated Press');
    asTab.push(await tab.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, POPUP_MARKS.rendered));
    await tab.close();
  }
  const p50 = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] * 10) / 10;
  const figure = {
    measure: 'popup-open-to-story',
    index: 'demo',
    openings: OPENINGS,
    p50Ms: p50(toolbar),
    maxMs: Math.round(Math.max(...toolbar) * 10) / 10,
    openedAsTabP50Ms: p50(asTab),
  };
  test.info().annotations.push({ type: 'timing', description: JSON.stringify(figure) });
  console.log(JSON.stringify(figure));
});

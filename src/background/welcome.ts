/** The first run: on install, the welcome page opens in a tab of its own. */
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** Opens the welcome page after a fresh install (not after an update or a browser update). */
export async function openWelcomeOnInstall(reason: string): Promise<void> {
  if (reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

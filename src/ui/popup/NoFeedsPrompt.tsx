import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../messaging/client';
import { t } from '../i18n';

/** Opens the welcome page, where a balanced starter set of feeds is one click away. */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  window.close();
}

/**
 * Under the popup's empty states: when the reader has enabled no feed at all (a new install that
 * skipped the welcome page), the way back to it.
 */
export function NoFeedsPrompt() {
  const [noFeeds, setNoFeeds] = useState(false);
  useEffect(() => {
    ask({ type: 'refresh/status' }).then(
      (status) => setNoFeeds(status.feedsEnabled === 0),
      () => undefined,
    );
  }, []);
  if (!noFeeds) return null;
  return (
    <div class="message" data-testid="no-feeds">
      <p>{t('stateNoFeeds')}</p>
      <button type="button" class="button" onClick={() => void openWelcome()}>
        {t('stateNoFeedsAction')}
      </button>
    </div>
  );
}

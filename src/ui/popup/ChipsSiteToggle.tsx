import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CHIP_SCRIPT_FILE, type ChipSettings, sitePatterns, siteOrigin } from '../../core/links/index';
import { ask } from '../../messaging/client';
import { t } from '../i18n';
import { requestOrigins } from '../options/browser-access';
import { groupsCovering, originHost, releaseChipPatterns } from '../options/chip-access';
import { openOptions } from './OutletCard';
import { popupTab } from './first-story';
import { workerErrorText } from '../worker-error';

const GROUP_NAMES = { search: 'chipsGroupSearch', aggregators: 'chipsGroupAggregators', social: 'chipsGroupSocial' } as const;

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; tabId: number; origin: string; settings: ChipSettings; note: string; busy: boolean }
  | { kind: 'error'; message: string };

/**
 * The popup's "Show lean chips on this site": asks for the tab's site (inside the click), switches the
 * chips on for it, and draws them in the open tab at once; pages opened later get them from the worker.
 */
export function ChipsSiteToggle({ search }: { search: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    Promise.all([popupTab(search), ask({ type: 'chips.settings' })]).then(
      ([tab, settings]) => {
        const origin = tab?.url ? siteOrigin(tab.url) : null;
        setState(
          tab?.id === undefined || origin === null
            ? { kind: 'unavailable' }
            : { kind: 'ready', tabId: tab.id, origin, settings, note: '', busy: false },
        );
      },
      (error: unknown) => setState({ kind: 'error', message: workerErrorText(error) }),
    );
  }, [search]);

  if (state.kind === 'loading') {
    return (
      <footer class="chips-site" aria-busy="true" data-testid="chips-site-toggle">
        <p class="muted small">{t('popupChipsChecking')}</p>
      </footer>
    );
  }
  if (state.kind === 'unavailable') {
    return (
      <footer class="chips-site" data-testid="chips-site-toggle">
        <p class="muted small">{t('popupChipsUnavailable')}</p>
      </footer>
    );
  }
  if (state.kind === 'error') {
    return (
      <footer class="chips-site" data-testid="chips-site-toggle">
        <p class="error small" role="alert">
          {t('stateError', state.message)}
        </p>
      </footer>
    );
  }

  const { tabId, origin, settings, busy } = state;
  const host = originHost(origin);
  const byGroup = groupsCovering(origin).filter((group) => settings.groups[group]);
  const bySite = settings.sites.includes(origin);
  const update = (patch: Partial<Extract<State, { kind: 'ready' }>>) =>
    setState((current) => (current.kind === 'ready' ? { ...current, ...patch } : current));
  const fail = (error: unknown) => setState({ kind: 'error', message: workerErrorText(error) });

  /** Synchronous up to the prompt: the permission request needs the click's user gesture. */
  const switchOn = () => {
    update({ busy: true, note: '' });
    void requestOrigins(sitePatterns(origin))
      .then(async (granted) => {
        if (!granted) return update({ busy: false, note: t('chipsRefused', host) });
        const next = await ask({ type: 'chips.setSite', origin, enabled: true });
        // The open tab gets the chips now; the registration covers the pages loaded from now on.
        await browser.scripting.executeScript({ target: { tabId }, files: [`/${CHIP_SCRIPT_FILE}`] });
        update({ settings: next, busy: false, note: t('popupChipsDrawn') });
      })
      .catch(fail);
  };

  const switchOff = () => {
    update({ busy: true, note: '' });
    void ask({ type: 'chips.setSite', origin, enabled: false })
      .then(async (next) => {
        await releaseChipPatterns(sitePatterns(origin), next);
        update({ settings: next, busy: false, note: t('chipsGroupOff', host) });
      })
      .catch(fail);
  };

  return (
    <footer class="chips-site" data-testid="chips-site-toggle">
      {byGroup.length > 0 && !bySite ? (
        <p class="small">
          {t('popupChipsByGroup', host, byGroup.map((group) => t(GROUP_NAMES[group])).join(', '))}{' '}
          <button type="button" class="link-button" onClick={() => void openOptions()}>
            {t('openOptions')}
          </button>
        </p>
      ) : bySite ? (
        <p class="row small">
          <span class="grow">{t('popupChipsActive', host)}</span>
          <button type="button" class="button" disabled={busy} onClick={switchOff} data-testid="chips-site-off">
            {t('popupChipsStop')}
          </button>
        </p>
      ) : (
        <>
          <button type="button" class="button" disabled={busy} onClick={switchOn} data-testid="chips-site-on">
            {t('popupChipsOn')}
          </button>
          <p class="muted small">{t('popupChipsHint', host)}</p>
        </>
      )}
      <p class="small" role="status" data-testid="chips-site-note">
        {state.note}
      </p>
    </footer>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Preferences, PreferencesPatch } from '../../core/preferences';
import { hostOf } from '../../messaging/protocol-options';
import { type MessageName, t } from '../i18n';
import { ALL_SITES_ORIGINS, hasOrigins, requestOrigins } from './browser-access';
import { ask } from '../../messaging/client';
import { ErrorNote, useFailure } from './SectionStates';
import { SiteField, SiteRow } from './SiteField';

type BadgeMode = Preferences['badgeMode'];
const MODES: { mode: BadgeMode; label: MessageName; hint: MessageName }[] = [
  { mode: 'rated', label: 'badgeModeRated', hint: 'badgeModeRatedHint' },
  { mode: 'list', label: 'badgeModeList', hint: 'badgeModeListHint' },
  { mode: 'nowhere', label: 'badgeModeNowhere', hint: 'badgeModeNowhereHint' },
];

const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

interface Props {
  prefs: Preferences;
  update(patch: PreferencesPatch): Promise<void>;
}

/** Where the badge shows: every rated outlet, a list of sites, or nowhere; dismissed sites; all sites. */
export function BadgeSection({ prefs, update }: Props) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [allSites, setAllSites] = useState<boolean | null>(null);
  const [allSitesNote, setAllSitesNote] = useState('');
  const failure = useFailure();

  useEffect(() => {
    void Promise.all([ask({ type: 'content/all-sites-status' }), hasOrigins(ALL_SITES_ORIGINS)]).then(
      ([state, granted]) => setAllSites(state.enabled && granted),
      (e: unknown) => {
        setAllSites(false);
        failure.fail(e);
      },
    );
  }, []);

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = hostOf(site).replace(/^www\./, '');
    if (!HOST_PATTERN.test(host)) {
      setSiteError(t('badgeSiteInvalid', site.trim()));
      document.getElementById('badge-site')?.focus();
      return;
    }
    setSiteError('');
    setSite('');
    if (!prefs.badgeSites.includes(host)) void update({ badgeSites: [...prefs.badgeSites, host] });
  };

  /** Synchronous up to the prompt: the permission request needs the click's user gesture. */
  const toggleAllSites = (on: boolean) => {
    const granted = on ? requestOrigins(ALL_SITES_ORIGINS) : Promise.resolve(true);
    void granted
      .then(async (ok) => {
        if (!ok) {
          setAllSitesNote(t('allSitesRefused'));
          setAllSites(false);
          return;
        }
        const state = await ask({ type: 'content/all-sites', enabled: on });
        setAllSites(state.enabled);
        setAllSitesNote(state.enabled ? t('allSitesOn') : t('allSitesOff'));
      })
      .catch(failure.fail);
  };

  return (
    <section class="card" aria-labelledby="badge-title" id="badge">
      <h2 id="badge-title">{t('badgeTitle')}</h2>
      <ErrorNote error={failure.error} />
      <fieldset class="choices" data-testid="badge-mode">
        <legend>{t('badgeModeLegend')}</legend>
        {MODES.map(({ mode, label, hint }) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="badge-mode"
              value={mode}
              checked={prefs.badgeMode === mode}
              onChange={() => void update({ badgeMode: mode })}
              data-testid={`badge-mode-${mode}`}
            />
            <span>
              <strong>{t(label)}</strong>
              <span class="muted small block">{t(hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {prefs.badgeMode === 'list' ? (
        <div class="subsection" data-testid="badge-sites">
          <h3>{t('badgeSitesTitle')}</h3>
          <SiteField
            id="badge-site"
            label={t('badgeSiteLabel')}
            addLabel={t('badgeSiteAdd')}
            value={site}
            error={siteError}
            onInput={setSite}
            onSubmit={addSite}
          />
          <ul class="plain-list">
            {prefs.badgeSites.length === 0 ? <li class="muted">{t('badgeSitesNone')}</li> : null}
            {prefs.badgeSites.map((host) => (
              <SiteRow
                key={host}
                name={host}
                testId="badge-site"
                data={{ 'data-host': host }}
                actionLabel={t('remove')}
                onAction={() => void update({ badgeSites: prefs.badgeSites.filter((h) => h !== host) })}
              />
            ))}
          </ul>
        </div>
      ) : null}

      <div class="subsection">
        <h3>{t('dismissedTitle')}</h3>
        <p class="muted small">{t('dismissedIntro')}</p>
        <ul class="plain-list" data-testid="dismissed-sites">
          {prefs.dismissedSites.length === 0 ? <li class="muted">{t('dismissedNone')}</li> : null}
          {prefs.dismissedSites.map((host) => (
            <SiteRow
              key={host}
              name={host}
              testId="dismissed-site"
              data={{ 'data-host': host }}
              actionLabel={t('dismissedUndo')}
              actionTestId="undismiss"
              onAction={() => void update({ dismissedSites: prefs.dismissedSites.filter((h) => h !== host) })}
            />
          ))}
        </ul>
      </div>

      <div class="subsection">
        <h3>{t('allSitesTitle')}</h3>
        <label class="check">
          <input
            type="checkbox"
            checked={allSites === true}
            disabled={allSites === null}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              e.currentTarget.checked = !on;
              toggleAllSites(on);
            }}
            aria-describedby="all-sites-hint"
            data-testid="all-sites"
          />
          {t('allSitesLabel')}
        </label>
        <p id="all-sites-hint" class="muted small">
          {t('allSitesHint')}
        </p>
        <p class="small" role="status" data-testid="all-sites-note">
          {allSitesNote}
        </p>
      </div>
    </section>
  );
}

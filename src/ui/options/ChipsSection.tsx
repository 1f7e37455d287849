import { useEffect, useState } from 'preact/hooks';
import { CHIP_GROUP_PATTERNS, CHIP_GROUPS, type ChipGroup, type ChipSettings, sitePatterns } from '../../core/links/index';
import { ask } from '../../messaging/client';
import { type MessageName, t } from '../i18n';
import { requestOrigins } from './browser-access';
import { originHost, releaseChipPatterns, siteInputOrigin } from './chip-access';
import { ErrorNote, Loading, useFailure } from './SectionStates';
import { SiteField, SiteRow } from './SiteField';

const GROUP_TEXT: Record<ChipGroup, { label: MessageName; sites: MessageName }> = {
  search: { label: 'chipsGroupSearch', sites: 'chipsGroupSearchSites' },
  aggregators: { label: 'chipsGroupAggregators', sites: 'chipsGroupAggregatorsSites' },
  social: { label: 'chipsGroupSocial', sites: 'chipsGroupSocialSites' },
};

/**
 * Where the lean chips run: three groups of sites (all off until the reader switches one on, which asks
 * for those sites' permission), and sites the reader adds one by one, such as a Mastodon instance.
 */
export function ChipsSection() {
  const [settings, setSettings] = useState<ChipSettings | null>(null);
  const [note, setNote] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  useEffect(() => {
    ask({ type: 'chips.settings' }).then(setSettings, failure.fail);
  }, []);

  /**
   * Switching on asks for the sites first, synchronously inside the reader's click (the browser shows its
   * prompt only during a user gesture), and tells the worker only once they are granted.
   */
  const change = (patterns: readonly string[], on: boolean, name: string, send: () => Promise<ChipSettings>) => {
    setBusy(true);
    const granted = on ? requestOrigins(patterns) : Promise.resolve(true);
    void granted
      .then(async (ok) => {
        if (!ok) {
          setNote(t('chipsRefused', name));
          return;
        }
        const next = await send();
        setSettings(next);
        if (!on) await releaseChipPatterns(patterns, next);
        failure.clear();
        return next;
      })
      .then((next) => {
        if (next) setNote(on ? t('chipsGroupOn', name) : t('chipsGroupOff', name));
      })
      .catch(failure.fail)
      .finally(() => setBusy(false));
  };

  const toggleGroup = (group: ChipGroup, on: boolean) =>
    change(CHIP_GROUP_PATTERNS[group], on, t(GROUP_TEXT[group].label), () => ask({ type: 'chips.setGroup', group, enabled: on }));

  const toggleSite = (origin: string, on: boolean) =>
    change(sitePatterns(origin), on, originHost(origin), () => ask({ type: 'chips.setSite', origin, enabled: on }));

  const addSite = (event: Event) => {
    event.preventDefault();
    const origin = siteInputOrigin(site);
    if (origin === null) {
      setSiteError(t('chipsSiteInvalid', site.trim()));
      document.getElementById('chips-site')?.focus();
      return;
    }
    setSiteError('');
    setSite('');
    toggleSite(origin, true);
  };

  return (
    <section
      class="card"
      aria-labelledby="chips-title"
      id="chips"
      data-testid="chips-section"
      aria-busy={settings === null ? 'true' : 'false'}
    >
      <h2 id="chips-title">{t('chipsTitle')}</h2>
      <p>{t('chipsIntro')}</p>
      <ErrorNote error={failure.error} />
      <fieldset class="choices" disabled={settings === null || busy}>
        <legend>{t('chipsGroupsLegend')}</legend>
        {CHIP_GROUPS.map((group) => (
          <label key={group} class="choice">
            <input
              type="checkbox"
              role="switch"
              checked={settings?.groups[group] === true}
              aria-checked={settings?.groups[group] === true ? 'true' : 'false'}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                // The box shows the stored state until the worker confirms the change.
                e.currentTarget.checked = !on;
                toggleGroup(group, on);
              }}
              aria-describedby="chips-permission-hint"
              data-testid={`chips-group-${group}`}
            />
            <span>
              <strong>{t(GROUP_TEXT[group].label)}</strong>
              <span class="muted small block">{t(GROUP_TEXT[group].sites)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id="chips-permission-hint" class="muted small">
        {t('chipsAsksPermission')}
      </p>
      <p class="small" role="status" data-testid="chips-note">
        {note}
      </p>

      <div class="subsection">
        <h3>{t('chipsSitesTitle')}</h3>
        <p class="muted small">{t('chipsSitesIntro')}</p>
        <SiteField
          id="chips-site"
          label={t('chipsSiteLabel')}
          addLabel={t('chipsSiteAdd')}
          value={site}
          error={siteError}
          placeholder={t('chipsSitePlaceholder')}
          disabled={settings === null || busy}
          onInput={setSite}
          onSubmit={addSite}
        />
        <ul class="plain-list" data-testid="chips-sites">
          {settings === null ? <Loading as="li" /> : null}
          {settings?.sites.length === 0 ? <li class="muted">{t('chipsSitesNone')}</li> : null}
          {settings?.sites.map((origin) => (
            <SiteRow
              key={origin}
              name={originHost(origin)}
              testId="chips-site"
              data={{ 'data-origin': origin }}
              actionLabel={t('remove')}
              disabled={busy}
              onAction={() => toggleSite(origin, false)}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}

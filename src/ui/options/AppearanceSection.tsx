import { useEffect, useState } from 'preact/hooks';
import type { Preferences, PreferencesPatch } from '../../core/preferences';
import { type MessageName, t } from '../i18n';
import { deviceSummaryAvailable } from '../story/device-summary';
import { applyTheme, type ThemeChoice } from '../theme';

const THEMES: { theme: ThemeChoice; label: MessageName }[] = [
  { theme: 'system', label: 'themeSystem' },
  { theme: 'light', label: 'themeLight' },
  { theme: 'dark', label: 'themeDark' },
];

interface Props {
  prefs: Preferences;
  update(patch: PreferencesPatch): Promise<void>;
}

/** The extension pages' theme, and the opt-in to a summary written by the browser's on-device model. */
export function AppearanceSection({ prefs, update }: Props) {
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    void deviceSummaryAvailable().then(setAvailable);
  }, []);
  const choose = (theme: ThemeChoice) => {
    // At once, before the worker answers: the page itself is the preview.
    applyTheme(theme);
    void update({ theme });
  };
  return (
    <section class="card" aria-labelledby="appearance-title" id="appearance">
      <h2 id="appearance-title">{t('themeTitle')}</h2>
      <fieldset class="choices" data-testid="theme">
        <legend>{t('themeLegend')}</legend>
        {THEMES.map(({ theme, label }) => (
          <label key={theme} class="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={prefs.theme === theme}
              onChange={() => choose(theme)}
              data-testid={`theme-${theme}`}
            />
            <span>{t(label)}</span>
          </label>
        ))}
      </fieldset>
      <div class="subsection">
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.deviceSummary}
            onChange={(e) => void update({ deviceSummary: e.currentTarget.checked })}
            aria-describedby="device-summary-state"
            data-testid="device-summary"
          />
          {t('deviceSummaryOption')}
        </label>
        <p id="device-summary-state" class="muted small" data-testid="device-summary-state">
          {available === false ? t('deviceSummaryAbsent') : ''}
        </p>
      </div>
    </section>
  );
}

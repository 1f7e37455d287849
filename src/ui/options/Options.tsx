import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesPatch } from '../../core/preferences';
import type { OutletSummary } from '../../messaging/protocol';
import { type MessageName, t } from '../i18n';
import { AppearanceSection } from './AppearanceSection';
import { BadgeSection } from './BadgeSection';
import { ChipsSection } from './ChipsSection';
import { DataSection } from './DataSection';
import { FeedsSection } from './FeedsSection';
import { Notices } from './Notices';
import { ask } from '../../messaging/client';
import { ErrorNote, PlaceholderCard, useFailure } from './SectionStates';
import { ProvidersSection } from './ProvidersSection';
import { ReadingSection } from './ReadingSection';
import { SourcesSection } from './SourcesSection';
import { applyTheme } from '../theme';

type Loaded = { outlets: OutletSummary[]; prefs: Preferences };

const SECTIONS: { id: string; label: MessageName }[] = [
  { id: 'sources', label: 'optionsSources' },
  { id: 'feeds', label: 'feedsTitle' },
  { id: 'badge', label: 'badgeTitle' },
  { id: 'chips', label: 'chipsTitle' },
  { id: 'appearance', label: 'themeTitle' },
  { id: 'providers', label: 'providersTitle' },
  { id: 'data', label: 'dataTitle' },
  { id: 'reading', label: 'readingTitle' },
];

/** The options page: one card per subject, each loading its own data behind a reserved space. */
export function Options() {
  const [data, setData] = useState<Loaded | null>(null);
  const failure = useFailure();
  const [saved, setSaved] = useState<string>('');
  /** Bumped after "clear everything" or an import: every section remounts and reloads. */
  const [generation, setGeneration] = useState(0);
  const [indexVersion, setIndexVersion] = useState(0);
  const latestPrefs = useRef<Preferences | null>(null);
  latestPrefs.current = data?.prefs ?? null;

  const loadCore = () =>
    Promise.all([ask({ type: 'outlets/list' }), ask({ type: 'prefs/get' })]).then(([list, prefs]) => {
      applyTheme(prefs.theme);
      setData({ outlets: list.outlets, prefs });
    }, failure.fail);

  useEffect(() => {
    void loadCore();
  }, []);

  const update = async (patch: PreferencesPatch) => {
    try {
      // The whole preferences, not only the patch: the worker's patch schema fills absent fields with their
      // defaults (Zod 4 applies `.default()` inside `.partial()`), which would reset every other setting.
      const full: PreferencesPatch = { ...(latestPrefs.current ?? {}), ...patch };
      const prefs = await ask({ type: 'prefs/update', patch: full });
      latestPrefs.current = prefs;
      setData((d) => (d ? { ...d, prefs } : d));
      setSaved(t('optionsSaved'));
      failure.clear();
    } catch (e) {
      failure.fail(e);
    }
  };

  const reset = (message: string) => {
    setSaved(message);
    setGeneration((g) => g + 1);
    void loadCore();
  };

  const focusOutlet = new URLSearchParams(location.hash.slice(1)).get('outlet');

  return (
    <div class="options">
      <header class="options-header">
        <h1>
          <span class="mark" aria-hidden="true">
            P
          </span>{' '}
          {t('optionsTitle')}
        </h1>
        <p class="status muted" role="status" data-testid="options-status">
          {saved}
        </p>
      </header>
      <nav aria-label={t('optionsContents')} class="toc">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorNote error={failure.error} />
      <Notices key={generation} />
      <main class="sections" key={generation}>
        <SourcesSection
          outlets={data?.outlets ?? null}
          prefs={data?.prefs ?? DEFAULT_PREFERENCES}
          update={update}
          focusOutlet={focusOutlet}
          onCustomChange={() => void loadCore()}
        />
        <FeedsSection onIndexChanged={() => setIndexVersion((v) => v + 1)} />
        {data ? <BadgeSection prefs={data.prefs} update={update} /> : <PlaceholderCard id="badge" title="badgeTitle" />}
        <ChipsSection />
        {data ? <AppearanceSection prefs={data.prefs} update={update} /> : <PlaceholderCard id="appearance" title="themeTitle" />}
        <ProvidersSection onChange={() => void loadCore()} />
        {data ? (
          <DataSection prefs={data.prefs} update={update} onReset={reset} indexVersion={indexVersion} />
        ) : (
          <PlaceholderCard id="data" title="dataTitle" />
        )}
        <ReadingSection />
      </main>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Preferences, PreferencesPatch } from '../../core/preferences';
import { LEANS_7, type Lean7 } from '../../core/types';
import type { OutletSummary } from '../../messaging/protocol';
import { leanLabel, t } from '../i18n';
import { CatalogueAttribution } from './CatalogueAttribution';
import { CustomOutlets } from './CustomOutlets';

interface Props {
  /** null while loading: the section keeps its size, so nothing below it jumps when the list arrives. */
  outlets: OutletSummary[] | null;
  prefs: Preferences;
  update(patch: PreferencesPatch): Promise<void>;
  focusOutlet: string | null;
  /** The reader's own outlets changed: the outlet list is reloaded. */
  onCustomChange(): void;
}

/** Rows rendered at first and per "show more": the catalogue has thousands of outlets; the search narrows them. */
const SHOWN_STEP = 50;

const toggle = (list: readonly string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Search outlets; hide, prefer, or override the lean of any of them; add the reader's own. */
export function SourcesSection({ outlets, prefs, update, focusOutlet, onCustomChange }: Props) {
  const [query, setQuery] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [limit, setLimit] = useState(SHOWN_STEP);
  const loaded = outlets !== null;
  // Opened from the popup's "override" link (#outlet=ID): show that outlet.
  useEffect(() => {
    const name = focusOutlet && outlets ? outlets.find((o) => o.id === focusOutlet)?.name : undefined;
    if (name) setQuery(name);
  }, [loaded]);
  const matching = useMemo(() => {
    const q = fold(query.trim());
    const changed = (o: OutletSummary) =>
      prefs.hiddenOutlets.includes(o.id) || prefs.preferredOutlets.includes(o.id) || o.id in prefs.leanOverrides;
    return (outlets ?? []).filter(
      (o) => (!q || fold(o.name).includes(q) || [...o.domains, ...o.aliases].some((d) => d.includes(q))) && (!onlyChanged || changed(o)),
    );
  }, [outlets, query, onlyChanged, prefs]);
  const shown = matching.slice(0, limit);

  return (
    <section aria-labelledby="sources-title" class="card" id="sources">
      <h2 id="sources-title">{t('optionsSources')}</h2>
      <p class="muted">{t('sourcesIntro')}</p>
      <CatalogueAttribution />
      <div class="row wrap-row">
        <label class="search">
          <span>{t('optionsSearch')}</span>
          <input
            type="search"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(SHOWN_STEP);
            }}
            data-testid="outlet-search"
          />
        </label>
        <label class="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.currentTarget.checked)} />
          {t('sourcesOnlyChanged')}
        </label>
      </div>
      <p class="muted small" aria-live="polite">
        {!loaded
          ? t('optionsLoading')
          : matching.length > shown.length
            ? t('sourcesShownOf', shown.length, matching.length)
            : t('sourcesCount', matching.length)}
      </p>
      <ul class="outlets" data-testid="outlet-list" aria-busy={!loaded}>
        {shown.map((o) => {
          const hidden = prefs.hiddenOutlets.includes(o.id);
          const preferred = prefs.preferredOutlets.includes(o.id);
          const override = prefs.leanOverrides[o.id];
          const lean = override ?? o.lean;
          const side = lean ? (LEANS_7.indexOf(lean) < 3 ? 'L' : LEANS_7.indexOf(lean) > 3 ? 'R' : 'C') : 'none';
          return (
            <li key={o.id} class={`outlet-row${hidden ? ' is-hidden' : ''}`} data-testid="outlet-row" data-outlet={o.id}>
              <div class="outlet-main">
                <strong>{o.name}</strong>
                <span class="muted small">{o.domains[0]}</span>
              </div>
              <span class={`chip side-${side}`}>
                {leanLabel(lean)}
                {override ? <span class="visually-hidden"> ({t('sourcesYourOverride')})</span> : null}
                {override ? ' *' : ''}
              </span>
              <select
                aria-label={`${t('outletOverride')}: ${o.name}`}
                value={override ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value as Lean7 | '';
                  const next = { ...prefs.leanOverrides };
                  if (value) next[o.id] = value;
                  else delete next[o.id];
                  void update({ leanOverrides: next });
                }}
              >
                <option value="">{o.lean ? t('sourcesProviderLean', leanLabel(o.lean)) : t('leanUnrated')}</option>
                {LEANS_7.map((l) => (
                  <option key={l} value={l}>
                    {leanLabel(l)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button icon-button"
                aria-pressed={preferred}
                title={t('preferredMark')}
                onClick={() => void update({ preferredOutlets: toggle(prefs.preferredOutlets, o.id, !preferred) })}
              >
                <span aria-hidden="true">{preferred ? '★' : '☆'}</span>
                <span class="visually-hidden">
                  {t('preferredMark')}: {o.name}
                </span>
              </button>
              <button
                type="button"
                class="button"
                aria-pressed={hidden}
                data-testid="hide-outlet"
                onClick={() => void update({ hiddenOutlets: toggle(prefs.hiddenOutlets, o.id, !hidden) })}
              >
                {hidden ? t('optionsShow') : t('optionsHide')}
                <span class="visually-hidden"> {o.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {matching.length > shown.length ? (
        <button type="button" class="button" onClick={() => setLimit((l) => l + SHOWN_STEP)} data-testid="outlets-show-more">
          {t('feedsShowMore', matching.length - shown.length)}
        </button>
      ) : null}
      <CustomOutlets onChange={onCustomChange} />
    </section>
  );
}

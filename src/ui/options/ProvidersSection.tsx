import { useEffect, useState } from 'preact/hooks';
import type { ProviderListing } from '../../messaging/protocol-options';
import { dateTime } from '../format';
import { t } from '../i18n';
import { chosenFileText } from './browser-access';
import { ask } from '../../messaging/client';
import { ErrorNote, Loading, useFailure } from './SectionStates';

/** JSON when the name or the first character says so, CSV otherwise. */
const formatOf = (name: string, text: string): 'csv' | 'json' =>
  /\.json$/i.test(name) || text.trimStart().startsWith('{') ? 'json' : 'csv';

/** Which rating providers are active, their licences, dates and attribution; import, toggle, remove. */
export function ProvidersSection({ onChange }: { onChange(): void }) {
  const [providers, setProviders] = useState<ProviderListing[] | null>(null);
  const [errors, setErrors] = useState<{ row: number; message: string }[]>([]);
  const [status, setStatus] = useState('');
  const failure = useFailure();

  const load = () => ask({ type: 'providers/list' }).then(setProviders, failure.fail);
  useEffect(() => {
    void load();
  }, []);

  const act = async (task: () => Promise<unknown>, done: string) => {
    try {
      await task();
      setStatus(done);
      failure.clear();
      await load();
      onChange();
    } catch (e) {
      failure.fail(e);
      // Undo what was shown ahead of the answer.
      await load().catch(() => undefined);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = await chosenFileText(input);
    input.value = '';
    if (!file) return;
    setStatus('');
    setErrors([]);
    try {
      const result = await ask({
        type: 'providers/import',
        text: file.text,
        format: formatOf(file.name, file.text),
      });
      if (!result.ok) {
        setErrors(result.errors);
        setStatus(t('providersImportFailed', file.name, result.errors.length));
        return;
      }
      setStatus(t(result.replaced ? 'providersReplaced' : 'providersImported', result.provider.name, result.provider.ratings));
      await load();
      onChange();
    } catch (e) {
      failure.fail(e);
    }
  };

  return (
    <section class="card" aria-labelledby="providers-title" id="providers">
      <h2 id="providers-title">{t('providersTitle')}</h2>
      <p class="muted">{t('providersIntro')}</p>
      <ErrorNote error={failure.error} />
      <ul class="provider-list" data-testid="provider-list" aria-busy={providers === null}>
        {providers === null ? <Loading as="li" /> : null}
        {(providers ?? []).map((p) => (
          <li key={p.id} class={`provider-card${p.active ? '' : ' is-off'}`} data-testid="provider" data-provider={p.id}>
            <div class="provider-head">
              <h3 class="wrap">{p.name}</h3>
              <span class="chip">{p.shipped ? t('providersShipped') : t('providersImportedOn', dateTime(p.importedAt ?? 0))}</span>
              <span class="muted small">{p.active ? t('providersActive') : t('providersInactive')}</span>
            </div>
            <p class="small">
              {t('providersFacts', p.date, p.ratings)} ·{' '}
              <a href={p.licenceUrl} target="_blank" rel="noopener noreferrer">
                {t('providersLicence', p.licence)}
              </a>{' '}
              ·{' '}
              <a href={p.sourceUrl} target="_blank" rel="noopener noreferrer">
                {t('providersSource')}
                <span class="visually-hidden"> {p.name}</span>
              </a>
            </p>
            <p class="small attribution" data-testid="provider-attribution">
              {p.attribution}
            </p>
            {p.shipped ? (
              <p class="muted small">{t('providersAlwaysOn')}</p>
            ) : (
              <div class="row">
                <label class="check">
                  <input
                    type="checkbox"
                    checked={p.active}
                    onChange={(e) => {
                      // Shown at once: a controlled box would flip back until the worker answers.
                      const active = e.currentTarget.checked;
                      setProviders((list) => list?.map((x) => (x.id === p.id ? { ...x, active } : x)) ?? list);
                      void act(() => ask({ type: 'providers/set-active', id: p.id, active }), t('optionsSaved'));
                    }}
                    data-testid="provider-active"
                  />
                  {t('providersUse')}
                  <span class="visually-hidden"> {p.name}</span>
                </label>
                <button
                  type="button"
                  class="button"
                  onClick={() => void act(() => ask({ type: 'providers/remove', id: p.id }), t('providersRemoved', p.name))}
                  data-testid="provider-remove"
                >
                  {t('remove')}
                  <span class="visually-hidden"> {p.name}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div class="subsection">
        <h3>{t('providersImportTitle')}</h3>
        <p class="muted small">{t('providersImportHint')}</p>
        <label class="file">
          <span>{t('providersChoose')}</span>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => void importFile(e.currentTarget)}
            data-testid="provider-file"
          />
        </label>
        <p class="small" role="status" data-testid="provider-status">
          {status}
        </p>
        {errors.length > 0 ? (
          <ul class="row-errors" data-testid="provider-errors">
            {errors.slice(0, 100).map((e, i) => (
              <li key={i}>{e.row === 0 ? t('importErrorFile', e.message) : t('importErrorRow', e.row, e.message)}</li>
            ))}
            {errors.length > 100 ? <li>{t('importErrorsMore', errors.length - 100)}</li> : null}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

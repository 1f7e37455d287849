import { useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences, PreferencesPatch } from '../../core/preferences';
import { t } from '../i18n';
import { chosenFileText, downloadText, formatBytes } from './browser-access';
import { importErrorLines } from './import-errors';
import { ask, errorText } from '../../messaging/client';
import { ErrorNote, useFailure } from './SectionStates';

const RETENTION_CHOICES = [3, 7, 14, 30, 60, 90, 180, 365];

interface Props {
  prefs: Preferences;
  update(patch: PreferencesPatch): Promise<void>;
  /** Everything was cleared or imported: the page reloads every section. */
  onReset(message: string): void;
  /** Bumped when the index changed elsewhere on the page (a refresh), to recount. */
  indexVersion: number;
}

/** Retention, size, export and import, and clearing everything. */
export function DataSection({ prefs, update, onReset, indexVersion }: Props) {
  const [usage, setUsage] = useState<number | null>(null);
  const [held, setHeld] = useState<{ articles: number; stories: number } | null>(null);
  const [status, setStatus] = useState('');
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void navigator.storage
      ?.estimate()
      .then((e) => setUsage(e.usage ?? 0))
      .catch(() => setUsage(null));
    void ask({ type: 'refresh/status' }).then((s) => setHeld({ articles: s.articles, stories: s.stories }), failure.fail);
  }, [indexVersion]);

  const exportIndex = async () => {
    setBusy(true);
    try {
      const file = await ask({ type: 'index/export' });
      const day = new Date().toISOString().slice(0, 10);
      downloadText(JSON.stringify(file), `parallax-index-${day}.json`, 'application/json');
      setStatus(t('dataExported'));
      failure.clear();
    } catch (e) {
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  };

  const importIndex = async (input: HTMLInputElement) => {
    const file = await chosenFileText(input);
    input.value = '';
    if (!file) return;
    setBusy(true);
    setImportErrors([]);
    setStatus('');
    try {
      const result = await ask({ type: 'index/import', text: file.text });
      onReset(t('dataImported', result.articles, result.added, result.feeds));
    } catch (e) {
      const { lines, more } = importErrorLines(errorText(e));
      setImportErrors(more > 0 ? [...lines, t('importErrorsMore', more)] : lines);
      setStatus(t('dataImportFailed', file.name));
    } finally {
      setBusy(false);
    }
  };

  const clearAll = async () => {
    dialog.current?.close();
    setBusy(true);
    try {
      const result = await ask({ type: 'data/clear' });
      onReset(t('dataCleared', result.articles, result.reading));
    } catch (e) {
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="data-title" id="data">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <ErrorNote error={failure.error} />
      <dl class="facts" data-testid="data-facts">
        <div>
          <dt>{t('dataSize')}</dt>
          <dd data-testid="data-size">{usage === null ? '—' : formatBytes(usage)}</dd>
        </div>
        <div>
          <dt>{t('dataArticles')}</dt>
          <dd data-testid="data-articles">{held ? held.articles : '—'}</dd>
        </div>
        <div>
          <dt>{t('dataStories')}</dt>
          <dd data-testid="data-stories">{held ? held.stories : '—'}</dd>
        </div>
      </dl>
      <label class="search">
        <span>{t('dataRetention')}</span>
        <select
          value={String(prefs.retentionDays)}
          onChange={(e) => void update({ retentionDays: Number(e.currentTarget.value) })}
          data-testid="retention"
        >
          {[...new Set([...RETENTION_CHOICES, prefs.retentionDays])]
            .sort((a, b) => a - b)
            .map((d) => (
              <option key={d} value={String(d)}>
                {t('dataRetentionDays', d)}
              </option>
            ))}
        </select>
      </label>
      <p class="muted small">{t('dataRetentionHint')}</p>

      <div class="subsection">
        <h3>{t('dataTransferTitle')}</h3>
        <p class="muted small">{t('dataTransferHint')}</p>
        <div class="row wrap-row">
          <button type="button" class="button" onClick={() => void exportIndex()} disabled={busy} data-testid="data-export">
            {t('dataExport')}
          </button>
          <label class="file">
            <span>{t('dataImport')}</span>
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => void importIndex(e.currentTarget)}
              disabled={busy}
              data-testid="data-import"
            />
          </label>
        </div>
        <p class="small" role="status" data-testid="data-status">
          {status}
        </p>
        {importErrors.length > 0 ? (
          <ul class="row-errors" data-testid="data-import-errors">
            {importErrors.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <div class="subsection danger-zone">
        <h3>{t('dataClearTitle')}</h3>
        <p class="muted small">{t('dataClearHint')}</p>
        <button type="button" class="button danger" onClick={() => dialog.current?.showModal()} disabled={busy} data-testid="data-clear">
          {t('dataClear')}
        </button>
      </div>
      <dialog
        ref={dialog}
        class="confirm"
        aria-labelledby="clear-confirm-title"
        aria-describedby="clear-confirm-text"
        data-testid="clear-dialog"
      >
        <h3 id="clear-confirm-title">{t('dataClearConfirmTitle')}</h3>
        <p id="clear-confirm-text">{t('dataClearConfirmText')}</p>
        <div class="row end">
          <button type="button" class="button" onClick={() => dialog.current?.close()} autofocus data-testid="clear-cancel">
            {t('cancel')}
          </button>
          <button type="button" class="button danger" onClick={() => void clearAll()} data-testid="clear-confirm">
            {t('dataClearConfirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}

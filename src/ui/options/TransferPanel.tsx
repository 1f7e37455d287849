/**
 * Export and import of the whole index, a piece at a time over the transfer port, with progress. An
 * import is read and checked first, then shown (ImportDialog) and written only once the reader confirms.
 * A worker that stops part-way is said so in plain words: an export goes on, an import tells whether it
 * was written.
 */
import { useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../core/preferences';
import { errorText } from '../../messaging/client';
import type { ImportResult } from '../../messaging/protocol-index';
import type { ImportChoices, ImportPhase } from '../../messaging/protocol-transfer';
import {
  ImportCancelledError,
  ImportRefusedError,
  WorkerStoppedError,
  exportIndex,
  stageImport,
  type StagedImport,
} from '../../messaging/transfer-client';
import { t } from '../i18n';
import { downloadBlob, formatBytes } from './browser-access';
import { ImportDialog } from './ImportDialog';
import { ErrorLines } from './SectionStates';
import { shortList } from './import-preview';

interface Props {
  prefs: Preferences;
  /** An import was written: the page reloads every section, showing this message. */
  onImported(message: string): void;
}

type Progress =
  | { kind: 'export'; written: number; total: number }
  | { kind: 'read'; file: string; bytes: number; total: number; articles: number }
  | { kind: 'check'; file: string }
  | { kind: ImportPhase; articles: number };

const count = (n: number) => n.toLocaleString();

function progressText(p: Progress): string {
  switch (p.kind) {
    case 'export':
      return t('dataExporting', count(p.written), count(p.total));
    case 'read':
      return t('dataReading', p.file, formatBytes(p.bytes), formatBytes(p.total), count(p.articles));
    case 'check':
      return t('dataChecking', p.file);
    case 'writing':
      return t('dataWriting', count(p.articles));
    case 'settling':
      return t('dataSettling');
  }
}

/** [value, max] of the bar; no value: a busy bar. */
function progressBar(p: Progress): [number | undefined, number] {
  if (p.kind === 'export') return [p.written, Math.max(1, p.total)];
  if (p.kind === 'read') return [p.bytes, Math.max(1, p.total)];
  return [undefined, 1];
}

export function importedMessage(result: ImportResult): string {
  const lines = [t('dataImported', count(result.articles), count(result.added))];
  if (result.feedsReplaced) lines.push(t('dataImportedFeeds', count(result.feeds), count(result.feedsOn)));
  else lines.push(t('dataImportedFeedsKept'));
  if (result.feedsReplaced && result.feedsOn < result.feeds) lines.push(t('dataImportedFeedsOff'));
  lines.push(t(result.preferencesReplaced ? 'dataImportedPrefs' : 'dataImportedPrefsKept'));
  if (result.leftOut.length > 0) lines.push(t('dataImportedLeftOut', count(result.leftOut.length), shortList(result.leftOut)));
  return lines.join(' ');
}

export function TransferPanel({ prefs, onImported }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [staged, setStaged] = useState<{ file: string; staged: StagedImport } | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const reading = useRef<AbortController | null>(null);
  const busy = progress !== null || staged !== null;

  const report = (message: string, lines: string[] = []) => {
    setStatus(message);
    setErrors(lines);
  };

  const exportFile = async () => {
    report('');
    setProgress({ kind: 'export', written: 0, total: 0 });
    try {
      const blob = await exportIndex((written, total) => setProgress({ kind: 'export', written, total }));
      downloadBlob(blob, `parallax-index-${new Date().toISOString().slice(0, 10)}.json`);
      report(t('dataExported', formatBytes(blob.size)));
    } catch (e) {
      report(e instanceof WorkerStoppedError ? t('dataExportStopped') : t('dataExportFailed', errorText(e)));
    } finally {
      setProgress(null);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    report('');
    const controller = new AbortController();
    reading.current = controller;
    setProgress({ kind: 'read', file: file.name, bytes: 0, total: file.size, articles: 0 });
    try {
      const ready = await stageImport(
        file,
        (p) => setProgress(p.bytes < p.total ? { kind: 'read', file: file.name, ...p } : { kind: 'check', file: file.name }),
        controller.signal,
      );
      setStaged({ file: file.name, staged: ready });
    } catch (e) {
      failed(file.name, e);
    } finally {
      reading.current = null;
      setProgress(null);
    }
  };

  const failed = (file: string, e: unknown) => {
    if (e instanceof ImportCancelledError) report(t('dataImportCancelled'));
    else if (e instanceof WorkerStoppedError) report(t('dataImportStopped'));
    else if (e instanceof ImportRefusedError) report(t('dataImportFailed', file), e.errors);
    else report(t('dataImportFailed', file), [errorText(e)]);
  };

  const commit = async (choices: ImportChoices, accessRefused: boolean) => {
    if (!staged) return;
    const { file, staged: ready } = staged;
    setStaged(null);
    const articles = ready.preview.articles.new;
    setProgress({ kind: 'writing', articles });
    try {
      const result = await ready.commit(choices, (phase) => setProgress({ kind: phase, articles }));
      const message = result ? importedMessage(result) : t('dataImportedAfterStop');
      onImported(accessRefused ? `${message} ${t('dataImportedAccessRefused')}` : message);
    } catch (e) {
      failed(file, e);
    } finally {
      setProgress(null);
    }
  };

  const bar = progress ? progressBar(progress) : null;
  return (
    <div class="subsection">
      <h3>{t('dataTransferTitle')}</h3>
      <p class="muted small">{t('dataTransferHint')}</p>
      <div class="row wrap-row">
        <button type="button" class="button" onClick={() => void exportFile()} disabled={busy} data-testid="data-export">
          {t('dataExport')}
        </button>
        <label class={`file${busy ? ' disabled' : ''}`}>
          <span>{t('dataImport')}</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e.currentTarget)}
            disabled={busy}
            data-testid="data-import"
          />
        </label>
      </div>
      <div class="transfer-progress" data-testid="data-progress" data-phase={progress?.kind ?? 'idle'} aria-live="polite">
        {progress && bar ? (
          <>
            <progress max={bar[1]} value={bar[0]} aria-label={t('dataProgressLabel')} />
            <span class="small">{progressText(progress)}</span>
            {progress.kind === 'read' ? (
              <button type="button" class="button" onClick={() => reading.current?.abort()} data-testid="data-import-cancel">
                {t('cancel')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <p class="small" role="status" data-testid="data-status">
        {status}
      </p>
      <ErrorLines lines={errors} testId="data-import-errors" />
      {staged ? (
        <ImportDialog
          fileName={staged.file}
          preview={staged.staged.preview}
          current={prefs}
          onConfirm={(choices, accessRefused) => void commit(choices, accessRefused)}
          onCancel={() => {
            staged.staged.cancel();
            setStaged(null);
            report(t('dataImportCancelled'));
          }}
        />
      ) : null}
    </div>
  );
}

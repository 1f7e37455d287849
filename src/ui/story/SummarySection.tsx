import { useEffect, useState } from 'preact/hooks';
import type { SummarySentence } from '../../core/story-page';
import { errorText } from '../../messaging/client';
import { t } from '../i18n';
import { deviceSummaryAvailable, summarizeOnDevice } from './device-summary';

type Written = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed'; message: string };

/**
 * The summary: sentences quoted from the coverage, each linked to its outlet; and, when the reader opted in
 * and the browser has a model on the device, a written summary on request.
 */
export function SummarySection({
  sentences,
  descriptions,
  offerDevice,
}: {
  sentences: SummarySentence[];
  descriptions: string;
  offerDevice: boolean;
}) {
  const [available, setAvailable] = useState(false);
  const [written, setWritten] = useState<Written>({ kind: 'idle' });
  useEffect(() => {
    if (offerDevice) void deviceSummaryAvailable().then(setAvailable);
  }, [offerDevice]);
  const write = () => {
    setWritten({ kind: 'working' });
    summarizeOnDevice(descriptions).then(
      (text) => setWritten({ kind: 'done', text }),
      (error: unknown) => setWritten({ kind: 'failed', message: errorText(error) }),
    );
  };
  return (
    <section class="summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">{t('summaryTitle')}</h2>
      {sentences.length === 0 ? (
        <p class="muted">{t('summaryNone')}</p>
      ) : (
        <>
          <ul class="summary-sentences">
            {sentences.map((s) => (
              <li key={`${s.articleId}:${s.text}`} dir="auto" data-testid="summary-sentence">
                {s.text}{' '}
                <a class="summary-source" href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.outletName}
                </a>
              </li>
            ))}
          </ul>
          <p class="muted small">{t('summaryExtracted')}</p>
        </>
      )}
      {available && descriptions ? (
        <div class="device-summary" aria-live="polite">
          {written.kind === 'done' ? (
            <>
              <p dir="auto">{written.text}</p>
              <p class="muted small">{t('deviceSummaryLabel')}</p>
            </>
          ) : written.kind === 'working' ? (
            <p class="muted">{t('deviceSummaryWorking')}</p>
          ) : (
            <>
              {written.kind === 'failed' ? <p class="muted">{t('deviceSummaryFailed', written.message)}</p> : null}
              <button type="button" class="button" onClick={write}>
                {t('deviceSummaryButton')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

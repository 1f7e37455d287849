import { useEffect, useState } from 'preact/hooks';
import { READING_PERIODS, type ReadingBucket, type ReadingSummary } from '../../core/reading-diet';
import type { LeanSide } from '../../core/types';
import { StackedBarChart, type ChartSeries } from '../components/StackedBarChart';
import { sideLabel, t } from '../i18n';
import { ask } from '../../messaging/client';
import { ErrorNote, Loading, useFailure } from './SectionStates';

const SIDES: LeanSide[] = ['L', 'C', 'R'];

function bucketLabel(bucket: ReadingBucket, unit: ReadingSummary['unit'], long: boolean): string {
  const format = new Intl.DateTimeFormat(
    undefined,
    long
      ? { weekday: 'short', day: 'numeric', month: 'short' }
      : unit === 'day'
        ? { day: 'numeric', month: 'numeric' }
        : { day: 'numeric', month: 'short' },
  );
  return format.format(bucket.start);
}

function countsText(b: Pick<ReadingBucket, LeanSide | 'unrated'>): string {
  const parts = SIDES.map((s) => `${sideLabel(s)} ${b[s]}`);
  if (b.unrated > 0) parts.push(`${t('leanUnrated')} ${b.unrated}`);
  return parts.join(', ');
}

/** What the reader opened, by lean, over the last 7 / 30 / 90 days: kept only in this browser. */
export function ReadingSection() {
  const [days, setDays] = useState<number>(30);
  const [summary, setSummary] = useState<ReadingSummary | null>(null);
  const failure = useFailure();
  const [message, setMessage] = useState('');

  const load = (period: number) =>
    ask({ type: 'reading/summary', days: period, utcOffsetMinutes: -new Date().getTimezoneOffset() }).then((s) => {
      setSummary(s);
      failure.clear();
    }, failure.fail);

  useEffect(() => {
    void load(days);
  }, [days]);

  const clear = async () => {
    try {
      const removed = await ask({ type: 'reading/clear' });
      setMessage(t('readingCleared', removed));
      await load(days);
    } catch (e) {
      failure.fail(e);
    }
  };

  const series: ChartSeries[] = [
    ...SIDES.map((s) => ({ key: s, label: sideLabel(s), className: `side-${s}` })),
    { key: 'unrated', label: t('leanUnrated'), className: 'side-none' },
  ];
  const totals = summary?.totals;
  const text =
    !summary || !totals
      ? ''
      : totals.total === 0
        ? t('readingNone', summary.days)
        : t(
            'readingSummary',
            summary.days,
            totals.total,
            SIDES.map((s) => `${sideLabel(s)} ${totals[s]} (${summary.percent[s]}%)`).join(', '),
            totals.unrated,
          );

  return (
    <section class="card" aria-labelledby="reading-title" id="reading">
      <h2 id="reading-title">{t('readingTitle')}</h2>
      <p class="muted">{t('readingIntro')}</p>
      <div class="segmented" role="group" aria-label={t('readingPeriod')}>
        {READING_PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            class="button"
            aria-pressed={days === p}
            onClick={() => setDays(p)}
            data-testid={`reading-period-${p}`}
          >
            {t('readingDays', p)}
          </button>
        ))}
      </div>
      <ErrorNote error={failure.error} />
      <div class="chart-box" aria-busy={summary === null}>
        {summary ? (
          <>
            <p data-testid="reading-summary" aria-live="polite">
              {text}
            </p>
            <StackedBarChart
              testId="reading-chart"
              series={series}
              summary={text}
              bars={summary.buckets.map((b) => ({
                label: bucketLabel(b, summary.unit, false),
                title: `${bucketLabel(b, summary.unit, true)}: ${countsText(b)}`,
                values: [b.L, b.C, b.R, b.unrated],
              }))}
            />
            <ul class="legend" aria-hidden="true">
              {series.map((s) => (
                <li key={s.key}>
                  <span class={`dot ${s.className}`} />
                  {s.label}
                </li>
              ))}
            </ul>
            <details class="numbers">
              <summary>{summary.unit === 'day' ? t('readingTableDays') : t('readingTableWeeks')}</summary>
              <table data-testid="reading-table">
                <thead>
                  <tr>
                    <th scope="col">{summary.unit === 'day' ? t('readingDay') : t('readingWeekOf')}</th>
                    {series.map((s) => (
                      <th key={s.key} scope="col">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {summary.buckets
                    .filter((b) => b.total > 0)
                    .map((b) => (
                      <tr key={b.start}>
                        <th scope="row">{bucketLabel(b, summary.unit, true)}</th>
                        <td>{b.L}</td>
                        <td>{b.C}</td>
                        <td>{b.R}</td>
                        <td>{b.unrated}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          <Loading />
        )}
      </div>
      <div class="row">
        <button type="button" class="button" onClick={() => void clear()} data-testid="reading-clear">
          {t('readingClear')}
        </button>
        <span class="muted small" role="status">
          {message}
        </span>
      </div>
    </section>
  );
}

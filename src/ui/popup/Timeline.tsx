import type { CoverageItem } from '../../core/coverage';
import { dateTime } from '../format';
import { t } from '../i18n';

const WIDTH = 360;
const HEIGHT = 34;
const PAD = 8;

/** When each outlet published: one dot per article on a time axis, coloured by lean. */
export function Timeline({ items }: { items: CoverageItem[] }) {
  const times = items.map((i) => i.published).filter(Number.isFinite);
  if (times.length < 2) return null;
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = Math.max(end - start, 1);
  const x = (time: number) => PAD + ((time - start) / span) * (WIDTH - 2 * PAD);
  const sorted = [...items].sort((a, b) => a.published - b.published);
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <span class="muted small">{t('timelineSpan', dateTime(start), dateTime(end))}</span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={t('timelineLabel', items.length, dateTime(start), dateTime(end))} data-testid="timeline">
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} class="axis" />
        {sorted.map((item, i) => (
          <circle key={item.articleId} cx={x(item.published)} cy={HEIGHT / 2 + ((i % 3) - 1) * 8} r={5} class={`tick side-${item.side ?? 'none'}`}>
            <title>{`${item.outletName}, ${dateTime(item.published)}`}</title>
          </circle>
        ))}
      </svg>
    </section>
  );
}

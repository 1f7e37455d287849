import type { CoverageItem } from '../../core/coverage';
import type { LeanSide } from '../../core/types';
import { dateTime } from '../format';
import { t } from '../i18n';

const WIDTH = 360;
const HEIGHT = 34;
const PAD = 8;
/** Articles closer than this on the axis share one dot (per side): a big story has hundreds. */
const BIN_PX = 6;
/** Outlets named in a dot's tooltip before "+N". */
const NAMED_PER_DOT = 3;
const ROW: Record<LeanSide | 'none', number> = { L: -8, C: 0, none: 0, R: 8 };

export interface TimelineDot {
  x: number;
  side: LeanSide | 'none';
  /** Time of the earliest article in the dot. */
  published: number;
  outlets: string[];
}

/**
 * The dots of the timeline: articles binned by position on the axis and by side, so a story of 400
 * articles draws at most a few dozen dots, each naming its outlets.
 */
export function timelineDots(items: readonly CoverageItem[]): { dots: TimelineDot[]; start: number; end: number } | null {
  const timed = items.filter((item) => Number.isFinite(item.published));
  if (timed.length < 2) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const item of timed) {
    start = Math.min(start, item.published);
    end = Math.max(end, item.published);
  }
  const span = Math.max(end - start, 1);
  const bins = new Map<string, TimelineDot>();
  for (const item of [...timed].sort((a, b) => a.published - b.published)) {
    const side = item.side ?? 'none';
    const bin = Math.round((((item.published - start) / span) * (WIDTH - 2 * PAD)) / BIN_PX);
    const key = `${side}:${bin}`;
    const dot = bins.get(key);
    if (dot) dot.outlets.push(item.outletName);
    else bins.set(key, { x: PAD + bin * BIN_PX, side, published: item.published, outlets: [item.outletName] });
  }
  return { dots: [...bins.values()], start, end };
}

function dotTitle(dot: TimelineDot): string {
  const named = dot.outlets.slice(0, NAMED_PER_DOT).join(', ');
  const more = dot.outlets.length > NAMED_PER_DOT ? ` +${dot.outlets.length - NAMED_PER_DOT}` : '';
  return `${named}${more}, ${dateTime(dot.published)}`;
}

/** When each outlet published: dots on a time axis, one row per lean, larger where several articles meet. */
export function Timeline({ items }: { items: CoverageItem[] }) {
  const layout = timelineDots(items);
  if (!layout) return null;
  const { dots, start, end } = layout;
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <span class="muted small">{t('timelineSpan', dateTime(start), dateTime(end))}</span>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={t('timelineLabel', items.length, dateTime(start), dateTime(end))}
        data-testid="timeline"
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} class="axis" />
        {dots.map((dot) => (
          <circle
            key={`${dot.side}:${dot.x}`}
            cx={dot.x}
            cy={HEIGHT / 2 + ROW[dot.side]}
            r={Math.min(4 + dot.outlets.length, 7)}
            class={`tick side-${dot.side}`}
          >
            <title>{dotTitle(dot)}</title>
          </circle>
        ))}
      </svg>
    </section>
  );
}

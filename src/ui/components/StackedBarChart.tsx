/**
 * A stacked bar chart drawn as SVG, with no library: one bar per bucket, one coloured part per series.
 * The SVG is an image with a text alternative (`summary`); the numbers themselves go in a table beside
 * it, so screen readers and keyboards get the same data as the picture.
 */
export interface ChartSeries {
  key: string;
  label: string;
  /** A class giving the part its fill (e.g. "side-L"); colours come from the theme's variables. */
  className: string;
}

export interface ChartBar {
  /** Short axis label ("Mon 18"), shown under the bar when there is room. */
  label: string;
  /** Full description of the bar, for its tooltip ("Mon 18 Nov: 3 Left, 1 Right"). */
  title: string;
  /** One value per series, in the series' order. */
  values: number[];
}

interface Props {
  series: ChartSeries[];
  bars: ChartBar[];
  /** Text alternative of the whole chart. */
  summary: string;
  testId?: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 32 };

/** A round, even top for the axis (2, 4, 6, 8, 10, 20, 40…), so that its middle tick is a whole count too. */
function niceMax(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 6, 8, 10]) if (step * magnitude >= value && (step * magnitude) % 2 === 0) return step * magnitude;
  return 10 * magnitude;
}

export function StackedBarChart({ series, bars, summary, testId }: Props) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.values.reduce((a, v) => a + v, 0))));
  const slot = bars.length > 0 ? plotWidth / bars.length : plotWidth;
  const barWidth = Math.max(2, Math.min(36, slot * 0.7));
  // Keep axis labels from overlapping (about one per 48 px), counted from the newest bar so it is always labelled.
  const labelEvery = Math.max(1, Math.ceil(48 / slot));
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];

  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
      data-testid={testId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title>{summary}</title>
      {ticks.map((tick) => (
        <g key={tick} class="chart-grid" aria-hidden="true">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
            {tick}
          </text>
        </g>
      ))}
      {bars.map((bar, index) => {
        const x = PAD.left + index * slot + (slot - barWidth) / 2;
        let base = 0;
        return (
          <g key={index} class="chart-bar" data-testid="chart-bar" data-total={bar.values.reduce((a, v) => a + v, 0)}>
            <title>{bar.title}</title>
            {bar.values.map((value, s) => {
              if (value <= 0) return null;
              const top = y(base + value);
              const height = y(base) - top;
              base += value;
              return (
                <rect
                  key={series[s].key}
                  class={`chart-part ${series[s].className}`}
                  x={x}
                  y={top}
                  width={barWidth}
                  height={height}
                  data-series={series[s].key}
                />
              );
            })}
            {(bars.length - 1 - index) % labelEvery === 0 ? (
              <text class="chart-label" x={x + barWidth / 2} y={HEIGHT - 6} text-anchor="middle" aria-hidden="true">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

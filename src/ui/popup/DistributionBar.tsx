import type { LeanDistribution } from '../../core/coverage';
import { SIDES } from '../../core/coverage';
import { LEANS_7, type LeanSide } from '../../core/types';
import { leanLabel, sideLabel, t } from '../i18n';

const SIDE_OF: Record<(typeof LEANS_7)[number], LeanSide> = {
  'far-left': 'L',
  left: 'L',
  'lean-left': 'L',
  center: 'C',
  'lean-right': 'R',
  right: 'R',
  'far-right': 'R',
};

/**
 * The Left / Center / Right bar of the rated sources, with the 7-point detail on hover or focus; with
 * `originals`, the legend also counts each side's original reports (reposts left out).
 */
export function DistributionBar({ distribution, originals }: { distribution: LeanDistribution; originals?: LeanDistribution }) {
  const { counts, percent, rated, unrated, detail } = distribution;
  return (
    <section class="distribution" aria-labelledby="dist-title">
      <div class="section-head">
        <h2 id="dist-title">{t('distributionTitle')}</h2>
        <span class="muted">
          {t('distributionRated', rated)}
          {unrated > 0 ? ` · ${t('distributionUnrated', unrated)}` : ''}
        </span>
      </div>
      <div class="bar" role="list" data-testid="distribution-bar">
        {SIDES.map((side) => {
          const breakdown = LEANS_7.filter((l) => SIDE_OF[l] === side && detail[l] > 0)
            .map((l) => `${leanLabel(l)}: ${detail[l]}`)
            .join(', ');
          const label = t('distributionSide', sideLabel(side), counts[side], percent[side]);
          return (
            <div
              key={side}
              role="listitem"
              tabIndex={0}
              class={`segment side-${side}${counts[side] === 0 ? ' empty' : ''}`}
              style={{ flexGrow: Math.max(percent[side], 0.0001) }}
              title={breakdown ? `${label} (${breakdown})` : label}
              aria-label={breakdown ? `${label} (${breakdown})` : label}
              data-testid={`segment-${side}`}
            >
              <span class="segment-text">
                {side} {percent[side]}%
              </span>
            </div>
          );
        })}
      </div>
      <ul class="legend">
        {SIDES.map((side) => (
          <li key={side} data-testid={`count-${side}`}>
            <span class={`dot side-${side}`} aria-hidden="true" />
            {sideLabel(side)} <strong>{counts[side]}</strong> · {percent[side]}%
            {originals && originals.counts[side] !== counts[side] ? ` · ${t('legendOriginals', originals.counts[side])}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

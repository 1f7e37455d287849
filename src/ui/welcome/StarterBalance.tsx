import type { StarterSet } from '../../core/starter-set/index';
import { SIDES } from '../../core/starter-set/index';
import type { LeanSide } from '../../core/types';
import { sideLabel, t } from '../i18n';

/** Whole percentages of the rated feeds, per side. */
export function sideShares(counts: StarterSet['counts']): Record<LeanSide, number> {
  const rated = counts.L + counts.C + counts.R;
  const share = (n: number) => (rated === 0 ? 0 : Math.round((100 * n) / rated));
  return { L: share(counts.L), C: share(counts.C), R: share(counts.R) };
}

/** The starter set's balance: Left, Center and Right shares of its rated feeds, and whether it could be balanced. */
export function StarterBalance({ set }: { set: StarterSet }) {
  const shares = sideShares(set.counts);
  const rated = set.counts.L + set.counts.C + set.counts.R;
  return (
    <section class="balance" aria-labelledby="balance-title" data-testid="starter-balance">
      <h2 id="balance-title">{t('welcomeBalanceTitle')}</h2>
      <div class="bar" role="list">
        {SIDES.map((side) => (
          <div
            key={side}
            role="listitem"
            class={`segment side-${side}${set.counts[side] === 0 ? ' empty' : ''}`}
            style={{ flexGrow: Math.max(shares[side], 0.0001) }}
            aria-label={t('welcomeBalanceSide', sideLabel(side), set.counts[side], shares[side])}
            data-testid={`share-${side}`}
            data-share={shares[side]}
          >
            <span class="segment-text">
              {side} {shares[side]}%
            </span>
          </div>
        ))}
      </div>
      <p class="muted small">
        {SIDES.map((side) => t('welcomeBalanceSide', sideLabel(side), set.counts[side], shares[side])).join(' · ')}
        {' · '}
        {t('welcomeBalanceUnrated', rated, set.counts.unrated)}
      </p>
      {set.balanced ? (
        <p class="note small">{t('welcomeBalanceRule')}</p>
      ) : (
        <p class="warn" role="note" data-testid="starter-unbalanced">
          {t('welcomeUnbalanced', set.shortSides.map(sideLabel).join(', ') || t('welcomeUnbalancedFew'))}
        </p>
      )}
    </section>
  );
}

/** An outlet's lean in words, with where it comes from: the provider and its year, or the reader's override. */
import type { OutletCard } from '../../core/story-view';
import { leanLabel, t } from '../i18n';

export function ratingText(outlet: Pick<OutletCard, 'overridden' | 'rating'>): string {
  const { rating } = outlet;
  if (outlet.overridden && rating) return t('outletOverridden', `${leanLabel(rating.lean)}, ${rating.providerName}`);
  return rating ? t('outletRatedBy', leanLabel(rating.lean), rating.providerName, rating.providerDate.slice(0, 4)) : t('outletUnrated');
}

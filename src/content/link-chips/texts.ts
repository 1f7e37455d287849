/** The chip's words, from the extension's messages. */
import type { ChipOutlet } from '../../core/links/chip-outlet';
import type { LeanSide } from '../../core/types';
import { leanLabel, type MessageName, t } from '../../ui/i18n';
import { type ChipTexts, chipSide } from '../../ui/link-chip/chip';

const SHORT_MESSAGE: Record<LeanSide, MessageName> = { L: 'chipShortL', C: 'chipShortC', R: 'chipShortR' };

export function chipTexts(outlet: ChipOutlet): ChipTexts {
  const label = leanLabel(outlet.lean);
  const rating =
    outlet.lean === null
      ? label
      : outlet.provider === null
        ? t('chipOwnLean', label)
        : t('chipRatedBy', label, outlet.provider, outlet.ratedAt ?? '');
  const details = [rating];
  if (outlet.owner) details.push(t('chipOwner', outlet.owner));
  const shortLabel = outlet.lean === null ? '' : t(SHORT_MESSAGE[chipSide(outlet.lean)]);
  return { label, shortLabel, accessibleName: t('chipAccessibleName', outlet.name, label), details };
}

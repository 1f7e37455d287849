/** The chip's words, from the extension's messages. */
import type { ChipOutlet } from '../../core/links/chip-outlet';
import { leanLabel, t } from '../../ui/i18n';
import type { ChipTexts } from '../../ui/link-chip/chip';

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
  return { label, accessibleName: t('chipAccessibleName', outlet.name, label), details };
}

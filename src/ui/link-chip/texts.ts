/** The chip's words, from the extension's messages, and their widths: made by the worker, which answers the chips script's lookup. */
import type { ChipOutlet, ChipTexts } from '../../core/links/chip-outlet';
import { chipSide } from '../../core/links/chip-side';
import type { LeanSide } from '../../core/types';
import { leanLabel, type MessageName, t } from '../i18n';
import { measureLabelEm } from './label-width';

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
  const texts: ChipTexts = { label, shortLabel, accessibleName: t('chipAccessibleName', outlet.name, label), details };
  // Measured here, in the worker, so that the page's thread does not.
  const labelEm = measureLabelEm(label);
  const shortLabelEm = measureLabelEm(shortLabel);
  if (labelEm !== null && shortLabelEm !== null) Object.assign(texts, { labelEm, shortLabelEm });
  return texts;
}

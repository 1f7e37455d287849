import { SIDES } from '../../core/coverage';
import type { LeanSide } from '../../core/types';
import { sideLabel, t } from '../i18n';

/** A small Left / Center / Right bar (a story in a list), its numbers in its accessible name. */
export function SideBar({ counts, percent }: { counts: Record<LeanSide, number>; percent: Record<LeanSide, number> }) {
  const label = SIDES.map((side) => t('distributionSide', sideLabel(side), counts[side], percent[side])).join(', ');
  return (
    <span class="mini-bar" role="img" aria-label={label} title={label}>
      {SIDES.map((side) => (
        <span key={side} class={`mini-segment side-${side}`} style={{ flexGrow: percent[side] }} />
      ))}
    </span>
  );
}

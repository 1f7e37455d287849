/** Lean labels and colours shared by the badge, the popup and the options page. */
import type { Lean7, LeanSide } from '../core/types';

export const LEAN_MESSAGE: Record<Lean7, string> = {
  'far-left': 'leanFarLeft',
  left: 'leanLeft',
  'lean-left': 'leanLeanLeft',
  center: 'leanCenter',
  'lean-right': 'leanLeanRight',
  right: 'leanRight',
  'far-right': 'leanFarRight',
};

export const SIDE_MESSAGE: Record<LeanSide, string> = { L: 'sideL', C: 'sideC', R: 'sideR' };

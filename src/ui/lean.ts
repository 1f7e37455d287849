/** Lean labels and colours shared by the badge, the popup and the options page. */
import type { Lean7, LeanSide } from '../core/types';
import type { MessageName } from './i18n';

export const LEAN_MESSAGE: Record<Lean7, MessageName> = {
  'far-left': 'leanFarLeft',
  left: 'leanLeft',
  'lean-left': 'leanLeanLeft',
  center: 'leanCenter',
  'lean-right': 'leanLeanRight',
  right: 'leanRight',
  'far-right': 'leanFarRight',
};

export const SIDE_MESSAGE: Record<LeanSide, MessageName> = { L: 'sideL', C: 'sideC', R: 'sideR' };

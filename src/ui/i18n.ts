/** The extension's texts, from _locales (English complete; other locales fall back to it). */
import { browser } from 'wxt/browser';
import type { Lean7, LeanSide } from '../core/types';
import { LEAN_MESSAGE, SIDE_MESSAGE } from './lean';

export function t(key: string, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key as never, substitutions.map(String));
  return text || key;
}

export const leanLabel = (lean: Lean7 | null): string => t(lean ? LEAN_MESSAGE[lean] : 'leanUnrated');
export const sideLabel = (side: LeanSide): string => t(SIDE_MESSAGE[side]);

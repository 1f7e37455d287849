/** The extension's texts, from _locales (English complete; other locales fall back to it). */
import { browser, type WxtI18n } from 'wxt/browser';
import type { Lean7, LeanSide } from '../core/types';
import { LEAN_MESSAGE, SIDE_MESSAGE } from './lean';

/** The name of a message in public/_locales/en/messages.json, as WXT generates it (`wxt prepare`). */
export type MessageName = Parameters<WxtI18n['getMessage']>[0];

export function t(key: MessageName, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

export const leanLabel = (lean: Lean7 | null): string => t(lean ? LEAN_MESSAGE[lean] : 'leanUnrated');
export const sideLabel = (side: LeanSide): string => t(SIDE_MESSAGE[side]);

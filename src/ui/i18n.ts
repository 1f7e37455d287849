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

/** Stand-ins for a message's substitutions in a kept template (Unicode's private use area: never in a message). */
const SLOT = 0xe000;
const SLOTS = /[\ue000-\ue008]/g;

/**
 * t() for a list of a thousand rows: each message is asked of the browser once, with stand-ins for its
 * substitutions, and then filled in here. Every getMessage is a call into the browser's API (5-15 µs
 * here), and a row of the stories page has eight texts. Made per list, so it never outlives the locale's texts.
 */
export function keptTexts(): typeof t {
  const templates = new Map<string, string>();
  return (key, ...substitutions) => {
    const id = `${key}/${substitutions.length}`;
    let template = templates.get(id);
    if (template === undefined) {
      template = t(key, ...substitutions.map((_, i) => String.fromCharCode(SLOT + i)));
      templates.set(id, template);
    }
    return substitutions.length === 0 ? template : template.replace(SLOTS, (slot) => String(substitutions[slot.charCodeAt(0) - SLOT]));
  };
}

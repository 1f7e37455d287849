/**
 * The chips script's registration: on the sites of the groups and single sites the reader switched on,
 * where the browser holds the permission (the options page and the popup ask for it first). Follows
 * every settings change and every grant or removal, like the outlet sites' article script. A script that
 * wakes the worker as a page starts loading goes with it.
 */
import { browser } from 'wxt/browser';
import { CHIP_SCRIPT_FILE, CHIP_WAKE_FILE, chipScriptMatches, type ChipSettings } from '../core/links/index';

export const CHIP_SCRIPT_ID = 'parallax-link-chips';
export const CHIP_WAKE_ID = 'parallax-link-chips-wake';
export { CHIP_SCRIPT_FILE, CHIP_WAKE_FILE };

let pending: Promise<string[]> = Promise.resolve([]);

/** Registers the chips script where it may run (nowhere: unregistered); answers its patterns. */
export function syncChipSites(settings: () => Promise<ChipSettings>): Promise<string[]> {
  // One at a time: two overlapping registrations of one id would fail.
  pending = pending.catch(() => []).then(async () => register(await settings()));
  return pending;
}

async function register(settings: ChipSettings): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = chipScriptMatches(settings, granted);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CHIP_SCRIPT_ID, CHIP_WAKE_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });
  if (matches.length === 0) return [];
  await browser.scripting.registerContentScripts([
    { id: CHIP_SCRIPT_ID, js: [CHIP_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true },
    { id: CHIP_WAKE_ID, js: [CHIP_WAKE_FILE], matches, runAt: 'document_start', persistAcrossSessions: true },
  ]);
  return matches;
}

/**
 * The article script on the sites of catalogue outlets whose feeds the reader enabled. The manifest
 * reaches the hand-kept outlets only (Chromium's start cost grows faster than its patterns), so the
 * outlet sites the reader granted along with their feeds are registered at run time, and follow every
 * grant and removal. The script that wakes the worker as a page starts loading goes with it.
 */
import { browser } from 'wxt/browser';
import { grantedOutletSitePatterns, type Outlet } from '../core/outlets/index';
import { declaredArticleScript, declaredWakeScript } from './all-sites';

export const OUTLET_SITES_SCRIPT_ID = 'parallax-article-outlet-sites';
export const OUTLET_SITES_WAKE_ID = 'parallax-wake-outlet-sites';

let pending: Promise<string[]> = Promise.resolve([]);

/** Registers the article script on the granted outlet sites (none: unregistered); answers the patterns. */
export function syncOutletSites(registry: { resolve(urlOrHost: string): Outlet | null }): Promise<string[]> {
  // One at a time: two overlapping registrations of one id would fail.
  pending = pending.catch(() => []).then(() => register(registry));
  return pending;
}

async function register(registry: { resolve(urlOrHost: string): Outlet | null }): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = grantedOutletSitePatterns(registry, granted);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [OUTLET_SITES_SCRIPT_ID, OUTLET_SITES_WAKE_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });
  const article = declaredArticleScript();
  if (matches.length === 0 || article === null) return [];
  const wake = declaredWakeScript();
  await browser.scripting.registerContentScripts([
    { id: OUTLET_SITES_SCRIPT_ID, js: article.js, matches, runAt: 'document_idle', persistAcrossSessions: true },
    ...(wake === null
      ? []
      : [{ id: OUTLET_SITES_WAKE_ID, js: wake.js, matches, runAt: 'document_start' as const, persistAcrossSessions: true }]),
  ]);
  return matches;
}

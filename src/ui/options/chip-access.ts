/**
 * The sites' permissions behind the lean chips, from the options page and the popup: what a group or a
 * site asks for when switched on, and what can be given back when it is switched off: only patterns no
 * other part of Parallax still needs (another chip group or site, an enabled feed or its outlet's site,
 * the all-sites opt-in). Chrome's `permissions.remove` also drops every narrower grant inside a removed
 * pattern, so a pattern overlapping a needed one in either direction is kept.
 */
import { browser } from 'wxt/browser';
import {
  CHIP_GROUP_PATTERNS,
  CHIP_GROUPS,
  type ChipGroup,
  type ChipSettings,
  patternCovers,
  siteOrigin,
  sitePatterns,
} from '../../core/links/index';
import { feedOriginPatterns } from '../../core/refresh/permissions';
import { ask } from '../../messaging/client';
import { ALL_SITES_ORIGINS } from './browser-access';

/** The patterns the chips need with these settings (every switched-on group and added site). */
export function chipPatterns(settings: ChipSettings): string[] {
  return [
    ...CHIP_GROUPS.filter((group) => settings.groups[group]).flatMap((group) => CHIP_GROUP_PATTERNS[group]),
    ...settings.sites.flatMap(sitePatterns),
  ];
}

/** Of the patterns given up, those that overlap none still needed: safe to remove. */
export function releasablePatterns(released: readonly string[], needed: readonly string[]): string[] {
  const overlaps = (a: string, b: string) => patternCovers(a, b) || patternCovers(b, a);
  return [...new Set(released)].filter((pattern) => !needed.some((other) => overlaps(pattern, other)));
}

/** What the rest of Parallax holds on to: enabled feeds and their outlets' sites, and the all-sites opt-in. */
async function neededOutsideChips(): Promise<string[]> {
  const [feeds, allSites] = await Promise.all([ask({ type: 'feeds/list' }), ask({ type: 'content/all-sites-status' })]);
  const enabled = feeds.filter((feed) => feed.enabled);
  return [
    ...feedOriginPatterns(enabled.map((feed) => feed.url)),
    ...enabled.flatMap((feed) => feed.siteOrigins),
    ...(allSites.enabled ? ALL_SITES_ORIGINS : []),
  ];
}

/**
 * Removes the permissions of `released` that nothing needs any more, given the chips' settings after the
 * change; answers the patterns removed. A failure leaves the permission held (harmless: the chips script
 * is no longer registered there) rather than failing the reader's switch.
 */
export async function releaseChipPatterns(released: readonly string[], settings: ChipSettings): Promise<string[]> {
  try {
    const removable = releasablePatterns(released, [...chipPatterns(settings), ...(await neededOutsideChips())]);
    if (removable.length > 0) await browser.permissions.remove({ origins: removable });
    return removable;
  } catch {
    return [];
  }
}

/** The reader's typing as a site's https origin ("mastodon.social/@me" → "https://mastodon.social"), or null. */
export function siteInputOrigin(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === '' || /\s/.test(text)) return null;
  if (/^[a-z][a-z0-9+.-]*:/.test(text) && !text.startsWith('https://')) return null;
  const origin = siteOrigin(text.startsWith('https://') ? text : `https://${text}`);
  // A host name with a dot and a top-level name of letters: "localhost" or "1.2" are no sites to add.
  return origin !== null && /\.[a-z]{2,63}$/.test(new URL(origin).hostname) ? origin : null;
}

/** The host name shown for an origin ("https://mastodon.social" → "mastodon.social"). */
export const originHost = (origin: string): string => origin.replace(/^https?:\/\//, '');

/** The groups whose sites include this origin's pages. */
export function groupsCovering(origin: string): ChipGroup[] {
  const wanted = sitePatterns(origin)[0];
  if (wanted === undefined) return [];
  return CHIP_GROUPS.filter((group) => CHIP_GROUP_PATTERNS[group].some((pattern) => patternCovers(pattern, wanted)));
}

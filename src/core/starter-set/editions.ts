/**
 * The editions a reader can start from: the catalogue's countries whose starter set reaches the
 * minimum size, and the one to preselect from the browser's languages ("en-GB" → GB).
 */
import type { Outlet } from '../outlets/schema';
import { STARTER_MIN_FEEDS, starterSet, type SideOf } from './rule';

export interface EditionSummary {
  /** ISO 3166-1 alpha-2. */
  country: string;
  lang: string | null;
  /** The default starter set's size, outlets, and whether it is balanced. */
  feeds: number;
  outlets: number;
  balanced: boolean;
}

/** Editions with a starter set of at least 40 feeds, largest first (ties: by code). */
export function starterEditions(outlets: readonly Outlet[], sideOf: SideOf): EditionSummary[] {
  // Each edition's set is made from its own outlets and the wire services, not the whole catalogue.
  const wires = outlets.filter((outlet) => outlet.wire === true);
  const byCountry = new Map<string, Outlet[]>();
  for (const outlet of outlets) {
    if (outlet.wire === true) continue;
    for (const country of new Set(outlet.feeds.map((feed) => feed.country ?? outlet.country))) {
      if (country === undefined) continue;
      let list = byCountry.get(country);
      if (list === undefined) byCountry.set(country, (list = [...wires]));
      list.push(outlet);
    }
  }
  const editions: EditionSummary[] = [];
  for (const [country, own] of byCountry) {
    const set = starterSet(own, sideOf, country);
    if (set.feeds.length < STARTER_MIN_FEEDS) continue;
    editions.push({ country, lang: set.lang, feeds: set.feeds.length, outlets: set.outlets, balanced: set.balanced });
  }
  return editions.sort((a, b) => b.outlets - a.outlets || a.country.localeCompare(b.country));
}

/**
 * The edition for the browser's languages, in the reader's order: a language's region when it is an
 * edition ("de-AT" → AT), else the largest edition in that language ("de" → DE); else the largest.
 */
export function preselectEdition(languages: readonly string[], editions: readonly EditionSummary[]): string | null {
  const known = new Set(editions.map((e) => e.country));
  for (const tag of languages) {
    const [lang, ...rest] = tag.split('-');
    const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region !== undefined && known.has(region)) return region;
    const inLanguage = editions.find((e) => e.lang === lang.toLowerCase());
    if (inLanguage) return inLanguage.country;
  }
  return editions[0]?.country ?? null;
}

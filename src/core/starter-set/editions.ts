/**
 * The editions a reader can start from: the catalogue's countries whose starter set reaches the
 * minimum size, and the one to preselect from the browser's languages ("en-GB" → GB).
 */
import type { Outlet } from '../outlets/schema';
import { FEEDS_PER_OUTLET, STARTER_MIN_FEEDS } from './rule';

export interface EditionSummary {
  /** ISO 3166-1 alpha-2. */
  country: string;
  lang: string | null;
  /** Outlets with a feed in the edition, and their feeds up to 2 each: what a starter set is chosen from. */
  outlets: number;
  feeds: number;
}

/**
 * Editions whose outlets offer at least 40 feeds (2 per outlet at most), most outlets first (ties: by
 * code). One pass over the catalogue: the welcome page lists them at once, and works out the set of the
 * edition the reader picks (`starterSet`) only then.
 */
export function starterEditions(outlets: readonly Outlet[]): EditionSummary[] {
  const byCountry = new Map<string, { outlets: number; feeds: number; langs: Map<string, number> }>();
  for (const outlet of outlets) {
    const perCountry = new Map<string, number>();
    for (const feed of outlet.feeds) {
      const country = feed.country ?? outlet.country;
      if (country === undefined) continue;
      perCountry.set(country, (perCountry.get(country) ?? 0) + 1);
      let entry = byCountry.get(country);
      if (entry === undefined) byCountry.set(country, (entry = { outlets: 0, feeds: 0, langs: new Map() }));
      const lang = (feed.lang ?? outlet.lang)?.split('-')[0];
      if (lang) entry.langs.set(lang, (entry.langs.get(lang) ?? 0) + 1);
    }
    for (const [country, n] of perCountry) {
      const entry = byCountry.get(country)!;
      entry.outlets += 1;
      entry.feeds += Math.min(n, FEEDS_PER_OUTLET);
    }
  }
  const editions: EditionSummary[] = [];
  for (const [country, entry] of byCountry) {
    if (entry.feeds < STARTER_MIN_FEEDS) continue;
    const lang = [...entry.langs].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? null;
    editions.push({ country, lang, outlets: entry.outlets, feeds: entry.feeds });
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

/**
 * Where a story's sources are from: the share of its distinct outlets per country (ISO 3166 codes from
 * the outlet catalogue), largest first. One outlet counts once, however many articles it ran.
 */
import type { CoverageItem } from '../coverage';
import { wholePercents } from '../percent';

export interface CountryShare {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  sources: number;
  /** Whole percent of the sources whose country is known; the shares add up to 100. */
  percent: number;
}

export interface CountryShares {
  shares: CountryShare[];
  /** Distinct sources with a known country. */
  known: number;
  /** Distinct sources whose country the catalogue does not give. */
  unknown: number;
}

export function countryShares(items: readonly Pick<CoverageItem, 'outletId' | 'outletName' | 'hidden' | 'country'>[]): CountryShares {
  const countryOf = new Map<string, string | null>();
  for (const item of items) {
    if (item.hidden) continue;
    const key = item.outletId ?? `name:${item.outletName.toLowerCase()}`;
    if (!countryOf.has(key) || (countryOf.get(key) === null && item.country)) countryOf.set(key, item.country?.toUpperCase() ?? null);
  }
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const country of countryOf.values()) {
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
    else unknown++;
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const percents = wholePercents(entries.map(([, n]) => n));
  return {
    shares: entries.map(([country, sources], i) => ({ country, sources, percent: percents[i] })),
    known: countryOf.size - unknown,
    unknown,
  };
}

/** "Sources mostly from United States (62%) · United Kingdom (20%)", in the reader's language. */
import type { CountryShares } from '../../core/story-page';
import { t } from '../i18n';

/** Countries named in the line; the rest are left out ("mostly"). */
const NAMED = 3;

let names: Intl.DisplayNames | null | undefined;

/** A country's name from its ISO code (the code itself where the runtime has no names). */
export function countryName(code: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(undefined, { type: 'region' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The line, or null when no source's country is known. */
export function countriesLine(countries: CountryShares): string | null {
  if (countries.shares.length === 0) return null;
  const shares = countries.shares.slice(0, NAMED).map((s) => t('countriesShare', countryName(s.country), s.percent));
  return t('countriesLine', shares.join(' · '));
}

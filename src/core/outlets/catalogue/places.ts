/**
 * Places in the source catalogues as ISO codes: the country names of Kagi's media data, the place
 * categories of its feed catalogue, and the country of a country-code top-level domain. A name the
 * tables do not know stops the build (a new catalogue must be read, not guessed).
 */

/** Country names as Kagi's data spells them → ISO 3166-1 alpha-2 ("XK" is Kosovo's user-assigned code). */
const COUNTRY_BY_NAME: Readonly<Record<string, string>> = {
  Albania: 'AL',
  Algeria: 'DZ',
  Argentina: 'AR',
  Australia: 'AU',
  Austria: 'AT',
  Bahrain: 'BH',
  Bangladesh: 'BD',
  Belgium: 'BE',
  'Bosnia and Herzegovina': 'BA',
  Brazil: 'BR',
  Bulgaria: 'BG',
  Cambodia: 'KH',
  Canada: 'CA',
  Chile: 'CL',
  China: 'CN',
  Colombia: 'CO',
  'Costa Rica': 'CR',
  Croatia: 'HR',
  Cyprus: 'CY',
  'Czech Republic': 'CZ',
  Denmark: 'DK',
  'Dominican Republic': 'DO',
  'DR Congo': 'CD',
  Egypt: 'EG',
  Estonia: 'EE',
  Ethiopia: 'ET',
  Finland: 'FI',
  France: 'FR',
  Georgia: 'GE',
  Germany: 'DE',
  Ghana: 'GH',
  Greece: 'GR',
  'Hong Kong': 'HK',
  Hungary: 'HU',
  Iceland: 'IS',
  India: 'IN',
  Indonesia: 'ID',
  Iran: 'IR',
  Iraq: 'IQ',
  Ireland: 'IE',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  Jordan: 'JO',
  Kenya: 'KE',
  Kosovo: 'XK',
  Kuwait: 'KW',
  Latvia: 'LV',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Macau: 'MO',
  'Madeira Island': 'PT',
  Malaysia: 'MY',
  Malta: 'MT',
  Mexico: 'MX',
  Moldova: 'MD',
  Montenegro: 'ME',
  Morocco: 'MA',
  Myanmar: 'MM',
  'New Zealand': 'NZ',
  Nigeria: 'NG',
  'North Carolina': 'US',
  'North Macedonia': 'MK',
  Norway: 'NO',
  Oman: 'OM',
  Pakistan: 'PK',
  Palestine: 'PS',
  Philippines: 'PH',
  Poland: 'PL',
  Portugal: 'PT',
  Qatar: 'QA',
  Romania: 'RO',
  Russia: 'RU',
  Rwanda: 'RW',
  'Saint Kitts and Nevis': 'KN',
  'Saudi Arabia': 'SA',
  Serbia: 'RS',
  Singapore: 'SG',
  Slovakia: 'SK',
  Slovenia: 'SI',
  'South Africa': 'ZA',
  'South Korea': 'KR',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  Syria: 'SY',
  Taiwan: 'TW',
  Tanzania: 'TZ',
  Thailand: 'TH',
  'The Netherlands': 'NL',
  Turkey: 'TR',
  UK: 'GB',
  Ukraine: 'UA',
  'United Arab Emirates': 'AE',
  'United Kingdom': 'GB',
  'United States': 'US',
  USA: 'US',
  Venezuela: 'VE',
  Vietnam: 'VN',
  Yemen: 'YE',
};

/** Kagi's media data names no single seat for these: the outlet gets no country from it. */
const NO_SINGLE_COUNTRY = new Set(['', 'Global', 'International', 'Netherlands/Morocco', 'Taiwan/South Africa']);

/** Feed categories about a world region rather than a country: news about a place, with no country. */
const WORLD_REGIONS = new Set(['Africa', 'Asia', 'Caribbean', 'Europe', 'Middle East']);

/** Topic categories scoped to a country ("Healthcare | Germany"): their feeds are that country's. */
const COUNTRY_SCOPED_TOPICS = /^(?:Healthcare|Ecology) \| (.+)$/;

export class UnknownPlaceError extends Error {}

/** ISO code of a country name of the media data; null for "Global" and the like; throws on an unknown name. */
export function countryOfName(name: string): string | null {
  const trimmed = name.trim();
  if (NO_SINGLE_COUNTRY.has(trimmed)) return null;
  const code = COUNTRY_BY_NAME[trimmed];
  if (code === undefined) throw new UnknownPlaceError(`unknown country name "${name}": add it to places.ts`);
  return code;
}

export interface CategoryPlace {
  /** The category is about a place (country, region, city or world region), not a topic. */
  place: boolean;
  /** ISO code of the category's country, when it names one. */
  country: string | null;
}

/**
 * What a feed category of the catalogue says about place: "Australia | Victoria", "UK | London",
 * "Switzerland (DE)" and "Japan" are places in a country; "Europe" is a place with no country;
 * "Space" or "NBA" is a topic. A category with `category_type` region or city must name a known country.
 */
export function categoryPlace(name: string, categoryType: string): CategoryPlace {
  if (WORLD_REGIONS.has(name)) return { place: true, country: null };
  const scoped = COUNTRY_SCOPED_TOPICS.exec(name);
  if (scoped) return { place: false, country: countryOfName(scoped[1]) };
  const head = name
    .split(' | ')[0]
    .replace(/ \([A-Z]{2}\)$/, '')
    .trim();
  const code = COUNTRY_BY_NAME[head];
  if (code !== undefined) return { place: true, country: code };
  if (categoryType === 'region' || categoryType === 'city') {
    throw new UnknownPlaceError(`unknown place category "${name}": add its country to places.ts`);
  }
  return { place: false, country: null };
}

/** ISO code of a host's country-code top-level domain ("co.uk" → GB, "com.au" → AU), or null for generic ones. */
export function countryOfTld(host: string): string | null {
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld)) return null;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

/** Kagi's language tags that are not BCP 47 ("gr" is Greek, whose code is "el"). */
const LANGUAGE_FIXES: Readonly<Record<string, string>> = { gr: 'el' };

const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/;

/** A category's `source_language` as a BCP 47 tag; throws when it is not one. */
export function categoryLanguage(tag: string): string {
  const fixed = LANGUAGE_FIXES[tag] ?? tag;
  if (!LANGUAGE_PATTERN.test(fixed)) throw new UnknownPlaceError(`category language "${tag}" is not a BCP 47 tag`);
  return fixed;
}

/**
 * How a feed's section ranks in a starter set: an outlet's front page and its general news come
 * first, then its news desks (world, politics, business), then topics, then local editions. The
 * sections are the outlets' own labels or the catalogue category a feed is filed under ("UK",
 * "USA | Boston", "Climate Change"), in many languages, so the rule reads them by pattern.
 */
import { categoryPlace } from '../outlets/catalogue/places';

/** Lower ranks first. */
export const SECTION_RANK = { general: 0, desk: 1, topic: 2, local: 3 } as const;
export type SectionRank = (typeof SECTION_RANK)[keyof typeof SECTION_RANK];

/** Front pages and all-news feeds, as outlets label them in the catalogue's languages. */
const GENERAL =
  /^(?:top|headlines?|front|home|main|latest|breaking|all(?: stories| news)?|news$|general|most (?:read|popular)|startseite|schlagzeilen|aktuell|nachrichten|à la une|a la une|actualités|titres|portada|últimas|notizie|primo piano|voorpagina|nyheter|uutiset|uk edition front)(?![\p{L}\p{N}])/iu;

/** News desks: world, national, politics, business and economy. */
const DESK =
  /^(?:world|international|u\.?s\.?(?: news)?$|uk news|national|nation|politics|business|economy|ausland|inland|politik|wirtschaft|monde|politique|économie|europe|asia|africa|middle east|diplomacy|defen[cs]e)(?![\p{L}\p{N}])/iu;

/** The topics a reader may add to a starter set, each with the sections it covers. */
export const STARTER_TOPICS = {
  business: /(?:business|economy|markets?|finance|wirtschaft|économie|cryptocurrency|bitcoin)/i,
  technology: /(?:tech|linux|privacy|apple|google|microsoft|\bai\b|cybersecurity|networking|smart home|computer)/i,
  science: /(?:science|space|physics|climate|ecology|energy|medicine|health|psychology|nuclear)/i,
  sport: /(?:sport|soccer|football|nba|nfl|mlb|nhl|cycling|formula|wrestling)/i,
  culture: /(?:culture|entertainment|movies|music|arts?\b|books|nintendo)/i,
} as const;
export type StarterTopic = keyof typeof STARTER_TOPICS;
export const STARTER_TOPIC_IDS = Object.keys(STARTER_TOPICS) as StarterTopic[];

/** Catalogue categories the places table files under a country that name a part of it. */
const SUBNATIONAL = new Set(['North Carolina', 'Madeira Island']);

/** A catalogue category naming a whole country ("UK", "France", "Switzerland (DE)"): its general news. */
function isNationalCategory(section: string, country: string | undefined): boolean {
  if (country === undefined || section.includes('|') || SUBNATIONAL.has(section)) return false;
  try {
    const place = categoryPlace(section, 'topic');
    return place.place && place.country === country;
  } catch {
    return false;
  }
}

/** The rank of a feed's section; a topic the reader chose ranks with the news desks. */
export function sectionRank(section: string, country: string | undefined, topics: readonly StarterTopic[] = []): SectionRank {
  const label = section.trim();
  if (GENERAL.test(label) || isNationalCategory(label, country)) return SECTION_RANK.general;
  if (label.includes(' | ') && !/^(?:healthcare|ecology) \|/i.test(label)) return SECTION_RANK.local;
  if (DESK.test(label)) return SECTION_RANK.desk;
  if (topics.some((topic) => STARTER_TOPICS[topic].test(label))) return SECTION_RANK.desk;
  return SECTION_RANK.topic;
}

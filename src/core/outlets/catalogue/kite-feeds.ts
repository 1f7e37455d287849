/**
 * Kagi's feed catalogue (kite_feeds.json): each feed goes to the outlet that owns its host, filed
 * under the category's name, language and country. Aggregators' and social sites' feeds are left
 * out; a host of no known outlet becomes an outlet only when it is clearly a news site's own.
 */
import { z } from 'zod';
import { describeZodError, type Outlet, type OutletFeed } from '../schema';
import { type CatalogueIndex, isInstitutionHost, notOutletReason, registrableDomain } from './hosts';
import { categoryLanguage, categoryPlace, countryOfTld } from './places';
import { KITE_FEEDS_URL } from './sources';
import type { CatalogueDecision } from './decisions';

export interface KiteCategory {
  name: string;
  /** Feeds filed under it are about a place (country, region, city, world region). */
  place: boolean;
  country: string | null;
  lang: string;
  feeds: string[];
}

const categorySchema = z.looseObject({
  category_type: z.string(),
  source_language: z.string(),
  feeds: z.array(z.string()),
});

/** The categories of kite_feeds.json in file order; throws a readable error when the file is not that. */
export function readKiteFeeds(data: unknown): KiteCategory[] {
  const parsed = z.record(z.string(), categorySchema).safeParse(data);
  if (!parsed.success) throw new Error(`Kite feed catalogue: ${describeZodError(parsed.error)}`);
  return Object.entries(parsed.data).map(([name, category]) => ({
    name,
    ...categoryPlace(name, category.category_type),
    lang: categoryLanguage(category.source_language),
    feeds: category.feeds,
  }));
}

/**
 * Words that name a news publication, in the languages of the catalogue: a host whose name carries
 * one ("castlemainemail", "derstandard", "tiranatimes") says what it is.
 */
const NEWS_NAME =
  /news|nyheter|nieuws|nachricht|noticia|notizie|novost|novine|vesti|uutiset|haber|times|tiden|tijd|post|daily|dagblad|herald|tribun|journal|jornal|gazet|zeitung|zeitun|courier|kurier|courrier|chronicle|cronica|observer|mail|express|telegra|echo|record|review|independent|standard|guardian|examiner|leader|argus|bulletin|reporter|register|dispatch|monitor|sentinel|anzeiger|blatt|presse|press|diario|periodico|krant|avis|tidning|posten|lehti|dnevnik|gazete|magazin|weekly|woche|today|report|insider|wire|radio|television|tv$|^tv|fm$/;

/** Feeds a host needs in place categories to count as a sectioned news publication without a news name. */
const SECTIONED_FEEDS = 2;

/** Satire is not news: a host filed only there makes no outlet. */
const NOT_NEWS_CATEGORIES = new Set(['Satire']);

/**
 * Hosts whose name or feeds pass the rules below but that are not a news site, found by reading the
 * build's list of new outlets: governments, universities, public bodies, press-release services.
 */
export const NOT_NEWS_SITES: Readonly<Record<string, string>> = {
  'bayern.de': 'a state government',
  'charite.de': 'a hospital',
  'emu.ee': 'a university',
  'fu-berlin.de': 'a university',
  'government.is': 'a government',
  'internewske.org': 'a non-governmental organisation',
  'kultur-hamburg.de': 'an events listing',
  'leader.ir': "a head of state's office",
  'mannheim.de': 'a city administration',
  'nationalbanken.dk': 'a central bank',
  'pap-mediaroom.pl': 'a press-release service',
  'presseportal-schweiz.ch': 'a press-release service',
  'presseportal.ch': 'a press-release service',
  'presseportal.de': 'a press-release service',
  'regierung-mv.de': 'a state government',
  'regjeringen.no': 'a government',
  'schleswig-holstein.de': 'a state government',
  'schwarzes-leipzig.info': 'an events listing',
  'smb.museum': 'a museum',
  'sttinfo.fi': 'a press-release service',
  'stuttgart.de': 'a city administration',
  'swp-berlin.org': 'a research institute',
  'uni-hamburg.de': 'a university',
  'verkuendung-bayern.de': "a state government's official gazette",
};

/** The feed's identity for de-duplication: host, path without trailing slash, query (scheme and "www." aside). */
export function feedKey(url: URL): string {
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

interface PendingHost {
  domain: string;
  feeds: OutletFeed[];
  placeFeeds: number;
  /** Feeds filed under news categories (every category but satire). */
  newsFeeds: number;
  categories: Set<string>;
}

function feedOf(url: string, category: KiteCategory): OutletFeed {
  const feed: OutletFeed = { url, section: category.name, lang: category.lang };
  if (category.country !== null) feed.country = category.country;
  feed.source = KITE_FEEDS_URL;
  return feed;
}

/** Why a host of no known outlet is not made an outlet, or null when it is clearly a news site's own. */
function notNewsSiteReason(pending: PendingHost): string | null {
  const domain = pending.domain;
  if (isInstitutionHost(domain)) return 'an institution (government, school, intergovernmental body)';
  const listed = NOT_NEWS_SITES[domain];
  if (listed !== undefined) return listed;
  if (pending.newsFeeds === 0) return 'filed under satire only';
  const label = domain.slice(0, domain.indexOf('.'));
  if (NEWS_NAME.test(label) || pending.placeFeeds >= SECTIONED_FEEDS) return null;
  if (pending.placeFeeds === 0) return 'filed under topics only, with no news name: not clearly a news site';
  return 'neither a news name nor several feeds about a place: not clearly a news site';
}

/** Adds the catalogue's feeds to the outlets of `index`, making outlets of clearly-news hosts. */
export function mergeKiteFeeds(index: CatalogueIndex, categories: readonly KiteCategory[], decisions: CatalogueDecision[]): void {
  const seen = new Set<string>();
  for (const outlet of index.outlets) {
    for (const feed of outlet.feeds) {
      try {
        seen.add(feedKey(new URL(feed.url)));
      } catch {
        // The schema check after the build reports a bad URL.
      }
    }
  }
  const pending = new Map<string, PendingHost>();
  for (const category of categories) {
    for (const raw of category.feeds) {
      const subject = raw;
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        decisions.push({ step: 'feeds', subject, outcome: 'left-out', detail: 'not an absolute URL' });
        continue;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        decisions.push({ step: 'feeds', subject, outcome: 'left-out', detail: 'not http(s)' });
        continue;
      }
      const key = feedKey(url);
      if (seen.has(key)) {
        decisions.push({ step: 'feeds', subject, outcome: 'duplicate', detail: category.name });
        continue;
      }
      const host = url.hostname.toLowerCase();
      const outlet = index.resolve(host);
      if (outlet !== null) {
        seen.add(key);
        outlet.feeds.push(feedOf(raw.trim(), category));
        continue;
      }
      const notOutlet = notOutletReason(host);
      if (notOutlet !== null) {
        decisions.push({ step: 'feeds', subject, outcome: 'left-out', detail: notOutlet });
        continue;
      }
      const domain = registrableDomain(host);
      if (domain === null) {
        decisions.push({ step: 'feeds', subject, outcome: 'left-out', detail: 'no registrable domain' });
        continue;
      }
      seen.add(key);
      let entry = pending.get(domain);
      if (entry === undefined) {
        entry = { domain, feeds: [], placeFeeds: 0, newsFeeds: 0, categories: new Set() };
        pending.set(domain, entry);
      }
      entry.feeds.push(feedOf(raw.trim(), category));
      entry.categories.add(category.name);
      if (category.place) entry.placeFeeds += 1;
      if (!NOT_NEWS_CATEGORIES.has(category.name)) entry.newsFeeds += 1;
    }
  }
  for (const entry of pending.values()) {
    const reason = notNewsSiteReason(entry);
    if (reason !== null) {
      const detail = `${reason} (${entry.feeds.length} feed${entry.feeds.length === 1 ? '' : 's'}: ${[...entry.categories].join(', ')})`;
      decisions.push({ step: 'feeds', subject: entry.domain, outcome: 'host-left-out', detail });
      continue;
    }
    const outlet: Outlet = {
      id: index.freeId(entry.domain),
      name: entry.domain,
      domains: [entry.domain],
      nameFromDomain: true,
      source: KITE_FEEDS_URL,
      feeds: entry.feeds,
    };
    index.add(outlet);
    decisions.push({ step: 'feeds', subject: entry.domain, outcome: 'new-outlet', detail: `${entry.feeds.length} feeds` });
  }
}

/**
 * The seat of outlets no source gives one: the country of the domain's country-code TLD, when the
 * catalogue files one of the outlet's feeds under that same country ("derstandard.at" under Austria).
 */
export function countriesFromFeeds(outlets: readonly Outlet[]): void {
  for (const outlet of outlets) {
    if (outlet.country !== undefined) continue;
    const tldCountry = countryOfTld(outlet.domains[0]);
    if (tldCountry === null || !outlet.feeds.some((feed) => feed.country === tldCountry && feed.source === KITE_FEEDS_URL)) continue;
    outlet.country = tldCountry;
    if (outlet.source !== KITE_FEEDS_URL) {
      outlet.from ??= {};
      outlet.from.country = 'kite-feeds';
    }
  }
}

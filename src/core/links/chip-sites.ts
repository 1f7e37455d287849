/**
 * Where the link chips run: the sites of each group the reader can switch on, the sites they add one by
 * one (a Mastodon instance, "this site" from the popup), and of those, the ones whose permission the
 * browser holds: the chips script is registered there and nowhere else.
 */

/** Where WXT writes the chips entrypoint (entrypoints/link-chips.content.ts): registered by the worker, injected by the popup. */
export const CHIP_SCRIPT_FILE = 'content-scripts/link-chips.js';
/** The script that wakes the worker as a chips page starts loading (entrypoints/chips-wake.content.ts). */
export const CHIP_WAKE_FILE = 'content-scripts/chips-wake.js';

export const CHIP_GROUPS = ['search', 'aggregators', 'social'] as const;
export type ChipGroup = (typeof CHIP_GROUPS)[number];

export interface ChipSettings {
  groups: Record<ChipGroup, boolean>;
  /** Origins the reader switched chips on for, like `https://mastodon.social`. */
  sites: string[];
}

export const DEFAULT_CHIP_SETTINGS: ChipSettings = { groups: { search: false, aggregators: false, social: false }, sites: [] };

/** Google's search hosts beyond google.com: the largest markets' own domains. */
const GOOGLE_DOMAINS = [
  'com',
  'co.uk',
  'ca',
  'com.au',
  'co.in',
  'ie',
  'co.nz',
  'co.za',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'be',
  'ch',
  'at',
  'se',
  'com.br',
  'com.mx',
  'pl',
];

/** Each group's sites, as match patterns (also the origins its switch asks permission for). */
export const CHIP_GROUP_PATTERNS: Readonly<Record<ChipGroup, readonly string[]>> = {
  search: [...GOOGLE_DOMAINS.map((tld) => `https://www.google.${tld}/*`), 'https://www.bing.com/*', 'https://*.duckduckgo.com/*'],
  aggregators: [
    'https://news.google.com/*',
    'https://news.yahoo.com/*',
    'https://*.news.yahoo.com/*',
    'https://www.yahoo.com/*',
    'https://apple.news/*',
  ],
  social: [
    'https://*.reddit.com/*',
    'https://x.com/*',
    'https://twitter.com/*',
    'https://mobile.twitter.com/*',
    'https://*.facebook.com/*',
    'https://bsky.app/*',
    'https://news.ycombinator.com/*',
  ],
};

/**
 * The match pattern of a site the reader adds (`https://mastodon.social` → `https://mastodon.social/*`);
 * [] for anything that is not a plain http(s) origin. Match patterns carry no port.
 */
export function sitePatterns(origin: string): string[] {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return [];
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return [];
  if (!/^[a-z0-9.-]+$/.test(url.hostname) || !url.hostname.includes('.')) return [];
  return [`${url.protocol}//${url.hostname}/*`];
}

/** The origin of an address (`https://mastodon.social/@a` → `https://mastodon.social`), or null. */
export function siteOrigin(url: string): string | null {
  const pattern = sitePatterns(url)[0];
  return pattern === undefined ? null : pattern.slice(0, -2);
}

interface Pattern {
  scheme: string;
  host: string;
  path: string;
}

function parsePattern(pattern: string): Pattern | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const match = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  return match ? { scheme: match[1], host: match[2], path: match[3] } : null;
}

/** Whether the granted pattern includes every page the wanted one matches. */
export function patternCovers(granted: string, wanted: string): boolean {
  const g = parsePattern(granted);
  const w = parsePattern(wanted);
  if (g === null || w === null) return false;
  if (g.scheme !== '*' && g.scheme !== w.scheme) return false;
  if (g.path !== '/*' && g.path !== w.path) return false;
  if (g.host === '*' || g.host === w.host) return true;
  if (!g.host.startsWith('*.')) return false;
  const base = g.host.slice(2);
  const wantedHost = w.host.startsWith('*.') ? w.host.slice(2) : w.host;
  return wantedHost === base || wantedHost.endsWith(`.${base}`);
}

/** The patterns the chips script is registered on: those of the switched-on groups and sites the browser granted. */
export function chipScriptMatches(settings: ChipSettings, grantedOrigins: readonly string[]): string[] {
  const wanted = [
    ...CHIP_GROUPS.filter((group) => settings.groups[group]).flatMap((group) => CHIP_GROUP_PATTERNS[group]),
    ...settings.sites.flatMap(sitePatterns),
  ];
  return [...new Set(wanted)].filter((pattern) => grantedOrigins.some((granted) => patternCovers(granted, pattern))).sort();
}

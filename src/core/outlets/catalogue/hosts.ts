/**
 * Host rules of the catalogue build: sites that are never an outlet of their own (platforms,
 * aggregators, feed services), institutions' domains, and the working index of who claims a host.
 */
import { parse } from 'tldts';
import { lookupHost } from '../host';
import type { Outlet } from '../schema';

/**
 * Registrable domains that host other people's content or other outlets' news: a rating or a feed
 * there is a person's, a channel's or a copy, never the site's own. No outlet is made for them, and
 * their feeds are left out.
 */
export const NOT_OUTLETS: Readonly<Record<string, string>> = {
  // Social networks, video and audio platforms, profile and fundraising pages.
  'twitter.com': 'social',
  'x.com': 'social',
  'facebook.com': 'social',
  'instagram.com': 'social',
  'threads.net': 'social',
  'bsky.app': 'social',
  'mastodon.social': 'social',
  'linkedin.com': 'social',
  'reddit.com': 'social',
  'redd.it': 'social',
  'tiktok.com': 'video',
  'youtube.com': 'video',
  'youtu.be': 'video',
  'twitch.tv': 'video',
  'rumble.com': 'video',
  't.me': 'messaging',
  'telegram.me': 'messaging',
  'apple.com': 'podcasts',
  'spotify.com': 'podcasts',
  'soundcloud.com': 'podcasts',
  'anchor.fm': 'podcasts',
  'megaphone.fm': 'podcasts',
  'libsyn.com': 'podcasts',
  'buzzsprout.com': 'podcasts',
  'podbean.com': 'podcasts',
  'simplecast.com': 'podcasts',
  'muckrack.com': 'profiles',
  'quora.com': 'questions and answers',
  'linktr.ee': 'profiles',
  'minds.com': 'social',
  'wikipedia.org': 'encyclopedia',
  'actblue.com': 'fundraising',
  // Publishing platforms whose subdomains are other people's newsletters and blogs.
  'substack.com': 'newsletter platform',
  'medium.com': 'blog platform',
  'wordpress.com': 'blog platform',
  'disqus.com': 'comments platform',
  'github.com': 'code hosting',
  'steamcommunity.com': 'game store',
  'steampowered.com': 'game store',
  // News aggregators and portals: they list other outlets' articles.
  'google.com': 'aggregator',
  'bing.com': 'aggregator',
  'msn.com': 'aggregator',
  'yahoo.co.jp': 'aggregator',
  'baidu.com': 'aggregator',
  'allsides.com': 'aggregator',
  'flipboard.com': 'aggregator',
  'newsbreak.com': 'aggregator',
  'smartnews.com': 'aggregator',
  'ground.news': 'aggregator',
  'newsnow.co.uk': 'aggregator',
  'ycombinator.com': 'aggregator',
  'hnrss.org': 'aggregator',
  'naslovi.net': 'aggregator',
  'hirkereso.hu': 'aggregator',
  'einnews.com': 'aggregator',
  'rambler.ru': 'aggregator',
  'nitter.net': 'social mirror',
  'nitter.poast.org': 'social mirror',
  'xcancel.com': 'social mirror',
  // Feed services and file hosts: the feed is someone else's, served from here.
  'feedburner.com': 'feed service',
  'feedblitz.com': 'feed service',
  'rss.app': 'feed service',
  'fetchrss.com': 'feed service',
  'politepol.com': 'feed service',
  'rsshub.app': 'feed service',
  'rssmix.com': 'feed service',
  'siftrss.com': 'feed service',
  'feedx.net': 'feed service',
  'feedpress.me': 'feed service',
  'newscatcherapi.com': 'feed service',
  'wor.jp': 'feed service',
  'amazonaws.com': 'file host',
  'cloudfront.net': 'file host',
  'googleusercontent.com': 'file host',
  'uecdn.es': 'file host',
};

/** Hosts of governments, parliaments, the military, schools and universities, intergovernmental bodies. */
const INSTITUTION_HOST = /(?:^|\.)(?:gov|gob|gouv|govt|go|mil|edu|ac|int)\.[a-z]{2}$|\.(?:gov|mil|edu|int)$|(?:^|\.)europa\.eu$/;

export function isInstitutionHost(host: string): boolean {
  return INSTITUTION_HOST.test(host);
}

export function registrableDomain(host: string): string | null {
  return parse(host, { allowPrivateDomains: true }).domain;
}

/** Why a host can never be an outlet's own, or null. */
export function notOutletReason(host: string): string | null {
  const domain = registrableDomain(host);
  if (domain === null) return 'no registrable domain';
  // The host and its parents: "bucket.s3.amazonaws.com" is a file host's even though its registrable
  // domain (through the private suffix "s3.amazonaws.com") is the bucket's.
  for (let suffix = host; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) {
    const reason = NOT_OUTLETS[suffix];
    if (reason !== undefined) return reason;
  }
  // Nitter instances run under many names; all mirror one social network.
  if (/^nitter\./.test(host) || domain.startsWith('nitter.')) return 'social mirror';
  return null;
}

/** Lowercase slug of a name (accents folded, other scripts dropped), at most `max` characters. */
export function slugOf(text: string, max = 64): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * The outlets being built, with who claims each host: resolution walks from a host up to its
 * registrable domain, as the registry does, so a subdomain belongs to the outlet of its parent.
 */
export class CatalogueIndex {
  readonly outlets: Outlet[] = [];
  private readonly byHost = new Map<string, Outlet>();
  private readonly ids = new Set<string>();

  add(outlet: Outlet): Outlet {
    if (this.ids.has(outlet.id)) throw new Error(`duplicate outlet id "${outlet.id}"`);
    this.ids.add(outlet.id);
    this.outlets.push(outlet);
    for (const host of [...outlet.domains, ...(outlet.aliases ?? [])]) this.claim(host, outlet);
    return outlet;
  }

  /** Records that `outlet` claims `host`; a host already claimed by another outlet is an error. */
  claim(host: string, outlet: Outlet): void {
    const owner = this.byHost.get(host);
    if (owner !== undefined && owner !== outlet) throw new Error(`host "${host}" claimed by "${owner.id}" and "${outlet.id}"`);
    this.byHost.set(host, outlet);
  }

  resolve(urlOrHost: string): Outlet | null {
    return lookupHost(this.byHost, urlOrHost);
  }

  /** An id not yet taken: the first free of the candidates, else the last one numbered. */
  freeId(...candidates: string[]): string {
    const usable = candidates.map((candidate) => slugOf(candidate)).filter((slug) => slug !== '');
    for (const id of usable) if (!this.ids.has(id)) return id;
    const base = usable.at(-1) ?? 'outlet';
    for (let n = 2; ; n += 1) {
      const id = slugOf(`${base.slice(0, 60)}-${n}`);
      if (!this.ids.has(id)) return id;
    }
  }
}

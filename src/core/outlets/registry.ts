/**
 * The outlet registry: who publishes at a host. Resolution only ever answers with an outlet that
 * claims the host or one of its parents up to the registrable domain; anything else is null
 * ("unrated"), never a near miss.
 */
import { entryOf, type OutletEntry } from './entries';
import { hostCandidates, publisherHost } from './host';
import { hostPatterns, isServiceHost } from './reach';
import { describeZodError, outletListSchema, type Outlet } from './schema';

function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

interface SearchEntry {
  outlet: Outlet;
  name: string;
  /** The name without a leading article: "guardian" for "The Guardian". */
  bareName: string;
  words: string[];
  hosts: string[];
}

export class OutletRegistry {
  private readonly entries: readonly OutletEntry[];
  private readonly byId = new Map<string, OutletEntry>();
  private readonly byHost = new Map<string, OutletEntry>();
  private searchEntries: SearchEntry[] | null = null;

  /**
   * Outlets later in the list win a host or an id claimed earlier (that is how reader-added
   * outlets override shipped ones). Callers pass validated outlets; see `loadRegistry`. `entries`,
   * when given, stand for the outlets (see `ofEntries`).
   */
  constructor(outlets: readonly Outlet[], entries?: readonly OutletEntry[]) {
    this.entries = this.index(entries ?? outlets.map(entryOf));
  }

  /** A registry of entries whose outlets are decoded when first asked for (see entries.ts). */
  static ofEntries(entries: readonly OutletEntry[]): OutletRegistry {
    return new OutletRegistry([], entries);
  }

  private index(entries: readonly OutletEntry[]): OutletEntry[] {
    for (const entry of entries) this.byId.set(entry.id, entry);
    const kept = [...this.byId.values()];
    for (const entry of kept) for (const host of entry.hosts) this.byHost.set(host, entry);
    return kept;
  }

  /**
   * The outlet publishing at a URL or host (subdomains, regional editions, AMP caches, aliases), or null;
   * null too for a portal's service hosts (`mail.yahoo.com`), where the article script never runs.
   */
  resolve(urlOrHost: string): Outlet | null {
    const host = publisherHost(urlOrHost);
    if (host === null || isServiceHost(host.hostname, host.domain)) return null;
    for (const candidate of hostCandidates(host)) {
      const entry = this.byHost.get(candidate);
      if (entry !== undefined) return entry.outlet();
    }
    return null;
  }

  get(id: string): Outlet | undefined {
    return this.byId.get(id)?.outlet();
  }

  all(): Outlet[] {
    return this.entries.map((entry) => entry.outlet());
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Outlets whose name, id or host matches every word of the query (accents and case ignored),
   * best first: exact name, then name prefix, then word prefix, then host. An empty query lists all.
   */
  search(query: string): Outlet[] {
    const words = foldForSearch(query)
      .split(' ')
      .filter((word) => word !== '');
    const entries = this.getSearchEntries();
    if (words.length === 0) return entries.map((entry) => entry.outlet);
    const scored: { outlet: Outlet; score: number }[] = [];
    const whole = words.join(' ');
    for (const entry of entries) {
      let score = 0;
      let everyWordMatches = true;
      for (const word of words) {
        let wordScore = 0;
        if (entry.words.some((candidate) => candidate.startsWith(word))) wordScore = 3;
        else if (entry.hosts.some((host) => host.startsWith(word))) wordScore = 2;
        else if (entry.name.includes(word) || entry.hosts.some((host) => host.includes(word))) wordScore = 1;
        if (wordScore === 0) {
          everyWordMatches = false;
          break;
        }
        score += wordScore;
      }
      if (!everyWordMatches) continue;
      if (entry.name === whole || entry.bareName === whole || entry.outlet.id === whole) score += 100;
      else if (entry.name.startsWith(whole) || entry.bareName.startsWith(whole)) score += 50;
      scored.push({ outlet: entry.outlet, score });
    }
    scored.sort((a, b) => b.score - a.score || a.outlet.name.localeCompare(b.outlet.name));
    return scored.map((item) => item.outlet);
  }

  /**
   * Host match patterns for the article script: every host a hand-kept outlet claims, home domains
   * and aliases (former and sister domains: `huffingtonpost.com` is HuffPost's), subdomains included.
   * The catalogue's other outlets are left to the all-sites opt-in: Chromium's extension load grows
   * faster than linearly with the manifest's patterns (about 2 s with 1,000, 9 s with 2,000, 50 s with
   * the catalogue's 4,350), and each is an install-time grant.
   */
  matchPatterns(): string[] {
    const hosts: string[] = [];
    for (const entry of this.entries) {
      if (entry.outlet().curated !== true) continue;
      for (const host of entry.hosts) if (this.byHost.get(host) === entry) hosts.push(host);
    }
    return hostPatterns(hosts);
  }

  /**
   * A registry with reader-added outlets on top: an outlet with a shipped id replaces it, and a
   * host a custom outlet claims resolves to the custom one. Throws when an outlet is invalid.
   */
  withCustom(outlets: readonly Outlet[]): OutletRegistry {
    const custom = outletListSchema.safeParse(outlets);
    if (!custom.success) throw new Error(`invalid custom outlet: ${describeZodError(custom.error)}`);
    return OutletRegistry.ofEntries([...this.entries, ...custom.data.map(entryOf)]);
  }

  private getSearchEntries(): SearchEntry[] {
    if (this.searchEntries === null) {
      this.searchEntries = this.all()
        .map((outlet) => {
          const name = foldForSearch(outlet.name);
          return {
            outlet,
            name,
            bareName: name.replace(/^(?:the|le|la|les|l|der|die|das) /, ''),
            words: [...name.split(' '), outlet.id],
            hosts: [...outlet.domains, ...(outlet.aliases ?? [])],
          };
        })
        .sort((a, b) => a.outlet.name.localeCompare(b.outlet.name));
    }
    return this.searchEntries;
  }
}

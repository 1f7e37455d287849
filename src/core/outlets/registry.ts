/**
 * The outlet registry: who publishes at a host. Resolution only ever answers with an outlet that
 * claims the host or one of its parents up to the registrable domain; anything else is null
 * ("unrated"), never a near miss.
 */
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
  private readonly outlets: readonly Outlet[];
  private readonly byId = new Map<string, Outlet>();
  private readonly byHost = new Map<string, Outlet>();
  private searchEntries: SearchEntry[] | null = null;

  /**
   * Outlets later in the list win a host or an id claimed earlier (that is how reader-added
   * outlets override shipped ones). Callers pass validated outlets; see `loadRegistry`.
   */
  constructor(outlets: readonly Outlet[]) {
    for (const outlet of outlets) this.byId.set(outlet.id, outlet);
    this.outlets = [...this.byId.values()];
    for (const outlet of this.outlets) {
      for (const host of [...outlet.domains, ...(outlet.aliases ?? [])]) this.byHost.set(host, outlet);
    }
  }

  /**
   * The outlet publishing at a URL or host (subdomains, regional editions, AMP caches, aliases), or null;
   * null too for a portal's service hosts (`mail.yahoo.com`), where the article script never runs.
   */
  resolve(urlOrHost: string): Outlet | null {
    const host = publisherHost(urlOrHost);
    if (host === null || isServiceHost(host.hostname, host.domain)) return null;
    for (const candidate of hostCandidates(host)) {
      const outlet = this.byHost.get(candidate);
      if (outlet !== undefined) return outlet;
    }
    return null;
  }

  get(id: string): Outlet | undefined {
    return this.byId.get(id);
  }

  all(): Outlet[] {
    return [...this.outlets];
  }

  get size(): number {
    return this.outlets.length;
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
   * Host match patterns for the article script: every host an outlet claims, home domains and aliases
   * (former and sister domains: `huffingtonpost.com` is HuffPost's), subdomains included.
   */
  matchPatterns(): string[] {
    return hostPatterns(this.byHost.keys());
  }

  /**
   * A registry with reader-added outlets on top: an outlet with a shipped id replaces it, and a
   * host a custom outlet claims resolves to the custom one. Throws when an outlet is invalid.
   */
  withCustom(outlets: readonly Outlet[]): OutletRegistry {
    const custom = outletListSchema.safeParse(outlets);
    if (!custom.success) throw new Error(`invalid custom outlet: ${describeZodError(custom.error)}`);
    return new OutletRegistry([...this.outlets, ...custom.data]);
  }

  private getSearchEntries(): SearchEntry[] {
    if (this.searchEntries === null) {
      this.searchEntries = this.outlets
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

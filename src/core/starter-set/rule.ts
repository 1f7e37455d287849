/**
 * The starter set: the feeds one click enables on first run, chosen by a stated rule from the
 * catalogue for an edition (a country).
 *
 * 1. The edition's feeds: those filed under its country (or, without one, of an outlet seated there);
 *    a wire service's feeds in the edition's language that name no country count too.
 * 2. Each outlet's feeds rank by section: front page and general news, then news desks and the
 *    reader's topics, then other topics, then local editions; at most 2 feeds per outlet.
 * 3. Every wire service of the edition is in, first.
 * 4. Rated feeds are balanced: Left (incl. lean left), Center and Right (incl. lean right) each hold
 *    25–40 % of them (`balancedCounts`), as many as the edition offers up to the target; each side
 *    takes its outlets' best news feed first (best section, hand-kept outlets, then the outlets with
 *    the most feeds in the edition), second news feeds after, then other topics, then local editions.
 *    Unrated feeds fill up to the target.
 * 5. When no balance is possible (a side has fewer than 3 rated feeds on offer), the set takes the
 *    edition's feeds in that same order, rated or not, and says which sides are short.
 * The same catalogue, ratings, edition and topics always give the same set, in the same order.
 */
import type { Outlet, OutletFeed } from '../outlets/schema';
import type { LeanSide } from '../types';
import { balancedCounts, SIDES, type SideCounts } from './balance';
import { SECTION_RANK, sectionRank, type SectionRank, type StarterTopic } from './sections';

export const STARTER_MIN_FEEDS = 40;
export const STARTER_TARGET_FEEDS = 80;
export const STARTER_MAX_FEEDS = 120;
export const FEEDS_PER_OUTLET = 2;
/** A side with fewer rated feeds than this on offer cannot be balanced. */
export const MIN_FEEDS_PER_SIDE = 3;

export interface StarterFeed {
  url: string;
  outletId: string;
  outletName: string;
  section: string;
  side: LeanSide | null;
  wire: boolean;
}

export interface StarterCounts extends SideCounts {
  unrated: number;
}

export interface StarterSet {
  edition: string;
  /** The edition's main language (its feeds' most common). */
  lang: string | null;
  feeds: StarterFeed[];
  /** Feeds of the set per side, and unrated. */
  counts: StarterCounts;
  balanced: boolean;
  /** Sides with too few rated feeds on offer, when the set is not balanced. */
  shortSides: LeanSide[];
  /** Outlets in the set. */
  outlets: number;
  /** Outlets of the edition with a feed, and their feeds after the per-outlet cap. */
  editionOutlets: number;
  editionFeeds: number;
}

export interface StarterOptions {
  topics?: readonly StarterTopic[];
  /** Feeds to aim for (default 80), within 40–120. */
  target?: number;
}

export type SideOf = (outletId: string) => LeanSide | null;

interface Candidate {
  outlet: Outlet;
  feeds: { feed: OutletFeed; rank: SectionRank }[];
  side: LeanSide | null;
  /** Feeds the outlet has in the edition, before the cap. */
  inEdition: number;
}

const feedCountry = (feed: OutletFeed, outlet: Outlet) => feed.country ?? outlet.country;

/** The edition's main language: the most common language of its feeds (ties: alphabetical). */
export function editionLanguage(outlets: readonly Outlet[], edition: string): string | null {
  const counts = new Map<string, number>();
  for (const outlet of outlets) {
    for (const feed of outlet.feeds) {
      const lang = (feed.lang ?? outlet.lang)?.split('-')[0];
      if (lang && feedCountry(feed, outlet) === edition) counts.set(lang, (counts.get(lang) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [lang, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) if (best === null || n > counts.get(best)!) best = lang;
  return best;
}

function inEdition(feed: OutletFeed, outlet: Outlet, edition: string, lang: string | null): boolean {
  if (feedCountry(feed, outlet) === edition) return true;
  return outlet.wire === true && feed.country === undefined && lang !== null && (feed.lang ?? outlet.lang)?.split('-')[0] === lang;
}

function candidateOf(
  outlet: Outlet,
  edition: string,
  lang: string | null,
  topics: readonly StarterTopic[],
  sideOf: SideOf,
): Candidate | null {
  const seen = new Set<string>();
  const ranked: Candidate['feeds'] = [];
  for (const feed of outlet.feeds) {
    if (seen.has(feed.url) || !inEdition(feed, outlet, edition, lang)) continue;
    seen.add(feed.url);
    const rank = sectionRank(feed.section, feedCountry(feed, outlet), topics);
    // A wire's feeds outside its own country are its world service, not local news of the edition.
    if (outlet.wire === true && rank === SECTION_RANK.local && feedCountry(feed, outlet) !== edition) continue;
    ranked.push({ feed, rank });
  }
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => a.rank - b.rank || a.feed.section.localeCompare(b.feed.section) || a.feed.url.localeCompare(b.feed.url));
  return { outlet, feeds: ranked.slice(0, FEEDS_PER_OUTLET), side: sideOf(outlet.id), inEdition: ranked.length };
}

function byStanding(a: Candidate, b: Candidate): number {
  return (
    a.feeds[0].rank - b.feeds[0].rank ||
    Number(b.outlet.curated === true) - Number(a.outlet.curated === true) ||
    b.inEdition - a.inEdition ||
    a.outlet.id.localeCompare(b.outlet.id)
  );
}

/** The order feeds are taken in: news (front pages, general news, desks, chosen topics), other topics, local editions. */
const takenAs = (rank: SectionRank) => (rank <= SECTION_RANK.desk ? 0 : rank);

/**
 * Each outlet's best news feed first, in the outlets' order, then their second news feeds; then the same
 * for other topics, then for local editions. A further outlet's niche section (one sport, one author)
 * adds little coverage to compare, so it comes after a second news feed of an outlet already in.
 */
function queueOf(candidates: readonly Candidate[]): StarterFeed[] {
  const queue: StarterFeed[] = [];
  for (const kind of [SECTION_RANK.general, SECTION_RANK.topic, SECTION_RANK.local]) {
    for (let i = 0; i < FEEDS_PER_OUTLET; i++) {
      for (const c of candidates) {
        const entry = c.feeds[i];
        if (entry === undefined || takenAs(entry.rank) !== kind) continue;
        queue.push({
          url: entry.feed.url,
          outletId: c.outlet.id,
          outletName: c.outlet.name,
          section: entry.feed.section,
          side: c.side,
          wire: c.outlet.wire === true,
        });
      }
    }
  }
  return queue;
}

const countSides = (feeds: readonly StarterFeed[]): StarterCounts => {
  const counts: StarterCounts = { L: 0, C: 0, R: 0, unrated: 0 };
  for (const feed of feeds) counts[feed.side ?? 'unrated']++;
  return counts;
};

/** The starter set of an edition (an ISO country code), by the rule above. */
export function starterSet(outlets: readonly Outlet[], sideOf: SideOf, edition: string, options: StarterOptions = {}): StarterSet {
  const target = Math.min(STARTER_MAX_FEEDS, Math.max(STARTER_MIN_FEEDS, options.target ?? STARTER_TARGET_FEEDS));
  const topics = options.topics ?? [];
  const lang = editionLanguage(outlets, edition);
  const candidates = outlets
    .map((outlet) => candidateOf(outlet, edition, lang, topics, sideOf))
    .filter((c): c is Candidate => c !== null)
    .sort(byStanding);
  const wires = queueOf(candidates.filter((c) => c.outlet.wire === true));
  const others = candidates.filter((c) => c.outlet.wire !== true);
  const queues = {
    L: queueOf(others.filter((c) => c.side === 'L')),
    C: queueOf(others.filter((c) => c.side === 'C')),
    R: queueOf(others.filter((c) => c.side === 'R')),
    unrated: queueOf(others.filter((c) => c.side === null)),
  };
  const held = countSides(wires);
  const offers = { L: held.L + queues.L.length, C: held.C + queues.C.length, R: held.R + queues.R.length };
  const counts = balancedCounts(offers, held, target - held.unrated);
  const balanced = counts !== null && SIDES.every((side) => counts[side] >= MIN_FEEDS_PER_SIDE);

  let feeds: StarterFeed[];
  if (balanced) {
    const rated = SIDES.flatMap((side) => queues[side].slice(0, counts[side] - held[side]));
    feeds = [...wires, ...rated];
    feeds.push(...queues.unrated.slice(0, Math.max(0, target - feeds.length)));
  } else {
    feeds = [...wires, ...queueOf(others)].slice(0, Math.max(target, wires.length));
  }
  return {
    edition,
    lang,
    feeds,
    counts: countSides(feeds),
    balanced,
    shortSides: balanced ? [] : SIDES.filter((side) => offers[side] < MIN_FEEDS_PER_SIDE),
    outlets: new Set(feeds.map((f) => f.outletId)).size,
    editionOutlets: candidates.length,
    editionFeeds: candidates.reduce((sum, c) => sum + c.feeds.length, 0),
  };
}

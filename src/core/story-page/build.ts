/**
 * The full story page's content, built in the worker from the story's articles: everything the popup
 * shows, and the summary, the reposts, where the sources are from, the outlets' cards and related stories.
 */
import {
  blindspot,
  firstReported,
  leanDistribution,
  orderCoverage,
  type Blindspot,
  type CoverageItem,
  type LeanDistribution,
} from '../coverage';
import type { Preferences } from '../preferences';
import { coverageItem, outletCard, representativeHeadline, type OutletCard, type SourceLookup } from '../story-view';
import type { IndexArticle, LeanSide } from '../types';
import { countryShares, type CountryShares } from './countries';
import { publishedSpan } from './digest';
import { groupReposts, type RepostGroup } from './reposts';
import { extractSummary, type SummarySentence } from './summary';

export interface StoryPage {
  id: string;
  headline: string;
  /** Distinct sources, and original reports (sources that did not only repost another's report). */
  sources: number;
  originals: number;
  /** Over all sources; the bar shows it, with the original reports' counts beside it. */
  distribution: LeanDistribution;
  originalDistribution: LeanDistribution;
  /** From the original reports. */
  blindspot: Blindspot | null;
  first: CoverageItem | null;
  firstAt: number;
  lastAt: number;
  summary: SummarySentence[];
  /** The original reports' descriptions, for a summary written on the device (bounded). */
  descriptions: string;
  countries: CountryShares;
  /** Every visible article as reports: an original and its reposts, newest report first within a side. */
  reports: Record<LeanSide | 'unrated', RepostGroup[]>;
  /** One card per outlet in the story, by side then name. */
  outlets: OutletCard[];
}

export interface StoryPageInput {
  storyId: string;
  members: readonly IndexArticle[];
}

/** Enough text for an on-device summary of a big story, and a bounded message. */
export const DESCRIPTIONS_MAX_CHARS = 6000;

function descriptionsText(originals: readonly CoverageItem[], articleOf: ReadonlyMap<string, IndexArticle>): string {
  const seen = new Set<string>();
  let out = '';
  for (const item of [...originals].sort((a, b) => a.published - b.published)) {
    const text = articleOf.get(item.articleId)?.description?.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    if (out.length + text.length + 1 > DESCRIPTIONS_MAX_CHARS) break;
    out += (out ? '\n' : '') + text;
  }
  return out;
}

const SIDE_ORDER: Record<LeanSide | 'none', number> = { L: 0, C: 1, R: 2, none: 3 };

export function buildStoryPage(input: StoryPageInput, lookup: SourceLookup, prefs: Preferences): StoryPage | null {
  const articleOf = new Map(input.members.map((a) => [a.id, a]));
  const items = input.members.map((a) => coverageItem(a, lookup, prefs));
  const visible = orderCoverage(items);
  if (visible.length === 0) return null;
  const groups = groupReposts(visible);
  const originals = groups.map((g) => g.original);
  const distribution = leanDistribution(visible);
  const originalDistribution = leanDistribution(originals);
  const reports: StoryPage['reports'] = { L: [], C: [], R: [], unrated: [] };
  for (const group of [...groups].sort((a, b) => b.original.published - a.original.published)) {
    reports[group.original.side ?? 'unrated'].push(group);
  }
  const outlets = new Map<string, OutletCard>();
  for (const item of visible) {
    const key = item.outletId ?? `name:${item.outletName}`;
    if (outlets.has(key)) continue;
    const card = outletCard(item.outletId ? lookup.outletById(item.outletId) : null, item.outletName, lookup, prefs);
    if (card) outlets.set(key, card);
  }
  const first = firstReported(originals);
  const { firstAt, lastAt } = publishedSpan(visible);
  return {
    id: input.storyId,
    headline: representativeHeadline(visible.map((i) => i.title)),
    sources: distribution.sources,
    originals: originalDistribution.sources,
    distribution,
    originalDistribution,
    blindspot: blindspot(originalDistribution),
    first,
    firstAt,
    lastAt,
    summary: extractSummary(
      originals.map((item) => ({
        articleId: item.articleId,
        url: item.url,
        outletName: item.outletName,
        side: item.side,
        published: item.published,
        description: articleOf.get(item.articleId)?.description,
      })),
    ),
    descriptions: descriptionsText(originals, articleOf),
    countries: countryShares(visible),
    reports,
    outlets: [...outlets.values()].sort(
      (a, b) => SIDE_ORDER[a.side ?? 'none'] - SIDE_ORDER[b.side ?? 'none'] || a.name.localeCompare(b.name),
    ),
  };
}

/** Every article of the reports (originals and reposts), oldest first: the timeline's input. */
export function reportItems(reports: StoryPage['reports']): CoverageItem[] {
  return Object.values(reports)
    .flatMap((groups) => groups.flatMap((g) => [g.original, ...g.reposts]))
    .sort((a, b) => a.published - b.published || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}

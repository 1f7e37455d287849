/**
 * Turns a matched story into what the popup and the badge show. Pure: outlets, ratings and the reader's
 * preferences come in through `SourceLookup`.
 */
import type { ArticleMeta, IndexArticle, Lean7, LeanSide } from './types';
import type { Preferences } from './preferences';
import {
  blindspot,
  firstReported,
  leanDistribution,
  orderCoverage,
  type Blindspot,
  type CoverageItem,
  type LeanDistribution,
} from './coverage';
import { countryShares, type CountryShares } from './story-page/countries';
import { groupReposts } from './story-page/reposts';

export interface OutletFacts {
  id: string;
  name: string;
  country?: string;
  owner?: string;
  /** Kind of ownership: "Private Media", "State Funded Media"… */
  typology?: string;
}

export interface RatingFacts {
  lean: Lean7;
  providerName: string;
  providerUrl: string;
  /** When the provider published the rating data, ISO date. */
  providerDate: string;
  licence: string;
}

export interface SourceLookup {
  outletForUrl(url: string): OutletFacts | null;
  outletById(id: string): OutletFacts | null;
  ratingOf(outletId: string): RatingFacts | null;
  foldLean(lean: Lean7): LeanSide;
}

export interface OutletCard {
  id: string | null;
  name: string;
  lean: Lean7 | null;
  side: LeanSide | null;
  /** The reader overrode the provider's lean. */
  overridden: boolean;
  rating: RatingFacts | null;
  country: string | null;
  owner: string | null;
  typology: string | null;
}

export interface StorySummary {
  id: string;
  headline: string;
  sources: number;
  /** Original reports: sources less the outlets that only reposted another's report (see groupReposts). */
  originals: number;
  /** Epoch ms of the earliest visible article. */
  brokeAt: number | null;
}

export type StoryView =
  | { status: 'not-article' }
  | { status: 'index-empty'; outlet: OutletCard | null }
  | {
      status: 'no-coverage';
      outlet: OutletCard | null;
      /** The reader said the closest story was the wrong one. */
      unlinked?: boolean;
    }
  | {
      status: 'matched';
      /** The article being read, as indexed (for "wrong story"). */
      articleId: string;
      outlet: OutletCard | null;
      story: StorySummary;
      distribution: LeanDistribution;
      /** From the original reports only: a wire story run by twenty outlets is one report. */
      blindspot: Blindspot | null;
      first: CoverageItem | null;
      /** Where the sources are from. */
      countries: CountryShares;
      /** The other outlets' articles, preferred first then newest; hidden outlets left out. */
      coverage: CoverageItem[];
      /** Shared key terms between the article and the story. */
      terms: string[];
      score: number;
    };

/** What the inline badge needs: small, so the content script never receives the whole story. */
export interface BadgeInfo {
  show: boolean;
  outletName: string | null;
  lean: Lean7 | null;
  side: LeanSide | null;
  /** Distinct visible sources of the story, the reader's own outlet included; 0 when no story. */
  sources: number;
  percent: Record<LeanSide, number>;
  matched: boolean;
}

export function outletCard(
  outlet: OutletFacts | null,
  fallbackName: string | null,
  lookup: SourceLookup,
  prefs: Pick<Preferences, 'leanOverrides'>,
): OutletCard | null {
  if (!outlet && !fallbackName) return null;
  const rating = outlet ? lookup.ratingOf(outlet.id) : null;
  const override = outlet ? prefs.leanOverrides[outlet.id] : undefined;
  const lean = override ?? rating?.lean ?? null;
  return {
    id: outlet?.id ?? null,
    name: outlet?.name ?? fallbackName ?? '',
    lean,
    side: lean ? lookup.foldLean(lean) : null,
    overridden: override !== undefined,
    rating,
    country: outlet?.country ?? null,
    owner: outlet?.owner ?? null,
    typology: outlet?.typology ?? null,
  };
}

export function coverageItem(article: IndexArticle, lookup: SourceLookup, prefs: Preferences): CoverageItem {
  // The id is the canonical address (the outlet's own), the url may be a mirror such as the demo site.
  // The same address is not resolved twice (the usual case: id and url agree).
  const outlet =
    (article.outletId ? lookup.outletById(article.outletId) : null) ??
    lookup.outletForUrl(article.id) ??
    (article.url !== article.id ? lookup.outletForUrl(article.url) : null);
  const card = outletCard(outlet, article.publisher ?? article.host ?? hostOf(article.url), lookup, prefs);
  const id = outlet?.id ?? null;
  return {
    articleId: article.id,
    url: article.url,
    title: article.title,
    published: article.published,
    outletId: id,
    outletName: card?.name ?? '',
    lean: card?.lean ?? null,
    side: card?.side ?? null,
    preferred: id !== null && prefs.preferredOutlets.includes(id),
    hidden: id !== null && prefs.hiddenOutlets.includes(id),
    country: card?.country ?? null,
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordSet(title: string): Set<string> {
  return new Set((title.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2));
}

/** The headline that shares the most words with the others: the story's most representative title. */
export function representativeHeadline(titles: readonly string[]): string {
  const sample = titles.slice(0, 80);
  // Each title's words as sorted numbers: a pair's shared words are counted by one merge of two short
  // arrays rather than by hashing every word (a big story compares 3,160 pairs).
  const ids = new Map<string, number>();
  const sets = sample.map((title) => {
    const words = wordSet(title);
    const set = new Int32Array(words.size);
    let k = 0;
    for (const word of words) {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      set[k++] = id;
    }
    return set.sort();
  });
  // Each pair's overlap is computed once and added to both titles' scores. Every score still sums its
  // terms in the order of j, so the result is the same as summing row by row, in half the work.
  const scores = new Array<number>(sample.length).fill(0);
  for (let i = 0; i < sample.length; i++) {
    const a = sets[i];
    for (let j = i + 1; j < sample.length; j++) {
      const b = sets[j];
      let shared = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length; ) {
        if (a[x] === b[y]) {
          shared++;
          x++;
          y++;
        } else if (a[x] < b[y]) x++;
        else y++;
      }
      const union = a.length + b.length - shared;
      const similarity = union ? shared / union : 0;
      scores[i] += similarity;
      scores[j] += similarity;
    }
  }
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < sample.length; i++) {
    if (scores[i] > bestScore) {
      bestScore = scores[i];
      best = i;
    }
  }
  return sample[best] ?? '';
}

export interface MatchedStoryInput {
  storyId: string;
  score: number;
  terms: string[];
  /** Every article of the story, in any order (the reader's own included when indexed). */
  members: IndexArticle[];
  /** The article being read, as the page describes it. */
  current: IndexArticle;
}

export function buildMatchedView(input: MatchedStoryInput, lookup: SourceLookup, prefs: Preferences): StoryView {
  const currentOutlet = lookup.outletForUrl(input.current.url);
  const outlet = outletCard(currentOutlet, input.current.publisher ?? hostOf(input.current.url), lookup, prefs);
  const all = input.members.some((m) => m.id === input.current.id) ? input.members : [input.current, ...input.members];
  const items = all.map((a) => coverageItem(a, lookup, prefs));
  const distribution = leanDistribution(items);
  const others = orderCoverage(
    items.filter((i) => i.articleId !== input.current.id && (currentOutlet === null || i.outletId !== currentOutlet.id)),
  );
  if (others.length === 0) return { status: 'no-coverage', outlet };
  const originals = groupReposts(items.filter((i) => !i.hidden)).map((g) => g.original);
  const first = firstReported(originals);
  return {
    status: 'matched',
    articleId: input.current.id,
    outlet,
    story: {
      id: input.storyId,
      headline: representativeHeadline(items.filter((i) => !i.hidden).map((i) => i.title)),
      sources: distribution.sources,
      originals: leanDistribution(originals).sources,
      brokeAt: first?.published ?? null,
    },
    distribution,
    blindspot: blindspot(leanDistribution(originals)),
    first,
    countries: countryShares(items),
    coverage: others,
    terms: input.terms,
    score: input.score,
  };
}

export function badgeInfo(view: StoryView, show: boolean): BadgeInfo {
  const outlet = view.status === 'not-article' ? null : view.outlet;
  const base = { show, outletName: outlet?.name ?? null, lean: outlet?.lean ?? null, side: outlet?.side ?? null };
  if (view.status !== 'matched') return { ...base, sources: 0, percent: { L: 0, C: 0, R: 0 }, matched: false };
  return { ...base, sources: view.distribution.sources, percent: view.distribution.percent, matched: true };
}

/**
 * The article being read, as an index article: its id is the canonical URL when the page declares one
 * (so the demo site and AMP copies resolve to the outlet's own address), else the page URL.
 */
export function articleFromPage(
  pageUrl: string,
  page: ArticleMeta,
  now: number,
  canonicalize: (url: string) => string | null,
): IndexArticle {
  const url = (page.canonicalUrl && canonicalize(page.canonicalUrl)) || canonicalize(pageUrl) || pageUrl;
  const published = page.published ? Date.parse(page.published) : NaN;
  return {
    id: url,
    url,
    title: page.title ?? '',
    description: page.description ?? undefined,
    publisher: page.siteName ?? undefined,
    host: hostOf(url) ?? undefined,
    published: Number.isFinite(published) ? published : now,
  };
}

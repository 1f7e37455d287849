/**
 * Outlet ratings from providers. The shipped provider is AllSides (the copy in the Opinionated add-on,
 * 2020–2023; CC BY-NC 4.0, attribution required). A reader's imported providers and per-outlet overrides are further
 * RatingSets; the first set in the list that rates an outlet is the one shown.
 */
import allsides from './data/allsides.json' with { type: 'json' };
import type { Lean7, LeanSide } from '../types';
import { describeZodError } from '../outlets/schema';
import { ratingSetSchema, type OutletRating, type RatingProvider, type RatingSet } from './schema';

export {
  CONFIDENCE_LEVELS,
  FACTUALITY_GRADES,
  outletRatingSchema,
  ratingProviderSchema,
  ratingSetSchema,
  type Confidence,
  type Factuality,
  type OutletRating,
  type RatingProvider,
  type RatingSet,
} from './schema';
export { parseLean, parseProviderFile, type ImportError, type ParseProviderOptions, type ProviderFileResult } from './import';

/** Folds the 7-point scale to the bar's three sides: everything left of center is L, right of it R. */
export function foldLean(lean: Lean7): LeanSide {
  switch (lean) {
    case 'far-left':
    case 'left':
    case 'lean-left':
      return 'L';
    case 'center':
      return 'C';
    case 'lean-right':
    case 'right':
    case 'far-right':
      return 'R';
  }
}

/** The shipped data, unparsed (for the schema test and the build script). */
export const SHIPPED_RATINGS_DATA: readonly unknown[] = [allsides];

/** Parses a rating set (provider + ratings); throws an Error naming the first bad paths. */
export function parseRatingSet(data: unknown): RatingSet {
  const result = ratingSetSchema.safeParse(data);
  if (!result.success) throw new Error(`rating data is invalid: ${describeZodError(result.error)}`);
  return result.data;
}

let shippedSets: RatingSet[] | null = null;

/**
 * The shipped rating sets, cached. Like the shipped outlets, they are checked against the schema by
 * the unit tests (tests/unit/core/outlets/data.test.ts), not again on every worker wake.
 */
export function shippedRatingSets(): RatingSet[] {
  if (shippedSets === null) shippedSets = SHIPPED_RATINGS_DATA as RatingSet[];
  return shippedSets;
}

export function shippedProviders(): RatingProvider[] {
  return shippedRatingSets().map((set) => set.provider);
}

const indexes = new WeakMap<RatingSet, Map<string, OutletRating>>();

function indexOf(set: RatingSet): Map<string, OutletRating> {
  let index = indexes.get(set);
  if (index === undefined) {
    index = new Map(set.ratings.map((rating) => [rating.outletId, rating]));
    indexes.set(set, index);
  }
  return index;
}

export interface RatingWithProvider {
  rating: OutletRating;
  provider: RatingProvider;
}

/**
 * The rating shown for an outlet: from the first set (in priority order: reader overrides,
 * imported providers, shipped) that rates it. null means unrated; nothing is guessed.
 */
export function ratingFor(outletId: string, sets: readonly RatingSet[] = shippedRatingSets()): RatingWithProvider | null {
  for (const set of sets) {
    const rating = indexOf(set).get(outletId);
    if (rating !== undefined) return { rating, provider: set.provider };
  }
  return null;
}

/** Every provider's rating of an outlet, in the order of `sets` (for the "how rated" detail view). */
export function ratingsFor(outletId: string, sets: readonly RatingSet[] = shippedRatingSets()): RatingWithProvider[] {
  const found: RatingWithProvider[] = [];
  for (const set of sets) {
    const rating = indexOf(set).get(outletId);
    if (rating !== undefined) found.push({ rating, provider: set.provider });
  }
  return found;
}

/** The provider under which a reader's own per-outlet leans are kept; put its set first to override. */
export const READER_PROVIDER: RatingProvider = {
  id: 'reader',
  name: 'Your own ratings',
  licence: 'Yours',
  licenceUrl: 'https://parallax-news.org/',
  sourceUrl: 'https://parallax-news.org/',
  date: '2026',
  attribution: 'Set by you in the options page.',
};

/** A rating set from the reader's overrides (outlet id → lean). */
export function readerOverrides(leans: Readonly<Record<string, Lean7>>, date?: string): RatingSet {
  return parseRatingSet({
    provider: date === undefined ? READER_PROVIDER : { ...READER_PROVIDER, date },
    ratings: Object.entries(leans).map(([outletId, lean]) => ({ outletId, providerId: READER_PROVIDER.id, lean })),
  });
}

/**
 * The outlet catalogue, built from its sources in a fixed order: the hand-kept outlets, AllSides'
 * outlets and ratings, Kagi's media organisations, Kagi's feed catalogue. Same inputs, same output,
 * byte for byte.
 */
import { type RatingSet, ratingSetSchema } from '../../ratings/schema';
import { describeZodError, outletListSchema, type Outlet } from '../schema';
import type { AllSidesRow, EarlierRating } from './allsides';
import { mergeAllSides } from './allsides-merge';
import type { CatalogueDecision } from './decisions';
import { CatalogueIndex } from './hosts';
import { countriesFromFeeds, type KiteCategory, mergeKiteFeeds } from './kite-feeds';
import { type KiteOrganisation, mergeKiteMedia } from './kite-media';
import { ALLSIDES_PROVIDER } from './sources';

export interface CatalogueInputs {
  /** The hand-kept outlets (curated.json): they come first and keep every fact they have. */
  curated: readonly Outlet[];
  allsides: readonly AllSidesRow[];
  /** AllSides' 2019 ratings by profile URL, for their confidence levels. */
  allsides2019: ReadonlyMap<string, EarlierRating> | null;
  media: readonly KiteOrganisation[];
  categories: readonly KiteCategory[];
}

export interface CatalogueFigures {
  outlets: number;
  ratedOutlets: number;
  outletsWithFeeds: number;
  feeds: number;
  /** Countries (the outlets' seats) with at least five outlets that have feeds. */
  countriesWith5FeedOutlets: number;
}

export interface CatalogueBuild {
  outlets: Outlet[];
  ratings: RatingSet;
  decisions: CatalogueDecision[];
  figures: CatalogueFigures;
}

/** Key order of a shipped outlet, as the schema lists its fields. */
const OUTLET_KEYS = [
  'id',
  'name',
  'domains',
  'aliases',
  'country',
  'lang',
  'owner',
  'typology',
  'wire',
  'curated',
  'nameFromDomain',
  'source',
  'from',
  'feeds',
] as const;

function inSchemaOrder(outlet: Outlet): Outlet {
  const ordered: Record<string, unknown> = {};
  for (const key of OUTLET_KEYS) if (outlet[key] !== undefined) ordered[key] = outlet[key];
  return ordered as Outlet;
}

export function catalogueFigures(outlets: readonly Outlet[], ratings: RatingSet): CatalogueFigures {
  const withFeeds = outlets.filter((outlet) => outlet.feeds.length > 0);
  const perCountry = new Map<string, number>();
  for (const outlet of withFeeds) if (outlet.country) perCountry.set(outlet.country, (perCountry.get(outlet.country) ?? 0) + 1);
  return {
    outlets: outlets.length,
    ratedOutlets: ratings.ratings.length,
    outletsWithFeeds: withFeeds.length,
    feeds: withFeeds.reduce((sum, outlet) => sum + outlet.feeds.length, 0),
    countriesWith5FeedOutlets: [...perCountry.values()].filter((count) => count >= 5).length,
  };
}

export function buildCatalogue(inputs: CatalogueInputs): CatalogueBuild {
  const decisions: CatalogueDecision[] = [];
  const index = new CatalogueIndex();
  // Copies: the build adds to outlets, and the inputs stay as they were given.
  for (const outlet of inputs.curated) index.add({ ...structuredClone(outlet), curated: true });
  const ratings = mergeAllSides(index, inputs.allsides, inputs.allsides2019, decisions);
  mergeKiteMedia(index, inputs.media, decisions);
  mergeKiteFeeds(index, inputs.categories, decisions);
  countriesFromFeeds(index.outlets);

  const outlets = index.outlets.map(inSchemaOrder);
  const checked = outletListSchema.safeParse(outlets);
  if (!checked.success) throw new Error(`the built catalogue is invalid: ${describeZodError(checked.error)}`);
  const rated = ratingSetSchema.safeParse({ provider: ALLSIDES_PROVIDER, ratings });
  if (!rated.success) throw new Error(`the built ratings are invalid: ${describeZodError(rated.error)}`);
  const ratingSet = rated.data;
  return { outlets, ratings: ratingSet, decisions, figures: catalogueFigures(outlets, ratingSet) };
}

/** JSON text with every non-ASCII character as a `\u` escape (the same JSON value). */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * outlets.json as shipped: one outlet a line, so diffs of the generated file stay readable, and ASCII only,
 * so that the worker, which reads it at every start, decodes it on the browser's fast one-byte path.
 */
export function serialiseOutlets(outlets: readonly Outlet[]): string {
  return `[\n${outlets.map(asciiJson).join(',\n')}\n]\n`;
}

/** allsides.json as shipped: the provider, then one rating a line. */
export function serialiseRatings(set: RatingSet): string {
  const lines = set.ratings.map((rating) => `  ${JSON.stringify(rating)}`).join(',\n');
  return `{\n "provider": ${JSON.stringify(set.provider)},\n "ratings": [\n${lines}\n ]\n}\n`;
}

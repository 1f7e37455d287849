/**
 * Public API of the outlet registry: the shipped outlets (validated by the tests), resolution of
 * URLs to outlets, search and match patterns.
 */
import shippedOutlets from './data/outlets.json' with { type: 'json' };
import { entriesOfShippedText } from './entries';
import { OutletRegistry } from './registry';
import { describeZodError, outletListSchema, type Outlet } from './schema';

export { OutletRegistry } from './registry';
export { decodeAmpCacheLabel, publisherHost, type PublisherHost } from './host';
export { nameFromFeedTitle, outletsNamedByFeeds, type TitledFeed } from './feed-titles';
export { grantedOutletSitePatterns, isServiceHost, outletSitePatterns, serviceHostGlobs } from './reach';
export {
  describeZodError,
  isOwnableHost,
  outletFeedSchema,
  outletListSchema,
  outletSchema,
  OUTLET_ID_PATTERN,
  type Outlet,
  type OutletFeed,
} from './schema';

/** The shipped outlet data, unparsed (for the schema test and the build script). */
export const SHIPPED_OUTLETS_DATA: unknown = shippedOutlets;

/** Parses outlet data with the registry schema; throws an Error naming the first bad paths. */
export function parseOutlets(data: unknown): Outlet[] {
  const result = outletListSchema.safeParse(data);
  if (!result.success) throw new Error(`outlet registry data is invalid: ${describeZodError(result.error)}`);
  return result.data;
}

/**
 * A registry of shipped outlet data as stored. The shipped data is the catalogue build's output and
 * is checked against the schema by the unit tests (tests/unit/core/outlets/data.test.ts); checking
 * its thousands of outlets again on every worker wake would delay the first answer. Data from outside
 * (custom outlets, imported files) is always parsed.
 */
export function registryOfShippedData(data: unknown): OutletRegistry {
  if (!Array.isArray(data)) throw new Error('the shipped outlet catalogue is not a list of outlets');
  return new OutletRegistry(data as Outlet[]);
}

/**
 * The registry of the shipped catalogue file's text (how the worker reads it): hosts indexed from
 * each outlet's line, each outlet parsed when first asked for. Same answers as `registryOfShippedData`.
 */
export function registryOfShippedText(text: string): OutletRegistry {
  return OutletRegistry.ofEntries(entriesOfShippedText(text));
}

let cachedRegistry: OutletRegistry | null = null;

/**
 * The shipped registry from the module import, built on first use and cached: for Node (tools,
 * tests, the build's match patterns). The worker reads the same file as an extension resource
 * instead (src/background/shipped-outlets.ts), so that it is not part of the worker script.
 */
export function loadRegistry(): OutletRegistry {
  if (cachedRegistry === null) cachedRegistry = registryOfShippedData(SHIPPED_OUTLETS_DATA);
  return cachedRegistry;
}

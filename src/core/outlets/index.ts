/**
 * Public API of the outlet registry: the shipped outlets (validated by the tests), resolution of
 * URLs to outlets, search and match patterns.
 */
import shippedOutlets from './data/outlets.json' with { type: 'json' };
import { OutletRegistry } from './registry';
import { describeZodError, outletListSchema, type Outlet } from './schema';

export { OutletRegistry } from './registry';
export { decodeAmpCacheLabel, publisherHost, type PublisherHost } from './host';
export { isServiceHost, serviceHostGlobs } from './reach';
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

let cachedRegistry: OutletRegistry | null = null;

/**
 * The shipped registry, built on first use and cached. The shipped data is our own and is checked
 * against the schema by the unit tests (tests/unit/core/outlets/data.test.ts); checking its 472 outlets
 * again on every worker wake cost ~35 ms on the path to the first answer. Data from outside (custom
 * outlets, imported files) is always parsed.
 */
export function loadRegistry(): OutletRegistry {
  if (cachedRegistry === null) cachedRegistry = new OutletRegistry(SHIPPED_OUTLETS_DATA as Outlet[]);
  return cachedRegistry;
}

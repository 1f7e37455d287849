/**
 * Outlets and ratings as the reader has them: the shipped registry plus the outlets they added, and the
 * shipped providers plus the ones they imported and left active (imported first, so they take
 * precedence). Rebuilt only when those tables change.
 */
import { loadRegistry, OutletRegistry, outletSchema, outletsNamedByFeeds, type Outlet } from '../core/outlets';
import { foldLean, parseRatingSet, ratingFor, shippedProviders, shippedRatingSets, type RatingSet } from '../core/ratings';
import type { OutletFacts, SourceLookup } from '../core/story-view';
import type { ParallaxDatabase } from '../db/database';
import type { OutletList } from '../messaging/protocol';
import { shippedRegistry } from './shipped-outlets';

function facts(outlet: Outlet | null | undefined): OutletFacts | null {
  if (!outlet) return null;
  return { id: outlet.id, name: outlet.name, country: outlet.country, owner: outlet.owner, typology: outlet.typology };
}

export interface SourceCatalog {
  registry: OutletRegistry;
  sets: RatingSet[];
  lookup: SourceLookup;
  /** What the catalog was built from (besides the shipped data): a catalog with another key may answer otherwise. */
  key: string;
}

export function sourceCatalog(registry: OutletRegistry, sets: RatingSet[], key = ''): SourceCatalog {
  return {
    registry,
    sets,
    key,
    lookup: {
      outletForUrl: (url) => facts(registry.resolve(url)),
      outletById: (id) => facts(registry.get(id)),
      ratingOf: (outletId) => {
        const found = ratingFor(outletId, sets);
        if (!found) return null;
        return {
          lean: found.rating.lean,
          providerName: found.provider.name,
          providerUrl: found.rating.url ?? found.provider.sourceUrl,
          providerDate: found.provider.date,
          licence: found.provider.licence,
        };
      },
      foldLean,
    },
  };
}

/** The shipped data only (tests, Node tools). */
export function registrySourceLookup(): SourceLookup {
  return sourceCatalog(loadRegistry(), shippedRatingSets()).lookup;
}

/** What `liveRegistry()` answers from before the shipped registry is read. */
const NOT_YET_READ = new OutletRegistry([]);

/** The reader's catalog, from the database; invalid stored rows are skipped, never fatal. */
export class ReaderSources {
  private cached: { key: string; catalog: SourceCatalog } | null = null;
  /** The shipped registry once read (the worker reads it from an extension file, see shipped-outlets.ts). */
  private shippedLoaded: OutletRegistry | null = null;

  /** `shipped`: the shipped registry; tests and Node pass the module's own (`loadRegistry`). */
  constructor(
    private readonly db: ParallaxDatabase,
    private readonly shipped: () => Promise<OutletRegistry> = shippedRegistry,
  ) {}

  /** Resolves once the shipped registry is read: the synchronous `liveRegistry()` answers from it after that. */
  async ready(): Promise<void> {
    this.shippedLoaded ??= await this.shipped();
  }

  async catalog(): Promise<SourceCatalog> {
    const [base, custom, providers, feeds] = await Promise.all([
      this.shipped(),
      this.db.customOutlets.toArray(),
      this.db.providers.toArray(),
      this.db.feeds.toArray(),
    ]);
    this.shippedLoaded ??= base;
    // Outlets known only by their domain take the name their fetched feeds give themselves.
    const named = outletsNamedByFeeds(base, feeds);
    const key = JSON.stringify([
      custom.map((c) => [c.id, c.addedAt]),
      providers.map((p) => [p.id, p.active, p.importedAt]),
      named.map((o) => [o.id, o.name]),
    ]);
    if (this.cached?.key === key) return this.cached.catalog;
    const outlets = custom.flatMap((row) => {
      const parsed = outletSchema.safeParse(row.outlet);
      return parsed.success ? [parsed.data] : [];
    });
    const imported = providers.flatMap((row) => {
      if (!row.active) return [];
      try {
        return [parseRatingSet(row.set)];
      } catch {
        return [];
      }
    });
    let registry = base;
    if (named.length > 0) registry = registry.withCustom(named);
    try {
      if (outlets.length > 0) registry = registry.withCustom(outlets);
    } catch {
      // A custom outlet that conflicts with the registry is ignored rather than breaking every lookup.
    }
    const catalog = sourceCatalog(registry, [...imported, ...shippedRatingSets()], key);
    this.cached = { key, catalog };
    return catalog;
  }

  async lookup(): Promise<SourceLookup> {
    return (await this.catalog()).lookup;
  }

  /**
   * The registry as last loaded (the shipped one before the first load, an empty one before `ready()`),
   * for synchronous users such as the feed refresher; `catalog()` after a change brings it up to date.
   */
  liveRegistry(): Pick<OutletRegistry, 'resolve' | 'get' | 'all' | 'withCustom'> {
    const current = () => this.cached?.catalog.registry ?? this.shippedLoaded ?? NOT_YET_READ;
    return {
      resolve: (urlOrHost) => current().resolve(urlOrHost),
      get: (id) => current().get(id),
      all: () => current().all(),
      withCustom: (outlets) => current().withCustom(outlets),
    };
  }
}

export function outletSummaries(catalog: SourceCatalog): OutletList {
  const outlets = catalog.registry
    .all()
    .map((o) => {
      const rated = ratingFor(o.id, catalog.sets);
      const lean = rated?.rating.lean ?? null;
      return {
        id: o.id,
        name: o.name,
        domains: o.domains,
        aliases: o.aliases ?? [],
        lean,
        side: lean ? foldLean(lean) : null,
        provider: rated?.provider.name ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const providers = shippedProviders().map(({ id, name, date, licence, licenceUrl, sourceUrl, attribution }) => ({
    id,
    name,
    date,
    licence,
    licenceUrl,
    sourceUrl,
    attribution,
  }));
  return { outlets, providers };
}

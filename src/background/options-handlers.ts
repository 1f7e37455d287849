/** Handlers of the options page's messages (src/messaging/protocol-options.ts). */
import type { OutletRegistry } from '../core/outlets/registry';
import type { Outlet } from '../core/outlets/schema';
import { outletSchema } from '../core/outlets/schema';
import { parseProviderFile, ratingSetSchema, shippedRatingSets, type RatingSet } from '../core/ratings/index';
import { readingWindow, summarizeReading } from '../core/reading-diet';
import type { ParallaxDatabase, ProviderRow } from '../db/database';
import { META_ALL_SITES, META_LAST_REFRESH_ADDED, META_LAST_REFRESH_AT, readMeta, removeMeta, writeMeta } from '../db/meta';
import {
  customOutletFromInput,
  type CustomOutletListing,
  type OptionsRequestType,
  type ProviderListing,
} from '../messaging/protocol-options';
import type { RequestHandlers } from '../messaging/router';

export interface OptionsHandlerDeps {
  db: ParallaxDatabase;
  now: () => number;
  /** Drops the story engine held in memory, after its tables were cleared (StoryIndex). */
  resetIndex: () => Promise<void>;
  /** Registers (or unregisters) the badge's content script on every site. */
  setAllSites: (enabled: boolean) => Promise<void>;
  /** The shipped registry: maps a provider file's domain cells to outlet ids. */
  registry: Pick<OutletRegistry, 'withCustom'>;
  /** Told after custom outlets, providers or everything changed, so cached lookups reload. */
  changed?: (what: 'custom-outlets' | 'providers' | 'all') => void;
  /** Resolves once the first-run demo seed is written: a clear that ran during it would be undone by it. */
  ensureSeeded?: () => Promise<unknown>;
}

export type OptionsHandlers = RequestHandlers<OptionsRequestType>;

function providerListing(set: RatingSet, shipped: boolean, row: ProviderRow | null): ProviderListing {
  const p = set.provider;
  return {
    id: p.id,
    name: p.name,
    licence: p.licence,
    licenceUrl: p.licenceUrl,
    sourceUrl: p.sourceUrl,
    date: p.date,
    attribution: p.attribution,
    shipped,
    active: row ? row.active : true,
    ratings: set.ratings.length,
    importedAt: row ? row.importedAt : null,
  };
}

/** Stored custom outlets that still pass the schema (one written by an older build is skipped, not fatal). */
async function storedOutlets(db: ParallaxDatabase): Promise<CustomOutletListing[]> {
  const rows = await db.customOutlets.orderBy('id').toArray();
  const listings: CustomOutletListing[] = [];
  for (const row of rows) {
    const parsed = outletSchema.safeParse(row.outlet);
    if (parsed.success) listings.push({ id: row.id, outlet: parsed.data, addedAt: row.addedAt });
  }
  return listings.sort((a, b) => a.outlet.name.localeCompare(b.outlet.name));
}

export function optionsHandlers(deps: OptionsHandlerDeps): OptionsHandlers {
  const { db, now } = deps;
  const changed = (what: 'custom-outlets' | 'providers' | 'all') => deps.changed?.(what);

  return {
    'custom-outlets/list': () => storedOutlets(db),

    'custom-outlets/add': async (r) => {
      return db
        .transaction('rw', db.customOutlets, async () => {
          const others: Outlet[] = (await storedOutlets(db)).map((l) => l.outlet);
          const probe = customOutletFromInput(r.input);
          const ownId = probe.ok ? probe.outlet.id : null;
          const owner = (host: string) =>
            others.find((o) => o.id !== ownId && [...o.domains, ...(o.aliases ?? [])].includes(host))?.name ?? null;
          const result = customOutletFromInput(r.input, owner);
          if (!result.ok) return result;
          await db.customOutlets.put({ id: result.outlet.id, outlet: result.outlet, addedAt: now() });
          return result;
        })
        .then((result) => {
          if (result.ok) changed('custom-outlets');
          return result;
        });
    },

    'custom-outlets/remove': async (r) => {
      const existed = (await db.customOutlets.get(r.id)) !== undefined;
      await db.customOutlets.delete(r.id);
      if (existed) changed('custom-outlets');
      return existed;
    },

    'providers/list': async () => {
      const shipped = shippedRatingSets().map((set) => providerListing(set, true, null));
      const imported: ProviderListing[] = [];
      for (const row of await db.providers.toArray()) {
        const set = ratingSetSchema.safeParse(row.set);
        if (set.success) imported.push(providerListing(set.data, false, row));
      }
      imported.sort((a, b) => a.name.localeCompare(b.name));
      return [...shipped, ...imported];
    },

    'providers/import': async (r) => {
      // The reader's outlets can be rated too: resolve against the registry with them on top.
      const registry = deps.registry.withCustom((await storedOutlets(db)).map((c) => c.outlet));
      const result = parseProviderFile(r.text, r.format, {
        resolveOutlet: (value) => registry.resolve(value)?.id ?? null,
        knownOutletIds: new Set(registry.all().map((o) => o.id)),
      });
      if (!result.ok) return { ok: false, errors: result.errors };
      const reserved = new Set(['reader', ...shippedRatingSets().map((s) => s.provider.id)]);
      if (reserved.has(result.provider.id)) {
        return {
          ok: false,
          errors: [{ row: 0, message: `provider id "${result.provider.id}" is Parallax's own; give the provider another id` }],
        };
      }
      const set: RatingSet = { provider: result.provider, ratings: result.ratings };
      const replaced = (await db.providers.get(set.provider.id)) !== undefined;
      const row: ProviderRow = { id: set.provider.id, set, active: true, importedAt: now() };
      await db.providers.put(row);
      changed('providers');
      return { ok: true, provider: providerListing(set, false, row), replaced };
    },

    'providers/set-active': async (r) => {
      const updated = await db.providers.update(r.id, { active: r.active });
      if (updated > 0) changed('providers');
      return updated > 0;
    },

    'providers/remove': async (r) => {
      const existed = (await db.providers.get(r.id)) !== undefined;
      await db.providers.delete(r.id);
      if (existed) changed('providers');
      return existed;
    },

    'content/all-sites': async (r) => {
      await deps.setAllSites(r.enabled);
      await writeMeta(db, { [META_ALL_SITES]: r.enabled });
      return { enabled: r.enabled };
    },

    'content/all-sites-status': async () => ({ enabled: await readMeta(db, META_ALL_SITES) }),

    'data/clear': async () => {
      await deps.ensureSeeded?.();
      const tables = [
        db.articles,
        db.engineState,
        db.feeds,
        db.reading,
        db.unlinks,
        db.providers,
        db.customOutlets,
        db.preferences,
        db.meta,
      ];
      const cleared = await db.transaction('rw', tables, async () => {
        const counts = { articles: await db.articles.count(), reading: await db.reading.count() };
        await Promise.all([
          db.articles.clear(),
          db.engineState.clear(),
          db.feeds.clear(),
          db.reading.clear(),
          db.unlinks.clear(),
          db.providers.clear(),
          db.customOutlets.clear(),
          db.preferences.clear(),
        ]);
        // The demo-seed marker stays, so nothing is seeded again; the refresh history goes with the feeds.
        await removeMeta(db, [META_LAST_REFRESH_AT, META_LAST_REFRESH_ADDED, META_ALL_SITES]);
        return counts;
      });
      await deps.setAllSites(false);
      await deps.resetIndex();
      changed('all');
      return cleared;
    },

    'reading/summary': async (r) => {
      const options = { days: r.days, now: now(), utcOffsetMinutes: r.utcOffsetMinutes ?? 0 };
      const { from, to } = readingWindow(options);
      const rows = await db.reading.where('at').between(from, to, true, false).toArray();
      return summarizeReading(rows, options);
    },

    'reading/clear': async () => {
      const count = await db.reading.count();
      await db.reading.clear();
      return count;
    },
  };
}

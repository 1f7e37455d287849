/**
 * The reader's chip settings (which groups of sites, which single sites), in storage.local. What is
 * stored is checked on every read: a value from an older build or a damaged one reads as "all off",
 * and one bad site among good ones loses only itself.
 */
import { z } from 'zod';
import { CHIP_GROUPS, DEFAULT_CHIP_SETTINGS, siteOrigin, type ChipGroup, type ChipSettings } from '../core/links/index';

export const CHIP_SETTINGS_KEY = 'chipSettings';

/** The part of `storage.local` used here; the polyfill and the native API both provide it. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const storedSchema = z.object({
  groups: z
    .object(
      Object.fromEntries(CHIP_GROUPS.map((group) => [group, z.boolean().catch(false)])) as Record<ChipGroup, z.ZodCatch<z.ZodBoolean>>,
    )
    .catch(DEFAULT_CHIP_SETTINGS.groups),
  sites: z.array(z.unknown()).catch([]),
});

/** Settings changes run one after another, so two quick switches never lose one another's change. */
export class ChipSettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: LocalArea) {}

  async get(): Promise<ChipSettings> {
    const parsed = storedSchema.safeParse((await this.area.get(CHIP_SETTINGS_KEY))[CHIP_SETTINGS_KEY]);
    if (!parsed.success) return structuredClone(DEFAULT_CHIP_SETTINGS);
    const sites = parsed.data.sites.flatMap((site) => {
      const origin = typeof site === 'string' ? siteOrigin(site) : null;
      return origin === null ? [] : [origin];
    });
    return { groups: { ...DEFAULT_CHIP_SETTINGS.groups, ...parsed.data.groups }, sites: [...new Set(sites)] };
  }

  setGroup(group: ChipGroup, enabled: boolean): Promise<ChipSettings> {
    return this.change((settings) => ({ ...settings, groups: { ...settings.groups, [group]: enabled } }));
  }

  /** Throws when `origin` is not a web site's origin. */
  setSite(origin: string, enabled: boolean): Promise<ChipSettings> {
    const site = siteOrigin(origin);
    if (site === null) return Promise.reject(new Error(`"${origin.slice(0, 100)}" is not a web site's address.`));
    return this.change((settings) => {
      const others = settings.sites.filter((s) => s !== site);
      return { ...settings, sites: enabled ? [...others, site] : others };
    });
  }

  private change(edit: (settings: ChipSettings) => ChipSettings): Promise<ChipSettings> {
    const next = this.queue.then(async () => {
      const settings = edit(await this.get());
      await this.area.set({ [CHIP_SETTINGS_KEY]: settings });
      return settings;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

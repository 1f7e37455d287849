/** Handlers of the lean chips' messages (src/messaging/protocol-chips.ts): which links get a chip, and where chips run. */
import { type ChipOutlet, chipLinks, chipOutletFor, type ChipSettings, type ChipTexts, type LinkChip } from '../core/links/index';
import type { Preferences } from '../core/preferences';
import type { SourceLookup } from '../core/story-view';
import type { ChipsRequestType } from '../messaging/protocol-chips';
import type { Handlers } from '../messaging/router';
import type { ChipSettingsStore } from './chip-settings';

export interface ChipsHandlerDeps {
  /** The reader's outlets and ratings (their own outlets and imported providers included). */
  lookup: () => Promise<SourceLookup>;
  /** The reader's lean overrides, which chips show like every other lean. */
  preferences: () => Promise<Pick<Preferences, 'leanOverrides'>>;
  /** A chip's words in the reader's language. */
  texts: (outlet: ChipOutlet) => ChipTexts;
  settings: ChipSettingsStore;
  /** Re-registers the chips script after a change; answers once it is done. */
  sync: () => Promise<unknown>;
}

export function chipsHandlers(deps: ChipsHandlerDeps): Handlers<ChipsRequestType> {
  const changed = async (settings: ChipSettings) => {
    await deps.sync();
    return settings;
  };
  return {
    // The links are resolved against the address the browser gives for the sender's frame.
    'chips.links': async (r, sender) => {
      const [lookup, prefs] = await Promise.all([deps.lookup(), deps.preferences()]);
      const outlets = new Map<string, ChipOutlet | null>();
      const outletAt = (host: string) => {
        let outlet = outlets.get(host);
        if (outlet === undefined) {
          outlet = chipOutletFor(host, lookup, prefs);
          outlets.set(host, outlet);
        }
        return outlet;
      };
      const chips = chipLinks(r.links, sender.url ?? '', (host) => outletAt(host) !== null);
      const known = new Set(r.known);
      const made: Record<string, LinkChip> = {};
      for (const [, host] of chips) {
        const outlet = outletAt(host);
        if (outlet !== null && !known.has(host) && !Object.hasOwn(made, host)) made[host] = { outlet, texts: deps.texts(outlet) };
      }
      return { chips, outlets: made };
    },
    'chips.settings': () => deps.settings.get(),
    'chips.setGroup': async (r) => changed(await deps.settings.setGroup(r.group, r.enabled)),
    'chips.setSite': async (r) => changed(await deps.settings.setSite(r.origin, r.enabled)),
  };
}

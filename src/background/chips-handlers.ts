/** Handlers of the lean chips' messages (src/messaging/protocol-chips.ts): which links get a chip, and where chips run. */
import { type ChipOutlet, chipOutletFor, type ChipSettings, type ChipTexts, type LinkChip } from '../core/links/index';
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
    'chips.outlets': async (r) => {
      const [lookup, prefs] = await Promise.all([deps.lookup(), deps.preferences()]);
      const outlets: Record<string, LinkChip> = {};
      for (const host of new Set(r.hosts)) {
        const outlet = chipOutletFor(host, lookup, prefs);
        if (outlet !== null) outlets[host] = { outlet, texts: deps.texts(outlet) };
      }
      return { outlets };
    },
    'chips.settings': () => deps.settings.get(),
    'chips.setGroup': async (r) => changed(await deps.settings.setGroup(r.group, r.enabled)),
    'chips.setSite': async (r) => changed(await deps.settings.setSite(r.origin, r.enabled)),
  };
}

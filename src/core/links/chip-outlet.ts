/**
 * What a chip shows for a host: the outlet publishing there, its lean (the reader's override first, as
 * everywhere in Parallax), who rated it and when, and its owner. Resolution is the registry's own
 * (subdomains, editions, aliases), through the reader's source lookup.
 */
import type { Preferences } from '../preferences';
import { outletCard, type SourceLookup } from '../story-view';
import type { Lean7 } from '../types';

/** A chip's words, in the reader's language (made where the extension's messages are at hand). */
export interface ChipTexts {
  /** The visible label: the lean ("Lean Left"), or "Unrated", which stays hidden until hover or focus. */
  label: string;
  /** The lean's side in a letter, for a line with no room for the whole label. */
  shortLabel: string;
  accessibleName: string;
  /** The tooltip's lines after the outlet's name: the rating, the owner. */
  details: string[];
  /** The labels' widths in em of the chip's label font, where the sender could measure them. */
  labelEm?: number;
  shortLabelEm?: number;
}

/** What the chips script gets for a host: the outlet, and the chip's words ready made. */
export interface LinkChip {
  outlet: ChipOutlet;
  texts: ChipTexts;
}

export interface ChipOutlet {
  name: string;
  lean: Lean7 | null;
  /** The rating's provider; null when unrated or when the lean is the reader's own override. */
  provider: string | null;
  /** The provider's rating date (as the provider gives it); null with `provider`. */
  ratedAt: string | null;
  owner: string | null;
}

/** The chip of the outlet at `host`, or null when no known outlet publishes there. */
export function chipOutletFor(host: string, lookup: SourceLookup, prefs: Pick<Preferences, 'leanOverrides'>): ChipOutlet | null {
  const outlet = lookup.outletForUrl(host);
  if (outlet === null) return null;
  const card = outletCard(outlet, null, lookup, prefs);
  if (card === null) return null;
  const rated = card.overridden ? null : card.rating;
  return {
    name: card.name,
    lean: card.lean,
    provider: rated?.providerName ?? null,
    ratedAt: rated?.providerDate ?? null,
    owner: card.owner,
  };
}

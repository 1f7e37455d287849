/**
 * What a chip shows for a host: the outlet publishing there, its lean (the reader's override first, as
 * everywhere in Parallax), who rated it and when, and its owner. Resolution is the registry's own
 * (subdomains, editions, aliases), through the reader's source lookup.
 */
import type { Preferences } from '../preferences';
import { outletCard, type SourceLookup } from '../story-view';
import type { Lean7 } from '../types';

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

/** The chips of the hosts that belong to a known outlet; the others are left out. */
export function chipOutletsFor(
  hosts: readonly string[],
  lookup: SourceLookup,
  prefs: Pick<Preferences, 'leanOverrides'>,
): Record<string, ChipOutlet> {
  const outlets: Record<string, ChipOutlet> = {};
  for (const host of new Set(hosts)) {
    const chip = chipOutletFor(host, lookup, prefs);
    if (chip !== null) outlets[host] = chip;
  }
  return outlets;
}

/** The reader's source preferences: validated on every write and on import. */
import { z } from 'zod';
import { LEANS_7 } from './types';

const outletId = z.string().min(1).max(200);

/** Each preference's own rule, without defaults: a partial update must not fill the other fields. */
const preferenceFields = {
  /** Outlets removed from coverage and distribution. */
  hiddenOutlets: z.array(outletId).max(5000),
  /** Outlets listed first in coverage. */
  preferredOutlets: z.array(outletId).max(5000),
  /** The reader's own lean for an outlet, replacing every provider's. */
  leanOverrides: z.record(outletId, z.enum(LEANS_7)),
  /** Hosts on which the reader dismissed the badge. */
  dismissedSites: z.array(z.string().min(1).max(253)).max(5000),
  /** Where the badge shows: every rated outlet, only the listed hosts, or nowhere. */
  badgeMode: z.enum(['rated', 'list', 'nowhere']),
  badgeSites: z.array(z.string().min(1).max(253)).max(5000),
  /** Days an article stays in the local index. */
  retentionDays: z.number().int().min(1).max(365),
  /** The extension pages' colours: the system's, or always light or dark. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Offer a summary written by the browser's own on-device model (where it has one), beside the extracted one. */
  deviceSummary: z.boolean(),
};

export const PreferencesSchema = z.object({
  hiddenOutlets: preferenceFields.hiddenOutlets.default([]),
  preferredOutlets: preferenceFields.preferredOutlets.default([]),
  leanOverrides: preferenceFields.leanOverrides.default({}),
  dismissedSites: preferenceFields.dismissedSites.default([]),
  badgeMode: preferenceFields.badgeMode.default('rated'),
  badgeSites: preferenceFields.badgeSites.default([]),
  retentionDays: preferenceFields.retentionDays.default(14),
  theme: preferenceFields.theme.default('system'),
  deviceSummary: preferenceFields.deviceSummary.default(false),
});

export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/** A partial update, validated field by field; unknown fields are rejected so typos surface. */
export const PreferencesPatchSchema = z.object(preferenceFields).partial().strict();
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

/** Whether the inline badge may show on a host, given the reader's choices. */
export function badgeAllowed(prefs: Preferences, host: string, outletKnown: boolean): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  const listed = (list: readonly string[]) => list.some((s) => s.toLowerCase().replace(/^www\./, '') === h);
  if (listed(prefs.dismissedSites)) return false;
  switch (prefs.badgeMode) {
    case 'nowhere':
      return false;
    case 'list':
      return listed(prefs.badgeSites);
    case 'rated':
      return outletKnown;
  }
}

/** The reader's source preferences: validated on every write and on import. */
import { z } from 'zod';
import { LEANS_7 } from './types';

const outletId = z.string().min(1).max(200);
/** The most entries a list preference holds. */
const LIST_MAX = 5000;

/** Each preference's own rule, without defaults: a partial update must not fill the other fields. */
const preferenceFields = {
  /** Outlets removed from coverage and distribution. */
  hiddenOutlets: z.array(outletId).max(LIST_MAX),
  /** Outlets listed first in coverage. */
  preferredOutlets: z.array(outletId).max(LIST_MAX),
  /** The reader's own lean for an outlet, replacing every provider's. */
  leanOverrides: z.record(outletId, z.enum(LEANS_7)),
  /** Hosts on which the reader dismissed the badge. */
  dismissedSites: z.array(z.string().min(1).max(253)).max(LIST_MAX),
  /** Where the badge shows: every rated outlet, only the listed hosts, or nowhere. */
  badgeMode: z.enum(['rated', 'list', 'nowhere']),
  badgeSites: z.array(z.string().min(1).max(253)).max(LIST_MAX),
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

export type PreferenceField = keyof typeof preferenceFields;

/** A stored value the rules refused: the field, and either how many entries of a list went or the value itself. */
export interface DroppedPreference {
  /** `preferences`: the stored value was not an object of settings at all. */
  field: PreferenceField | 'preferences';
  /** Entries of a list or map that were dropped (the rest were kept). */
  entries?: number;
  /** The refused value, as JSON, shortened: the field itself was set back to its default. */
  was?: string;
}

const shortJson = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** The valid entries of a list or map field, or null when the value is not one at all. */
function validEntries(schema: z.ZodType, value: unknown): { kept: unknown; dropped: number } | null {
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const valid = value.filter((item) => z.safeParse(schema.element, item).success).slice(0, LIST_MAX);
    return { kept: valid, dropped: value.length - valid.length };
  }
  if (schema instanceof z.ZodRecord && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const valid = entries.filter(([k, v]) => z.safeParse(schema.keyType, k).success && z.safeParse(schema.valueType, v).success);
    return { kept: Object.fromEntries(valid), dropped: entries.length - valid.length };
  }
  return null;
}

/**
 * Stored preferences that fail validation, field by field: each valid field is kept, a list keeps its
 * valid entries, and only what the rules refuse goes back to its default, named in `dropped`. A field
 * that is absent (written by an older build) takes its default without being reported.
 */
export function repairPreferences(value: unknown): { preferences: Preferences; dropped: DroppedPreference[] } {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const stored = isObject ? (value as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  const dropped: DroppedPreference[] = isObject || value === undefined ? [] : [{ field: 'preferences', was: shortJson(value) }];
  for (const [field, schema] of Object.entries(preferenceFields) as [PreferenceField, z.ZodType][]) {
    const raw = stored[field];
    if (raw === undefined || schema.safeParse(raw).success) {
      kept[field] = raw;
      continue;
    }
    const partial = validEntries(schema, raw);
    if (partial) {
      kept[field] = partial.kept;
      dropped.push({ field, entries: partial.dropped });
    } else dropped.push({ field, was: shortJson(raw) });
  }
  return { preferences: PreferencesSchema.parse(kept), dropped };
}

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

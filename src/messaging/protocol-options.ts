/**
 * Messages of the options page (custom outlets, rating providers, all-sites opt-in, clearing data, the
 * reading diet) and their replies. `OPTIONS_REQUEST_SCHEMAS` is spread into the main discriminated union
 * (protocol.ts), `OptionsReplies` into its reply map; every type here is for Parallax's own pages only
 * (`OPTIONS_EXTENSION_PAGE_ONLY`).
 *
 * Also the one check of a custom outlet the page and the worker share (`customOutletFromInput`), so the
 * form shows the same per-field messages the worker would answer.
 */
import { z } from 'zod';
import { OUTLET_ID_PATTERN, outletSchema, type Outlet } from '../core/outlets/schema';
import type { ReadingSummary } from '../core/reading-diet';

const id = z.string().min(1).max(64);

/** What the custom-outlet form sends: the reader's fields, split into lists but not yet validated. */
export const CustomOutletInputSchema = z.object({
  name: z.string().max(500),
  domains: z.array(z.string().max(500)).max(50),
  feeds: z.array(z.object({ url: z.string().max(4096), section: z.string().max(200) })).max(100),
});
export type CustomOutletInput = z.infer<typeof CustomOutletInputSchema>;

export const OPTIONS_REQUEST_SCHEMAS = [
  /** Options: the reader's outlets. */
  z.object({ type: z.literal('custom-outlets/list') }),
  /** Options: add (or replace, same id) an outlet. */
  z.object({ type: z.literal('custom-outlets/add'), input: CustomOutletInputSchema }),
  /** Options: remove one of the reader's outlets. */
  z.object({ type: z.literal('custom-outlets/remove'), id }),
  /** Options: shipped and imported rating providers. */
  z.object({ type: z.literal('providers/list') }),
  /** Options: import a provider file (CSV or JSON text). */
  z.object({ type: z.literal('providers/import'), text: z.string().max(32 * 1024 * 1024), format: z.enum(['csv', 'json']) }),
  /** Options: turn an imported provider on or off. */
  z.object({ type: z.literal('providers/set-active'), id, active: z.boolean() }),
  /** Options: remove an imported provider. */
  z.object({ type: z.literal('providers/remove'), id }),
  /** Options: the badge on every site (after the page obtained the host permission) or only on known outlets. */
  z.object({ type: z.literal('content/all-sites'), enabled: z.boolean() }),
  /** Options: whether the all-sites opt-in is on. */
  z.object({ type: z.literal('content/all-sites-status') }),
  /** Options: clear the index, feeds, reading, unlinks, providers, custom outlets and preferences. */
  z.object({ type: z.literal('data/clear') }),
  /** Options: the reading diet over the last `days` days, bucketed at the reader's midnight. */
  z.object({
    type: z.literal('reading/summary'),
    days: z.number().int().min(1).max(365),
    utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  }),
  /** Options: forget what the reader opened. */
  z.object({ type: z.literal('reading/clear') }),
] as const;

export const OptionsRequestSchema = z.discriminatedUnion('type', OPTIONS_REQUEST_SCHEMAS);
export type OptionsRequest = z.infer<typeof OptionsRequestSchema>;
export type OptionsRequestType = OptionsRequest['type'];
export type OptionsRequestOf<T extends OptionsRequestType> = Extract<OptionsRequest, { type: T }>;

export const OPTIONS_EXTENSION_PAGE_ONLY: readonly OptionsRequestType[] = OPTIONS_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value);

// ---- Replies ----

/** What the worker answers to each options request. */
export interface OptionsReplies {
  'custom-outlets/list': CustomOutletListing[];
  /** Per-field errors, nothing stored on error. */
  'custom-outlets/add': CustomOutletResult;
  /** Whether the outlet existed. */
  'custom-outlets/remove': boolean;
  'providers/list': ProviderListing[];
  /** Per-row errors, nothing stored on error. */
  'providers/import': ProviderImportResult;
  /** Whether the provider exists (and so changed). */
  'providers/set-active': boolean;
  /** Whether the provider existed. */
  'providers/remove': boolean;
  'content/all-sites': AllSitesState;
  'content/all-sites-status': AllSitesState;
  'data/clear': ClearResult;
  'reading/summary': ReadingSummary;
  /** How many reading rows were removed. */
  'reading/clear': number;
}

export interface CustomOutletListing {
  id: string;
  outlet: Outlet;
  addedAt: number;
}

export type CustomOutletField = 'name' | 'domains' | 'feeds';

/** Why a field was refused; the page turns the code into a sentence, `value` names the offending entry. */
export type CustomOutletErrorCode =
  | 'name-missing'
  | 'name-too-long'
  | 'name-no-id'
  | 'domains-missing'
  | 'domain-invalid'
  | 'domain-taken'
  | 'feed-invalid'
  | 'section-invalid';

export interface CustomOutletError {
  field: CustomOutletField;
  code: CustomOutletErrorCode;
  value?: string;
}

export type CustomOutletResult = { ok: true; outlet: Outlet } | { ok: false; errors: CustomOutletError[] };

export interface ProviderListing {
  id: string;
  name: string;
  licence: string;
  licenceUrl: string;
  sourceUrl: string;
  date: string;
  attribution: string;
  /** Shipped with Parallax (always on, cannot be removed) or imported by the reader. */
  shipped: boolean;
  active: boolean;
  ratings: number;
  /** Epoch ms, imported providers only. */
  importedAt: number | null;
}

export type ProviderImportResult =
  | { ok: true; provider: ProviderListing; replaced: boolean }
  | { ok: false; errors: { row: number; message: string }[] };

export interface AllSitesState {
  enabled: boolean;
}

export interface ClearResult {
  articles: number;
  reading: number;
}

// ---- The custom outlet check ----

/** A slug from a name: accents dropped, anything else non-alphanumeric becomes one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** A domain as readers paste it ("https://www.Example.org/news") reduced to its host ("www.example.org"). */
export function hostOf(value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '') return '';
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return trimmed;
  }
}

/**
 * Validates the form with the registry's `outletSchema`, field by field. `hostOwner` answers which other
 * reader outlet already claims a host (shipped outlets may be overridden: a custom outlet wins its hosts).
 * The id is the name's slug, or the main domain's when the name has no Latin letters.
 */
export function customOutletFromInput(
  input: CustomOutletInput,
  hostOwner: (host: string) => string | null = () => null,
): CustomOutletResult {
  const errors: CustomOutletError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', code: 'name-missing' });
  else if (name.length > 120) errors.push({ field: 'name', code: 'name-too-long' });

  const domains = [...new Set(input.domains.map(hostOf).filter((d) => d !== ''))];
  if (domains.length === 0) errors.push({ field: 'domains', code: 'domains-missing' });
  const hostCheck = outletSchema.shape.domains.element;
  for (const domain of domains) {
    if (!hostCheck.safeParse(domain).success) errors.push({ field: 'domains', code: 'domain-invalid', value: domain });
    else {
      const owner = hostOwner(domain);
      if (owner !== null) errors.push({ field: 'domains', code: 'domain-taken', value: `${domain} (${owner})` });
    }
  }

  const feedCheck = outletSchema.shape.feeds.element;
  const feeds: { url: string; section: string }[] = [];
  const seenFeeds = new Set<string>();
  for (const feed of input.feeds) {
    const url = feed.url.trim();
    if (url === '') continue;
    const section = feed.section.trim() || 'Main';
    const parsed = feedCheck.safeParse({ url, section });
    if (parsed.success) {
      if (!seenFeeds.has(url)) feeds.push({ url, section });
      seenFeeds.add(url);
    } else if (parsed.error.issues.some((issue) => issue.path[0] === 'url'))
      errors.push({ field: 'feeds', code: 'feed-invalid', value: url });
    else errors.push({ field: 'feeds', code: 'section-invalid', value: section });
  }

  const id = slugify(name) || slugify(domains[0] ?? '');
  if (name !== '' && !OUTLET_ID_PATTERN.test(id)) errors.push({ field: 'name', code: 'name-no-id' });
  if (errors.length > 0) return { ok: false, errors };

  const outlet = outletSchema.safeParse({ id, name, domains, feeds });
  // Every field was checked above; this is the registry's own word on the whole.
  if (!outlet.success) return { ok: false, errors: [{ field: 'name', code: 'name-no-id', value: outlet.error.issues[0]?.message }] };
  return { ok: true, outlet: outlet.data };
}

/**
 * Zod schemas of the outlet registry. The shipped data is parsed with these at load (and by a unit
 * test at build time); outlets a reader adds go through the same schema.
 */
import { z } from 'zod';
import { parse } from 'tldts';

/** Lowercase slug: the stable id other layers store (IndexArticle.outletId). */
export const OUTLET_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HOSTNAME_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * A host an outlet owns: a registrable domain ("cnn.com", "abc.net.au") or a subdomain of one
 * ("news.yahoo.com"). A public suffix ("co.uk", "github.io"), an IP or a bare name would match
 * other people's sites, so they are refused.
 */
export function isOwnableHost(host: string): boolean {
  if (!HOSTNAME_PATTERN.test(host)) return false;
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp || parsed.domain === null || parsed.hostname !== host) return false;
  return host === parsed.domain || host.endsWith(`.${parsed.domain}`);
}

const hostSchema = z
  .string()
  .refine(isOwnableHost, { message: 'not an ownable host name (lowercase, no scheme, not a public suffix, not an IP)' });

const httpUrlSchema = z.url({ protocol: /^https?$/ });

const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code');

/** BCP 47: language, optional script, optional region ("en", "pt-BR", "zh-Hant"). */
const langSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/, 'lang must be a BCP 47 tag such as "en", "pt-BR" or "zh-Hant"');

export const outletFeedSchema = z.strictObject({
  url: httpUrlSchema,
  /** Section label as the outlet names it ("Top stories", "World"), or the catalogue's category it is filed under. */
  section: z.string().min(1).max(80),
  /** Language of the feed: the language of the catalogue category it is filed under. */
  lang: langSchema.optional(),
  /** Country the feed's news is about: the country of the catalogue category it is filed under. */
  country: countrySchema.optional(),
  /** Where this feed URL is published (the outlet's RSS page, or a public feed catalogue), when known. */
  source: httpUrlSchema.optional(),
});

/** Datasets a fact can come from when it is not the outlet's `source` page (see catalogue/sources.ts). */
const datasetSchema = z.enum(['kite-media', 'kite-feeds']);

export const outletSchema = z.strictObject({
  id: z.string().regex(OUTLET_ID_PATTERN, 'id must be a lowercase slug (a-z, 0-9, single hyphens)').max(64),
  name: z.string().min(1).max(120),
  /** Home domains: where the outlet's pages are served. The first one is the main one. */
  domains: z.array(hostSchema).min(1),
  /**
   * Other hosts that belong to the outlet: former and sister domains (`huffingtonpost.com` for HuffPost),
   * short links. They resolve to the outlet and the article script runs on them, like home domains.
   */
  aliases: z.array(hostSchema).optional(),
  /** ISO 3166-1 alpha-2, upper case; "INT" is not allowed: international outlets give their seat. */
  country: countrySchema.optional(),
  /** BCP 47 primary language of the outlet's main edition ("en", "ja", "fr", "de"). */
  lang: langSchema.optional(),
  /** Owner where publicly known (company or trust), as published at `source`. */
  owner: z.string().min(1).max(160).optional(),
  /** Kind of ownership as the source classes it: "Private Media", "State Funded Media", "Public Broadcaster"… */
  typology: z.string().min(1).max(80).optional(),
  /** Wire service / news agency: other outlets republish its copy. */
  wire: z.boolean().optional(),
  /**
   * Kept by hand (curated.json): its facts were checked against `source` by a person. The article
   * script runs on these outlets' domains without the all-sites opt-in (see `matchPatterns`).
   */
  curated: z.literal(true).optional(),
  /** No source names the outlet: `name` is its domain, until a feed's own title names it better. */
  nameFromDomain: z.literal(true).optional(),
  /** Where the outlet's name, domains, country, language and owner are published (e.g. its Wikipedia page). */
  source: httpUrlSchema.optional(),
  /**
   * Facts taken from a dataset rather than from `source`: the dataset of each such fact, and under
   * `hosts` the domains and aliases a dataset added to those `source` publishes.
   */
  from: z
    .strictObject({
      country: datasetSchema.optional(),
      owner: datasetSchema.optional(),
      typology: datasetSchema.optional(),
      hosts: z.partialRecord(datasetSchema, z.array(hostSchema).min(1)).optional(),
    })
    .optional(),
  feeds: z.array(outletFeedSchema),
});

export type OutletFeed = z.infer<typeof outletFeedSchema>;
export type Outlet = z.infer<typeof outletSchema>;

/** The shipped registry: ids and hosts must each be unique, or resolution would be ambiguous. */
export const outletListSchema = z.array(outletSchema).superRefine((outlets, ctx) => {
  const ids = new Map<string, number>();
  const hosts = new Map<string, string>();
  outlets.forEach((outlet, index) => {
    const firstIndex = ids.get(outlet.id);
    if (firstIndex !== undefined) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${outlet.id}" (also at ${firstIndex})` });
    } else {
      ids.set(outlet.id, index);
    }
    for (const host of [...outlet.domains, ...(outlet.aliases ?? [])]) {
      const owner = hosts.get(host);
      if (owner !== undefined && owner !== outlet.id) {
        ctx.addIssue({ code: 'custom', path: [index, 'domains'], message: `host "${host}" already belongs to "${owner}"` });
      } else {
        hosts.set(host, outlet.id);
      }
    }
  });
});

/** One-line summary of a Zod error, for messages that name the offending path. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

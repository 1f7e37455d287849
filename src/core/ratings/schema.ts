/**
 * Zod schemas of rating providers and their per-outlet ratings. The shipped AllSides file and
 * reader-imported files share them.
 */
import { z } from 'zod';
import { LEANS_7 } from '../types';
import { OUTLET_ID_PATTERN } from '../outlets/schema';

/** Factuality grades, lowest first, for providers that publish one (AllSides does not). */
export const FACTUALITY_GRADES = ['very-low', 'low', 'mixed', 'mostly-factual', 'high', 'very-high'] as const;
export type Factuality = (typeof FACTUALITY_GRADES)[number];

/** How sure the provider says it is of a lean (AllSides' published confidence level). */
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

const httpUrlSchema = z.url({ protocol: /^https?$/ });

export const ratingProviderSchema = z.strictObject({
  id: z.string().regex(OUTLET_ID_PATTERN, 'provider id must be a lowercase slug').max(64),
  name: z.string().min(1).max(120),
  /** Licence of the ratings, e.g. "CC BY-NC 4.0". */
  licence: z.string().min(1).max(120),
  licenceUrl: httpUrlSchema,
  /** Where the ratings were published. */
  sourceUrl: httpUrlSchema,
  /** Date of the ratings snapshot: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'),
  /** Text to show wherever the ratings are shown (licence terms may require it). */
  attribution: z.string().min(1).max(600),
});
export type RatingProvider = z.infer<typeof ratingProviderSchema>;

export const outletRatingSchema = z.strictObject({
  outletId: z.string().regex(OUTLET_ID_PATTERN),
  providerId: z.string().regex(OUTLET_ID_PATTERN),
  lean: z.enum(LEANS_7),
  factuality: z.enum(FACTUALITY_GRADES).optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  /** The provider's page about this outlet. */
  url: httpUrlSchema.optional(),
});
export type OutletRating = z.infer<typeof outletRatingSchema>;

/** A provider with its ratings: the unit the shipped data, imports and overrides come in. */
export const ratingSetSchema = z
  .strictObject({
    provider: ratingProviderSchema,
    ratings: z.array(outletRatingSchema),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.ratings.forEach((rating, index) => {
      if (rating.providerId !== set.provider.id) {
        ctx.addIssue({ code: 'custom', path: ['ratings', index, 'providerId'], message: `not "${set.provider.id}"` });
      }
      if (seen.has(rating.outletId)) {
        ctx.addIssue({ code: 'custom', path: ['ratings', index, 'outletId'], message: `duplicate outlet "${rating.outletId}"` });
      }
      seen.add(rating.outletId);
    });
  });
export type RatingSet = z.infer<typeof ratingSetSchema>;

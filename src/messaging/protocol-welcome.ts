/**
 * Messages of the welcome page (the first run's starter set) and their replies. Like the index and
 * options families, only Parallax's own pages may send them (`WELCOME_EXTENSION_PAGE_ONLY`).
 */
import { z } from 'zod';
import type { EditionSummary, StarterSet } from '../core/starter-set/index';
import { STARTER_TOPIC_IDS, type StarterTopic } from '../core/starter-set/sections';

const edition = z.string().regex(/^[A-Z]{2}$/, 'edition must be an ISO country code');
const topics = z
  .array(z.enum(STARTER_TOPIC_IDS as [StarterTopic, ...StarterTopic[]]))
  .max(STARTER_TOPIC_IDS.length)
  .optional();

export const WELCOME_REQUEST_SCHEMAS = [
  /** Welcome: the editions a starter set can be made for, and the one the browser's languages suggest. */
  z.object({ type: z.literal('starter/editions'), languages: z.array(z.string().max(35)).max(20) }),
  /** Welcome: the starter set of an edition and topics (the feeds to enable, and their balance). */
  z.object({ type: z.literal('starter/set'), edition, topics }),
] as const;

export type WelcomeRequestType = (typeof WELCOME_REQUEST_SCHEMAS)[number]['shape']['type']['value'];

export const WELCOME_EXTENSION_PAGE_ONLY: readonly WelcomeRequestType[] = WELCOME_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value);

export interface StarterEditions {
  editions: EditionSummary[];
  /** The edition to preselect, or null when the catalogue offers none. */
  suggested: string | null;
}

/** What the worker answers to each welcome request. */
export interface WelcomeReplies {
  'starter/editions': StarterEditions;
  /** The feeds, their balance, and the host patterns to ask for in one permission request. */
  'starter/set': StarterSet & { origins: string[] };
}

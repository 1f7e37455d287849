/**
 * Messages of the lean chips on links and their replies. The chips script sends `chips.links` once per
 * pass over a page, with the new links it found, and is told which get a chip; the options page and the
 * popup read and change where the chips run, which only Parallax's own pages may do
 * (`CHIPS_EXTENSION_PAGE_ONLY`).
 */
import { z } from 'zod';
import {
  CHIP_GROUPS,
  CHIP_HREF_MAX,
  CHIP_KNOWN_MAX_HOSTS,
  CHIP_LINKS_MAX,
  CHIP_TEXT_MAX,
  type ChipLink,
  type ChipSettings,
  type LinkChip,
} from '../core/links/index';

/** A host name as a URL gives it (lowercase, punycode): nothing else reaches the lookup. */
const host = z
  .string()
  .max(253)
  .regex(/^[a-z0-9.-]+$/, 'not a host name');

export const CHIPS_REQUEST_SCHEMAS = [
  /**
   * Chips script: which of these links get a chip (resolved against the sender's address), with the
   * outlets of their hosts but those it knows already.
   */
  z.object({
    type: z.literal('chips.links'),
    links: z.array(z.object({ href: z.string().max(CHIP_HREF_MAX), text: z.string().max(CHIP_TEXT_MAX).optional() })).max(CHIP_LINKS_MAX),
    known: z.array(host).max(CHIP_KNOWN_MAX_HOSTS),
  }),
  /** Options, popup: where the chips run. */
  z.object({ type: z.literal('chips.settings') }),
  /** Options: a group of sites on or off (the page asked for its permission first). */
  z.object({ type: z.literal('chips.setGroup'), group: z.enum(CHIP_GROUPS), enabled: z.boolean() }),
  /** Options, popup: one site on or off, by its origin (`https://mastodon.social`). */
  z.object({ type: z.literal('chips.setSite'), origin: z.string().max(300), enabled: z.boolean() }),
] as const;

export type ChipsRequestType = (typeof CHIPS_REQUEST_SCHEMAS)[number]['shape']['type']['value'];

export const CHIPS_EXTENSION_PAGE_ONLY: readonly ChipsRequestType[] = ['chips.settings', 'chips.setGroup', 'chips.setSite'];

/** What the worker answers to each chips request. */
export interface ChipsReplies {
  /**
   * The links that get a chip, and the outlets of their hosts not known to the script yet. The words come
   * made: the chips script, run on long pages, never loads the extension's messages.
   */
  'chips.links': { chips: ChipLink[]; outlets: Record<string, LinkChip> };
  'chips.settings': ChipSettings;
  /** The settings as stored after the change. */
  'chips.setGroup': ChipSettings;
  'chips.setSite': ChipSettings;
}

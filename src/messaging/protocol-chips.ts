/**
 * Messages of the lean chips on links and their replies. The chips script sends `chips.outlets` once per
 * pass over a page, with the hosts of the new article links it found that it has not asked about yet,
 * and is told which are known outlets' and what their chips say; the options page and the
 * popup read and change where the chips run, which only Parallax's own pages may do
 * (`CHIPS_EXTENSION_PAGE_ONLY`).
 */
import { z } from 'zod';
import { CHIP_GROUPS, CHIP_HOSTS_MAX, type ChipSettings, type LinkChip } from '../core/links/index';

/** A host name as a URL gives it (lowercase, punycode): nothing else reaches the lookup. */
const host = z
  .string()
  .max(253)
  .regex(/^[a-z0-9.-]+$/, 'not a host name');

export const CHIPS_REQUEST_SCHEMAS = [
  /** Chips script: which of these hosts are known outlets', and what their chips say. */
  z.object({ type: z.literal('chips.outlets'), hosts: z.array(host).max(CHIP_HOSTS_MAX) }),
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
   * The chips of the hosts asked about that a known outlet publishes at; a host left out has none. The
   * words come made: the chips script, run on long pages, never loads the extension's messages.
   */
  'chips.outlets': { outlets: Record<string, LinkChip> };
  'chips.settings': ChipSettings;
  /** The settings as stored after the change. */
  'chips.setGroup': ChipSettings;
  'chips.setSite': ChipSettings;
}

/**
 * Messages of the story pages (the full story page and the stories list) and their replies. Spread into
 * the main union (protocol.ts) like protocol-index.ts; only Parallax's own pages may send them
 * (`STORIES_EXTENSION_PAGE_ONLY`).
 */
import { z } from 'zod';
import type { StoryDigest, StoryPage } from '../core/story-page';
import { STORY_WINDOWS } from './story-windows';

const storyId = z.string().min(1).max(200);

export const STORIES_REQUEST_SCHEMAS = [
  /** Story page: everything about one story (its id follows merges). */
  z.object({ type: z.literal('story/page'), storyId }),
  /** Story page: stories of the same days that share key terms with it. */
  z.object({ type: z.literal('story/related'), storyId }),
  /** Stories page: the index's stories of the last days, most sources first, filtered. */
  z.object({
    type: z.literal('stories/list'),
    days: z.union(STORY_WINDOWS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<7>, z.ZodLiteral<14>]),
    blindspots: z.boolean(),
    side: z.enum(['L', 'C', 'R']).nullable(),
    query: z.string().max(200),
    limit: z.number().int().min(1).max(5000),
  }),
] as const;

export type StoriesRequestType = (typeof STORIES_REQUEST_SCHEMAS)[number]['shape']['type']['value'];

export const STORIES_EXTENSION_PAGE_ONLY: readonly StoriesRequestType[] = STORIES_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value);

export type StoryPageReply = { status: 'found'; page: StoryPage } | { status: 'missing' };

export interface StoryList {
  stories: StoryDigest[];
  /** Stories in the window, and those passing the filter (the list may stop at `limit`). */
  total: number;
  matching: number;
  /** The window, epoch ms: `days` back from the newest article in the index; null when the index is empty. */
  from: number | null;
  to: number | null;
}

export interface StoriesReplies {
  'story/page': StoryPageReply;
  'story/related': StoryDigest[];
  'stories/list': StoryList;
}

/**
 * The windows the stories page offers, in days back from the index's newest article. Apart from the
 * protocol's schemas so that the stories page, which needs only these numbers, does not load Zod.
 */
export const STORY_WINDOWS = [1, 3, 7, 14] as const;
export type StoryWindow = (typeof STORY_WINDOWS)[number];
export const DEFAULT_STORY_WINDOW: StoryWindow = 7;

/** Stories listed at most: the most covered; filters and search reach the rest. */
export const STORIES_LIMIT = 1000;

/** What the stories page asks for first (a `stories/list` request without its type): the default window, unfiltered. */
export const FIRST_LIST = { days: DEFAULT_STORY_WINDOW, blindspots: false, side: null, query: '', limit: STORIES_LIMIT } as const;

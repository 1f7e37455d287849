/**
 * The windows the stories page offers, in days back from the index's newest article. Apart from the
 * protocol's schemas so that the stories page, which needs only these numbers, does not load Zod.
 */
export const STORY_WINDOWS = [1, 3, 7, 14] as const;
export type StoryWindow = (typeof STORY_WINDOWS)[number];
export const DEFAULT_STORY_WINDOW: StoryWindow = 7;

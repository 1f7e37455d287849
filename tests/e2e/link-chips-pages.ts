/**
 * The link-chips fixture pages (tests/fixtures/link-chips), each with the real URL it is served under and
 * the group that covers its site. Every page marks the links that must get a chip with
 * `data-expect-chip="<label>"`, and each result block (whose box must not move) with `data-block`.
 */
export type ChipGroup = 'search' | 'aggregators' | 'social';

export interface ChipPage {
  name: string;
  group: ChipGroup | 'mastodon';
  url: string;
  file: string;
}

const dir = 'tests/fixtures/link-chips';

export const CHIP_PAGES: readonly ChipPage[] = [
  { name: 'Google search', group: 'search', url: 'https://www.google.com/search?q=riverside+night+bus', file: `${dir}/search/google.html` },
  { name: 'Bing', group: 'search', url: 'https://www.bing.com/search?q=riverside+night+bus', file: `${dir}/search/bing.html` },
  { name: 'DuckDuckGo', group: 'search', url: 'https://duckduckgo.com/?q=riverside+night+bus', file: `${dir}/search/duckduckgo.html` },
  { name: 'Google News', group: 'aggregators', url: 'https://news.google.com/home?hl=en-US', file: `${dir}/aggregators/google-news.html` },
  { name: 'Yahoo News', group: 'aggregators', url: 'https://news.yahoo.com/', file: `${dir}/aggregators/yahoo-news.html` },
  {
    name: 'Apple News',
    group: 'aggregators',
    url: 'https://apple.news/AqR3x9Lk2TtmV5b1YpQw8cB',
    file: `${dir}/aggregators/apple-news.html`,
  },
  { name: 'Reddit', group: 'social', url: 'https://www.reddit.com/r/news/', file: `${dir}/social/reddit.html` },
  { name: 'old Reddit', group: 'social', url: 'https://old.reddit.com/r/news/', file: `${dir}/social/old-reddit.html` },
  { name: 'X', group: 'social', url: 'https://x.com/home', file: `${dir}/social/x.html` },
  { name: 'Facebook', group: 'social', url: 'https://www.facebook.com/', file: `${dir}/social/facebook.html` },
  { name: 'Bluesky', group: 'social', url: 'https://bsky.app/', file: `${dir}/social/bluesky.html` },
  { name: 'Hacker News', group: 'social', url: 'https://news.ycombinator.com/news', file: `${dir}/social/hacker-news.html` },
  { name: 'Mastodon', group: 'mastodon', url: 'https://mastodon.social/home', file: `${dir}/social/mastodon.html` },
];

export const INFINITE_PAGE: ChipPage = {
  name: 'Reddit, infinite feed',
  group: 'social',
  url: 'https://www.reddit.com/r/worldnews/',
  file: `${dir}/social/reddit-infinite.html`,
};

/** The `realPages` option of real-hosts.ts for some pages. */
export const servedPages = (pages: readonly ChipPage[]): Record<string, string> => Object.fromEntries(pages.map((p) => [p.url, p.file]));

/**
 * How far the first refresh has got, read from the worker while it runs: the starter feeds it has
 * tried, the articles the index gained, the stories it holds.
 */
import { ask } from '../../messaging/client';

export interface StarterProgress {
  feedsDone: number;
  feedsTotal: number;
  articlesAdded: number;
  stories: number;
}

/** The progress since `startedAt` (epoch ms) over `urls`, from a start of `articlesBefore` articles. */
export async function readStarterProgress(urls: ReadonlySet<string>, startedAt: number, articlesBefore: number): Promise<StarterProgress> {
  const [status, feeds] = await Promise.all([ask({ type: 'refresh/status' }), ask({ type: 'feeds/list' })]);
  const mine = feeds.filter((feed) => urls.has(feed.url));
  return {
    feedsDone: mine.filter((feed) => (feed.lastAttemptAt ?? 0) >= startedAt).length,
    feedsTotal: mine.length,
    articlesAdded: Math.max(0, status.articles - articlesBefore),
    stories: status.stories,
  };
}

/** Refresh policy of the local index: scheduling and backoff, feed entry conversion, retention, OPML. */
export {
  DEFAULT_REFRESH_POLICY,
  HOUR_MS,
  MINUTE_MS,
  afterFailure,
  afterSuccess,
  backoffDelayMs,
  conditionalHeaders,
  isDue,
  mapWithConcurrency,
  stableFraction,
  type FeedSchedule,
  type RefreshPolicy,
} from './policy';
export {
  MAX_DESCRIPTION_CHARS,
  MAX_TITLE_CHARS,
  entriesToArticles,
  entryRejection,
  entryToArticle,
  type ConvertedEntries,
  type EntryConversionContext,
  type EntryRejection,
} from './convert';
export {
  DAY_MS,
  DEFAULT_MAX_ARTICLES,
  isPrunable,
  retentionCutoff,
  selectForRemoval,
  type RetentionCandidate,
  type RetentionLimits,
} from './retention';
export { parseOpml, type OpmlFeed, type OpmlParseResult } from './opml';
export { MAX_FEED_RESPONSE_BYTES, fetchFeedDocument, type FeedFetchOutcome, type FetchLike } from './fetch';
export { feedAccessOrigins, feedOriginPattern, feedOriginPatterns } from './permissions';

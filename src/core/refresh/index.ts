/** Refresh policy of the local index: scheduling and backoff, feed fetching, entry conversion, retention, OPML. */
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
export { feedIntervalMs, type CadenceLimits } from './cadence';
export { runPooled, type PoolLimits } from './pool';
export { parseOpml, type OpmlFeed, type OpmlParseResult } from './opml';
export { MAX_FEED_RESPONSE_BYTES, fetchFeedDocument, type FeedFetchOutcome, type FeedFetchRules, type FetchLike } from './fetch';
export { MAX_REDIRECTS, nextRedirect, type RedirectRules, type RedirectStep } from './redirect';
export { readCappedBody, type CappedBody } from './body';
export { feedAccessOrigins, feedOriginPattern, feedOriginPatterns } from './permissions';

export {
  StoryEngine,
  DEFAULT_ENGINE_OPTIONS,
  type EngineArticle,
  type EngineOptions,
  type EngineSnapshot,
  type PackedArticleIds,
  type StoryMatch,
} from './engine';
export {
  scoreClustering,
  holdoutSplit,
  fnv1a,
  storiesWithHeadlineTwins,
  twinStoryPairs,
  bcubedPrecisionLoss,
  precisionLossBySize,
  TWIN_MIN_WORDS,
  type SizeClassLoss,
  type ClusteringScores,
  type PrecisionRecall,
  type HoldoutSplit,
} from './evaluate';
export { clusterInTimeOrder, parseOptionOverrides } from './batch';
export { RELATED_MAX, type NeighbourWindow } from './neighbours';

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
  majorityStory,
  idsByLabel,
  holdoutRates,
  twinnedSingleStories,
  type HeldOutAnswer,
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
export {
  MATCH_FEATURES,
  matchFeatures,
  matchProbability,
  treesLogit,
  type MatchEvidence,
  type MatchModel,
  type MatchTrees,
} from './match-model';
export { MATCH_MODEL } from './match-model-weights';
export { fitMatchModel, type MatchExample } from './train-match-model';
export { DEFAULT_TREE_FIT, fitMatchTrees, type TreeFitOptions } from './train-match-trees';

/** The first run's starter set: editions, the selection rule and its balance. */
export { balancedCounts, SHARE_MAX, SHARE_MIN, SIDES, type SideCounts } from './balance';
export { preselectEdition, starterEditions, type EditionSummary } from './editions';
export {
  editionLanguage,
  FEEDS_PER_OUTLET,
  MIN_FEEDS_PER_SIDE,
  STARTER_MAX_FEEDS,
  STARTER_MIN_FEEDS,
  STARTER_TARGET_FEEDS,
  starterSet,
  type SideOf,
  type StarterCounts,
  type StarterFeed,
  type StarterOptions,
  type StarterSet,
} from './rule';
export { SECTION_RANK, sectionRank, STARTER_TOPIC_IDS, STARTER_TOPICS, type StarterTopic } from './sections';

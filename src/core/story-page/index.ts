export { buildStoryPage, reportItems, type StoryPage, type StoryPageInput } from './build';
export { countryShares, type CountryShare, type CountryShares } from './countries';
export { digestStory, membersSignature, publishedSpan, textSignature, type StoryDigest } from './digest';
export { byCoverage, filterStories, foldText, NO_FILTER, type StoryFilter } from './list';
export { groupReposts, headlineKey, sameReport, type RepostGroup } from './reposts';
export { splitSentences } from './sentences';
export { extractSummary, type SummarySentence, type SummarySource } from './summary';

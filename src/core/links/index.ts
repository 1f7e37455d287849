/** Lean chips on links: resolution of a link's target, the article test, the chip data and where chips run. */
export { isArticleLink } from './article-link';
export { CHIP_HOSTS_MAX, CHIP_HREF_MAX, CHIP_TEXT_MAX, linkTargetOf, type LinkPage, type LinkTarget, type PageLink } from './chip-links';
export { chipOutletFor, type ChipOutlet, type ChipTexts, type LinkChip } from './chip-outlet';
export {
  CHIP_GROUP_PATTERNS,
  CHIP_GROUPS,
  CHIP_SCRIPT_FILE,
  CHIP_WAKE_FILE,
  chipScriptMatches,
  DEFAULT_CHIP_SETTINGS,
  patternCovers,
  siteOrigin,
  sitePatterns,
  type ChipGroup,
  type ChipSettings,
} from './chip-sites';
export { resolveLinkTarget, resolveLinkUrl } from './resolve';
export { siteRuleFor, targetFromText, type SiteRule } from './site-rules';

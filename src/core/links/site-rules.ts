/**
 * The few sites where the generic rule (a chip right after every link to an outlet's article) is not
 * enough: which of the page's links are its results, where in a result the chip goes, and where a
 * shortened link shows its whole target in its text. Keyed by the page's host name.
 */

export interface SiteRule {
  /** Only links matching this selector are annotated (a result's title link, not its thumbnail or sitelinks). */
  results?: string;
  /** The chip goes at the end of this element inside the link (the title), not after the link. */
  placeIn?: string;
  /** The site writes a shortened link's full target as its text (hidden parts included): use it. */
  targetInText?: boolean;
}

const GOOGLE_SEARCH = /^www\.google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;

/**
 * Results are the title links and the news modules' links (where search shows news). Google's title link
 * holds the title (h3, or a `role="heading"` div in "Top stories" cards) and the address line: the chip
 * ends the title's line.
 */
const GOOGLE_RULE: SiteRule = { results: 'a:has(h3), a:has([role="heading"])', placeIn: 'h3, [role="heading"]' };
const BING_RULE: SiteRule = { results: 'h2 a, .b_ans a.title' };
const DUCKDUCKGO_RULE: SiteRule = { results: 'h2 a, a.result__a, a.module--news__title' };
/** X wraps every link in t.co, and writes the expanded address as the link's text. */
const X_RULE: SiteRule = { targetInText: true };

const BY_HOST: ReadonlyMap<string, SiteRule> = new Map([
  ['www.bing.com', BING_RULE],
  ['duckduckgo.com', DUCKDUCKGO_RULE],
  ['html.duckduckgo.com', DUCKDUCKGO_RULE],
  ['x.com', X_RULE],
  ['twitter.com', X_RULE],
  ['mobile.twitter.com', X_RULE],
]);

/** The rule for a page's host, or null where the generic rule does it all. */
export function siteRuleFor(hostname: string): SiteRule | null {
  if (GOOGLE_SEARCH.test(hostname)) return GOOGLE_RULE;
  return BY_HOST.get(hostname) ?? null;
}

/**
 * A shortened link's target from its text, when the text is one whole address. X shows an address cut
 * short with "…" but keeps the whole of it in the link, the cut part hidden: its text is the address
 * and a "…" after it, which is dropped. An address cut in the text itself has no known target.
 */
export function targetFromText(text: string): string | null {
  const trimmed = text.trim();
  const address = trimmed.endsWith('…') ? trimmed.slice(0, -1) : trimmed;
  if (!/^https?:\/\/[^\s…]+$/.test(address)) return null;
  return address;
}

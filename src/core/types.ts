/**
 * Shared data shapes of Parallax. Pure types, no runtime: every layer (core, worker, UI, CLIs)
 * speaks in these.
 */

/** The 7-point lean scale of rating providers; folded to L/C/R for the distribution bar. */
export const LEANS_7 = ['far-left', 'left', 'lean-left', 'center', 'lean-right', 'right', 'far-right'] as const;
export type Lean7 = (typeof LEANS_7)[number];
export type LeanSide = 'L' | 'C' | 'R';

/** Metadata the content script reads off a page (also the `detect` CLI's output fields). */
export interface ArticleMeta {
  title: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  byline: string | null;
  /** ISO 8601 UTC */
  published: string | null;
  /** ISO 8601 UTC */
  modified: string | null;
  description: string | null;
  lang: string | null;
}

/** The detector's verdict on one page. */
export interface Detection extends ArticleMeta {
  isArticle: boolean;
  /** Short machine-readable reasons for the verdict, e.g. "jsonld:NewsArticle", "teasers:many". */
  reasons: string[];
}

/** One article in the local index, as the story engine and the database see it. */
export interface IndexArticle {
  /** Stable id: the canonical URL, normalised. */
  id: string;
  url: string;
  title: string;
  description?: string;
  /** Outlet registry id, when the article's domain resolves to a known outlet. */
  outletId?: string;
  /** Display name of the publisher when no registry outlet is known. */
  publisher?: string;
  host?: string;
  /** Epoch milliseconds. */
  published: number;
}

/** One entry of a parsed feed (the `feeds` CLI's entry fields). */
export interface FeedEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  published: string | null;
  updated: string | null;
  summary: string | null;
  author: string | null;
  image: string | null;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
  /** Minutes between updates the publisher declares (RSS `ttl`, `sy:updatePeriod`/`sy:updateFrequency`), when it does. */
  updateMinutes?: number;
}

export type FeedParseResult = { ok: true; feed: ParsedFeed; warnings: string[] } | { ok: false; error: string };

/**
 * Feed entries → index articles. The id is the entry's canonical link (so the same article reached
 * through two feeds is one article); entries without a usable web link or a title are left out.
 */
import type { FeedEntry, IndexArticle } from '../types';
import { canonicalizeUrl } from '../url/index';

export interface EntryConversionContext {
  /** URL the feed was fetched from: the base for links the parser left relative. */
  feedUrl: string;
  /** Outlet the feed belongs to, used when the link's host resolves to no outlet. */
  feedOutletId?: string;
  /** Feed title, as the publisher name of articles of no known outlet. */
  feedTitle?: string | null;
  /** Outlet id publishing at a URL, or null (the registry's `resolve`). */
  resolveOutlet: (url: string) => string | null;
  /** Epoch ms the entry was first seen: its time when the feed gives none (or an absurd one). */
  firstSeen: number;
}

export const MAX_TITLE_CHARS = 500;
export const MAX_DESCRIPTION_CHARS = 1000;
/** A date further ahead than this is a feed's mistake (or a time-zone slip), not a real publication time. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Epoch ms of an ISO date, or null when it cannot be read. */
function epochOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export type EntryRejection = 'no-link' | 'unsafe-link' | 'no-title';

/** Why an entry is left out, or null when it becomes an article. */
export function entryRejection(entry: FeedEntry, feedUrl: string): EntryRejection | null {
  const link = cleanText(entry.link);
  if (link === '') return 'no-link';
  if (canonicalizeUrl(link, feedUrl) === null) return 'unsafe-link';
  if (cleanText(entry.title) === '') return 'no-title';
  return null;
}

/** The article for one entry, or null when the entry has no http(s) link or no title. */
export function entryToArticle(entry: FeedEntry, context: EntryConversionContext): IndexArticle | null {
  if (entryRejection(entry, context.feedUrl) !== null) return null;
  // Canonicalisation refuses javascript:, data: and every other non-web scheme.
  const id = canonicalizeUrl(cleanText(entry.link), context.feedUrl);
  if (id === null) return null;
  const title = clip(cleanText(entry.title), MAX_TITLE_CHARS);
  let published = epochOf(entry.published) ?? epochOf(entry.updated) ?? context.firstSeen;
  if (published > context.firstSeen + FUTURE_TOLERANCE_MS) published = context.firstSeen;
  const host = new URL(id).hostname;
  const outletId = context.resolveOutlet(id) ?? context.feedOutletId;
  const article: IndexArticle = { id, url: id, title, host, published };
  const description = cleanText(entry.summary);
  if (description !== '') article.description = clip(description, MAX_DESCRIPTION_CHARS);
  if (outletId) article.outletId = outletId;
  else {
    const publisher = cleanText(context.feedTitle);
    if (publisher !== '') article.publisher = clip(publisher, 200);
  }
  return article;
}

export interface ConvertedEntries {
  articles: IndexArticle[];
  /** Entries left out, by reason. */
  skipped: Record<EntryRejection | 'duplicate', number>;
}

/** Every usable entry of a feed as an article, first occurrence of each id kept. */
export function entriesToArticles(entries: readonly FeedEntry[], context: EntryConversionContext): ConvertedEntries {
  const skipped: ConvertedEntries['skipped'] = { 'no-link': 0, 'unsafe-link': 0, 'no-title': 0, duplicate: 0 };
  const byId = new Map<string, IndexArticle>();
  for (const entry of entries) {
    const rejection = entryRejection(entry, context.feedUrl);
    if (rejection !== null) {
      skipped[rejection]++;
      continue;
    }
    const article = entryToArticle(entry, context);
    if (article === null) continue;
    if (byId.has(article.id)) skipped.duplicate++;
    else byId.set(article.id, article);
  }
  return { articles: [...byId.values()], skipped };
}

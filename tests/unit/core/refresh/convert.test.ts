import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/index';
import { entriesToArticles, entryToArticle, type EntryConversionContext } from '../../../../src/core/refresh/index';
import type { FeedEntry } from '../../../../src/core/types';
import { LEFT_FEED, RIGHT_FEED, fixture, testRegistry } from '../../support/refresh';

const registry = testRegistry();
const firstSeen = Date.parse('2026-11-20T10:00:00Z');
const context = (feedUrl: string, feedOutletId: string): EntryConversionContext => ({
  feedUrl,
  feedOutletId,
  feedTitle: 'Feed title',
  resolveOutlet: (url) => registry.resolve(url)?.id ?? null,
  firstSeen,
});
const entry = (fields: Partial<FeedEntry>): FeedEntry => ({
  title: 'A title',
  link: 'https://www.lefttimes.com/a',
  id: null,
  published: null,
  updated: null,
  summary: null,
  author: null,
  image: null,
  ...fields,
});

function parsed(name: string, url: string) {
  const result = parseFeed(new TextEncoder().encode(fixture(name)), { url });
  if (!result.ok) throw new Error(result.error);
  return result.feed.entries;
}

describe('feed entries to index articles', () => {
  it('uses the canonical link as id, drops javascript: links and untitled entries', () => {
    const { articles, skipped } = entriesToArticles(parsed('left-times.rss', LEFT_FEED), context(LEFT_FEED, 'left-times'));
    expect(articles.map((a) => a.id)).toEqual([
      'https://www.lefttimes.com/world/2026/11/20/flooding-river-valley',
      'https://www.lefttimes.com/politics/2026/11/20/budget-passes',
      'https://www.wireservice.com/business/rates-steady-2026-11-20',
    ]);
    // The parser already nulls the javascript: link; either way the entry is not indexed.
    expect(skipped['no-title']).toBe(1);
    expect(skipped['no-link'] + skipped['unsafe-link']).toBe(1);
    expect(articles.every((a) => a.url === a.id)).toBe(true);
  });

  it('keeps titles and descriptions as plain text (no markup, no script)', () => {
    const [flood] = entriesToArticles(parsed('left-times.rss', LEFT_FEED), context(LEFT_FEED, 'left-times')).articles;
    expect(flood.title).toBe('Flooding forces thousands from their homes in river valley');
    expect(flood.description).toContain('Rescue teams worked through the night as the river rose.');
    expect(flood.description).not.toMatch(/<|alert/);
  });

  it("resolves the outlet from the link's host, and falls back to the feed's outlet", () => {
    const { articles } = entriesToArticles(parsed('left-times.rss', LEFT_FEED), context(LEFT_FEED, 'left-times'));
    expect(articles[0].outletId).toBe('left-times');
    expect(articles[2].outletId).toBe('wire-service');
    const unknownHost = entryToArticle(entry({ link: 'https://unknown-blog.net/post' }), context(LEFT_FEED, 'left-times'));
    expect(unknownHost?.outletId).toBe('left-times');
    expect(unknownHost?.host).toBe('unknown-blog.net');
  });

  it('takes the published date, else the updated date, else the first-seen time (never a wrong date)', () => {
    const left = entriesToArticles(parsed('left-times.rss', LEFT_FEED), context(LEFT_FEED, 'left-times')).articles;
    expect(left[0].published).toBe(Date.parse('2026-11-20T08:00:00Z'));
    expect(left[2].published).toBe(firstSeen); // "not a date at all"
    const right = entriesToArticles(parsed('right-post.atom', RIGHT_FEED), context(RIGHT_FEED, 'right-post')).articles;
    expect(right[1].published).toBe(Date.parse('2026-11-20T07:00:00Z'));
    const farFuture = entryToArticle(entry({ published: '2030-01-01T00:00:00Z' }), context(LEFT_FEED, 'left-times'));
    expect(farFuture?.published).toBe(firstSeen);
  });

  it('resolves relative links against the feed and strips fragments and tracking parameters', () => {
    const right = entriesToArticles(parsed('right-post.atom', RIGHT_FEED), context(RIGHT_FEED, 'right-post')).articles;
    expect(right[1].id).toBe('https://rightpost.com/news/budget-late-night-vote');
    expect(right[2].id).toBe('https://www.wireservice.com/business/rates-steady-2026-11-20');
  });

  it('refuses data:, javascript: and link-less entries one by one', () => {
    const ctx = context(LEFT_FEED, 'left-times');
    expect(entryToArticle(entry({ link: 'data:text/html,<script>alert(1)</script>' }), ctx)).toBeNull();
    expect(entryToArticle(entry({ link: ' JavaScript:alert(1)' }), ctx)).toBeNull();
    expect(entryToArticle(entry({ link: null }), ctx)).toBeNull();
    expect(entryToArticle(entry({ title: '   ' }), ctx)).toBeNull();
  });

  it('keeps one article per id when a feed lists the same link twice', () => {
    const { articles, skipped } = entriesToArticles(
      [entry({ link: 'https://www.lefttimes.com/a?utm_source=x' }), entry({ link: 'https://www.lefttimes.com/a#top', title: 'Other' })],
      context(LEFT_FEED, 'left-times'),
    );
    expect(articles).toHaveLength(1);
    expect(skipped.duplicate).toBe(1);
  });
});

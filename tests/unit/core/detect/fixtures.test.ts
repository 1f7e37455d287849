import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../../src/core/detect/index';
import { fingerprint, fixture, fixtureNames } from '../../support/detect';

const UNKNOWN = 'https://example.invalid/';

describe('non-article fixtures (section fronts, hubs, video, gallery, live index, forum, search, recipe, home)', () => {
  const names = fixtureNames('negative');
  it('has fixtures of every kind the issue lists', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });
  for (const name of names) {
    it(`${name} is not an article`, () => {
      const detection = detectArticle(fixture('negative', name), UNKNOWN);
      expect(detection.isArticle, detection.reasons.join(' ')).toBe(false);
    });
  }
  it('explains section fronts that declare og:type=article', () => {
    const detection = detectArticle(fixture('negative', 'section-front-og-article.html'), UNKNOWN);
    expect(detection.reasons).toContain('og:article');
    expect(detection.reasons).toContain('path:hub');
  });
  it('does not trust a NewsArticle JSON-LD on a page made of teasers', () => {
    const detection = detectArticle(fixture('negative', 'section-front-newsarticle-jsonld.html'), UNKNOWN);
    expect(detection.reasons).toContain('jsonld:newsarticle');
    expect(detection.reasons).toContain('body:none');
    expect(detection.isArticle).toBe(false);
  });
  it('rejects a gallery whose JSON-LD claims NewsArticle, from its many figures', () => {
    const detection = detectArticle(fixture('negative', 'gallery-newsarticle-jsonld.html'), UNKNOWN);
    expect(detection.reasons).toContain('gallery:figures');
    expect(detection.isArticle).toBe(false);
  });
  it('rejects non-articles from the page structure alone when no URL or schema hints exist', () => {
    for (const name of ['search-results-bare.html', 'live-blog-index-og-article.html']) {
      const detection = detectArticle(fixture('negative', name), UNKNOWN);
      expect(detection.reasons.some((reason) => reason.startsWith('path:') || reason.startsWith('jsonld:'))).toBe(false);
      expect(detection.isArticle).toBe(false);
    }
  });
  it('rejects a recipe even when the page also declares an Article', () => {
    const detection = detectArticle(fixture('negative', 'recipe.html'), UNKNOWN);
    expect(detection.reasons).toContain('jsonld:recipe');
    expect(detection.isArticle).toBe(false);
  });
});

describe('article fixtures', () => {
  it('counts an article with an embedded photo gallery, its paragraphs each in a card wrapper, as an article', () => {
    const detection = detectArticle(fixture('positive', 'article-with-photo-gallery.html'), UNKNOWN);
    expect(detection.reasons).toContain('body:strong');
    expect(detection.reasons).not.toContain('gallery:figures');
    expect(detection.isArticle).toBe(true);
    expect(detection.title).toBe('Old Mill bridge reopens after barge strike');
  });
  it('reads a JSON-LD @graph article with OpenGraph', () => {
    const detection = detectArticle(fixture('positive', 'news-article-jsonld-graph.html'), UNKNOWN);
    expect(detection).toMatchObject({
      isArticle: true,
      title: 'Senate passes budget deal after late-night session',
      canonicalUrl: 'https://www.dailyledger.example/politics/2026/11/20/senate-passes-budget-deal/',
      siteName: 'The Daily Ledger',
      byline: 'Jane Doe, John Roe',
      published: '2026-11-20T06:30:00.000Z',
      modified: '2026-11-20T09:00:00.000Z',
      description: 'The agreement raises school spending but leaves out the promised tax cut.',
      lang: 'en',
    });
    expect(detection.reasons).toContain('jsonld:newsarticle');
  });
  it('resolves an AMP page to its canonical article', () => {
    const detection = detectArticle(
      fixture('positive', 'amp-article.html'),
      'https://amp-cache.example.net/c/s/www.dailyledger.example/amp/senate',
    );
    expect(detection.isArticle).toBe(true);
    expect(detection.reasons).toContain('amp');
    expect(detection.canonicalUrl).toBe('https://www.dailyledger.example/politics/2026/11/20/senate-passes-budget-deal/');
    expect(detection.title).toBe('Senate passes budget deal');
    expect(detection.lang).toBe('en-GB');
  });
  it('reads OpenGraph-only metadata: og:url without fragment, naive date as UTC, byline skipping profile URLs', () => {
    const detection = detectArticle(fixture('positive', 'article-meta-only.html'), UNKNOWN);
    expect(detection).toMatchObject({
      isArticle: true,
      title: 'Farmers brace for drought season',
      canonicalUrl: 'https://valleycourier.example/news/farmers-brace-for-drought-season-20261120.html',
      byline: 'Sam Field',
      published: '2026-11-20T07:15:00.000Z',
      lang: 'en-US',
    });
  });
  it('finds a body written in div paragraphs on a page with no metadata', () => {
    const detection = detectArticle(fixture('positive', 'article-div-paragraphs.html'), UNKNOWN);
    expect(detection.isArticle).toBe(true);
    expect(detection.reasons).toContain('body:strong');
    expect(detection.title).toBe('Ministry announces new rail timetable');
  });
  it('reads microdata (itemtype NewsArticle, itemprop author/datePublished) when there is no JSON-LD', () => {
    const detection = detectArticle(fixture('positive', 'article-microdata.html'), UNKNOWN);
    expect(detection).toMatchObject({
      isArticle: true,
      title: 'Ferry terminal to open in spring, two years late',
      byline: 'Morag Reid',
      published: '2026-03-02T08:00:00.000Z',
      lang: 'en-GB',
    });
    expect(detection.reasons).toContain('microdata:newsarticle');
  });
  it('keeps a blog post an article despite a long comment thread', () => {
    const detection = detectArticle(fixture('positive', 'blog-post-with-comments.html'), UNKNOWN);
    expect(detection.isArticle).toBe(true);
    expect(detection.siteName).toBe('Island Notes');
    expect(detection.title).toBe('Why the ferry is late (and what comes next)');
  });
  it('treats a single live blog (LiveBlogPosting) as an article, unlike the live index page', () => {
    expect(detectArticle(fixture('positive', 'live-blog-posting.html'), UNKNOWN).isArticle).toBe(true);
    expect(detectArticle(fixture('negative', 'live-blog-index-og-article.html'), UNKNOWN).isArticle).toBe(false);
  });
  it('accepts a paywalled article from its metadata despite a cut body', () => {
    const detection = detectArticle(fixture('positive', 'paywalled-article.html'), UNKNOWN);
    expect(detection.isArticle).toBe(true);
    expect(detection.byline).toBe('Pat Lee');
  });
});

describe('harmlessness', () => {
  it('does not mutate the document', () => {
    for (const [kind, name] of [
      ['positive', 'news-article-jsonld-graph.html'],
      ['negative', 'home-page.html'],
    ] as const) {
      const doc = fixture(kind, name);
      const before = fingerprint(doc);
      detectArticle(doc, UNKNOWN);
      expect(fingerprint(doc)).toBe(before);
    }
  });
});

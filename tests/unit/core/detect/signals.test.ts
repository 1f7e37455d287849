import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../../src/core/detect/index';
import { classifyPath } from '../../../../src/core/detect/path';
import { DETECTION_LIMITS } from '../../../../src/core/detect/limits';
import { DetectionSchema } from '../../../../src/messaging/protocol';
import { normalizeLang, stripSiteFromTitle, toIsoDate } from '../../../../src/core/detect/text';
import { BODY, page } from '../../support/detect';

const UNKNOWN = 'https://example.invalid/';
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('JSON-LD', () => {
  for (const type of ['NewsArticle', 'Article', 'BlogPosting', 'ReportageNewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle']) {
    it(`counts ${type} as an article type`, () => {
      const doc = page(
        ld({ '@context': 'https://schema.org', '@type': type, headline: 'A headline long enough' }),
        `<h1>A headline long enough</h1>${BODY}`,
      );
      expect(detectArticle(doc, UNKNOWN).reasons).toContain(`jsonld:${type.toLowerCase()}`);
    });
  }
  it('reads arrays of items and @type arrays', () => {
    const doc = page(
      ld([
        { '@type': 'Organization', name: 'X' },
        { '@type': ['CreativeWork', 'NewsArticle'], headline: 'Headline from array', datePublished: '2024-03-01T10:00:00+01:00' },
      ]),
      BODY,
    );
    const detection = detectArticle(doc, UNKNOWN);
    expect(detection.title).toBe('Headline from array');
    expect(detection.published).toBe('2024-03-01T09:00:00.000Z');
  });
  it('skips invalid JSON-LD and still uses valid blocks', () => {
    const doc = page(
      `<script type="application/ld+json">{"@type": "NewsArticle", broken</script>${ld({ '@type': 'NewsArticle', headline: 'Valid block headline' })}`,
      BODY,
    );
    const detection = detectArticle(doc, UNKNOWN);
    expect(detection.reasons).toContain('jsonld:invalid-skipped');
    expect(detection.title).toBe('Valid block headline');
    expect(detection.isArticle).toBe(true);
  });
  it('treats many Article microdata items as a list page', () => {
    const cards = [1, 2, 3, 4]
      .map(
        (n) => `<div itemscope itemtype="https://schema.org/BlogPosting"><h2 itemprop="headline"><a href="/p${n}">Post ${n}</a></h2></div>`,
      )
      .join('');
    const detection = detectArticle(page('', `<h1>Blog</h1>${cards}`), UNKNOWN);
    expect(detection.reasons).toContain('microdata:many-articles');
    expect(detection.isArticle).toBe(false);
  });
  it('treats many distinct articles in JSON-LD as a list page', () => {
    const items = [1, 2, 3, 4].map((n) => ({ '@type': 'NewsArticle', headline: `Story ${n}`, url: `https://x.example/s${n}` }));
    const detection = detectArticle(page(ld({ '@graph': items }), '<h1>Latest</h1>'), UNKNOWN);
    expect(detection.reasons).toContain('jsonld:many-articles');
    expect(detection.isArticle).toBe(false);
  });
});

describe('page structure', () => {
  const figures = (count: number) =>
    Array.from({ length: count }, (_, i) => `<figure><img src="/p/${i}.jpg" alt=""><figcaption>Photo ${i + 1}</figcaption></figure>`).join(
      '',
    );
  const head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2026-01-05T10:00:00Z">';

  it('keeps an article whose body is short but real when a gallery is embedded in it', () => {
    const detection = detectArticle(page(head, `<h1>Budget passes</h1><article>${BODY}${figures(12)}</article>`), UNKNOWN);
    expect(detection.reasons).not.toContain('gallery:figures');
    expect(detection.isArticle).toBe(true);
  });

  it('still rejects a gallery: many figures around a line of text', () => {
    const detection = detectArticle(
      page(head, `<h1>In pictures</h1><p>Scenes from the parade this morning in town.</p>${figures(12)}`),
      UNKNOWN,
    );
    expect(detection.reasons).toContain('gallery:figures');
    expect(detection.isArticle).toBe(false);
  });

  it('reads paragraphs each wrapped in their own card as one body, but teaser cards with headlines apart', () => {
    const cards = BODY.split('</p>')
      .filter((p) => p !== '')
      .map((p) => `<div class="card"><div class="card-content">${p}</p></div></div>`)
      .join('');
    expect(detectArticle(page('', `<h1>Budget passes</h1><div id="body">${cards}</div>`), UNKNOWN).reasons).toContain('body:strong');
    const teasers = BODY.split('</p>')
      .filter((p) => p !== '')
      .map((p, i) => `<div class="card"><h3><a href="/story-${i}">Story ${i}</a></h3><div class="card-content">${p}</p></div></div>`)
      .join('');
    const front = detectArticle(page('', `<h1>News</h1><div id="list">${teasers}</div>`), UNKNOWN);
    expect(front.reasons).not.toContain('body:strong');
    expect(front.reasons).toContain('body:none');
  });
});

describe('metadata extraction', () => {
  it('takes parsely and sailthru metas when OpenGraph is missing', () => {
    const head =
      '<meta name="parsely-title" content="Parsely headline here"><meta name="sailthru.date" content="2019-11-19 14:05:00"><meta name="sailthru.author" content="By Ann Writer">';
    const detection = detectArticle(page(head, BODY), UNKNOWN);
    expect(detection.title).toBe('Parsely headline here');
    expect(detection.published).toBe('2019-11-19T14:05:00.000Z');
    expect(detection.byline).toBe('Ann Writer');
  });
  it('strips the site suffix from <title> and keeps dashes that belong to the headline', () => {
    const detection = detectArticle(
      page(
        '<title>Jobs report - what it means for rates | The Daily Ledger</title><meta property="og:site_name" content="The Daily Ledger">',
        BODY,
      ),
      UNKNOWN,
    );
    expect(detection.title).toBe('Jobs report - what it means for rates');
  });
  it('ignores a canonical that points at the home page', () => {
    const head =
      '<link rel="canonical" href="https://www.x.example/"><meta property="og:url" content="https://www.x.example/2024/05/01/a-real-story-slug-here/">';
    expect(detectArticle(page(head, BODY), UNKNOWN).canonicalUrl).toBe('https://www.x.example/2024/05/01/a-real-story-slug-here/');
  });
  it('keeps the page URL over a cross-site canonical when the location is known', () => {
    const head = '<link rel="canonical" href="https://original.example/story-about-something-long">';
    const detection = detectArticle(
      page(head, BODY),
      'https://www.syndicator.example/en-us/news/story-about-something/ar-AB12?utm_source=rss',
    );
    expect(detection.canonicalUrl).toBe('https://www.syndicator.example/en-us/news/story-about-something/ar-AB12');
    expect(detection.reasons).toContain('canonical:link-cross-site-ignored');
  });
  it('follows a cross-site canonical on a page served from this machine (a local copy of the article)', () => {
    const head = '<link rel="canonical" href="https://www.reuters.com/world/a-long-story-slug-2026-01-16/">';
    for (const local of ['http://127.0.0.1:8791/a/www.reuters.com/world/a-long-story-slug-2026-01-16/', 'http://localhost:3000/copy']) {
      const detection = detectArticle(page(head, BODY), local);
      expect(detection.canonicalUrl).toBe('https://www.reuters.com/world/a-long-story-slug-2026-01-16/');
      expect(detection.reasons).toContain('canonical:link');
    }
    // 127.0.0.1.evil.example is not loopback.
    expect(detectArticle(page(head, BODY), 'https://127.0.0.1.evil.example/copy-of-a-story').canonicalUrl).toBe(
      'https://127.0.0.1.evil.example/copy-of-a-story',
    );
  });
  it('with the location unknown, prefers og:url over a canonical link to another site (syndication)', () => {
    const head =
      '<link rel="canonical" href="https://original.example/2024/05/01/story-about-something-long"><meta property="og:url" content="https://www.syndicator.example/en-us/news/story/ar-AB12">';
    const detection = detectArticle(page(head, BODY), UNKNOWN);
    expect(detection.canonicalUrl).toBe('https://www.syndicator.example/en-us/news/story/ar-AB12');
    expect(detection.reasons).toContain('canonical:og-over-cross-site-link');
  });
  it('falls back to the page URL, and to null when the location is unknown', () => {
    expect(detectArticle(page('', BODY), 'https://www.x.example/a/long-story-slug-with-words?fbclid=1').canonicalUrl).toBe(
      'https://www.x.example/a/long-story-slug-with-words',
    );
    expect(detectArticle(page('', BODY), UNKNOWN).canonicalUrl).toBeNull();
  });
  it('returns nulls, not empty strings, for missing values', () => {
    const detection = detectArticle(page('', '<div>nothing here</div>'), UNKNOWN);
    expect(detection).toMatchObject({
      title: null,
      canonicalUrl: null,
      siteName: null,
      byline: null,
      published: null,
      description: null,
      lang: 'en',
    });
    expect(detection.isArticle).toBe(false);
  });
});

describe('text helpers', () => {
  it('normalises dates to ISO 8601 UTC and rejects junk', () => {
    expect(toIsoDate('2019-11-19T08:03:00-05:00')).toBe('2019-11-19T13:03:00.000Z');
    expect(toIsoDate('2019-11-19')).toBe('2019-11-19T00:00:00.000Z');
    expect(toIsoDate('Tue, 19 Nov 2019 14:00:00 GMT')).toBe('2019-11-19T14:00:00.000Z');
    expect(toIsoDate('20191119')).toBe('2019-11-19T00:00:00.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('0000-00-00')).toBeNull();
  });
  it('normalises language tags', () => {
    expect(normalizeLang('en_us')).toBe('en-US');
    expect(normalizeLang('pt-br')).toBe('pt-BR');
    expect(normalizeLang('DE')).toBe('de');
    expect(normalizeLang('')).toBeNull();
  });
  it('strips a site prefix as well as a suffix', () => {
    expect(stripSiteFromTitle('BBC News - Storm closes schools across the north', ['BBC News'], [])).toBe(
      'Storm closes schools across the north',
    );
  });
  it('classifies URL paths', () => {
    expect(classifyPath('https://x.example/')).toBe('home');
    expect(classifyPath('https://x.example/politics/')).toBe('hub');
    expect(classifyPath('https://x.example/tag/elections')).toBe('hub');
    expect(classifyPath('https://x.example/search?q=budget')).toBe('search');
    expect(classifyPath('https://x.example/2019/11/18/politics/trump-health/index.html')).toBe('article');
    expect(classifyPath('https://x.example/video/2019/11/18/storm-surge-floods-coastal-town')).toBe('media');
    expect(classifyPath('https://x.example/2019/11/19/world/gallery/photos-of-the-week/index.html')).toBe('media');
    expect(classifyPath('https://www.bbc.co.uk/news/av/uk-england-london-68224178')).toBe('media');
    expect(classifyPath('https://old.reddit.example/r/news/comments/abc123/some_title/')).toBe('forum');
    expect(classifyPath('https://community.x.example/t/bike-lanes-on-main-street/4521')).toBe('forum');
    expect(classifyPath('https://x.example/news/community/2019/11/19/bake-sale-raises-money-for-library')).toBe('article');
    expect(classifyPath('https://x.example/recipes/easy-weeknight-lentil-soup-with-lemon')).toBe('recipe');
  });
});

describe('hostile pages', () => {
  it('never throws out of detectArticle when the document throws', () => {
    const hostile = new Proxy({} as Document, {
      get() {
        throw new Error('page overwrote this');
      },
    });
    const detection = detectArticle(hostile, 'https://x.example/a');
    expect(detection.isArticle).toBe(false);
    expect(detection.reasons).toEqual(['error:detector']);
  });
  it('survives a huge JSON-LD block and deep nesting without declaring an article', () => {
    let deep = '<div>';
    for (let i = 0; i < 3000; i++) deep += '<div>';
    const detection = detectArticle(page(`<script type="application/ld+json">${'['.repeat(5000)}</script>`, deep), UNKNOWN);
    expect(detection.isArticle).toBe(false);
  });
});

describe('output bounds', () => {
  it('cuts long fields to what the worker accepts, so a huge description still gets a badge', () => {
    const long = 'word '.repeat(3000);
    const head = `<title>${'T'.repeat(1500)}</title><meta property="og:description" content="${long}"><meta property="og:type" content="article">`;
    const detection = detectArticle(page(head, BODY), 'https://www.x.example/2024/05/01/a-real-story-slug-here/');
    expect(detection.description?.length).toBeLessThanOrEqual(DETECTION_LIMITS.description);
    expect(detection.title?.length ?? 0).toBeLessThanOrEqual(DETECTION_LIMITS.title);
    expect(DetectionSchema.safeParse(detection).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { loadRegistry, outletListSchema, publisherHost, SHIPPED_OUTLETS_DATA } from '../../../../src/core/outlets/index';
import { ratingSetSchema, SHIPPED_RATINGS_DATA, shippedRatingSets } from '../../../../src/core/ratings/index';
import { catalogueFigures } from '../../../../src/core/outlets/catalogue/build';

describe('shipped outlet data', () => {
  it('parses with the registry schema (ids and hosts unique, hosts ownable)', () => {
    const result = outletListSchema.safeParse(SHIPPED_OUTLETS_DATA);
    expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
    // The worker uses the shipped data as it is, unparsed: the schema must change nothing in it.
    expect(result.data).toEqual(SHIPPED_OUTLETS_DATA);
  });

  const outlets = loadRegistry().all();

  it('covers at least 300 English-language outlets and the named outlets of Japan, France, Germany, Canada, the UK and Australia', () => {
    expect(outlets.filter((outlet) => outlet.lang === 'en').length).toBeGreaterThanOrEqual(300);
    const required = [
      'nhk',
      'asahi',
      'yomiuri',
      'mainichi',
      'nikkei',
      'japan-times',
      'le-monde',
      'le-figaro',
      'liberation',
      'france-24',
      'der-spiegel',
      'faz',
      'sueddeutsche',
      'die-zeit',
      'bild',
      'tagesschau',
      'cbc',
      'globe-and-mail',
      'national-post',
      'toronto-star',
      'bbc-news',
      'the-guardian',
      'the-telegraph',
      'the-times',
      'the-independent',
      'daily-mail',
      'abc-australia',
      'sydney-morning-herald',
      'the-australian',
      'ap',
      'reuters',
      'afp',
    ];
    const ids = new Set(outlets.map((outlet) => outlet.id));
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
    for (const country of ['US', 'GB', 'CA', 'AU', 'IN', 'IE', 'NZ', 'JP', 'FR', 'DE']) {
      expect(
        outlets.some((outlet) => outlet.country === country),
        country,
      ).toBe(true);
    }
  });

  it('resolves every home domain and alias to its own outlet', () => {
    const registry = loadRegistry();
    for (const outlet of outlets) {
      for (const host of [...outlet.domains, ...(outlet.aliases ?? [])]) {
        expect(registry.resolve(`https://www.${host}/some/article`)?.id, host).toBe(outlet.id);
        expect(publisherHost(host)?.hostname).toBe(host);
      }
    }
  });

  it('gives a source for the facts of every outlet and of every feed, and only https/http URLs for feeds', () => {
    for (const outlet of outlets) {
      expect(outlet.source, outlet.id).toMatch(/^https:\/\//);
      for (const feed of outlet.feeds) {
        expect(feed.url, outlet.id).toMatch(/^https?:\/\//);
        expect(feed.source, feed.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('reaches the catalogue aims: 2,000 outlets, 1,200 rated, 1,000 with feeds, 3,000 feeds, 25 countries with 5 outlets that have feeds', () => {
    const figures = catalogueFigures(outlets, shippedRatingSets()[0]);
    expect(figures.outlets).toBeGreaterThanOrEqual(2000);
    expect(figures.ratedOutlets).toBeGreaterThanOrEqual(1200);
    expect(figures.outletsWithFeeds).toBeGreaterThanOrEqual(1000);
    expect(figures.feeds).toBeGreaterThanOrEqual(3000);
    expect(figures.countriesWith5FeedOutlets).toBeGreaterThanOrEqual(25);
  });

  it('carries old and sister domains of outlets (HuffPost, BBC, Al Jazeera)', () => {
    const registry = loadRegistry();
    expect(registry.resolve('https://www.huffingtonpost.com/entry/x')?.id).toBe('huffpost');
    expect(registry.resolve('https://feeds.bbci.co.uk/news/rss.xml')?.id).toBe('bbc-news');
    expect(registry.resolve('https://www.aljazeera.net/news/')?.id).toBe('al-jazeera');
  });
});

describe('shipped rating data', () => {
  it('parses with the rating-set schema', () => {
    for (const data of SHIPPED_RATINGS_DATA) {
      const result = ratingSetSchema.safeParse(data);
      expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
      expect(result.data).toEqual(data);
    }
  });

  it('rates only outlets of the registry, and names its licence and attribution', () => {
    const registry = loadRegistry();
    const [allsides] = shippedRatingSets();
    expect(allsides.provider.licence).toBe('CC BY-NC 4.0');
    expect(allsides.provider.attribution).toMatch(/AllSides/);
    expect(allsides.ratings.length).toBeGreaterThan(150);
    expect(allsides.ratings.filter((rating) => registry.get(rating.outletId) === undefined)).toEqual([]);
  });

  it('uses only the five AllSides points of the 7-point scale (nothing is stretched to far-left / far-right)', () => {
    const leans = new Set(shippedRatingSets()[0].ratings.map((rating) => rating.lean));
    expect(leans.has('far-left')).toBe(false);
    expect(leans.has('far-right')).toBe(false);
    expect([...leans].sort()).toEqual(['center', 'lean-left', 'lean-right', 'left', 'right']);
  });
});

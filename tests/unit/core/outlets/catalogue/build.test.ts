/** The catalogue build on small inputs shaped like the real sources: what joins what, what is left out. */
import { describe, expect, it } from 'vitest';
import type { AllSidesRow } from '../../../../../src/core/outlets/catalogue/allsides';
import { buildCatalogue, type CatalogueInputs, serialiseOutlets, serialiseRatings } from '../../../../../src/core/outlets/catalogue/build';
import { readKiteFeeds } from '../../../../../src/core/outlets/catalogue/kite-feeds';
import type { KiteOrganisation } from '../../../../../src/core/outlets/catalogue/kite-media';
import { KITE_FEEDS_URL, KITE_MEDIA_URL } from '../../../../../src/core/outlets/catalogue/sources';
import { OutletRegistry, type Outlet } from '../../../../../src/core/outlets/index';

const profile = (slug: string) => `https://www.allsides.com/news-source/${slug}`;

function row(name: string, url: string, term: string, slug = name.toLowerCase().replace(/\W+/g, '-')): AllSidesRow {
  return { name, url, term, profileUrl: profile(slug) };
}

const curated: Outlet[] = [
  {
    id: 'huffpost',
    name: 'HuffPost',
    domains: ['huffpost.com'],
    aliases: ['huffingtonpost.com'],
    country: 'US',
    source: 'https://en.wikipedia.org/wiki/HuffPost',
    feeds: [{ url: 'https://www.huffpost.com/section/front-page/feed', section: 'Front page', source: 'https://example.org/list' }],
  },
  {
    id: 'bbc-news',
    name: 'BBC News',
    domains: ['bbc.co.uk', 'bbc.com'],
    country: 'GB',
    source: 'https://en.wikipedia.org/wiki/BBC_News',
    feeds: [],
  },
  {
    id: 'national-review',
    name: 'National Review',
    domains: ['nationalreview.com'],
    source: 'https://en.wikipedia.org/wiki/National_Review',
    feeds: [],
  },
];

/** AllSides rows as the data has them: name | URL | term id. */
const allsides: AllSidesRow[] = `
HuffPost | https://www.huffingtonpost.com/ | 71
National Review | https://www.nationalreview.com/ | 75
Philip Klein | https://www.nationalreview.com/author/philip-klein/ | 72
Glenn Greenwald | https://greenwald.substack.com/ | 73
Don Lemon | https://twitter.com/donlemon | 71
Google News | https://news.google.com/ | 72
Kenosha News | https://www.kenoshanews.com/ | 73
Kenosha News (Opinion) | https://www.kenoshanews.com/opinion/ | 72
Flint Journal | http://www.mlive.com/flint/ | 2690
Clio Messenger | http://www.mlive.com/clio/ | 2690
Newsis | https://newsis.com/ | 2690
Gallup | https://www.gallup.com/home.aspx | 73
News and Citizen | https://vtcng.com/newsandcitizen/ | 2690`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, url, term] = line.split(' | ');
    return row(name, url, term);
  });

const media: KiteOrganisation[] = [
  {
    organization: 'BBC News',
    country: 'United Kingdom',
    domains: ['bbc.co.uk', 'bbc.com', 'bbci.co.uk'],
    owner: 'BBC',
    typology: 'Public Media',
  },
  { organization: 'Newsis (뉴시스)', country: 'South Korea', domains: ['newsis.com'], owner: 'Newsis Co.', typology: 'Private Media' },
  {
    organization: 'Nine Publishing',
    country: 'Australia',
    domains: ['www.smh.com.au', 'www.theage.com.au'],
    owner: 'Nine',
    typology: 'Private Media',
  },
  {
    organization: 'Google',
    country: 'United States',
    domains: ['google.com', 'youtube.com'],
    owner: 'Alphabet',
    typology: 'Private Enterprise',
  },
];

const categories = readKiteFeeds({
  UK: {
    category_type: 'topic',
    source_language: 'en',
    feeds: [
      'https://feeds.bbci.co.uk/news/uk/rss.xml',
      'https://news.google.com/rss/search?q=uk',
      'https://www.reddit.com/r/unitedkingdom/.rss',
      'http://nitter.net/SomeoneUK/rss',
      'https://www.greenocktelegraph.co.uk/news/rss/',
      'https://www.example-gardens.co.uk/feed/',
    ],
  },
  'USA | Texas': {
    category_type: 'region',
    source_language: 'en',
    feeds: ['https://www.kenoshanews.com/search/?f=rss', 'https://www.huffpost.com/section/front-page/feed/'],
  },
  Space: {
    category_type: 'topic',
    source_language: 'en',
    feeds: ['https://www.esa.int/rssfeed/Our_Activities', 'https://blog.spacecorp.com/feed'],
  },
});

const inputs: CatalogueInputs = { curated, allsides, allsides2019: null, media, categories };

describe('buildCatalogue', () => {
  const built = buildCatalogue(inputs);
  const registry = new OutletRegistry(built.outlets);
  const ratingOf = (id: string) => built.ratings.ratings.find((rating) => rating.outletId === id)?.lean ?? null;

  it('joins AllSides rows to the outlet that owns their domain, through its aliases too', () => {
    expect(registry.resolve('https://www.huffingtonpost.com/')?.id).toBe('huffpost');
    expect(ratingOf('huffpost')).toBe('left');
    expect(built.outlets.filter((outlet) => outlet.name === 'HuffPost')).toHaveLength(1);
  });

  it("leaves out people's and columns' ratings: no outlet for them, and the host outlet keeps its own lean", () => {
    expect(ratingOf('national-review')).toBe('right');
    expect(built.outlets.some((outlet) => /Klein|Greenwald|Lemon/.test(outlet.name))).toBe(false);
    expect(registry.resolve('https://greenwald.substack.com/')).toBeNull();
    expect(registry.resolve('https://twitter.com/donlemon')).toBeNull();
    expect(ratingOf('kenosha-news')).toBe('center');
    const leftOut = built.decisions
      .filter((decision) => decision.step === 'allsides' && decision.outcome === 'left-out')
      .map((d) => d.subject);
    expect(leftOut).toEqual(expect.arrayContaining(['Philip Klein', 'Glenn Greenwald', 'Don Lemon', 'Google News']));
  });

  it('makes one outlet per registrable domain, named from the domain when its rows name papers of a group site', () => {
    const mlive = registry.resolve('https://www.mlive.com/flint/some-story');
    expect(mlive).toMatchObject({ name: 'mlive.com', domains: ['mlive.com'], nameFromDomain: true });
    expect(ratingOf(mlive?.id ?? '')).toBeNull();
    expect(registry.resolve('https://vtcng.com/stowereporter/x')).toMatchObject({ name: 'vtcng.com', nameFromDomain: true });
    // A row for the site's home page ("/home.aspx" too) names and rates it.
    expect(registry.resolve('https://news.gallup.com/poll/1')).toMatchObject({ name: 'Gallup', domains: ['gallup.com'] });
    expect(ratingOf('gallup')).toBe('center');
  });

  it('joins a media organisation to the outlet its domains belong to, with its owner, typology and seat where the outlet lacks them, and records where they came from', () => {
    const bbc = registry.get('bbc-news');
    expect(bbc?.domains).toEqual(['bbc.co.uk', 'bbc.com', 'bbci.co.uk']);
    expect(bbc).toMatchObject({ owner: 'BBC', typology: 'Public Media', country: 'GB' });
    expect(bbc?.from).toEqual({ owner: 'kite-media', typology: 'kite-media', hosts: { 'kite-media': ['bbci.co.uk'] } });
    // An AllSides outlet gets its ownership from Kagi's data; its name stays AllSides'.
    expect(registry.resolve('newsis.com')).toMatchObject({ name: 'Newsis', country: 'KR', owner: 'Newsis Co.', typology: 'Private Media' });
  });

  it('makes one outlet of an organisation no outlet has yet, and none of a platform', () => {
    const nine = registry.resolve('https://www.theage.com.au/x');
    expect(nine).toMatchObject({
      name: 'Nine Publishing',
      domains: ['smh.com.au', 'theage.com.au'],
      country: 'AU',
      source: KITE_MEDIA_URL,
    });
    expect(registry.resolve('https://www.smh.com.au/')?.id).toBe(nine?.id);
    expect(registry.resolve('https://www.google.com/')).toBeNull();
    expect(registry.resolve('https://www.youtube.com/')).toBeNull();
  });

  it("files each feed under the outlet of its host, a feed host of the outlet's included, with the category's section, language and country", () => {
    const bbcFeeds = registry.get('bbc-news')?.feeds ?? [];
    expect(bbcFeeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/uk/rss.xml', section: 'UK', lang: 'en', country: 'GB', source: KITE_FEEDS_URL },
    ]);
    expect(registry.get('kenosha-news')?.feeds.map((feed) => [feed.section, feed.country])).toEqual([['USA | Texas', 'US']]);
    // The same feed URL, a trailing slash apart, is listed once.
    expect(registry.get('huffpost')?.feeds).toHaveLength(1);
  });

  it("leaves out aggregators' and social sites' feeds, and makes no outlet of them", () => {
    const urls = built.outlets.flatMap((outlet) => outlet.feeds.map((feed) => feed.url));
    expect(urls.filter((url) => /google|reddit|nitter/.test(url))).toEqual([]);
    for (const host of ['news.google.com', 'www.reddit.com', 'nitter.net']) expect(registry.resolve(host)).toBeNull();
  });

  it('makes an unrated outlet of a feed host only when it is clearly a news site, named from its domain', () => {
    const greenock = registry.resolve('https://www.greenocktelegraph.co.uk/news/');
    expect(greenock).toMatchObject({ name: 'greenocktelegraph.co.uk', nameFromDomain: true, country: 'GB', source: KITE_FEEDS_URL });
    expect(ratingOf(greenock?.id ?? '')).toBeNull();
    // No news name and a single feed; an intergovernmental body; a topic-only host with no news name.
    for (const host of ['www.example-gardens.co.uk', 'www.esa.int', 'blog.spacecorp.com']) expect(registry.resolve(host), host).toBeNull();
  });

  it('gives every fact a source: the outlet its `source`, every feed its own', () => {
    for (const outlet of built.outlets) {
      expect(outlet.source, outlet.id).toMatch(/^https:\/\//);
      for (const feed of outlet.feeds) expect(feed.source, feed.url).toMatch(/^https:\/\//);
    }
  });

  it('gives the same bytes for the same inputs, and leaves the inputs as they were', () => {
    const before = JSON.stringify(inputs.curated);
    const again = buildCatalogue(inputs);
    expect(serialiseOutlets(again.outlets)).toBe(serialiseOutlets(built.outlets));
    expect(serialiseRatings(again.ratings)).toBe(serialiseRatings(built.ratings));
    expect(JSON.stringify(inputs.curated)).toBe(before);
  });

  it('writes outlets.json in ASCII only, one outlet a line, with the same values', () => {
    const named = { ...built.outlets[0], name: 'Le Monde diplomatique — édition Genève 日本' };
    const text = serialiseOutlets([named, built.outlets[1]]);
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    expect(text.split('\n')).toEqual(['[', expect.stringMatching(/^\{.*\},$/), expect.stringMatching(/^\{.*\}$/), ']', '']);
    expect(JSON.parse(text)).toEqual([named, built.outlets[1]]);
  });

  it('counts its figures from what it built', () => {
    expect(built.figures).toEqual({
      outlets: built.outlets.length,
      ratedOutlets: built.ratings.ratings.length,
      outletsWithFeeds: built.outlets.filter((outlet) => outlet.feeds.length > 0).length,
      feeds: built.outlets.reduce((sum, outlet) => sum + outlet.feeds.length, 0),
      countriesWith5FeedOutlets: 0,
    });
  });
});

/**
 * The built-in demo index: a few stories as real outlets covered them (the Japan–US defence talks of
 * January 2026 follow the public coverage of that event), so Parallax can be tried with no network.
 * Every article is served by the demo site (`npm start`) under DEMO_SITE_ORIGIN and declares the outlet's
 * own address as its canonical URL, which is how the extension sees it.
 */
import type { IndexArticle } from './types';

export const DEMO_SITE_PORT = 8791;
export const DEMO_SITE_ORIGIN = `http://127.0.0.1:${DEMO_SITE_PORT}`;

export interface DemoArticle {
  host: string;
  path: string;
  publisher: string;
  title: string;
  description: string;
  byline: string;
  /** ISO 8601 UTC */
  published: string;
}

export interface DemoStory {
  slug: string;
  articles: DemoArticle[];
}

export const DEMO_STORIES: DemoStory[] = [
  {
    slug: 'japan-us-missiles',
    articles: [
      {
        host: 'www.japantimes.co.jp',
        path: '/news/2026/01/16/japan/politics/koizumi-hegseth-missile-production/',
        publisher: 'The Japan Times',
        byline: 'Gabriel Dominguez',
        published: '2026-01-16T01:20:00Z',
        title: 'Koizumi and Hegseth agree to boost joint missile production and Nansei drills',
        description:
          'Defense Minister Shinjiro Koizumi and U.S. Defense Secretary Pete Hegseth agreed in Washington to expand joint production of missiles and military drills in Japan’s southwest islands.',
      },
      {
        host: 'www.reuters.com',
        path: '/world/asia-pacific/japan-us-agree-expand-joint-missile-production-2026-01-16/',
        publisher: 'Reuters',
        byline: 'Reuters staff',
        published: '2026-01-16T02:10:00Z',
        title: 'Japan, US agree to expand joint missile production and drills in southwest Japan',
        description:
          'Japan and the United States agreed on Friday to boost joint production of air-to-air missiles and surface-to-air interceptors and expand their military presence southwest of mainland Japan.',
      },
      {
        host: 'apnews.com',
        path: '/article/japan-us-defense-missiles-koizumi-hegseth-2026',
        publisher: 'Associated Press',
        byline: 'Mari Yamaguchi',
        published: '2026-01-16T03:05:00Z',
        title: 'Japan and US defense chiefs agree to boost missile output as tensions with China rise',
        description:
          'The defense chiefs of Japan and the United States agreed to expand co-production of missiles and joint exercises as China steps up military pressure in the region.',
      },
      {
        host: 'www.france24.com',
        path: '/en/asia-pacific/20260116-japan-and-us-agree-to-expand-cooperation-on-missiles-military-drills',
        publisher: 'France 24',
        byline: 'AFP',
        published: '2026-01-16T04:00:00Z',
        title: 'Japan and US agree to expand cooperation on missiles, military drills',
        description:
          'Tokyo and Washington agreed Friday to boost joint production of defence equipment including missiles, and expand their military presence in waters southwest of mainland Japan.',
      },
      {
        host: 'www.bloomberg.com',
        path: '/news/articles/2026-01-16/japan-us-pledge-joint-missile-output-minerals-cooperation',
        publisher: 'Bloomberg',
        byline: 'Isabel Reynolds',
        published: '2026-01-16T04:40:00Z',
        title: 'Japan, US pledge joint missile output and critical minerals cooperation',
        description:
          'Japan and the US pledged supply-chain cooperation on critical minerals and more joint missile production after their defense chiefs met in Washington.',
      },
      {
        host: 'www.foxnews.com',
        path: '/politics/hegseth-japanese-counterpart-pledge-ramp-up-missile-production-deter-china',
        publisher: 'Fox News',
        byline: 'Fox News staff',
        published: '2026-01-16T05:30:00Z',
        title: 'Hegseth, Japanese counterpart pledge to ramp up missile production to deter China',
        description:
          'Defense Secretary Pete Hegseth and Japanese Defense Minister Shinjiro Koizumi agreed to ramp up joint missile production and drills to deter China.',
      },
      {
        host: 'www.theguardian.com',
        path: '/world/2026/jan/16/japan-us-expand-military-drills-missiles-china-pressure',
        publisher: 'The Guardian',
        byline: 'Justin McCurry',
        published: '2026-01-16T06:00:00Z',
        title: 'Japan and US to expand missile production and military drills as China steps up pressure',
        description:
          'Tokyo and Washington will expand joint missile production and drills in the waters southwest of Japan, as Beijing increases pressure on its neighbour.',
      },
      {
        host: 'www.washingtonexaminer.com',
        path: '/policy/defense/hegseth-koizumi-us-japan-missile-coproduction',
        publisher: 'Washington Examiner',
        byline: 'Washington Examiner staff',
        published: '2026-01-16T07:15:00Z',
        title: 'Hegseth and Koizumi agree to expand US-Japan missile co-production',
        description:
          'The Pentagon and Japan’s defense ministry agreed to expand missile co-production, including SM-3 Block IIA interceptors, and joint drills.',
      },
      {
        host: 'www.stripes.com',
        path: '/theaters/asia_pacific/2026-01-16/japan-us-joint-drills-southwest-islands-missiles.html',
        publisher: 'Stars and Stripes',
        byline: 'Stars and Stripes staff',
        published: '2026-01-16T08:30:00Z',
        title: 'US and Japan to expand joint drills in Japan’s southwest islands and missile production, defense chiefs say',
        description:
          'Japan’s defense minister and the US defense secretary agreed to expand joint exercises in the Nansei islands and boost missile production.',
      },
      {
        host: 'www.washingtontimes.com',
        path: '/news/2026/jan/16/us-japan-vow-deepen-missile-cooperation-china-threat/',
        publisher: 'The Washington Times',
        byline: 'Washington Times staff',
        published: '2026-01-16T09:45:00Z',
        title: 'U.S., Japan vow to deepen missile cooperation and drills amid China threat',
        description:
          'The United States and Japan vowed to deepen cooperation on missile production and military drills as China’s pressure on Japan grows.',
      },
      {
        host: 'www.breitbart.com',
        path: '/asia/2026/01/16/hegseth-u-s-japan-will-boost-missile-production-counter-china/',
        publisher: 'Breitbart',
        byline: 'Breitbart staff',
        published: '2026-01-16T11:00:00Z',
        title: 'Hegseth: U.S. and Japan will boost missile production to counter China',
        description:
          'Defense Secretary Pete Hegseth said the United States and Japan will boost joint missile production and drills to counter China.',
      },
    ],
  },
  {
    slug: 'winter-storm',
    articles: [
      {
        host: 'www.npr.org',
        path: '/2026/01/25/nx-s1-winter-storm-snow-ice-power-outages',
        publisher: 'NPR',
        byline: 'NPR staff',
        published: '2026-01-25T12:00:00Z',
        title: 'Winter storm brings heavy snow and ice to much of the US, knocking out power',
        description:
          'A sprawling winter storm brought heavy snow, sleet and freezing rain from the southern Plains to the Northeast, leaving hundreds of thousands without power.',
      },
      {
        host: 'www.cnn.com',
        path: '/2026/01/25/weather/winter-storm-snow-ice-power-outages',
        publisher: 'CNN',
        byline: 'CNN Weather',
        published: '2026-01-25T13:10:00Z',
        title: 'Massive winter storm spreads snow and ice across US as power outages climb',
        description: 'Snow and ice spread across much of the US as a massive winter storm knocked out power and snarled travel.',
      },
      {
        host: 'thehill.com',
        path: '/homenews/nation/winter-storm-power-outages-flights-canceled',
        publisher: 'The Hill',
        byline: 'The Hill staff',
        published: '2026-01-25T14:30:00Z',
        title: 'Winter storm cancels thousands of flights as snow and ice knock out power',
        description:
          'Thousands of flights were canceled as a winter storm brought snow and ice and knocked out power across several states.',
      },
      {
        host: 'www.foxnews.com',
        path: '/weather/winter-storm-snow-ice-millions-power-outages',
        publisher: 'Fox News',
        byline: 'Fox Weather',
        published: '2026-01-25T15:05:00Z',
        title: 'Winter storm slams millions with snow and ice, power outages spread',
        description:
          'Millions of Americans faced snow and ice as a winter storm spread east, with power outages reported in several states.',
      },
      {
        host: 'nypost.com',
        path: '/2026/01/25/us-news/winter-storm-snow-ice-power-outages-travel-chaos/',
        publisher: 'New York Post',
        byline: 'Post staff',
        published: '2026-01-25T16:20:00Z',
        title: 'Winter storm buries US in snow and ice, causing power outages and travel chaos',
        description: 'A massive winter storm buried much of the country in snow and ice, causing power outages and travel chaos.',
      },
      {
        host: 'www.newsweek.com',
        path: '/winter-storm-map-snow-ice-power-outages-2026',
        publisher: 'Newsweek',
        byline: 'Newsweek staff',
        published: '2026-01-25T17:45:00Z',
        title: 'Winter storm map shows where snow and ice are hitting as power outages rise',
        description: 'Maps show where snow and ice from the winter storm are falling and where power outages are rising.',
      },
    ],
  },
  {
    slug: 'lone-article',
    articles: [
      {
        host: 'www.japantimes.co.jp',
        path: '/life/2026/01/20/food/tokyo-winter-citrus-market/',
        publisher: 'The Japan Times',
        byline: 'Japan Times staff',
        published: '2026-01-20T03:00:00Z',
        title: 'A winter citrus market brightens a quiet Tokyo neighborhood',
        description: 'Growers from Ehime and Wakayama bring dozens of citrus varieties to a small weekend market in Tokyo.',
      },
    ],
  },
];

/** The canonical address of a demo article (what its page declares). */
export function demoCanonicalUrl(a: DemoArticle): string {
  return `https://${a.host}${a.path}`;
}

/** Where the demo site serves a demo article. */
export function demoSitePath(a: DemoArticle): string {
  return `/a/${a.host}${a.path}`;
}

export function demoIndexArticles(origin = DEMO_SITE_ORIGIN): IndexArticle[] {
  return DEMO_STORIES.flatMap((story) =>
    story.articles.map((a) => ({
      id: demoCanonicalUrl(a),
      url: origin + demoSitePath(a),
      title: a.title,
      description: a.description,
      publisher: a.publisher,
      host: a.host,
      published: Date.parse(a.published),
    })),
  );
}

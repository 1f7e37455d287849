import { describe, expect, it } from 'vitest';
import { decodeAmpCacheLabel, loadRegistry, OutletRegistry, type Outlet } from '../../../../src/core/outlets/index';

const registry = loadRegistry();

function resolvedId(input: string): string | null {
  return registry.resolve(input)?.id ?? null;
}

describe('OutletRegistry.resolve', () => {
  it.each([
    ['cnn.com', 'cnn'],
    ['www.cnn.com', 'cnn'],
    ['https://edition.cnn.com/2025/01/01/world/story/index.html', 'cnn'],
    ['https://m.cnn.com/en/article/x', 'cnn'],
    ['HTTPS://WWW.BBC.CO.UK/news/uk-123', 'bbc-news'],
    ['https://www.bbc.com/news/articles/abc', 'bbc-news'],
    ['http://news.bbc.co.uk/2/hi/europe/123.stm', 'bbc-news'],
    ['www.theguardian.com.', 'the-guardian'],
    ['https://www.theguardian.com:443/world/2025/jan/01/x', 'the-guardian'],
    ['https://uk.news.yahoo.com/x.html', 'yahoo-news'],
    ['https://finance.yahoo.com/news/x.html', 'yahoo-finance'],
    ['https://timesofindia.indiatimes.com/india/x/articleshow/1.cms', 'times-of-india'],
    ['https://economictimes.indiatimes.com/news/x', 'economic-times'],
    ['https://japannews.yomiuri.co.jp/politics/x/', 'the-japan-news'],
    ['https://www.yomiuri.co.jp/national/x/', 'yomiuri'],
    ['https://www.abc.net.au/news/2025-01-01/x/1', 'abc-australia'],
    ['https://abcnews.go.com/Politics/x/story?id=1', 'abc-news'],
    ['https://www3.nhk.or.jp/news/html/x.html', 'nhk'],
    ['https://www.lemonde.fr/international/article/x.html', 'le-monde'],
    ['https://www.spiegel.de/politik/x', 'der-spiegel'],
    ['https://www.tagesschau.de/inland/x.html', 'tagesschau'],
  ])('resolves %s to %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it('resolves aliases: legacy domains and short links', () => {
    expect(resolvedId('https://www.guardian.co.uk/politics/x')).toBe('the-guardian');
    expect(resolvedId('https://nyti.ms/3abcd')).toBe('nytimes');
    expect(resolvedId('https://www.huffingtonpost.com/entry/x')).toBe('huffpost');
    expect(resolvedId('https://www.dailymail.com/news/x')).toBe('daily-mail');
  });

  it('resolves AMP caches to the publisher', () => {
    expect(resolvedId('https://www-bbc-co-uk.cdn.ampproject.org/c/s/www.bbc.co.uk/news/amp/x')).toBe('bbc-news');
    expect(resolvedId('edition-cnn-com.cdn.ampproject.org')).toBe('cnn');
    // A hyphen in the publisher's host is doubled in the cache's encoding.
    expect(resolvedId('https://www-star--telegram-com.cdn.ampproject.org/c/s/x')).toBe('fort-worth-star-telegram');
    expect(resolvedId('https://www-theguardian-com.bing-amp.com/x')).toBe('the-guardian');
    expect(resolvedId('https://www.google.com/amp/s/www.nytimes.com/2025/01/01/us/x.amp.html')).toBe('nytimes');
    expect(resolvedId('https://www.google.co.uk/amp/www.independent.co.uk/news/x')).toBe('the-independent');
  });

  it('answers null, never a near miss, for lookalike hosts', () => {
    for (const input of [
      'cnn.com.evil.example',
      'https://cnn.com.evil.example/world',
      'notcnn.com',
      'https://www.notcnn.com/',
      'cnn.co',
      'bbc.co.uk.attacker.net',
      'theguardian.com-news.example',
      'https://evil.example/?u=https://www.cnn.com/',
      'https://evil.example/www.cnn.com/',
      'cnn-com.evil.example',
    ]) {
      expect(resolvedId(input), input).toBeNull();
    }
  });

  it('answers null for IP addresses, localhost, bare names, unknown domains and junk', () => {
    for (const input of [
      '127.0.0.1',
      'http://192.168.1.10:8080/feed.xml',
      'http://[::1]/',
      'localhost',
      'http://localhost:3000/article',
      'intranet',
      'co.uk',
      'https://unknown-news-site.example/article',
      'https://www.some-local-blog.net/2025/x',
      '',
      '   ',
      'not a url at all',
      'javascript:alert(1)',
      'file:///etc/passwd',
      // A hashed AMP cache host cannot be decoded back to a publisher.
      'https://b3a2k5e6xnusx4i4kpqzcxhzrmscvdxqc5lpqmuk6fdzaf3ovpza.cdn.ampproject.org/x',
    ]) {
      expect(resolvedId(input), JSON.stringify(input)).toBeNull();
    }
  });
});

describe('decodeAmpCacheLabel', () => {
  it('turns single hyphens into dots and double hyphens into hyphens', () => {
    expect(decodeAmpCacheLabel('www-bbc-co-uk')).toBe('www.bbc.co.uk');
    expect(decodeAmpCacheLabel('www-star--telegram-com')).toBe('www.star-telegram.com');
    expect(decodeAmpCacheLabel('0-ab--cd-com-0')).toBe('ab-cd.com');
    expect(decodeAmpCacheLabel('nodots')).toBeNull();
  });
});

describe('OutletRegistry.get / all / search', () => {
  it('gets an outlet by id and lists them all', () => {
    expect(registry.get('le-monde')?.name).toBe('Le Monde');
    expect(registry.get('no-such-outlet')).toBeUndefined();
    expect(registry.all().length).toBe(registry.size);
  });

  it('finds outlets by name, ignoring case, accents and a leading article', () => {
    expect(registry.search('guardian')[0].id).toBe('the-guardian');
    expect(registry.search('LIBERATION')[0].id).toBe('liberation');
    expect(registry.search('suddeutsche')[0].id).toBe('sueddeutsche');
    expect(registry.search('new york times')[0].id).toBe('nytimes');
  });

  it('finds outlets by domain', () => {
    expect(registry.search('spiegel.de').map((outlet) => outlet.id)).toContain('der-spiegel');
    expect(registry.search('smh.com.au')[0].id).toBe('sydney-morning-herald');
  });

  it('returns nothing for a query that matches no outlet, and everything for an empty one', () => {
    expect(registry.search('zzqxv')).toEqual([]);
    expect(registry.search('').length).toBe(registry.size);
  });
});

describe('OutletRegistry.matchPatterns', () => {
  it('gives one host pattern per host a hand-kept outlet claims, home domain or alias, covering subdomains', () => {
    const patterns = registry.matchPatterns();
    expect(patterns).toContain('*://*.cnn.com/*');
    expect(patterns).toContain('*://*.bbc.co.uk/*');
    expect(patterns).toContain('*://*.bbc.com/*');
    expect(patterns).toContain('*://*.huffingtonpost.com/*');
    expect(patterns).toContain('*://*.abcnews.go.com/*');
    expect(patterns).not.toContain('*://*.go.com/*');
    expect(new Set(patterns).size).toBe(patterns.length);
    // The catalogue's other outlets (here one only AllSides and Kagi know) wait for the all-sites opt-in.
    expect(registry.resolve('https://www.sciencedaily.com/')?.curated).toBeUndefined();
    expect(patterns).not.toContain('*://*.sciencedaily.com/*');
    for (const pattern of patterns) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});

describe('OutletRegistry.withCustom', () => {
  const local: Outlet = {
    id: 'springfield-shopper',
    name: 'Springfield Shopper',
    domains: ['springfieldshopper.example'],
    country: 'US',
    lang: 'en',
    feeds: [{ url: 'https://springfieldshopper.example/feed.xml', section: 'News' }],
  };

  it('adds reader outlets without changing the shipped registry', () => {
    const extended = registry.withCustom([local]);
    expect(extended.resolve('https://www.springfieldshopper.example/2025/x')?.id).toBe('springfield-shopper');
    expect(extended.resolve('cnn.com')?.id).toBe('cnn');
    expect(registry.resolve('springfieldshopper.example')).toBeNull();
  });

  it('lets a reader outlet replace a shipped one by id or claim a subdomain', () => {
    const renamed = registry.withCustom([{ ...registry.get('cnn')!, name: 'CNN (mine)' }]);
    expect(renamed.resolve('edition.cnn.com')?.name).toBe('CNN (mine)');
    expect(renamed.size).toBe(registry.size);
    const edition = registry.withCustom([{ ...local, id: 'cnn-international', name: 'CNN International', domains: ['edition.cnn.com'] }]);
    expect(edition.resolve('https://edition.cnn.com/x')?.id).toBe('cnn-international');
    expect(edition.resolve('https://www.cnn.com/x')?.id).toBe('cnn');
  });

  it('refuses invalid reader outlets with a message naming the field', () => {
    expect(() => registry.withCustom([{ ...local, domains: ['co.uk'] }])).toThrow(/domains/);
    expect(() => registry.withCustom([{ ...local, id: 'Not A Slug' }])).toThrow(/id/);
    expect(() => registry.withCustom([{ ...local, domains: ['127.0.0.1'] }])).toThrow(/domains/);
  });

  it('works on an empty registry', () => {
    expect(new OutletRegistry([]).resolve('cnn.com')).toBeNull();
  });
});

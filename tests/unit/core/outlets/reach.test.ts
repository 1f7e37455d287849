import { describe, expect, it } from 'vitest';
import {
  grantedOutletSitePatterns,
  isServiceHost,
  loadRegistry,
  OutletRegistry,
  outletSitePatterns,
  serviceHostGlobs,
  type Outlet,
} from '../../../../src/core/outlets/index';
import { hostPatterns } from '../../../../src/core/outlets/reach';

const registry = loadRegistry();

/** A content-script match pattern (`*://*.host/*`) or glob (`https://mail.*`) as the browser reads it. */
function patternRegExp(pattern: string): RegExp {
  const host = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (host) return new RegExp(`^https?://${host[1] ? '(?:[^/:]+\\.)?' : ''}${host[2].replace(/\./g, '\\.')}(?::\\d+)?/`);
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

const matches = registry.matchPatterns().map(patternRegExp);
const globs = serviceHostGlobs().map(patternRegExp);
/** Whether the shipped manifest's article script runs on a URL. */
const scriptRunsOn = (url: string) => matches.some((m) => m.test(url)) && !globs.some((g) => g.test(url));

describe('where the article script runs', () => {
  it('runs on outlets’ home domains, their subdomains and their aliases (former and sister domains)', () => {
    const urls = [
      'https://www.cnn.com/2025/01/01/world/x/index.html',
      'https://edition.cnn.com/2025/01/01/world/x/index.html',
      'https://www.huffpost.com/entry/x_n_1',
      'https://www.huffingtonpost.com/entry/x_n_1',
      'https://www.huffingtonpost.co.uk/entry/x_uk_1',
      'https://www.guardian.co.uk/politics/2010/x',
      'https://news.yahoo.com/x.html',
      'https://uk.news.yahoo.com/x.html',
      'https://finance.yahoo.com/news/x.html',
    ];
    expect(urls.filter((url) => !scriptRunsOn(url))).toEqual([]);
  });

  it('never runs on a portal’s mail, log-in, account or shopping hosts', () => {
    const urls = [
      'https://mail.yahoo.com/d/folders/1',
      'https://login.yahoo.com/',
      'https://shopping.yahoo.com/',
      'http://mail.yahoo.com/',
      'https://myaccount.nytimes.com/seg/',
      'https://support.theguardian.com/contribute',
    ];
    expect(urls.filter(scriptRunsOn)).toEqual([]);
  });

  it('is not fooled by a service host named in the query of an article URL', () => {
    expect(scriptRunsOn('https://www.cnn.com/2025/01/01/x/index.html?ref=https://mail.yahoo.com/')).toBe(true);
  });

  it('never excludes a host an outlet claims', () => {
    const claimed = registry.all().flatMap((outlet) => [...outlet.domains, ...(outlet.aliases ?? [])]);
    const excluded = claimed.filter((host) => globs.some((g) => g.test(`https://${host}/`) || g.test(`https://www.${host}/`)));
    expect(excluded).toEqual([]);
  });

  it('gives a subdomain outlet its own host only, never its parent domain', () => {
    const outlet: Outlet = { id: 'portal-news', name: 'Portal News', domains: ['news.portal.example'], feeds: [], curated: true };
    expect(new OutletRegistry([outlet]).matchPatterns()).toEqual(['*://*.news.portal.example/*']);
  });

  it('gives one pattern per claimed host, none for a host another one already covers', () => {
    expect(hostPatterns(['yahoo.com', 'news.yahoo.com', 'wsj.com', 'on.wsj.com', 'go.com.example', 'abcnews.go.com'])).toEqual([
      '*://*.yahoo.com/*',
      '*://*.wsj.com/*',
      '*://*.go.com.example/*',
      '*://*.abcnews.go.com/*',
    ]);
  });
});

describe('isServiceHost', () => {
  it('names hosts whose first label is a service, below the registrable domain only', () => {
    expect(isServiceHost('mail.yahoo.com', 'yahoo.com')).toBe(true);
    expect(isServiceHost('login.nytimes.com', 'nytimes.com')).toBe(true);
    expect(isServiceHost('news.yahoo.com', 'yahoo.com')).toBe(false);
    expect(isServiceHost('uk.news.yahoo.com', 'yahoo.com')).toBe(false);
    // A registrable domain is a site of its own, whatever its name.
    expect(isServiceHost('mail.ru', 'mail.ru')).toBe(false);
  });

  it('resolves no service host to an outlet', () => {
    expect(registry.resolve('https://mail.yahoo.com/d/folders/1')).toBeNull();
    expect(registry.resolve('https://news.yahoo.com/x.html')?.id).toBe('yahoo-news');
  });
});

describe('the sites of catalogue outlets, asked for with their feeds', () => {
  it('gives a catalogue outlet its site patterns and a hand-kept one none (the manifest reaches it)', () => {
    expect(outletSitePatterns(registry.get('macrumors')!)).toEqual(['*://*.macrumors.com/*']);
    expect(outletSitePatterns(registry.get('huffpost')!)).toEqual([]);
  });

  it('registers only granted patterns that are exactly an outlet site: never a feed host, a hand-kept outlet or an unknown site', () => {
    const granted = [
      'https://feeds.macrumors.com/*',
      '*://*.macrumors.com/*',
      '*://*.huffpost.com/*',
      '*://*.unknown-site.example/*',
      'http://127.0.0.1/*',
      'https://*/*',
    ];
    expect(grantedOutletSitePatterns(registry, granted)).toEqual(['*://*.macrumors.com/*']);
    expect(grantedOutletSitePatterns(registry, ['https://feeds.macrumors.com/*'])).toEqual([]);
  });
});

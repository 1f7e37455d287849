import { describe, expect, it } from 'vitest';
import {
  CHIP_GROUP_PATTERNS,
  chipScriptMatches,
  DEFAULT_CHIP_SETTINGS,
  patternCovers,
  siteOrigin,
  sitePatterns,
} from '../../../../src/core/links/chip-sites';
import { siteRuleFor, targetFromText } from '../../../../src/core/links/site-rules';

const VALID_PATTERN = /^https:\/\/(?:\*\.)?[a-z0-9.-]+\/\*$/;

describe('the groups', () => {
  it('name valid match patterns for each site the issue lists', () => {
    const all = Object.values(CHIP_GROUP_PATTERNS).flat();
    for (const pattern of all) expect(pattern).toMatch(VALID_PATTERN);
    const covered = (url: string) => all.some((p) => patternCovers(p, `${new URL(url).origin}/*`));
    for (const url of [
      'https://www.google.com/search?q=x',
      'https://www.google.co.uk/search?q=x',
      'https://www.bing.com/search?q=x',
      'https://duckduckgo.com/?q=x',
      'https://html.duckduckgo.com/html/?q=x',
      'https://news.google.com/home',
      'https://news.yahoo.com/',
      'https://uk.news.yahoo.com/',
      'https://apple.news/',
      'https://www.reddit.com/r/news/',
      'https://old.reddit.com/r/news/',
      'https://x.com/home',
      'https://twitter.com/home',
      'https://www.facebook.com/',
      'https://bsky.app/',
      'https://news.ycombinator.com/',
    ])
      expect(covered(url), url).toBe(true);
  });

  it('are all off by default', () => {
    expect(DEFAULT_CHIP_SETTINGS).toEqual({ groups: { search: false, aggregators: false, social: false }, sites: [] });
  });
});

describe('sitePatterns', () => {
  it("gives a reader-added site's pattern, without port or path", () => {
    expect(sitePatterns('https://mastodon.social')).toEqual(['https://mastodon.social/*']);
    expect(sitePatterns('https://mastodon.social:8443/@someone')).toEqual(['https://mastodon.social/*']);
    expect(siteOrigin('https://Fosstodon.org/@a/1')).toBe('https://fosstodon.org');
  });

  it('refuses what is not a plain web origin', () => {
    for (const origin of [
      'ftp://x.org',
      'not a url',
      'https://localhost',
      'https://user:pw@x.org',
      'javascript:alert(1)',
      'https://*.x.org',
    ]) {
      expect(sitePatterns(origin), origin).toEqual([]);
    }
  });
});

describe('patternCovers', () => {
  it('knows which grants include a pattern', () => {
    expect(patternCovers('https://*.reddit.com/*', 'https://*.reddit.com/*')).toBe(true);
    expect(patternCovers('https://*/*', 'https://bsky.app/*')).toBe(true);
    expect(patternCovers('*://*.reddit.com/*', 'https://old.reddit.com/*')).toBe(true);
    expect(patternCovers('<all_urls>', 'https://x.com/*')).toBe(true);
    expect(patternCovers('https://www.reddit.com/*', 'https://*.reddit.com/*')).toBe(false);
    expect(patternCovers('http://*/*', 'https://x.com/*')).toBe(false);
    expect(patternCovers('https://*.x.com/*', 'https://evilx.com/*')).toBe(false);
  });
});

describe('chipScriptMatches', () => {
  const social = { groups: { search: false, aggregators: false, social: true }, sites: ['https://mastodon.social'] };

  it('registers the switched-on groups and sites where the browser granted them', () => {
    expect(chipScriptMatches(social, [...CHIP_GROUP_PATTERNS.social, 'https://mastodon.social/*', 'https://www.google.com/*'])).toEqual(
      [...CHIP_GROUP_PATTERNS.social, 'https://mastodon.social/*'].sort(),
    );
  });

  it('leaves out what is switched on but not granted, and what is granted but switched off', () => {
    expect(chipScriptMatches(social, ['https://bsky.app/*'])).toEqual(['https://bsky.app/*']);
    expect(chipScriptMatches(DEFAULT_CHIP_SETTINGS, ['https://*/*'])).toEqual([]);
  });

  it('counts an all-sites grant for every site', () => {
    expect(chipScriptMatches(social, ['https://*/*', 'http://*/*'])).toHaveLength(CHIP_GROUP_PATTERNS.social.length + 1);
  });
});

describe('site rules', () => {
  it("keep search results to their title links and news modules' links, and leave most sites to the generic rule", () => {
    expect(siteRuleFor('www.google.com')).toMatchObject({
      results: 'a:has(h3), a:has([role="heading"])',
      placeIn: 'h3, [role="heading"]',
    });
    expect(siteRuleFor('www.google.de')?.placeIn).toBe('h3, [role="heading"]');
    expect(siteRuleFor('www.bing.com')?.results).toBe('h2 a, .b_ans a.title');
    expect(siteRuleFor('duckduckgo.com')?.results).toBe('h2 a, a.result__a, a.module--news__title');
    expect(siteRuleFor('news.ycombinator.com')).toBeNull();
    expect(siteRuleFor('x.com')?.targetInText).toBe(true);
  });

  it('take a target from a link text only when the text is a whole address', () => {
    expect(targetFromText(' https://www.bbc.co.uk/news/world-68123456 ')).toBe('https://www.bbc.co.uk/news/world-68123456');
    // X's link text: the whole address (its cut part hidden), then the "…" drawn after the visible part.
    expect(targetFromText('https://www.bbc.co.uk/news/world-68123456…')).toBe('https://www.bbc.co.uk/news/world-68123456');
    expect(targetFromText('bbc.co.uk/news/world-681…')).toBeNull();
    expect(targetFromText('https://www.bbc.co.uk/news/…/world-681…')).toBeNull();
    expect(targetFromText('Read this https://x.org/a')).toBeNull();
  });
});

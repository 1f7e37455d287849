/** What the chips' switches ask for and give back, and which sites a reader may add. */
import { describe, expect, it } from 'vitest';
import { CHIP_GROUP_PATTERNS, DEFAULT_CHIP_SETTINGS } from '../../../../src/core/links/index';
import { chipPatterns, groupsCovering, releasablePatterns, siteInputOrigin } from '../../../../src/ui/options/chip-access';

describe('releasablePatterns', () => {
  it('gives back a pattern nothing else needs', () => {
    expect(releasablePatterns(['https://www.bing.com/*'], ['https://bsky.app/*'])).toEqual(['https://www.bing.com/*']);
  });

  it('keeps a pattern a feed, a site or the all-sites opt-in still needs, in either direction of overlap', () => {
    // A narrower grant inside a removed pattern would go with it: *.reddit.com would take a feed on www.reddit.com.
    expect(releasablePatterns(['https://*.reddit.com/*'], ['https://www.reddit.com/*'])).toEqual([]);
    expect(releasablePatterns(['https://news.yahoo.com/*'], ['https://*.news.yahoo.com/*'])).toEqual([]);
    expect(releasablePatterns(['https://x.com/*', 'https://bsky.app/*'], ['https://*/*', 'http://*/*'])).toEqual([]);
    expect(releasablePatterns(['https://x.com/*', 'https://bsky.app/*'], ['https://x.com/*'])).toEqual(['https://bsky.app/*']);
  });
});

describe('chipPatterns', () => {
  it('is empty by default, and a group’s sites plus the added sites once on', () => {
    expect(chipPatterns(DEFAULT_CHIP_SETTINGS)).toEqual([]);
    const on = { groups: { ...DEFAULT_CHIP_SETTINGS.groups, social: true }, sites: ['https://mastodon.social'] };
    expect(chipPatterns(on)).toEqual([...CHIP_GROUP_PATTERNS.social, 'https://mastodon.social/*']);
  });
});

describe('siteInputOrigin', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  Mastodon.Social  ', 'https://mastodon.social'],
    ['https://fosstodon.org/@me/1234', 'https://fosstodon.org'],
    ['hachyderm.io/home', 'https://hachyderm.io'],
  ])('%s → %s', (input, origin) => {
    expect(siteInputOrigin(input)).toBe(origin);
  });

  it.each([
    '',
    'mastodon',
    'http://mastodon.social',
    'ftp://mastodon.social',
    'javascript:alert(1)',
    'two words.com',
    'localhost',
    '10.0.0.1',
    'https://user:pw@mastodon.social',
  ])('refuses %j', (input) => {
    expect(siteInputOrigin(input)).toBeNull();
  });
});

describe('groupsCovering', () => {
  it('names the group whose sites include an origin, and none for another site', () => {
    expect(groupsCovering('https://old.reddit.com')).toEqual(['social']);
    expect(groupsCovering('https://duckduckgo.com')).toEqual(['search']);
    expect(groupsCovering('https://news.google.com')).toEqual(['aggregators']);
    expect(groupsCovering('https://mastodon.social')).toEqual([]);
  });
});

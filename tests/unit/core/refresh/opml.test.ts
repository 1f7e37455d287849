import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../../../src/core/refresh/index';
import { fixture } from '../../support/refresh';

describe('OPML feed lists', () => {
  it('lists each http(s) feed once, in document order, with its label and folder', () => {
    const result = parseOpml(fixture('feeds.opml'));
    if (!result.ok) throw new Error(result.error);
    expect(result.title).toBe('News & politics');
    expect(result.feeds).toEqual([
      {
        url: 'https://www.lefttimes.com/world/rss.xml',
        title: 'The Left Times: World',
        siteUrl: 'https://www.lefttimes.com/world',
        category: 'World',
      },
      { url: 'https://rightpost.com/feed.atom?section=news&format=atom', title: 'Right Post', siteUrl: null, category: 'World' },
      { url: 'http://127.0.0.1:8080/centre-daily.xml', title: 'Centre Daily', siteUrl: null, category: null },
    ]);
  });

  it('ignores outlines inside comments and warns about unusable URLs', () => {
    const result = parseOpml(fixture('feeds.opml'));
    if (!result.ok) throw new Error(result.error);
    expect(result.feeds.some((f) => f.url.includes('commented.example'))).toBe(false);
    expect(result.warnings.join('\n')).toMatch(/line 13: xmlUrl "javascript:alert\(1\)" is not http\(s\)/);
    expect(result.warnings.join('\n')).toMatch(/"\/feed.xml" is not an absolute URL/);
  });

  it('refuses a document that is not OPML', () => {
    const result = parseOpml('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>');
    expect(result.ok).toBe(false);
  });

  it('reads numeric entities and single-quoted attributes', () => {
    const result = parseOpml(`<opml><body><outline text='Caf&#233; &#x26; co' xmlUrl='https://cafe.fr/rss?a=1&amp;b=2'/></body></opml>`);
    if (!result.ok) throw new Error(result.error);
    expect(result.feeds[0]).toMatchObject({ title: 'Café & co', url: 'https://cafe.fr/rss?a=1&b=2' });
  });
});

import { describe, expect, it } from 'vitest';
import { chipLinks, type PageLink } from '../../../../src/core/links/chip-links';

const OUTLETS = new Set(['www.reuters.com', 'www.theguardian.com', 'apnews.com']);
const isOutlet = (host: string) => OUTLETS.has(host);
const SEARCH = 'https://www.google.com/search?q=storm';

describe('chipLinks', () => {
  it("gives a chip to links to a known outlet's articles, by their index among the links sent", () => {
    const links: PageLink[] = [
      { href: 'https://www.reuters.com/world/europe/storm-hits-the-coast-2026-03-02/' },
      { href: 'https://www.example.org/2026/03/02/storm-hits-the-coast' },
      { href: 'https://www.theguardian.com/world/2026/mar/02/storm-hits-the-coast' },
    ];
    expect(chipLinks(links, SEARCH, isOutlet)).toEqual([
      [0, 'www.reuters.com'],
      [2, 'www.theguardian.com'],
    ]);
  });

  it("gives none to an outlet's home or section pages", () => {
    const links: PageLink[] = [
      { href: 'https://www.reuters.com/' },
      { href: 'https://www.theguardian.com/world' },
      { href: 'https://apnews.com/hub/weather' },
    ];
    expect(chipLinks(links, SEARCH, isOutlet)).toEqual([]);
  });

  it('resolves wrappers first, and leaves the page’s own site and shortened links alone', () => {
    const article = 'https://apnews.com/article/storm-coast-evacuation-4f1e2d3c4b5a';
    const links: PageLink[] = [
      { href: `https://www.google.com/url?q=${encodeURIComponent(article)}` },
      { href: 'https://bit.ly/3abcdef' },
      { href: 'https://news.google.com/2026/03/02/storm-hits-the-coast-story' },
    ];
    expect(chipLinks(links, SEARCH, isOutlet)).toEqual([[0, 'apnews.com']]);
    // As the page wrote it: a relative wrapper is resolved against the page's address first.
    expect(chipLinks([{ href: `/url?q=${encodeURIComponent(article)}&sa=U` }, { href: '/search?q=storm' }], SEARCH, isOutlet)).toEqual([
      [0, 'apnews.com'],
    ]);
    // On the outlet's own site its links are the reader's navigation, not coverage to rate.
    expect(chipLinks([{ href: article }], 'https://apnews.com/', isOutlet)).toEqual([]);
  });

  it('reads the target from the link text only when the text is sent (a site that keeps it there)', () => {
    const cut: PageLink = { href: 'https://t.co/AbC123', text: 'https://www.reuters.com/world/storm-hits-the-coast-2026-03-02/…' };
    expect(chipLinks([cut], 'https://x.com/home', isOutlet)).toEqual([[0, 'www.reuters.com']]);
    expect(chipLinks([{ href: cut.href }], 'https://x.com/home', isOutlet)).toEqual([]);
  });

  it('answers nothing for a sender without a usable address', () => {
    expect(chipLinks([{ href: 'https://www.reuters.com/world/storm-hits-the-coast-2026-03-02/' }], '', isOutlet)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isArticleLink } from '../../../../src/core/links/article-link';
import { type LinkPage, linkTargetOf, type PageLink, plainAddress, plainHostOf } from '../../../../src/core/links/chip-links';

const SEARCH: LinkPage = { url: 'https://www.google.com/search?q=storm', host: 'www.google.com' };
/** The target as an https address (the tests' links are all https). */
const target = (link: PageLink, page = SEARCH) => {
  const url = linkTargetOf(link, page);
  return url === null ? null : `https://${url.hostname}${url.pathname}${url.search}`;
};
/** The host of the article a link leads to, as the chips script asks it: target first, then the path. */
const articleHost = (link: PageLink, page = SEARCH) => {
  const url = linkTargetOf(link, page);
  return url !== null && isArticleLink(url) ? url.hostname : null;
};

describe('linkTargetOf', () => {
  it('gives the target of a link to another site, and the article test tells articles from listings', () => {
    expect(articleHost({ href: 'https://www.reuters.com/world/europe/storm-hits-the-coast-2026-03-02/' })).toBe('www.reuters.com');
    expect(articleHost({ href: 'https://www.theguardian.com/world/2026/mar/02/storm-hits-the-coast' })).toBe('www.theguardian.com');
    // An outlet's home or section pages are listings.
    for (const href of ['https://www.reuters.com/', 'https://www.theguardian.com/world', 'https://apnews.com/hub/weather']) {
      expect(target({ href })).toBe(href);
      expect(articleHost({ href })).toBeNull();
    }
  });

  it('resolves wrappers first, and leaves the page’s own site and shortened links alone', () => {
    const article = 'https://apnews.com/article/storm-coast-evacuation-4f1e2d3c4b5a';
    expect(target({ href: `https://www.google.com/url?q=${encodeURIComponent(article)}` })).toBe(article);
    expect(target({ href: 'https://bit.ly/3abcdef' })).toBeNull();
    // As the page wrote it: a relative wrapper is resolved against the page's address first.
    expect(target({ href: `/url?q=${encodeURIComponent(article)}&sa=U` })).toBe(article);
    expect(target({ href: '/search?q=storm' })).toBeNull();
    // On the outlet's own site its links are the reader's navigation, not coverage to rate; "www." or
    // not, a subdomain or not, it is one site.
    expect(target({ href: article }, { url: 'https://apnews.com/', host: 'apnews.com' })).toBeNull();
    expect(target({ href: 'https://www.bbc.co.uk/news/world-1' }, { url: 'https://bbc.co.uk/', host: 'bbc.co.uk' })).toBeNull();
    expect(target({ href: 'mailto:desk@reuters.com' })).toBeNull();
  });

  it('reads the target from the link text only when the text is given (a site that keeps it there)', () => {
    const x: LinkPage = { url: 'https://x.com/home', host: 'x.com' };
    const cut: PageLink = { href: 'https://t.co/AbC123', text: 'https://www.reuters.com/world/storm-hits-the-coast-2026-03-02/…' };
    expect(articleHost(cut, x)).toBe('www.reuters.com');
    expect(articleHost({ href: cut.href }, x)).toBeNull();
  });

  it('takes any relative address for the page’s own site, and parses whatever a URL parser reads otherwise', () => {
    const forum: LinkPage = { url: 'https://news.ycombinator.com/news', host: 'news.ycombinator.com' };
    for (const href of ['item?id=1', '/from?site=reuters.com', './x', '../y', '?p=2', 'world/2026/03/02/storm-hits-the-coast']) {
      expect(target({ href }, forum)).toBeNull();
    }
    const article = 'https://www.reuters.com/world/storm-hits-the-coast-2026-03-02/';
    // Unless the page's base is elsewhere: then its relative links lead there.
    const based: LinkPage = { url: 'https://www.reuters.com/', host: 'news.ycombinator.com' };
    expect(target({ href: 'world/storm-hits-the-coast-2026-03-02/' }, based)).toBe(article);
    // A host of its own, spaces in front, a scheme in capitals, a tab the parser drops: another site.
    for (const href of [
      '//www.reuters.com/world/storm-hits-the-coast-2026-03-02/',
      ` ${article}`,
      article.toUpperCase(),
      `ht\ttps${article.slice(5)}`,
    ]) {
      expect(target({ href }, forum)?.toLowerCase()).toBe(article.toLowerCase());
    }
  });
});

describe('plainHostOf', () => {
  it('reads the host of a plain absolute address as a URL parser gives it', () => {
    expect(plainHostOf('https://WWW.Reuters.com/world/x')).toBe('www.reuters.com');
    expect(plainHostOf('http://apnews.com')).toBe('apnews.com');
    expect(plainHostOf('https://apnews.com?x=1')).toBe('apnews.com');
  });

  it('leaves to a full parse what it cannot read alone', () => {
    for (const href of [
      'https://apnews.com:8443/x',
      'https://user@apnews.com/x',
      'https://apnews.com./x',
      'https://ap%6Eews.com/x',
      'https://bücher.de/x',
      '//apnews.com/x',
      '/world/x',
      ' https://apnews.com/x',
    ]) {
      expect(plainHostOf(href)).toBeNull();
    }
  });
});

describe('plainAddress', () => {
  const ADDRESSES = [
    'https://www.reuters.com/world/europe/storm-hits-the-coast-2026-03-02/',
    'https://WWW.TheGuardian.com/World/2026/mar/02/Storm',
    'https://apnews.com',
    'https://apnews.com?x=1',
    'https://apnews.com/hub/weather#top',
    'https://apnews.com/article/storm-4f1e2d3c4b5a?utm_source=x&q=storm',
    'https://www.bbc.co.uk/news/world-68224178?',
    'https://www.bbc.co.uk/news/av/uk-68224178',
    'https://www.spiegel.de/politik/deutschland/z%C3%BCrich-streit-a-1234567.html',
    'https://www.lemonde.fr/international/article/2026/03/02/tempête-sur-la-côte_123456_3210.html',
    'https://edition.cnn.com/2026/03/02/world/storm-hits-the-coast/index.html',
    'https://www.nytimes.com/search?query=storm',
    'http://example.org/2026/post-about-things-1',
    'https://www.example.com/recipes/lemon-cake-with-a-long-slug',
  ];

  it('gives a plain address the host, path and query a URL gives it, and the same article test answer', () => {
    for (const href of ADDRESSES) {
      const plain = plainAddress(href);
      const url = new URL(href);
      expect(plain?.hostname).toBe(url.hostname);
      expect(plain?.search).toBe(url.search);
      expect(decodeURIComponent(plain?.pathname ?? '')).toBe(decodeURIComponent(url.pathname));
      expect(isArticleLink(plain as NonNullable<typeof plain>)).toBe(isArticleLink(url));
    }
  });

  it('leaves to a full parse a path only a URL parser reads right', () => {
    for (const href of [
      'https://apnews.com/a/../article/storm-4f1e2d3c4b5a',
      'https://apnews.com/./article/storm',
      'https://apnews.com/%2e%2E/article/storm',
      'https://apnews.com\\article\\storm',
      'https://apnews.com/article/storm ',
      'https://apnews.com/article/st\torm',
      'https://apnews.com:443/article/storm',
    ]) {
      expect(plainAddress(href)).toBeNull();
    }
  });
});

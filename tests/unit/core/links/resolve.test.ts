import { describe, expect, it } from 'vitest';
import { linksMayLeaveHost, resolveLinkTarget } from '../../../../src/core/links/resolve';

const ARTICLE = 'https://www.theguardian.com/world/2024/mar/01/storm-hits-the-coast';
const enc = encodeURIComponent(ARTICLE);
const BASE = 'https://example.org/page';
const base64url = (text: string) =>
  Buffer.from(text, 'latin1').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('resolveLinkTarget', () => {
  it('answers a plain link as the absolute address, relative links against the page', () => {
    expect(resolveLinkTarget(ARTICLE, BASE)).toBe(ARTICLE);
    expect(resolveLinkTarget('/news/a-story', 'https://www.bbc.co.uk/')).toBe('https://www.bbc.co.uk/news/a-story');
  });

  it('reads an absolute link whatever the page, a scheme in any case, a host with its final dot dropped', () => {
    expect(resolveLinkTarget('HTTPS://WWW.TheGuardian.com./world/2024/mar/01/storm', 'file:///not/a/web/page')).toBe(
      'https://www.theguardian.com/world/2024/mar/01/storm',
    );
    expect(resolveLinkTarget('//www.bbc.co.uk/news/a-story', 'http://example.org/')).toBe('http://www.bbc.co.uk/news/a-story');
    expect(resolveLinkTarget('https:news/a-story', 'https://www.bbc.co.uk/')).toBe('https://www.bbc.co.uk/news/a-story');
  });

  it('gives no target for what is not a web page', () => {
    for (const href of ['mailto:a@b.org', 'javascript:void(0)', 'ftp://x.org/a', 'data:text/html,hi', 'http://[bad']) {
      expect(resolveLinkTarget(href, BASE)).toBeNull();
    }
  });

  it.each([
    ['Google', `https://www.google.com/url?q=${enc}&sa=U&ved=x`],
    ['Google (url=)', `https://www.google.co.uk/url?sa=t&url=${enc}`],
    ['Google, relative', `/url?q=${enc}`],
    ['Facebook', `https://l.facebook.com/l.php?u=${enc}&h=AT0`],
    ['Facebook mobile', `https://lm.facebook.com/l.php?u=${enc}`],
    ['Reddit', `https://out.reddit.com/t3_abc?url=${enc}&token=x`],
    ['DuckDuckGo', `https://duckduckgo.com/l/?uddg=${enc}&rut=abc`],
    ['Bing', `https://www.bing.com/ck/a?!&&p=abc&u=a1${base64url(ARTICLE)}&ntb=1`],
  ])('unwraps %s redirect links', (_name, href) => {
    const base = href.startsWith('/') ? 'https://www.google.com/search?q=storm' : BASE;
    expect(resolveLinkTarget(href, base)).toBe(ARTICLE);
    // And its host is one whose links may lead elsewhere: a caller deciding by host alone asks that.
    expect(linksMayLeaveHost(new URL(href, base).hostname)).toBe(true);
  });

  it('unwraps AMP caches and the Google AMP viewer to the publisher page', () => {
    const amp = 'https://www.theguardian.com/world/2024/mar/01/storm-hits-the-coast.amp';
    expect(
      resolveLinkTarget(
        'https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/2024/mar/01/storm-hits-the-coast.amp',
        BASE,
      ),
    ).toBe(amp);
    expect(
      resolveLinkTarget(
        'https://www-theguardian-com.cdn.ampproject.org/v/s/www.theguardian.com/world/2024/mar/01/storm-hits-the-coast.amp?amp_js_v=0.1',
        BASE,
      ),
    ).toBe(`${amp}?amp_js_v=0.1`);
    expect(resolveLinkTarget('https://www.google.com/amp/s/www.theguardian.com/world/2024/mar/01/storm-hits-the-coast.amp', BASE)).toBe(
      amp,
    );
    expect(resolveLinkTarget('https://www-bbc-co-uk.cdn.ampproject.org/i/s/www.bbc.co.uk/img.png', BASE)).toBe('https://www.bbc.co.uk/');
  });

  it('unwraps a wrapper inside a wrapper, but not endlessly', () => {
    const inner = `https://www.google.com/url?q=${enc}`;
    expect(resolveLinkTarget(`https://l.facebook.com/l.php?u=${encodeURIComponent(inner)}`, BASE)).toBe(ARTICLE);
    let nested = ARTICLE;
    for (let i = 0; i < 8; i += 1) nested = `https://www.google.com/url?q=${encodeURIComponent(nested)}`;
    expect(resolveLinkTarget(nested, BASE)).toBeNull();
  });

  it('gives no target for a wrapper without one, or one that is not a web page', () => {
    expect(resolveLinkTarget('https://l.facebook.com/l.php?h=x', BASE)).toBeNull();
    expect(resolveLinkTarget(`https://www.google.com/url?q=${encodeURIComponent('javascript:alert(1)')}`, BASE)).toBeNull();
    expect(resolveLinkTarget('https://www.bing.com/ck/a?u=a1%%%', BASE)).toBeNull();
  });

  it('leaves shortened links alone: their target needs a request', () => {
    for (const href of [
      'https://t.co/AbC123',
      'https://bit.ly/3xYz',
      'https://apple.news/AbCdEf',
      'https://news.google.com/articles/CBMiAU_yqLOpaque?hl=en',
    ]) {
      expect(resolveLinkTarget(href, BASE)).toBeNull();
    }
  });

  it("decodes Google News' older article ids, which carry the target, and leaves its other pages as they are", () => {
    const id = base64url(`\x08\x13\x22${String.fromCharCode(ARTICLE.length)}${ARTICLE}\xd2\x01\x00`);
    expect(resolveLinkTarget(`./articles/${id}?hl=en-GB`, 'https://news.google.com/home')).toBe(ARTICLE);
    expect(resolveLinkTarget(`https://news.google.com/rss/articles/${id}`, BASE)).toBe(ARTICLE);
    expect(resolveLinkTarget('https://news.google.com/topics/CAAqJggK?hl=en', BASE)).toBe('https://news.google.com/topics/CAAqJggK?hl=en');
  });

  it("does not take a Google look-alike's /url for a wrapper", () => {
    expect(resolveLinkTarget(`https://google.evil.example/url?q=${enc}`, BASE)).toBe(`https://google.evil.example/url?q=${enc}`);
  });
});

describe('linksMayLeaveHost', () => {
  it('is true at AMP caches, shorteners and Google News, and false at an outlet or a look-alike', () => {
    for (const host of ['www-theguardian-com.cdn.ampproject.org', 't.co', 'bit.ly', 'news.google.com', 'www.google.de']) {
      expect(linksMayLeaveHost(host)).toBe(true);
    }
    for (const host of ['www.theguardian.com', 'example.org', 'google.evil.example', 'news.ycombinator.com']) {
      expect(linksMayLeaveHost(host)).toBe(false);
    }
  });
});

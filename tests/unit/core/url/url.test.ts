import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParam, urlHostPathKey } from '../../../../src/core/url/index';

describe('canonicalizeUrl', () => {
  it('removes utm_*, fbclid, gclid, mc_cid/mc_eid and the fragment', () => {
    expect(
      canonicalizeUrl('https://News.Example.com/a/story?utm_source=tw&utm_medium=social&fbclid=x1&gclid=y2&mc_cid=1&mc_eid=2#comments'),
    ).toBe('https://news.example.com/a/story');
  });
  it('keeps parameters that select content, in their original order and encoding', () => {
    expect(canonicalizeUrl('http://entermedia.example/news_view.html?idx=8576&utm_campaign=z&page=1&q=a%20b')).toBe(
      'http://entermedia.example/news_view.html?idx=8576&page=1&q=a%20b',
    );
  });
  it('resolves relative URLs against a base and drops the default port', () => {
    expect(canonicalizeUrl('/politics/story/', 'https://www.example.com:443/other/page?x=1')).toBe(
      'https://www.example.com/politics/story/',
    );
  });
  it('rejects non-web and unparseable URLs', () => {
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('mailto:a@b.c')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
    expect(canonicalizeUrl('   ')).toBeNull();
  });
  it('treats tracking parameter names case-insensitively', () => {
    expect(isTrackingParam('UTM_Source')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
  });
});

describe('urlHostPathKey', () => {
  it('ignores scheme, www., trailing slash, query and fragment', () => {
    expect(urlHostPathKey('http://WWW.Example.com/a/b/?x=1#y')).toBe(urlHostPathKey('https://example.com/a/b'));
  });
});

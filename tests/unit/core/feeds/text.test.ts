import { describe, expect, it } from 'vitest';
import { collapseWhitespace, htmlToText } from '../../../../src/core/feeds/text';
import { resolveUrl } from '../../../../src/core/feeds/urls';

describe('htmlToText', () => {
  it('drops tags, leaving a space where a block ends, and decodes entities once', () => {
    expect(htmlToText('<h4>Title</h4><p>First&nbsp;para&hellip;</p><p>Second <b>bold</b>, <i>it</i>al</p>')).toBe(
      'Title First para… Second bold, ital',
    );
    expect(htmlToText('Tom &amp;amp; Jerry &#8217;s &#x263A;')).toBe('Tom &amp; Jerry ’s ☺');
  });

  it('removes scripts, styles, comments and other hidden content with what they contain', () => {
    expect(htmlToText('a<script>alert("<p>x</p>")</script>b<style>p{}</style>c<!-- note -->d<noscript>n</noscript>e')).toBe('a b cd e'); // a comment does not separate words
    expect(htmlToText('<SCRIPT type="text/javascript">evil()</SCRIPT>ok')).toBe('ok');
    expect(htmlToText('before<script>never closed')).toBe('before');
  });

  it('keeps "<" that starts no tag, and attribute values with ">" inside quotes do not leak', () => {
    expect(htmlToText('1 < 2 and 3<4')).toBe('1 < 2 and 3<4');
    expect(htmlToText('<a title="a > b" href="x">link</a> text')).toBe('link text');
  });
});

describe('collapseWhitespace', () => {
  it('collapses all kinds of spaces to one, removes invisible characters, trims', () => {
    expect(collapseWhitespace('  a \n\t b\u00a0\u00a0c\u200bd\u0007e\u2003f  ')).toBe('a b cde f');
    expect(collapseWhitespace(' \u200b ')).toBe('');
  });
});

describe('resolveUrl', () => {
  it('resolves relative references, keeps non-http schemes, and refuses script and data URLs', () => {
    expect(resolveUrl('../b?x=1', 'https://e.example/a/c/')).toBe('https://e.example/a/b?x=1');
    expect(resolveUrl('tag:e.example,2024:1', 'https://e.example/')).toBe('tag:e.example,2024:1');
    expect(resolveUrl(' JavaScript:alert(1)', 'https://e.example/')).toBeNull();
    expect(resolveUrl('java\nscript:alert(1)', null)).toBeNull();
    expect(resolveUrl('data:text/html,<script>', null)).toBeNull();
    expect(resolveUrl('', 'https://e.example/')).toBeNull();
    expect(resolveUrl('relative/only', null)).toBe('relative/only');
  });
});

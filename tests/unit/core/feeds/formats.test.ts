import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/index';
import type { FeedEntry } from '../../../../src/core/types';
import { bytesOf, expectIsoUtc, fixtureBytes, parseOk, parseTextOk } from '../../support/feeds';

const ENTRY_KEYS: (keyof FeedEntry)[] = ['title', 'link', 'id', 'published', 'updated', 'summary', 'author', 'image'];

describe('Atom', () => {
  it('reads text constructs (html, xhtml, text) as plain text and prefers the HTML alternate link', () => {
    const { feed } = parseOk('atom-xml-base.atom');
    expect(feed.title).toBe('World & Politics live');
    const [summit, markets] = feed.entries;
    expect(summit.title).toBe('Summit ends without deal');
    expect(summit.summary).toBe('Leaders left Geneva. Talks resume in May.');
    expect(markets.title).toBe("Markets: a < b isn't news"); // type="text" is literal
    expect(markets.summary).toBe('Stocks rose. Bonds fell.'); // xhtml content, script dropped
    expect(summit.author).toBe('Ana Ruiz');
    expect(markets.author).toBe('Newsroom'); // inherited from the feed, as Atom specifies
  });

  it('resolves relative links through nested xml:base', () => {
    const { feed } = parseOk('atom-xml-base.atom');
    expect(feed.link).toBe('https://news.example/world/');
    expect(feed.entries[0].link).toBe('https://news.example/section/2024/03/summit-ends.html');
    expect(feed.entries[1].link).toBe('https://news.example/section/markets');
    expect(feed.entries[0].image).toBe('https://news.example/img/summit.jpg');
  });

  it('converts dates with offsets to UTC', () => {
    const { feed } = parseOk('atom-xml-base.atom');
    expect(feed.entries[0].published).toBe('2024-03-10T06:30:00Z');
    expect(feed.entries[0].updated).toBe('2024-03-10T08:15:00Z');
    expect(feed.entries[1].published).toBeNull();
  });

  it('finds Atom and Dublin Core elements under any prefix', () => {
    const { feed } = parseOk('namespaces.atom');
    expect(feed.title).toBe('Prefixed Atom');
    expect(feed.entries[0]).toMatchObject({ title: 'Prefixed entry', link: 'https://ns.example/1', id: 'urn:ns:1', author: 'Dee Sea' });
  });

  it('reads Atom 0.3 (issued/modified, mode="escaped")', () => {
    const { feed } = parseTextOk(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <link rel="alternate" type="text/html" href="https://old.example/"/>
      <entry><title mode="escaped" type="text/html">A &amp;amp; B</title><link rel="alternate" type="text/html" href="https://old.example/1"/>
      <id>tag:old,1</id><issued>2004-05-06T07:08:09Z</issued><modified>2004-05-07T00:00:00Z</modified></entry></feed>`);
    expect(feed.entries[0]).toMatchObject({
      title: 'A & B',
      link: 'https://old.example/1',
      published: '2004-05-06T07:08:09Z',
      updated: '2004-05-07T00:00:00Z',
    });
  });
});

describe('RSS', () => {
  it('reads RSS 1.0 (RDF): rdf:about as id, dc:date, dc:creator, content:encoded, dc:description', () => {
    const { feed } = parseOk('rss1.rdf');
    expect(feed.title).toBe('RDF Site Summary');
    expect(feed.entries[0]).toMatchObject({
      title: 'First RDF item',
      link: 'https://rdf.example/a',
      id: 'https://rdf.example/a',
      published: '2023-11-05T05:00:00Z',
      author: 'Kenji Sato',
      summary: 'Encoded content',
    });
    expect(feed.entries[1]).toMatchObject({ link: 'https://rdf.example/b', summary: 'Only a dc:description here.' });
  });

  it('reads RSS 0.91 and an <rss> without version', () => {
    const { feed } = parseTextOk(
      '<rss version="0.91"><channel><title>Old</title><link>https://o.example/</link><item><title>One</title><link>https://o.example/1</link><description>Desc</description></item></channel></rss>',
    );
    expect(feed.entries[0]).toMatchObject({ title: 'One', link: 'https://o.example/1', summary: 'Desc' });
  });

  it('takes the item link from a permalink guid when there is no <link>, and an author name from "email (Name)"', () => {
    const { feed } = parseTextOk(`<rss version="2.0"><channel><title>G</title><link>https://g.example/</link>
      <item><title>P</title><guid>https://g.example/p</guid><author>jo@g.example (Jo Bloggs)</author></item>
      <item><title>Q</title><guid isPermaLink="false">https://g.example/q</guid></item></channel></rss>`);
    expect(feed.entries[0]).toMatchObject({ link: 'https://g.example/p', id: 'https://g.example/p', author: 'Jo Bloggs' });
    expect(feed.entries[1]).toMatchObject({ link: null, id: 'https://g.example/q' });
  });

  it('resolves relative item links against the document URL, or else the channel link', () => {
    const text = '<rss><channel><title>R</title><link>/news/</link><item><title>a</title><link>story-1</link></item></channel></rss>';
    const withUrl = parseTextOk(text, { url: 'https://site.example/feeds/rss.xml' });
    expect(withUrl.feed.link).toBe('https://site.example/news/');
    expect(withUrl.feed.entries[0].link).toBe('https://site.example/feeds/story-1');
    const absoluteChannel = parseTextOk(
      '<rss><channel><title>R</title><link>https://site.example/news/</link><item><title>a</title><link>story-1</link></item></channel></rss>',
    );
    expect(absoluteChannel.feed.entries[0].link).toBe('https://site.example/news/story-1');
  });

  it('reads a non-standard <image> element in an item', () => {
    const { feed } = parseTextOk(
      '<rss><channel><title>I</title><link>https://i.example/</link><item><title>a</title><link>https://i.example/a</link><image>/pics/a.jpg</image></item><item><title>b</title><link>https://i.example/b</link><image><url>https://i.example/b.png</url></image></item></channel></rss>',
    );
    expect(feed.entries.map((e) => e.image)).toEqual(['https://i.example/pics/a.jpg', 'https://i.example/b.png']);
  });

  it('honours an Atom-style <link href> inside an RSS item', () => {
    const { feed } = parseTextOk(
      '<rss><channel><title>H</title><item><title>a</title><link href="https://h.example/a"/></item></channel></rss>',
    );
    expect(feed.entries[0].link).toBe('https://h.example/a');
  });

  it('decodes HTML entities once, and bare "&name" only for the few names browsers accept', () => {
    const { feed } = parseTextOk(
      '<rss><channel><title>E</title><item><title>AT&amp;T &amp;amp &amp;copy 2024 &amp;eacute; ?a=1&amp;not=2</title><link>https://e.example/</link></item></channel></rss>',
    );
    expect(feed.entries[0].title).toBe('AT&T & © 2024 é ?a=1&not=2');
  });

  it('reads well-known prefixes whatever URI (or none) they are bound to, and RSS in an unknown default namespace', () => {
    const { feed } = parseTextOk(`<rss version="2.0" xmlns="http://example.com/custom-rss" xmlns:media="http://search.yahoo.com/mrss/rss">
      <channel><title>NS</title><item><title>a</title><link>https://ns.example/a</link>
      <media:thumbnail url="https://ns.example/a.jpg"/><dc:creator>Undeclared Prefix</dc:creator></item></channel></rss>`);
    expect(feed.title).toBe('NS');
    expect(feed.entries[0]).toMatchObject({ image: 'https://ns.example/a.jpg', author: 'Undeclared Prefix' });
  });

  it('keeps channel metadata that comes after the items', () => {
    const { feed } = parseTextOk(
      '<rss><channel><item><title>a</title><link>https://t.example/a</link></item><title>Trailing</title><link>https://t.example/</link></channel></rss>',
    );
    expect(feed.title).toBe('Trailing');
    expect(feed.link).toBe('https://t.example/');
  });

  it('decodes double-escaped titles and summaries', () => {
    const { feed } = parseOk('double-escaped.rss');
    expect(feed.title).toBe('AT&T – News');
    expect(feed.entries[0].title).toBe('Q&A: what’s next');
    expect(feed.entries[0].summary).toBe('Escaped twice & more');
  });
});

describe('duplicates and structure', () => {
  it('removes items with a guid already seen, or without guid and a link already seen', () => {
    const { feed, warnings } = parseOk('duplicates.rss');
    expect(feed.entries.map((e) => e.title)).toEqual([
      'One',
      'Two',
      'Episode A',
      'Episode B (same show link, own guid)',
      'Double guid',
      'Outer',
    ]);
    expect(warnings.join(' ')).toMatch(/2 duplicate entries/);
  });

  it('uses the first of two <guid>s, ignores items nested in items, and drops empty items', () => {
    const { feed, warnings } = parseOk('duplicates.rss');
    expect(feed.entries.find((e) => e.title === 'Double guid')?.id).toBe('https://dupes.example/3');
    expect(feed.entries.some((e) => e.title === 'Nested')).toBe(false);
    expect(warnings.join(' ')).toMatch(/nested inside other items/);
    expect(warnings.join(' ')).toMatch(/1 empty entry/);
  });

  it('gives every contract field on every entry, null when missing', () => {
    for (const name of ['duplicates.rss', 'rss1.rdf', 'atom-xml-base.atom', 'jsonfeed-1.1.json', 'media.rss']) {
      for (const entry of parseOk(name).feed.entries) {
        expect(Object.keys(entry).sort()).toEqual([...ENTRY_KEYS].sort());
        for (const key of ENTRY_KEYS) expect(entry[key] === null || typeof entry[key] === 'string').toBe(true);
        for (const key of ['published', 'updated'] as const) if (entry[key] !== null) expectIsoUtc(entry[key]);
      }
    }
  });
});

describe('images', () => {
  it('takes the first thumbnail, then image media (also in groups), image enclosures, itunes:image, then a picture in the HTML', () => {
    const { feed } = parseOk('media.rss');
    expect(feed.entries.map((e) => e.image)).toEqual([
      'https://media.example/t-small.jpg',
      'https://media.example/p.jpg',
      'https://media.example/img/e.png',
      'https://media.example/art.jpg',
      'https://media.example/photos/lead.jpg', // the 1×1 tracker before it is skipped
      null,
    ]);
  });
});

describe('entries whose visible text is outside the usual elements', () => {
  it('takes the alternate link even when an enclosure link comes first', () => {
    expect(parseOk('fallbacks.rss').feed.entries[0].link).toBe('https://fallback.example/episodes/1');
    expect(parseOk('base64.atom').feed.entries[3].link).toBe('https://b64.example/stories/4');
  });

  it('reads the summary from xhtml:body and itunes:summary', () => {
    const [, post, episode] = parseOk('fallbacks.rss').feed.entries;
    expect(post.summary).toBe('The whole post is here, in XHTML.');
    expect(episode.summary).toBe('Show notes for episode three.');
  });

  it('reads the title from media:title on media:content, in media:group, or on the item, and drops no such entry', () => {
    const { entries } = parseOk('fallbacks.rss').feed;
    expect(entries.map((e) => e.title).slice(3)).toEqual(['Harbour at dawn', 'Storm over the bay', 'A clip with nothing but its title']);
  });

  it('decodes base64 Atom content: a base64 type parameter, a non-text media type, and Atom 0.3 mode="base64"', () => {
    const [html, octets, picture] = parseOk('base64.atom').feed.entries;
    expect(html.summary).toBe('Council approves the night bus trial.');
    expect(octets.summary).toBe('Budget talks resume on Monday.');
    expect(picture.summary).toBeNull(); // binary data is not text
    expect(parseOk('base64-0.3.atom').feed.entries[0].summary).toBe('Some text, encoded the old way.');
  });
});

describe('JSON Feed', () => {
  it('reads JSON Feed 1.1: HTML content to text, relative image, dates, 1.1 authors', () => {
    const { feed, warnings } = parseOk('jsonfeed-1.1.json');
    expect(feed.title).toBe('JSON & Friends');
    expect(feed.link).toBe('https://json.example/');
    expect(feed.entries[0]).toEqual({
      title: 'First post',
      link: 'https://json.example/posts/1',
      id: '1',
      published: '2024-01-02T08:04:05Z',
      updated: '2024-01-03T00:00:00Z',
      summary: 'Hello world',
      author: 'Pat',
      image: 'https://json.example/img/1.png',
    });
    expect(feed.entries[1]).toMatchObject({
      id: '2',
      link: 'https://other.example/story',
      summary: 'The summary wins',
      published: null,
      author: 'Feed Author',
    });
    expect(feed.entries.map((e) => e.id)).toEqual(['1', '2', '3']); // duplicate id removed
    expect(feed.entries[2]).toMatchObject({ link: null, author: 'Old Style' }); // javascript: dropped
    expect(warnings.join(' ')).toMatch(/not objects/);
  });

  it('reads JSON Feed 1.0 with its single author', () => {
    const { feed } = parseOk('jsonfeed-1.0.json');
    expect(feed.entries[0]).toMatchObject({ id: 'a', author: 'Old Author', summary: 'Text', published: '2019-05-06T07:08:09Z' });
  });

  it('refuses JSON that is not a feed, and broken JSON, with an error', () => {
    const notFeed = parseFeed(bytesOf('{"hello": "world"}'));
    expect(notFeed).toEqual({ ok: false, error: expect.stringMatching(/not a JSON Feed/) });
    const broken = parseFeed(bytesOf('{"version": "https://jsonfeed.org/version/1.1", "items": ['));
    expect(broken).toEqual({ ok: false, error: expect.stringMatching(/invalid JSON/) });
  });
});

describe('not feeds and broken feeds', () => {
  it('answers an HTML page with a clear "not a feed" error', () => {
    const result = parseFeed(fixtureBytes('not-a-feed.html'));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^not a feed: an HTML page/) });
  });

  it('answers empty input, gzip bytes, binary data and plain text with errors', () => {
    expect(parseFeed(new Uint8Array(0)).ok).toBe(false);
    const gzip = parseFeed(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4]));
    expect(gzip).toEqual({ ok: false, error: expect.stringMatching(/gzip/) });
    expect(parseFeed(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7])).ok).toBe(false);
    expect(parseFeed(bytesOf('just some words')).ok).toBe(false);
    expect(parseFeed(bytesOf('<?xml version="1.0"?><catalog><book/></catalog>'))).toEqual({
      ok: false,
      error: expect.stringMatching(/not a feed: a <catalog> document/),
    });
  });

  it('reads an ill-formed, truncated feed as far as it goes, with warnings', () => {
    const { feed, warnings } = parseOk('truncated.rss');
    expect(feed.entries.map((e) => e.title)).toEqual(['Complete item & fine', 'Second item']);
    expect(feed.entries[0].link).toBe('https://cut.example/1?a=1&b=2'); // unescaped "&" recovered
    expect(feed.entries[0].summary).toBe('Whole text'); // unclosed <b> recovered
    expect(warnings.some((w) => /truncated or ill-formed/.test(w))).toBe(true);
    expect(warnings.some((w) => /unescaped "&"/.test(w))).toBe(true);
  });

  it('refuses a feed cut before its first item, so stored entries are left untouched', () => {
    const result = parseFeed(fixtureBytes('truncated-before-items.rss'));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/ends before its first entry/) });
  });

  it('reads a feed preceded by server junk (PHP warnings) from its own root, with a warning', () => {
    const { feed, warnings } = parseTextOk(
      '<br />\n<b>Warning</b>: Cannot modify header information in <b>/var/www/feed.php</b><br />\n<?xml version="1.0"?><rss version="2.0"><channel><title>After junk</title><item><title>a</title><link>https://j.example/a</link></item></channel></rss>',
    );
    expect(feed.title).toBe('After junk');
    expect(feed.entries).toHaveLength(1);
    expect(warnings.join(' ')).toMatch(/before the feed's root element/);
  });

  it('skips plain-text server messages before the feed', () => {
    const { feed, warnings } = parseTextOk(
      'Deprecated: Function create_function() is deprecated in /x.php on line 4\n<?xml version="1.0"?><rss><channel><title>T</title><item><title>a</title><link>https://p.example/a</link></item></channel></rss>',
    );
    expect(feed.entries).toHaveLength(1);
    expect(warnings.join(' ')).toMatch(/text before the feed/);
  });

  it('accepts a well-formed feed with no items', () => {
    const { feed } = parseTextOk('<rss version="2.0"><channel><title>Quiet</title><link>https://q.example/</link></channel></rss>');
    expect(feed).toEqual({ title: 'Quiet', link: 'https://q.example/', entries: [] });
  });
});

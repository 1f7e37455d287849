import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FEED_BYTES, parseFeed } from '../../../../src/core/feeds/index';

/** An RSS feed of about `targetBytes`, built in memory (not committed). */
function bigFeed(targetBytes: number): { bytes: Uint8Array; items: number } {
  const head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link>\n';
  const tail = '</channel></rss>\n';
  const body = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}</p>`;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  let items = 0;
  while (size < targetBytes - 2_000) {
    const item = `<item><title>Item ${items} &amp; more</title><link>https://big.example/${items}</link><guid>big-${items}</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>\n`;
    parts.push(item);
    size += item.length;
    items++;
  }
  parts.push(tail);
  return { bytes: new TextEncoder().encode(parts.join('')), items };
}

describe('large feeds', { timeout: 60_000 }, () => {
  it('parses a 10 MB feed completely under the default limit', () => {
    const { bytes, items } = bigFeed(10_000_000);
    expect(bytes.length).toBeGreaterThan(9_900_000);
    expect(bytes.length).toBeLessThanOrEqual(DEFAULT_MAX_FEED_BYTES);
    const result = parseFeed(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.feed.entries).toHaveLength(items);
    expect(result.feed.entries[items - 1]).toMatchObject({ title: `Item ${items - 1} & more`, link: `https://big.example/${items - 1}` });
    expect(result.warnings).toEqual([]);
  });

  it('reads only the first maxBytes of a bigger XML feed, keeping the entries before the cut, with a warning', () => {
    const { bytes, items } = bigFeed(400_000);
    const result = parseFeed(bytes, { maxBytes: 200_000 });
    if (!result.ok) throw new Error(result.error);
    expect(result.feed.entries.length).toBeGreaterThan(items / 3);
    expect(result.feed.entries.length).toBeLessThan(items);
    expect(result.feed.entries[0].title).toBe('Item 0 & more');
    expect(result.warnings.some((w) => /over the 200000-byte limit/.test(w))).toBe(true);
  });

  it('refuses a JSON Feed over maxBytes (JSON cannot be read in part)', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'x',
      items: [{ id: '1', content_text: 'y'.repeat(5_000) }],
    });
    const result = parseFeed(new TextEncoder().encode(json), { maxBytes: 1_000 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/over the 1000-byte limit/) });
  });
});

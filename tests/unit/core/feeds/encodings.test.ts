import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/index';
import { parseOk } from '../../support/feeds';

describe('encodings', () => {
  it('reads ISO-8859-1 declared in the XML declaration', () => {
    const { feed } = parseOk('encoding-iso-8859-1.rss');
    expect(feed.title).toBe("Le Monde à l'envers");
    expect(feed.entries[0].title).toBe('Élection : les résultats définitifs');
    expect(feed.entries[0].summary).toBe('Déjà publiés à 20 h ; « surprise » générale.');
  });

  it('reads undeclared windows-1252, including curly quotes, dashes and the euro sign', () => {
    const { feed, warnings } = parseOk('encoding-windows-1252-undeclared.rss');
    expect(feed.title).toBe('Crème brûlée – naïve café');
    expect(feed.entries[0].title).toBe('“Smart quotes” and the € sign — dashes');
    expect(warnings.join(' ')).toMatch(/windows-1252/);
  });

  it('reads windows-1251 (Cyrillic), declared and undeclared', () => {
    expect(parseOk('encoding-windows-1251.rss').feed.entries[0].title).toBe('Правительство приняло новый бюджет');
    const undeclared = parseOk('encoding-windows-1251-undeclared.rss');
    expect(undeclared.feed.title).toBe('Новости дня без объявления кодировки');
    expect(undeclared.warnings.join(' ')).toMatch(/windows-1251/);
  });

  it('reads Shift_JIS', () => {
    const { feed } = parseOk('encoding-shift_jis.rss');
    expect(feed.title).toBe('日本経済新聞 速報');
    expect(feed.entries[0].title).toBe('東京株式市場、大幅続伸');
    expect(feed.entries[0].summary).toBe('日経平均株価は前日比で上昇した。');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const { feed } = parseOk('encoding-utf-16le-bom.atom');
    expect(feed.title).toBe('UTF-16 Atom ✓');
    expect(feed.entries[0].title).toBe('Ünïcödé entry');
  });

  it('reads UTF-8 bytes mislabelled as ISO-8859-1 as UTF-8 (no mojibake)', () => {
    const { feed, warnings } = parseOk('encoding-utf8-declared-latin1.rss');
    expect(feed.entries[0].title).toBe('Zürich café “quotes”');
    expect(warnings.join(' ')).toMatch(/bytes are UTF-8/);
  });

  it('uses the Content-Type charset when the document declares none', () => {
    const bytes = new Uint8Array(
      new TextEncoder().encode(
        '<rss><channel><title>X</title><item><title>caf\u0000</title><link>https://c.example/</link></item></channel></rss>',
      ),
    );
    // Replace the NUL placeholder by the windows-1251 byte for "я" (0xFF).
    bytes[bytes.indexOf(0)] = 0xff;
    const result = parseFeed(bytes, { contentType: 'application/rss+xml; charset=windows-1251' });
    expect(result.ok && result.feed.entries[0].title).toBe('cafя');
  });

  it('keeps a mostly-UTF-8 document with a stray invalid byte as UTF-8, replacing only that byte', () => {
    const head = new TextEncoder().encode('<rss><channel><title>Café “déjà vu”</title><item><title>naïve ');
    const tail = new TextEncoder().encode(' façade</title><link>https://s.example/</link></item></channel></rss>');
    const bytes = new Uint8Array([...head, 0xff, ...tail]);
    const result = parseFeed(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.feed.title).toBe('Café “déjà vu”');
    expect(result.feed.entries[0].title).toBe('naïve \uFFFD façade');
    expect(result.warnings.join(' ')).toMatch(/not valid UTF-8/);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const text =
      '\uFEFF<?xml version="1.0"?><rss><channel><title>BOM</title><item><title>a</title><link>https://b.example/</link></item></channel></rss>';
    const result = parseFeed(new TextEncoder().encode(text));
    expect(result.ok && result.feed.title).toBe('BOM');
  });
});

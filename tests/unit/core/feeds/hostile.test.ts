import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/index';
import { allStrings, bytesOf, fixtureBytes, parseOk } from '../../support/feeds';

describe('hostile feeds', () => {
  it('drops scripts, styles and iframes from titles and summaries, keeping the visible text', () => {
    const { feed } = parseOk('hostile.rss');
    expect(feed.title).toBe('Hostile Feed');
    const [first, second] = feed.entries;
    expect(first.title).toBe('Breaking news today');
    expect(first.summary).toBe('Hello world');
    expect(second.summary).toBe('click safe text');
    for (const text of allStrings(feed)) {
      expect(text).not.toMatch(/alert|document\.write|display:none|steal|bad\(\)|frame text/);
      expect(text).not.toMatch(/<\s*\/?\s*(script|style|iframe|p|b)\b/i);
    }
  });

  it('drops javascript: and data: links, including obfuscated ones, and keeps safe ones', () => {
    const { feed } = parseOk('hostile.rss');
    expect(feed.entries.map((e) => e.link)).toEqual([null, null, null, 'https://hostile.example/fine']);
    for (const text of allStrings(feed)) expect(text).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    // The enclosure's javascript: URL is not offered as an image.
    expect(feed.entries[0].image ?? '').not.toMatch(/javascript/i);
  });

  it('keeps a literal "<" that is not a tag, decoded once', () => {
    const { feed } = parseOk('hostile.rss');
    expect(feed.entries[3].summary).toBe('x < y && y > z');
  });

  it('never expands external entities (XXE) and bounds billion-laughs expansion', () => {
    const result = parseFeed(fixtureBytes('billion-laughs.xml'));
    if (!result.ok) throw new Error(result.error);
    const { feed, warnings } = result;
    expect(feed.title).toBe('Laughs Daily'); // a small internal entity is still expanded
    const [first, second] = feed.entries;
    // lol9 would be 3·10^9 characters: left unexpanded instead.
    expect(first.title).toBe('&lol9;');
    expect(first.summary).not.toMatch(/root:|passwd/);
    expect(first.summary).toContain('&xxe;');
    // A modest entity (lol2: 100 × "lol") expands normally.
    expect(second.title).toBe(`Second ${'lol'.repeat(100)} item`);
    expect(warnings.some((w) => /external entity "xxe" ignored/.test(w))).toBe(true);
    expect(warnings.some((w) => /entity expansion limit/.test(w))).toBe(true);
    const totalLength = allStrings(feed).reduce((sum, s) => sum + s.length, 0);
    expect(totalLength).toBeLessThan(10_000);
  });

  it('bounds quadratic blow-up: many references to a large entity stay under the global budget', () => {
    const big = 'x'.repeat(10_000);
    const references = '&big;'.repeat(2_000); // would be 20 MB if all expanded
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}">]><rss><channel><title>t</title><item><title>i</title><description>${references}</description></item></channel></rss>`;
    const result = parseFeed(bytesOf(text));
    if (!result.ok) throw new Error(result.error);
    expect((result.feed.entries[0].summary ?? '').length).toBeLessThanOrEqual(1024 * 1024 + 2_000 * 5);
    expect(result.warnings.some((w) => /entity expansion limit/.test(w))).toBe(true);
  });

  it('survives recursive entities and very deep nesting without throwing', () => {
    const recursive =
      '<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss><channel><item><title>&a;</title><link>https://r.example/</link></item></channel></rss>';
    const result = parseFeed(bytesOf(recursive));
    expect(result.ok && result.feed.entries[0].title).toBe('&a;');
    const deep = `<rss><channel><item><title>deep</title><description>${'<div>'.repeat(50_000)}text${'</div>'.repeat(50_000)}</description></item></channel></rss>`;
    const deepResult = parseFeed(bytesOf(deep));
    expect(deepResult.ok).toBe(true);
    if (deepResult.ok) expect(deepResult.feed.entries[0].title).toBe('deep');
  });
});

import { describe, expect, it } from 'vitest';
import { loadRegistry, type Outlet } from '../../../../src/core/outlets';
import { foldLean, ratingFor } from '../../../../src/core/ratings';
import {
  FEEDS_PER_OUTLET,
  SHARE_MAX,
  SHARE_MIN,
  STARTER_MAX_FEEDS,
  STARTER_MIN_FEEDS,
  starterSet,
  type StarterSet,
} from '../../../../src/core/starter-set';
import type { LeanSide } from '../../../../src/core/types';

/** A catalogue outlet seated in `country` with feeds of the given sections. */
function outlet(id: string, sections: string[], extra: Partial<Outlet> = {}): Outlet {
  return {
    id,
    name: id.toUpperCase(),
    domains: [`${id}.example.com`],
    country: 'XA',
    lang: 'en',
    feeds: sections.map((section, i) => ({ url: `https://${id}.example.com/feed/${i}.xml`, section })),
    ...extra,
  };
}

/** `n` outlets on one side, each with three feeds (front page, world, a topic). */
function side(prefix: string, n: number): Outlet[] {
  return Array.from({ length: n }, (_, i) => outlet(`${prefix}-${String(i).padStart(2, '0')}`, ['Sport', 'Top stories', 'World']));
}

const sidesOf = (...groups: [LeanSide | null, Outlet[]][]) => {
  const map = new Map<string, LeanSide | null>();
  for (const [s, outlets] of groups) for (const o of outlets) map.set(o.id, s);
  return (id: string) => map.get(id) ?? null;
};

const shipped = loadRegistry().all();
const shippedSide = (id: string) => {
  const found = ratingFor(id);
  return found ? foldLean(found.rating.lean) : null;
};

function expectBalanced(set: StarterSet) {
  const rated = set.counts.L + set.counts.C + set.counts.R;
  for (const s of ['L', 'C', 'R'] as const) {
    expect(set.counts[s] / rated, `${set.edition} ${s}`).toBeGreaterThanOrEqual(SHARE_MIN);
    expect(set.counts[s] / rated, `${set.edition} ${s}`).toBeLessThanOrEqual(SHARE_MAX);
  }
}

describe('starterSet', () => {
  it('balances the rated feeds: each side holds 25–40 % even when one side offers far more', () => {
    const left = side('left', 40);
    const center = side('center', 12);
    const right = side('right', 6);
    const unrated = side('local', 30);
    const set = starterSet([...left, ...center, ...right, ...unrated], sidesOf(['L', left], ['C', center], ['R', right]), 'XA');
    expect(set.balanced).toBe(true);
    expectBalanced(set);
    // Right offers 12 feeds (6 outlets × 2): at 25 % that allows 48 rated feeds, the rest is unrated.
    expect(set.counts).toEqual({ L: 18, C: 18, R: 12, unrated: 32 });
    expect(set.feeds).toHaveLength(80);
  });

  it('takes at most 2 feeds per outlet, its front page and news desks before its topics', () => {
    const big = outlet('big', ['Sport', 'Movies', 'World', 'Top stories', 'USA | Boston'], { country: 'XA' });
    const set = starterSet([big, ...side('other', 30)], () => null, 'XA');
    const mine = set.feeds.filter((f) => f.outletId === 'big');
    expect(mine.map((f) => f.section)).toEqual(['Top stories', 'World']);
    const perOutlet = new Map<string, number>();
    for (const feed of set.feeds) perOutlet.set(feed.outletId, (perOutlet.get(feed.outletId) ?? 0) + 1);
    expect(Math.max(...perOutlet.values())).toBeLessThanOrEqual(FEEDS_PER_OUTLET);
  });

  it('takes each outlet’s best feed before any outlet’s second', () => {
    const set = starterSet(side('only', 50), () => null, 'XA');
    expect(new Set(set.feeds.slice(0, 50).map((f) => f.outletId)).size).toBe(50);
    expect(set.feeds.slice(0, 50).every((f) => f.section === 'Top stories')).toBe(true);
  });

  it('takes a second news feed of an outlet before a further outlet’s niche topic', () => {
    const papers = Array.from({ length: 30 }, (_, i) => outlet(`paper-${String(i).padStart(2, '0')}`, ['Top stories', 'World']));
    const niche = Array.from({ length: 30 }, (_, i) => outlet(`niche-${String(i).padStart(2, '0')}`, ['Podcasting']));
    const set = starterSet([...niche, ...papers], () => null, 'XA');
    expect(set.feeds).toHaveLength(80);
    const sections = set.feeds.map((f) => f.section);
    expect(sections.slice(0, 30).every((s) => s === 'Top stories')).toBe(true);
    expect(sections.slice(30, 60).every((s) => s === 'World')).toBe(true);
    expect(sections.slice(60).every((s) => s === 'Podcasting')).toBe(true);
  });

  it('includes wire services first, with their feeds in the edition’s language that name no country', () => {
    const wire = outlet('wire', ['Economy', 'Asia'], { country: 'ZZ', wire: true });
    const foreignWire = outlet('foreign-wire', ['Economy'], { country: 'ZZ', wire: true, lang: 'de' });
    const set = starterSet([wire, foreignWire, ...side('paper', 30)], () => null, 'XA');
    expect(set.feeds.slice(0, 2).map((f) => f.outletId)).toEqual(['wire', 'wire']);
    expect(set.feeds.some((f) => f.outletId === 'foreign-wire')).toBe(false);
  });

  it('a chosen topic ranks its sections with the news desks', () => {
    const paper = outlet('paper', ['Top stories', 'Movies', 'Sport']);
    const withSport = starterSet([paper], () => null, 'XA', { topics: ['sport'] });
    const without = starterSet([paper], () => null, 'XA');
    expect(withSport.feeds.map((f) => f.section)).toEqual(['Top stories', 'Sport']);
    expect(without.feeds.map((f) => f.section)).toEqual(['Top stories', 'Movies']);
  });

  it('is deterministic: the same set, in the same order, whatever the catalogue’s order', () => {
    const a = starterSet(shipped, shippedSide, 'US');
    const b = starterSet([...shipped].reverse(), shippedSide, 'US');
    expect(b).toEqual(a);
    expect(starterSet(shipped, shippedSide, 'US')).toEqual(a);
  });

  it('says when an edition cannot be balanced, and which sides are short', () => {
    const left = side('left', 20);
    const center = side('center', 20);
    const right = [outlet('right-00', ['Top stories'])];
    const set = starterSet([...left, ...center, ...right, ...side('local', 10)], sidesOf(['L', left], ['C', center], ['R', right]), 'XA');
    expect(set.balanced).toBe(false);
    expect(set.shortSides).toEqual(['R']);
    // Without the balance, the same order: every outlet's best feed first, rated or not.
    expect(set.feeds).toHaveLength(80);
    expect(set.outlets).toBe(51);
  });

  it('on the shipped catalogue: the United States and the United Kingdom are balanced within 40–120 feeds; Germany cannot be', () => {
    for (const edition of ['US', 'GB']) {
      const set = starterSet(shipped, shippedSide, edition);
      expect(set.balanced, edition).toBe(true);
      expectBalanced(set);
      expect(set.feeds.length).toBeGreaterThanOrEqual(STARTER_MIN_FEEDS);
      expect(set.feeds.length).toBeLessThanOrEqual(STARTER_MAX_FEEDS);
      expect(new Set(set.feeds.map((f) => f.url)).size).toBe(set.feeds.length);
    }
    const us = starterSet(shipped, shippedSide, 'US');
    expect(us.feeds.filter((f) => f.wire).map((f) => f.outletId)).toEqual(expect.arrayContaining(['reuters', 'upi']));
    const de = starterSet(shipped, shippedSide, 'DE');
    expect(de.balanced).toBe(false);
    expect(de.shortSides).toEqual(['L', 'R']);
  });
});

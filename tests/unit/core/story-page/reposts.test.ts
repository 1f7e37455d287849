/** Reposts: the same or nearly the same headline is one report, grouped under its earliest article. */
import { describe, expect, it } from 'vitest';
import { groupReposts, headlineKey, type RepostGroup, sameReport } from '../../../../src/core/story-page';
import type { CoverageItem } from '../../../../src/core/coverage';
import { coverage } from '../../support/coverage-item';

const WIRE = 'Japan and US agree to expand joint missile production and military drills';

describe('groupReposts', () => {
  it('groups the exact same headline under the earliest article, whatever the input order', () => {
    const items = [
      coverage('b', WIRE, { outlet: 'abc', minutes: 20 }),
      coverage('a', WIRE, { outlet: 'ap', minutes: 5 }),
      coverage('c', WIRE, { outlet: 'nbc', minutes: 30 }),
      coverage('d', 'Hegseth says China must be deterred', { outlet: 'fox', side: 'R', minutes: 10 }),
    ];
    for (const order of [items, [...items].reverse()]) {
      const groups = groupReposts(order);
      expect(groups.map((g) => g.original.articleId)).toEqual(['a', 'd']);
      expect(groups[0].reposts.map((r) => r.articleId)).toEqual(['b', 'c']);
      expect(groups[0].repostOutlets).toBe(2);
      expect(groups[1].reposts).toEqual([]);
    }
  });

  it("groups a near-same headline (an outlet's suffix, case, a changed word) and leaves a different report alone", () => {
    const groups = groupReposts([
      coverage('a', WIRE, { outlet: 'ap', minutes: 0 }),
      coverage('b', `${WIRE.toUpperCase()} - ABC News`, { outlet: 'abc news', minutes: 1 }),
      coverage('c', 'Japan and US agree to expand joint missile production and military exercises', { outlet: 'cbs', minutes: 2 }),
      coverage('d', 'Japan, US pledge joint missile output and critical minerals cooperation', { outlet: 'bloomberg', minutes: 3 }),
    ]);
    expect(groups.map((g) => [g.original.articleId, g.reposts.map((r) => r.articleId)])).toEqual([
      ['a', ['b', 'c']],
      ['d', []],
    ]);
  });

  it('keeps apart short headlines that share a pattern ("Live updates: …") but differ in one word', () => {
    const groups = groupReposts([
      coverage('a', 'Live updates: Winter storm hits Texas', { outlet: 'cnn', minutes: 0 }),
      coverage('b', 'Live updates: Winter storm hits Ohio', { outlet: 'nbc', minutes: 1 }),
      coverage('c', 'Live updates: Winter storm hits Texas', { outlet: 'abc', minutes: 2 }),
    ]);
    expect(groups.map((g) => [g.original.articleId, g.reposts.map((r) => r.articleId)])).toEqual([
      ['a', ['c']],
      ['b', []],
    ]);
  });

  it("counts an outlet's own later copy as a copy, not as another outlet reposting", () => {
    const [group] = groupReposts([coverage('a', WIRE, { outlet: 'ap', minutes: 0 }), coverage('b', WIRE, { outlet: 'ap', minutes: 9 })]);
    expect(group.reposts).toHaveLength(1);
    expect(group.repostOutlets).toBe(0);
  });

  it('does not chain near-same headlines into one group: each is compared with the original', () => {
    const a = 'Winter storm knocks out power to thousands of homes across Texas, Oklahoma and Arkansas overnight';
    const b = 'Winter storm knocks out power to thousands of homes across Texas, Oklahoma and Arkansas on Friday';
    const c = 'Winter storm knocks out power to thousands of homes across Texas, Kansas and Arkansas on Friday';
    expect(sameReport(headlineKey(coverage('x', a)), headlineKey(coverage('y', b)))).toBe(true);
    expect(sameReport(headlineKey(coverage('y', b)), headlineKey(coverage('z', c)))).toBe(true);
    const groups = groupReposts([coverage('a', a, { minutes: 0 }), coverage('b', b, { minutes: 1 }), coverage('c', c, { minutes: 2 })]);
    expect(groups.map((g) => g.original.articleId)).toEqual(['a', 'c']);
  });

  it('never groups headlines with no terms left', () => {
    expect(groupReposts([coverage('a', '—', { minutes: 0 }), coverage('b', '—', { minutes: 1 })])).toHaveLength(2);
  });
});

/** The plain rule, comparing each article with every earlier group's original: what the indexed search must give. */
function reference(items: CoverageItem[]): string[][] {
  const ordered = [...items].sort((a, b) => a.published - b.published || (a.articleId < b.articleId ? -1 : 1));
  const groups: { key: string[]; ids: string[] }[] = [];
  for (const item of ordered) {
    const key = headlineKey(item);
    const group =
      (key.length > 0 ? groups.find((g) => g.key.join(' ') === key.join(' ')) : undefined) ?? groups.find((g) => sameReport(key, g.key));
    if (group) group.ids.push(item.articleId);
    else groups.push({ key, ids: [item.articleId] });
  }
  return groups.map((g) => g.ids);
}

it('finds the same groups as comparing every pair, on many random headlines from a small vocabulary', () => {
  const words = 'storm power texas ohio snow flights cancel ice governor senate vote tunnel funding bill house river rail'.split(' ');
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 20; round++) {
    const items = Array.from({ length: 120 }, (_, i) =>
      coverage(`a${i}`, Array.from({ length: 3 + next(8) }, () => words[next(words.length)]).join(' '), {
        outlet: `o${next(30)}`,
        minutes: next(500),
      }),
    );
    const grouped = groupReposts(items).map((g: RepostGroup) => [g.original.articleId, ...g.reposts.map((r) => r.articleId)]);
    expect(grouped).toEqual(reference(items));
  }
});

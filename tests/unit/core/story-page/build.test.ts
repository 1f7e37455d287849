/** The story page's content: sources and original reports, the blindspot from original reports, the parts in place. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../../src/core/preferences';
import { foldLean } from '../../../../src/core/ratings';
import { buildStoryPage, reportItems } from '../../../../src/core/story-page';
import type { OutletFacts, SourceLookup } from '../../../../src/core/story-view';
import type { IndexArticle, Lean7 } from '../../../../src/core/types';

const OUTLETS: Record<string, OutletFacts & { lean: Lean7 }> = {};
function outlet(host: string, lean: Lean7, country: string, owner?: string) {
  OUTLETS[host] = { id: host.replace(/\W/g, '-'), name: host.split('.')[0].toUpperCase(), lean, country, owner };
}
outlet('ap.example', 'center', 'US', 'AP cooperative');
outlet('reuters.example', 'center', 'GB');
for (let i = 1; i <= 5; i++) outlet(`left${i}.example`, 'left', 'US');
for (let i = 1; i <= 5; i++) outlet(`right${i}.example`, 'right', i <= 2 ? 'GB' : 'US');

const byId = new Map(Object.values(OUTLETS).map((o) => [o.id, o]));
const lookup: SourceLookup = {
  outletForUrl: (url) => OUTLETS[new URL(url).hostname] ?? null,
  outletById: (id) => byId.get(id) ?? null,
  ratingOf: (id) => {
    const o = byId.get(id);
    return o
      ? { lean: o.lean, providerName: 'Test ratings', providerUrl: 'https://ratings.example', providerDate: '2025-01-01', licence: 'test' }
      : null;
  },
  foldLean,
};

const T0 = Date.UTC(2026, 0, 16, 0, 0);
function article(host: string, title: string, minutes: number, description?: string): IndexArticle {
  const url = `https://${host}/${minutes}`;
  return { id: url, url, title, published: T0 + minutes * 60_000, description };
}

const WIRE = 'Japan and US agree to expand joint missile production and military drills in southwest islands';
const RIGHT_TITLES = [
  'Hegseth vows missile buildup with Tokyo to deter Beijing',
  'Pentagon chief and Koizumi sign off on Nansei exercises',
  'Tokyo pledges more interceptors as Washington talks end',
  'Critical minerals deal rides along with defense pact',
  'Koizumi praises Trump administration after Pentagon visit',
];
const MEMBERS: IndexArticle[] = [
  article(
    'ap.example',
    WIRE,
    0,
    'Japan and the United States agreed to expand joint production of missiles and drills in southwest Japan.',
  ),
  ...[1, 2, 3, 4, 5].map((i) => article(`left${i}.example`, WIRE, 10 + i)),
  article('reuters.example', 'Japan, US defence chiefs agree on missiles amid China pressure', 30),
  ...RIGHT_TITLES.map((title, i) =>
    article(`right${i + 1}.example`, title, 40 + i, `Hegseth said joint missile production with Japan will deter China, report ${i}.`),
  ),
];

describe('buildStoryPage', () => {
  const page = buildStoryPage({ storyId: 's1', members: MEMBERS }, lookup, DEFAULT_PREFERENCES)!;

  it('counts sources and original reports: a wire story run by five outlets is one report', () => {
    expect(page.sources).toBe(12);
    expect(page.originals).toBe(7);
    expect(page.distribution.counts).toEqual({ L: 5, C: 2, R: 5 });
    expect(page.originalDistribution.counts).toEqual({ L: 0, C: 2, R: 5 });
    const wire = page.reports.C.find((g) => g.original.title === WIRE)!;
    expect(wire.original.outletName).toBe('AP');
    expect(wire.repostOutlets).toBe(5);
    expect(wire.reposts.map((r) => r.side)).toEqual(['L', 'L', 'L', 'L', 'L']);
  });

  it('gives the timeline every article of the reports once, oldest first', () => {
    const items = reportItems(page.reports);
    expect(items).toHaveLength(MEMBERS.length);
    expect(new Set(items.map((i) => i.articleId)).size).toBe(MEMBERS.length);
    expect(items.map((i) => i.published)).toEqual([...items.map((i) => i.published)].sort((a, b) => a - b));
  });

  it('finds the blindspot in the original reports, and names the first report and its country', () => {
    expect(page.blindspot).toEqual({ side: 'L', percent: 0 });
    expect(page.first?.outletName).toBe('AP');
    expect(page.first?.country).toBe('US');
  });

  it('puts each report under its side, says where the sources are from, and quotes descriptions from more than one side', () => {
    expect(page.reports.L).toEqual([]);
    expect(page.reports.R).toHaveLength(5);
    expect(page.countries.shares.map((s) => [s.country, s.percent])).toEqual([
      ['US', 75],
      ['GB', 25],
    ]);
    expect(new Set(page.summary.map((s) => s.side))).toEqual(new Set(['C', 'R']));
    expect(page.outlets).toHaveLength(12);
    expect(page.outlets.find((o) => o.name === 'AP')?.owner).toBe('AP cooperative');
  });

  it('leaves hidden outlets out of everything, and is null when nothing is left', () => {
    const prefs = { ...DEFAULT_PREFERENCES, hiddenOutlets: ['ap-example'] };
    const hidden = buildStoryPage({ storyId: 's1', members: MEMBERS }, lookup, prefs)!;
    expect(hidden.sources).toBe(11);
    expect(hidden.outlets.map((o) => o.name)).not.toContain('AP');
    expect(buildStoryPage({ storyId: 's1', members: MEMBERS.slice(0, 1) }, lookup, prefs)).toBeNull();
  });
});

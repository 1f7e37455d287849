import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { optionsHandlers } from '../../../src/background/options-handlers';
import { META_ALL_SITES } from '../../../src/db/meta';
import { loadRegistry } from '../../../src/core/outlets';
import { DAY_MS, type ReadingSummary } from '../../../src/core/reading-diet';
import { ParallaxDatabase } from '../../../src/db/database';
import {
  OptionsRequestSchema,
  type CustomOutletResult,
  type ProviderImportResult,
  type ProviderListing,
} from '../../../src/messaging/protocol-options';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/options', name), 'utf8');
const NOW = Date.UTC(2026, 10, 18, 15, 0);

let db: ParallaxDatabase;
let calls: string[];
let handlers: ReturnType<typeof optionsHandlers>;

beforeEach(() => {
  db = new ParallaxDatabase(`test-${Math.random()}`);
  calls = [];
  handlers = optionsHandlers({
    db,
    now: () => NOW,
    registry: loadRegistry(),
    resetIndex: async () => void calls.push('resetIndex'),
    setAllSites: async (on) => void calls.push(`setAllSites:${on}`),
    changed: (what) => calls.push(`changed:${what}`),
  });
});

const local = {
  name: 'Valley Courier',
  domains: ['valleycourier.example.com'],
  feeds: [{ url: 'https://valleycourier.example.com/feed', section: 'News' }],
};

describe('custom outlets', () => {
  it('stores a valid outlet, lists it, and removes it', async () => {
    const added = (await handlers['custom-outlets/add']({ type: 'custom-outlets/add', input: local })) as CustomOutletResult;
    expect(added).toMatchObject({ ok: true, outlet: { id: 'valley-courier' } });
    expect(await handlers['custom-outlets/list']({ type: 'custom-outlets/list' })).toMatchObject([
      { id: 'valley-courier', addedAt: NOW, outlet: { name: 'Valley Courier' } },
    ]);
    expect(await handlers['custom-outlets/remove']({ type: 'custom-outlets/remove', id: 'valley-courier' })).toBe(true);
    expect(await db.customOutlets.count()).toBe(0);
    expect(calls).toEqual(['changed:custom-outlets', 'changed:custom-outlets']);
  });

  it('stores nothing when a field is invalid, and refuses a host another custom outlet holds', async () => {
    const bad = (await handlers['custom-outlets/add']({
      type: 'custom-outlets/add',
      input: { ...local, domains: ['github.io'] },
    })) as CustomOutletResult;
    expect(bad).toEqual({ ok: false, errors: [{ field: 'domains', code: 'domain-invalid', value: 'github.io' }] });
    expect(await db.customOutlets.count()).toBe(0);
    await handlers['custom-outlets/add']({ type: 'custom-outlets/add', input: local });
    const clash = (await handlers['custom-outlets/add']({
      type: 'custom-outlets/add',
      input: { ...local, name: 'Other' },
    })) as CustomOutletResult;
    expect(clash).toEqual({
      ok: false,
      errors: [{ field: 'domains', code: 'domain-taken', value: 'valleycourier.example.com (Valley Courier)' }],
    });
    // The same outlet again (same id) is an edit, not a clash.
    expect(await handlers['custom-outlets/add']({ type: 'custom-outlets/add', input: { ...local, feeds: [] } })).toMatchObject({
      ok: true,
    });
    expect(await db.customOutlets.count()).toBe(1);
  });
});

describe('rating providers', () => {
  it('lists the shipped AllSides provider with its licence, always active', async () => {
    const list = (await handlers['providers/list']({ type: 'providers/list' })) as ProviderListing[];
    expect(list[0]).toMatchObject({ id: 'allsides', shipped: true, active: true, licence: 'CC BY-NC 4.0', importedAt: null });
    expect(list[0].ratings).toBeGreaterThan(100);
  });

  it('gives every bad row of a file and stores nothing, then imports the good file', async () => {
    const bad = (await handlers['providers/import']({
      type: 'providers/import',
      text: fixture('provider-bad.csv'),
      format: 'csv',
    })) as ProviderImportResult;
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.row)).toEqual([10, 11]);
    expect(bad.errors[0].message).toMatch(/sideways/);
    expect(await db.providers.count()).toBe(0);

    const good = (await handlers['providers/import']({
      type: 'providers/import',
      text: fixture('provider-good.csv'),
      format: 'csv',
    })) as ProviderImportResult;
    expect(good).toMatchObject({
      ok: true,
      replaced: false,
      provider: { id: 'example-ratings', ratings: 3, active: true, shipped: false },
    });
    const stored = await db.providers.get('example-ratings');
    expect(stored?.set).toMatchObject({
      ratings: [
        { outletId: 'reuters', lean: 'center' },
        { outletId: 'fox-news', lean: 'right' },
        { outletId: 'the-guardian', lean: 'lean-left' },
      ],
    });
  });

  it('resolves a provider row to one of the reader’s own outlets', async () => {
    await handlers['custom-outlets/add']({ type: 'custom-outlets/add', input: local });
    const text = fixture('provider-good.csv').replace('reuters,center', 'valleycourier.example.com,center');
    const result = (await handlers['providers/import']({ type: 'providers/import', text, format: 'csv' })) as ProviderImportResult;
    expect(result.ok).toBe(true);
    const stored = (await db.providers.get('example-ratings'))?.set as { ratings: { outletId: string }[] } | undefined;
    expect(stored?.ratings[0].outletId).toBe('valley-courier');
  });

  it('refuses to shadow the shipped provider, toggles and removes an imported one', async () => {
    const shadow = (await handlers['providers/import']({
      type: 'providers/import',
      text: fixture('provider-good.csv').replace('id: example-ratings', 'id: allsides'),
      format: 'csv',
    })) as ProviderImportResult;
    expect(shadow.ok).toBe(false);
    await handlers['providers/import']({ type: 'providers/import', text: fixture('provider-good.csv'), format: 'csv' });
    expect(await handlers['providers/set-active']({ type: 'providers/set-active', id: 'example-ratings', active: false })).toBe(true);
    const list = (await handlers['providers/list']({ type: 'providers/list' })) as ProviderListing[];
    expect(list.find((p) => p.id === 'example-ratings')?.active).toBe(false);
    expect(await handlers['providers/remove']({ type: 'providers/remove', id: 'example-ratings' })).toBe(true);
    expect(await db.providers.count()).toBe(0);
  });
});

describe('reading diet and clearing', () => {
  it('summarises the reading rows of the period and clears them', async () => {
    await db.reading.bulkAdd([
      { at: NOW - 1000, articleId: 'a', outletId: 'cnn', side: 'L' },
      { at: NOW - 2 * DAY_MS, articleId: 'b', outletId: 'fox-news', side: 'R' },
      { at: NOW - 20 * DAY_MS, articleId: 'c', outletId: 'reuters', side: 'C' },
    ]);
    const week = (await handlers['reading/summary']({ type: 'reading/summary', days: 7 })) as ReadingSummary;
    expect(week.totals).toMatchObject({ L: 1, R: 1, C: 0, total: 2 });
    const month = (await handlers['reading/summary']({ type: 'reading/summary', days: 30 })) as ReadingSummary;
    expect(month.totals.total).toBe(3);
    expect(await handlers['reading/clear']({ type: 'reading/clear' })).toBe(3);
    expect(await db.reading.count()).toBe(0);
  });

  it('clears every table the reader filled, keeps the demo marker, and tells the index', async () => {
    await db.articles.add({ id: 'x', url: 'https://x.org/a', title: 'A', published: NOW, origin: 'feed', addedAt: NOW });
    await db.reading.add({ at: NOW, articleId: 'x', outletId: null, side: null });
    await db.feeds.add({ url: 'https://x.org/feed', outletId: 'x', section: 'Main', enabled: true, failures: 0, nextAttemptAt: 0 });
    await db.unlinks.add({ articleId: 'x', storyId: 's', at: NOW });
    await db.setPreferences({ ...(await db.getPreferences()), retentionDays: 30, hiddenOutlets: ['cnn'] });
    await db.meta.bulkPut([
      { key: 'demoSeeded', value: true },
      { key: META_ALL_SITES, value: true },
    ]);
    await handlers['custom-outlets/add']({ type: 'custom-outlets/add', input: local });
    calls = [];
    expect(await handlers['data/clear']({ type: 'data/clear' })).toEqual({ articles: 1, reading: 1 });
    for (const table of [db.articles, db.reading, db.feeds, db.unlinks, db.customOutlets, db.providers, db.preferences, db.engineState])
      expect(await table.count()).toBe(0);
    expect((await db.getPreferences()).retentionDays).toBe(14);
    expect(await db.meta.get('demoSeeded')).toBeDefined();
    expect(await db.meta.get(META_ALL_SITES)).toBeUndefined();
    expect(calls).toEqual(['setAllSites:false', 'resetIndex', 'changed:all']);
  });
});

describe('all-sites opt-in', () => {
  it('registers the scripts, remembers the choice, and validates the message', async () => {
    expect(await handlers['content/all-sites-status']({ type: 'content/all-sites-status' })).toEqual({ enabled: false });
    expect(await handlers['content/all-sites']({ type: 'content/all-sites', enabled: true })).toEqual({ enabled: true });
    expect(calls).toEqual(['setAllSites:true']);
    expect(await handlers['content/all-sites-status']({ type: 'content/all-sites-status' })).toEqual({ enabled: true });
    expect(OptionsRequestSchema.safeParse({ type: 'content/all-sites', enabled: 'yes' }).success).toBe(false);
    expect(OptionsRequestSchema.safeParse({ type: 'reading/summary', days: 0 }).success).toBe(false);
  });
});

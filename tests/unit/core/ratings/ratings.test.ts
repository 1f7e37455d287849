import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../../src/core/outlets/index';
import {
  foldLean,
  parseLean,
  parseProviderFile,
  parseRatingSet,
  ratingFor,
  ratingsFor,
  readerOverrides,
  shippedProviders,
  shippedRatingSets,
  type ParseProviderOptions,
} from '../../../../src/core/ratings/index';
import { LEANS_7 } from '../../../../src/core/types';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/outlets/${name}`, import.meta.url), 'utf8');
const registry = loadRegistry();
const withRegistry: ParseProviderOptions = {
  resolveOutlet: (value) => registry.resolve(value)?.id ?? null,
  knownOutletIds: new Set(registry.all().map((outlet) => outlet.id)),
};

describe('foldLean', () => {
  it('folds the 7-point scale to L / C / R', () => {
    expect(LEANS_7.map(foldLean)).toEqual(['L', 'L', 'L', 'C', 'R', 'R', 'R']);
  });
});

describe('ratingFor (shipped AllSides)', () => {
  it('rates well-known outlets with their AllSides lean and names the provider', () => {
    const cnn = ratingFor('cnn');
    expect(cnn?.rating.lean).toBe('lean-left');
    expect(cnn?.provider.id).toBe('allsides');
    expect(cnn?.rating.url).toMatch(/^https:\/\/www\.allsides\.com\//);
    expect(ratingFor('fox-news')?.rating.lean).toBe('right');
    expect(ratingFor('reuters')?.rating.lean).toBe('center');
    expect(foldLean(ratingFor('the-guardian')!.rating.lean)).toBe('L');
  });

  it('says unrated (null) for outlets AllSides does not rate, for "Mixed" / not-yet-rated ones, and for unknown ids', () => {
    expect(registry.get('nhk')).toBeDefined();
    expect(ratingFor('nhk')).toBeNull();
    // AllSides marks The Times of Israel "Not yet rated": no lean is made up for it.
    expect(ratingFor('times-of-israel')).toBeNull();
    expect(ratingFor('no-such-outlet')).toBeNull();
    expect(ratingsFor('nhk')).toEqual([]);
  });

  it('has no factuality, since AllSides gives none', () => {
    expect(ratingFor('cnn')?.rating.factuality).toBeUndefined();
  });

  it('lists the shipped provider with licence, source and date', () => {
    const [allsides] = shippedProviders();
    expect(allsides).toMatchObject({
      id: 'allsides',
      licence: 'CC BY-NC 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
    });
    expect(allsides.date).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe('rating priority', () => {
  it('takes the first set that rates the outlet: reader overrides before imports before shipped', () => {
    const overrides = readerOverrides({ cnn: 'center' });
    const imported = parseProviderFile(fixture('provider-good.json'), 'json', withRegistry);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const importedSet = parseRatingSet({ provider: imported.provider, ratings: imported.ratings });
    const sets = [overrides, importedSet, ...shippedRatingSets()];
    expect(ratingFor('cnn', sets)?.rating.lean).toBe('center');
    expect(ratingFor('cnn', sets)?.provider.id).toBe('reader');
    expect(ratingFor('breitbart', sets)?.provider.id).toBe('example-watch');
    expect(ratingFor('reuters', sets)?.provider.id).toBe('allsides');
    expect(ratingsFor('cnn', sets).map((found) => found.provider.id)).toEqual(['reader', 'example-watch', 'allsides']);
    expect(ratingFor('cnn', [])).toBeNull();
  });
});

describe('parseLean', () => {
  it('reads 7-point names, common synonyms and -3…3', () => {
    expect(parseLean('Lean Left')).toBe('lean-left');
    expect(parseLean('far_right')).toBe('far-right');
    expect(parseLean('center-right')).toBe('lean-right');
    expect(parseLean('Centre')).toBe('center');
    expect(parseLean('-3')).toBe('far-left');
    expect(parseLean('2')).toBe('right');
  });

  it('refuses "mixed" and anything else, saying why', () => {
    expect(parseLean('Mixed')).toEqual({ error: expect.stringMatching(/not a lean/) });
    expect(parseLean('4')).toEqual({ error: expect.stringMatching(/outside/) });
    expect(parseLean('liberal')).toEqual({ error: expect.stringMatching(/not one of/) });
  });
});

describe('parseProviderFile', () => {
  it('imports a good CSV file, resolving domains and URLs to outlets', () => {
    const result = parseProviderFile(fixture('provider-good.csv'), 'csv', withRegistry);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.provider).toMatchObject({ id: 'example-watch', name: 'Example Media Watch', licence: 'CC BY 4.0', date: '2025-06-01' });
    expect(result.ratings).toEqual([
      { outletId: 'cnn', providerId: 'example-watch', lean: 'lean-left', factuality: 'high', url: 'https://example.org/ratings/cnn' },
      { outletId: 'fox-news', providerId: 'example-watch', lean: 'right', factuality: 'mixed' },
      { outletId: 'bbc-news', providerId: 'example-watch', lean: 'center', factuality: 'very-high' },
      { outletId: 'the-guardian', providerId: 'example-watch', lean: 'lean-left' },
      { outletId: 'der-spiegel', providerId: 'example-watch', lean: 'lean-left' },
    ]);
  });

  it('reports every bad CSV row by its line number and imports nothing', () => {
    const result = parseProviderFile(fixture('provider-bad.csv'), 'csv', withRegistry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byRow = result.errors.map((error) => [error.row, error.message]);
    expect(byRow).toEqual([
      [10, expect.stringMatching(/"Mixed" is not a lean/)],
      [11, expect.stringMatching(/notanoutlet\.example.*resolves to no outlet/)],
      [12, expect.stringMatching(/factuality "truthy"/)],
      [13, expect.stringMatching(/outside -3…3/)],
      [14, expect.stringMatching(/"cnn" is already rated at row 9/)],
      [15, expect.stringMatching(/2 fields, the header has 3/)],
    ]);
  });

  it('imports a good JSON file', () => {
    const result = parseProviderFile(fixture('provider-good.json'), 'json', withRegistry);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.ratings.map((rating) => [rating.outletId, rating.lean])).toEqual([
      ['cnn', 'far-left'],
      ['nytimes', 'left'],
      ['breitbart', 'far-right'],
    ]);
    expect(result.ratings[2].confidence).toBe('low');
  });

  it('reports a bad JSON file: provider errors at row 0, rating errors at their 1-based position', () => {
    const result = parseProviderFile(fixture('provider-bad.json'), 'json', withRegistry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const rows = result.errors.map((error) => error.row);
    expect(rows.filter((row) => row === 0).length).toBe(3); // id, licenceUrl, date
    expect(result.errors.filter((error) => error.row > 0)).toEqual([
      { row: 2, message: expect.stringMatching(/lean "somewhat left"/) },
      { row: 3, message: expect.stringMatching(/"lean" is missing/) },
      { row: 4, message: expect.stringMatching(/unknown field\(s\): bias/) },
    ]);
    expect(result.errors.some((error) => /provider id/.test(error.message))).toBe(true);
  });

  it('reports unreadable input instead of throwing', () => {
    expect(parseProviderFile('{ not json', 'json')).toMatchObject({ ok: false, errors: [{ row: 0 }] });
    expect(parseProviderFile('[]', 'json')).toMatchObject({ ok: false, errors: [{ row: 0 }] });
    expect(parseProviderFile('', 'csv')).toMatchObject({ ok: false });
    const unclosed =
      '# id: x\n# name: x\n# licence: x\n# licenceUrl: https://x.example/\n# sourceUrl: https://x.example/\n# date: 2025\n# attribution: x\noutlet,lean\n"cnn,left\n';
    expect(parseProviderFile(unclosed, 'csv')).toEqual({ ok: false, errors: [{ row: 9, message: expect.stringMatching(/never closed/) }] });
  });

  it('without a resolver takes slugs as ids and refuses domains', () => {
    const text = fixture('provider-good.csv');
    const result = parseProviderFile(text, 'csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.row)).toEqual([11, 12, 13, 14]);
  });
});

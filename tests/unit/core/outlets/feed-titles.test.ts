import { describe, expect, it } from 'vitest';
import { nameFromFeedTitle, OutletRegistry, outletsNamedByFeeds, type Outlet } from '../../../../src/core/outlets/index';

const outlets: Outlet[] = [
  { id: 'derstandard-at', name: 'derstandard.at', domains: ['derstandard.at'], nameFromDomain: true, feeds: [] },
  { id: 'bbc-news', name: 'BBC News', domains: ['bbc.co.uk'], feeds: [] },
  { id: 'clarin-com', name: 'clarin.com', domains: ['clarin.com'], nameFromDomain: true, feeds: [] },
];
const registry = new OutletRegistry(outlets);

describe('outletsNamedByFeeds', () => {
  it("renames an outlet known only by its domain after its feeds' shortest title", () => {
    const renamed = outletsNamedByFeeds(registry, [
      { outletId: 'derstandard-at', title: 'derStandard.at | Sport' },
      { outletId: 'derstandard-at', title: '  derStandard.at \n' },
      { outletId: 'derstandard-at' },
    ]);
    expect(renamed).toEqual([{ id: 'derstandard-at', name: 'derStandard.at', domains: ['derstandard.at'], feeds: [] }]);
  });

  it('leaves outlets a source names, and those with no titled feed, as they are', () => {
    expect(
      outletsNamedByFeeds(registry, [
        { outletId: 'bbc-news', title: 'BBC News - Home' },
        { outletId: 'clarin-com', title: ' ' },
      ]),
    ).toEqual([]);
  });

  it('clips a long title to a name the schema accepts', () => {
    expect(nameFromFeedTitle('x'.repeat(300))).toHaveLength(120);
    expect(nameFromFeedTitle(null)).toBe('');
  });
});

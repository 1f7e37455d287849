import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderSources } from '../../../src/background/source-lookup';
import { OutletRegistry, type Outlet } from '../../../src/core/outlets/index';
import { ParallaxDatabase } from '../../../src/db/database';

const outlets: Outlet[] = [
  { id: 'derstandard-at', name: 'derstandard.at', domains: ['derstandard.at'], nameFromDomain: true, country: 'AT', feeds: [] },
  { id: 'bbc-news', name: 'BBC News', domains: ['bbc.co.uk'], typology: 'State Funded Media', feeds: [] },
];

let db: ParallaxDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDatabase(`sources-${Math.random()}`);
});

describe('ReaderSources', () => {
  it('answers synchronously only once the shipped outlets are read', async () => {
    let release: (registry: OutletRegistry) => void = () => undefined;
    const shipped = new Promise<OutletRegistry>((resolve) => {
      release = resolve;
    });
    const sources = new ReaderSources(db, () => shipped);
    const live = sources.liveRegistry();
    const ready = sources.ready();
    expect(live.resolve('https://www.bbc.co.uk/news/x')).toBeNull();
    release(new OutletRegistry(outlets));
    await ready;
    expect(live.resolve('https://www.bbc.co.uk/news/x')?.id).toBe('bbc-news');
  });

  it('names an outlet known only by its domain after its fetched feed, and gives the outlet facts the popup shows', async () => {
    const sources = new ReaderSources(db, async () => new OutletRegistry(outlets));
    const before = await sources.lookup();
    expect(before.outletForUrl('https://www.derstandard.at/story/1')?.name).toBe('derstandard.at');
    expect(before.outletById('bbc-news')).toMatchObject({ name: 'BBC News', typology: 'State Funded Media' });
    await db.feeds.put({
      url: 'https://www.derstandard.at/rss',
      outletId: 'derstandard-at',
      section: 'Austria',
      enabled: true,
      failures: 0,
      nextAttemptAt: 0,
      title: 'derStandard.at',
    });
    const after = await sources.lookup();
    expect(after.outletForUrl('https://www.derstandard.at/story/1')).toMatchObject({
      id: 'derstandard-at',
      name: 'derStandard.at',
      country: 'AT',
    });
    expect(sources.liveRegistry().get('derstandard-at')?.name).toBe('derStandard.at');
  });
});

/**
 * The story pages' answers over the demo index: one story in full, the stories list, a stale cache never
 * served, and the digests kept between lists and workers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seedDemoIndex } from '../../../src/background/demo-seed';
import { IndexTransfer } from '../../../src/background/index-transfer';
import { ReaderSources } from '../../../src/background/source-lookup';
import { StoryIndex } from '../../../src/background/story-index';
import { StoryDigestCache } from '../../../src/background/story-digests';
import { StoryPages } from '../../../src/background/story-pages';
import { DEMO_STORIES, demoCanonicalUrl, demoIndexArticles } from '../../../src/core/demo-index';
import { loadRegistry } from '../../../src/core/outlets/index';
import { NO_FILTER } from '../../../src/core/story-page';
import type { ListAsked } from '../../../src/messaging/kept-story-list';
import type { StoryList } from '../../../src/messaging/protocol-stories';
import { DEFAULT_STORY_WINDOW, FIRST_LIST } from '../../../src/messaging/story-windows';
import { ParallaxDatabase, type StoredArticle } from '../../../src/db/database';

const reuters = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;

/** The reader's catalog, telling `onLookup` of each article address it resolves (one per article digested). */
function watchedSources(sources: ReaderSources, onLookup: (url: string) => void) {
  return {
    catalog: async () => {
      const { lookup, key } = await sources.catalog();
      const outletForUrl = (url: string) => {
        onLookup(url);
        return lookup.outletForUrl(url);
      };
      return { key, lookup: { ...lookup, outletForUrl } };
    },
  };
}

let db: ParallaxDatabase;
let stamp = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDatabase(`test-${Math.random()}`);
});

async function seeded() {
  const index = new StoryIndex(db);
  await seedDemoIndex(db, index);
  const pages = new StoryPages({ db, index, sources: new ReaderSources(db, async () => loadRegistry()), stamp: () => String(stamp) });
  const [storyId] = await index.storiesOf([demoCanonicalUrl(reuters)]);
  return { pages, storyId: storyId! };
}

describe('story pages over the demo index', () => {
  it('answers one story in full, and "missing" for a story the index does not hold', async () => {
    const { pages, storyId } = await seeded();
    const reply = await pages.page(storyId);
    if (reply.status !== 'found') throw new Error(reply.status);
    expect(reply.page.sources).toBe(11);
    expect(reply.page.first?.outletName).toBe('The Japan Times');
    expect(reply.page.summary.length).toBeGreaterThanOrEqual(2);
    expect(reply.page.reports.L.length + reply.page.reports.C.length + reply.page.reports.R.length).toBeGreaterThan(0);
    expect(await pages.page('no-such-story')).toEqual({ status: 'missing' });
    expect(await pages.related('no-such-story')).toEqual([]);
  });

  it('lists the stories of the window by sources, and filters them', async () => {
    const { pages, storyId } = await seeded();
    const list = await pages.list(14, NO_FILTER, 1000);
    expect(list.total).toBe(DEMO_STORIES.length);
    expect(list.stories[0].id).toBe(storyId);
    expect(list.stories.map((s) => s.sources)).toEqual([...list.stories.map((s) => s.sources)].sort((a, b) => b - a));
    const storm = await pages.list(14, { ...NO_FILTER, query: 'winter storm' }, 1000);
    expect(storm.matching).toBe(1);
    // Seven days back from the newest article (the storm, 25 January) leave out the talks of the 16th.
    expect((await pages.list(7, NO_FILTER, 1000)).stories.map((s) => s.id)).not.toContain(storyId);
    expect((await pages.list(14, NO_FILTER, 1)).stories).toHaveLength(1);
  });

  it('recomputes the list once a setting changes (a new stamp), never serving the old counts', async () => {
    const { pages, storyId } = await seeded();
    const before = (await pages.list(14, NO_FILTER, 1000)).stories.find((s) => s.id === storyId)!;
    await db.setPreferences({ ...(await db.getPreferences()), hiddenOutlets: ['fox-news'] });
    stamp++;
    const after = (await pages.list(14, NO_FILTER, 1000)).stories.find((s) => s.id === storyId)!;
    expect(after.sources).toBe(before.sources - 1);
  });

  it('lets other work run between stories while it digests a window', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const sources = new ReaderSources(db, async () => loadRegistry());
    // Every outlet looked up and every task that ran, in the order they happened.
    const events: string[] = [];
    const spied = watchedSources(sources, () => events.push('digest'));
    const pages = new StoryPages({ db, index, sources: spied, stamp: () => 'spied', sliceMs: 0 });
    let done = false;
    const tick = () => {
      if (done) return;
      events.push('task');
      setTimeout(tick, 0);
    };
    const listed = pages.list(14, NO_FILTER, 1000).finally(() => {
      done = true;
    });
    tick();
    expect((await listed).total).toBe(DEMO_STORIES.length);
    const digesting = events.slice(events.indexOf('digest'), events.lastIndexOf('digest'));
    expect(digesting.filter((e) => e === 'task').length).toBeGreaterThanOrEqual(DEMO_STORIES.length - 1);
  });
});

/** A worker's story pages over `db`, counting the articles it digests; `build`: the extension's version. */
function workerPages(db: ParallaxDatabase, index: StoryIndex, build = '1.0.0', prepareDelayMs?: number) {
  const sources = new ReaderSources(db, async () => loadRegistry());
  const digested: string[] = [];
  const counting = watchedSources(sources, (url) => digested.push(url));
  const digests = new StoryDigestCache(fakeBrowser.storage.session, build);
  const stamp = () => String(index.generation());
  const keptLists: { asked: ListAsked; list: StoryList; stamp: string }[] = [];
  const keepFirstList = (asked: ListAsked, list: StoryList, at: string) => void keptLists.push({ asked, list, stamp: at });
  return {
    pages: new StoryPages({ db, index, sources: counting, digests, stamp, prepareDelayMs, keepFirstList }),
    digests,
    digested,
    keptLists,
  };
}

describe('story digests kept between lists and workers', () => {
  it('lists the window in a new worker from the digests the last one kept, digesting no article', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const first = workerPages(db, index);
    const listed = await first.pages.list(14, NO_FILTER, 1000);
    expect(first.digested.length).toBe(demoIndexArticles().length);
    // Stored once the list has been answered.
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['story-digests']));
    // A new worker: a new engine over the same database, new pages, a cache read from the session store.
    const next = workerPages(db, new StoryIndex(db));
    expect(await next.pages.list(14, NO_FILTER, 1000)).toEqual(listed);
    expect(next.digested).toEqual([]);
  });

  it('digests again only the story that gained an article, and shows it', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const worker = workerPages(db, index);
    const [storyId] = await index.storiesOf([demoCanonicalUrl(reuters)]);
    const before = (await worker.pages.list(14, NO_FILTER, 1000)).stories.find((s) => s.id === storyId)!;
    worker.digested.length = 0;
    const row = (await db.articles.get(demoCanonicalUrl(reuters)))!;
    // The same report, carried by an outlet not yet in the story, an hour later.
    const repost: StoredArticle = {
      ...row,
      id: 'https://www.npr.org/2026/01/17/reposted-talks',
      url: 'https://www.npr.org/2026/01/17/reposted-talks',
      publisher: 'NPR',
      host: 'www.npr.org',
      published: row.published + 3_600_000,
    };
    expect(await index.add([repost])).toBe(1);
    const [joined] = await index.storiesOf([repost.id]);
    expect(joined).toBe(storyId);
    const after = (await worker.pages.list(14, NO_FILTER, 1000)).stories.find((s) => s.id === storyId)!;
    expect(after.sources).toBe(before.sources + 1);
    expect(worker.digested.length).toBe((await index.memberIds(storyId!)).length);
  });

  it('answers the whole list when the digests are forgotten while it digests, and keeps none of them', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const digests = new StoryDigestCache(fakeBrowser.storage.session, '1.0.0');
    const sources = new ReaderSources(db, async () => loadRegistry());
    let forgotten: Promise<void> | null = null;
    // A setting changes as the first article is digested.
    const forgetting = watchedSources(sources, () => {
      forgotten ??= digests.forget();
    });
    const pages = new StoryPages({ db, index, sources: forgetting, digests, stamp: () => 'one' });
    expect((await pages.list(14, NO_FILTER, 1000)).total).toBe(DEMO_STORIES.length);
    expect(forgotten).not.toBeNull();
    await forgotten;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('uses none of them once forgotten (a setting changed), nor those another build kept', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const first = workerPages(db, index);
    await first.pages.list(14, NO_FILTER, 1000);
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['story-digests']));
    const updated = workerPages(db, new StoryIndex(db), '1.0.1');
    await updated.pages.list(14, NO_FILTER, 1000);
    expect(updated.digested.length).toBe(demoIndexArticles().length);
    await updated.digests.forget();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    const next = workerPages(db, new StoryIndex(db), '1.0.1');
    await next.pages.list(14, NO_FILTER, 1000);
    expect(next.digested.length).toBe(demoIndexArticles().length);
  });

  it('digests the first window once the index has settled after its changes, so that its list digests nothing', async () => {
    const index = new StoryIndex(db);
    await seedDemoIndex(db, index);
    const worker = workerPages(db, index, '1.0.0', 50);
    worker.pages.followIndex();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // No change yet: nothing digested ahead.
    expect(worker.digested).toEqual([]);
    // Three changes in a row (a refresh adds its articles batch by batch): one pass, after the last.
    // Copies of the newest article, whose story is in the first window (the newest seven days).
    const row = (await db.articles.orderBy('published').last())!;
    for (const n of [1, 2, 3]) {
      const copy = { ...row, id: `${row.id}/copy-${n}`, url: `${row.url}/copy-${n}`, published: row.published + n * 60_000 };
      expect(await index.add([copy])).toBe(1);
    }
    // Digested, then stored for the next worker (the previous test's worker may store its own late: build 1.0.1).
    const stored = async () => (await fakeBrowser.storage.session.get('story-digests'))['story-digests'] as { build: string } | undefined;
    await vi.waitFor(async () => expect((await stored())?.build).toBe('1.0.0'));
    const ahead = worker.digested.length;
    expect(ahead).toBeGreaterThan(0);
    expect(new Set(worker.digested).size).toBe(ahead);
    expect(worker.digested).toContain(`${row.id}/copy-3`);
    // The list answers from what was digested ahead, and the same as a worker that digests it on demand.
    const listed = await worker.pages.list(DEFAULT_STORY_WINDOW, NO_FILTER, 1000);
    expect(worker.digested.length).toBe(ahead);
    // That list was kept for the stories page's next opening, in the index's state after the last change.
    expect(worker.keptLists).toEqual([{ asked: FIRST_LIST, list: listed, stamp: String(index.generation()) }]);
    await worker.digests.forget();
    const onDemand = workerPages(db, index);
    expect(await onDemand.pages.list(DEFAULT_STORY_WINDOW, NO_FILTER, 1000)).toEqual(listed);
    expect(onDemand.digested.length).toBe(ahead);
  });

  it('answers related stories from the digests the list kept, digesting no article, as a new worker would', async () => {
    // Three stories of November 2026 (the E2E fixture): a wire report, a related one, an unrelated one.
    const index = new StoryIndex(db);
    const transfer = new IndexTransfer({ db, index, now: () => Date.now(), hasPermission: async () => false });
    await transfer.importText(readFileSync(resolve('tests/fixtures/story-pages/index.json'), 'utf8'));
    const listing = workerPages(db, index);
    const [wire] = (await listing.pages.list(14, NO_FILTER, 1000)).stories;
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['story-digests']));
    // Another build's worker keeps none of those digests: it digests the related stories.
    const onDemand = workerPages(db, index, '2.0.0');
    const related = await onDemand.pages.related(wire.id);
    expect(related.map((story) => story.headline)).toEqual([expect.stringMatching(/Digging resumes on Gateway tunnel/)]);
    expect(onDemand.digested.length).toBeGreaterThan(0);
    listing.digested.length = 0;
    expect(await listing.pages.related(wire.id)).toEqual(related);
    expect(listing.digested).toEqual([]);
  });
});

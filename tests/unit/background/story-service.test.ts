import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_STORIES, demoCanonicalUrl } from '../../../src/core/demo-index';
import type { Detection } from '../../../src/core/types';
import { ParallaxDatabase } from '../../../src/db/database';
import { seedDemoIndex } from '../../../src/background/demo-seed';
import { ReaderSources } from '../../../src/background/source-lookup';
import { StoryIndex } from '../../../src/background/story-index';
import { StoryService } from '../../../src/background/story-service';
import { loadRegistry } from '../../../src/core/outlets/index';
import { detectionOf, pageUrl } from '../support/demo';

/** The shipped outlets as Node has them (the worker reads the same file as an extension resource). */
const shipped = async () => loadRegistry();

const reuters = DEMO_STORIES[0].articles.find((a) => a.host === 'www.reuters.com')!;
const lone = DEMO_STORIES[2].articles[0];

let db: ParallaxDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDatabase(`test-${Math.random()}`);
});

async function seeded() {
  const index = new StoryIndex(db);
  await seedDemoIndex(db, index);
  return { index, service: new StoryService(db, index, new ReaderSources(db, shipped)) };
}

describe('story service over the demo index', () => {
  it('says the index is empty before anything is indexed', async () => {
    const service = new StoryService(db, new StoryIndex(db), new ReaderSources(db, shipped));
    const view = await service.view(pageUrl(reuters), detectionOf(reuters));
    expect(view.status).toBe('index-empty');
  });

  it('matches a demo article to its story with the distribution of the other outlets', async () => {
    const { service } = await seeded();
    const view = await service.view(pageUrl(reuters), detectionOf(reuters));
    expect(view.status).toBe('matched');
    if (view.status !== 'matched') return;
    expect(view.outlet?.name).toBe('Reuters');
    expect(view.distribution.sources).toBe(11);
    expect(view.distribution.counts).toEqual({ L: 3, C: 3, R: 4 });
    expect(view.distribution.percent).toEqual({ L: 30, C: 30, R: 40 });
    expect(view.distribution.unrated).toBe(1);
    expect(view.coverage).toHaveLength(10);
    expect(view.coverage.some((c) => c.outletName === 'Reuters')).toBe(false);
    expect(view.first?.outletName).toBe('The Japan Times');
  });

  it('leaves hidden outlets out of coverage and distribution', async () => {
    const { service } = await seeded();
    await db.setPreferences({ ...(await db.getPreferences()), hiddenOutlets: ['fox-news', 'breitbart'] });
    const view = await service.view(pageUrl(reuters), detectionOf(reuters));
    if (view.status !== 'matched') throw new Error(view.status);
    expect(view.distribution.counts).toEqual({ L: 3, C: 3, R: 2 });
    expect(view.coverage.map((c) => c.outletId)).not.toContain('fox-news');
    expect(view.coverage.map((c) => c.outletId)).not.toContain('breitbart');
  });

  it('says honestly when there is no other coverage, and when a page is not an article', async () => {
    const { service } = await seeded();
    expect((await service.view(pageUrl(lone), detectionOf(lone))).status).toBe('no-coverage');
    expect((await service.view(pageUrl(lone), { ...detectionOf(lone), isArticle: false })).status).toBe('not-article');
  });

  it('gives the badge the outlet lean and the rounded shares', async () => {
    const { service } = await seeded();
    const badge = await service.badge(pageUrl(reuters), detectionOf(reuters));
    expect(badge).toMatchObject({
      show: true,
      outletName: 'Reuters',
      lean: 'center',
      sources: 11,
      percent: { L: 30, C: 30, R: 40 },
      matched: true,
    });
    await db.setPreferences({ ...(await db.getPreferences()), dismissedSites: ['127.0.0.1'] });
    expect((await service.badge(pageUrl(reuters), detectionOf(reuters))).show).toBe(false);
  });

  it('answers identically from the stored snapshot after the worker restarts', async () => {
    const { service } = await seeded();
    const before = await service.view(pageUrl(reuters), detectionOf(reuters));
    const restarted = new StoryService(db, new StoryIndex(db), new ReaderSources(db, shipped));
    expect(await restarted.view(pageUrl(reuters), detectionOf(reuters))).toEqual(before);
  });

  it('seeds the demo once, and adding the same articles again adds nothing', async () => {
    const { index } = await seeded();
    expect(await seedDemoIndex(db, index)).toBe(0);
    expect((await index.status()).articles).toBe(18);
    const row = (await db.articles.get(demoCanonicalUrl(reuters)))!;
    expect(await index.add([row])).toBe(0);
  });
});

describe('preferences in the database', () => {
  it('falls back to defaults when the stored row is not valid', async () => {
    await db.preferences.put({ key: 'prefs', value: { hiddenOutlets: 'cnn' } as never });
    expect((await db.getPreferences()).hiddenOutlets).toEqual([]);
  });
  it('refuses to store invalid preferences', async () => {
    await expect(db.setPreferences({ ...(await db.getPreferences()), retentionDays: 0 })).rejects.toThrow();
  });
});

describe('the reader’s corrections and records', () => {
  it('"wrong story" unlinks the article from that story, locally', async () => {
    const { service } = await seeded();
    const view = await service.view(pageUrl(reuters), detectionOf(reuters));
    if (view.status !== 'matched') throw new Error(view.status);
    await service.unlink(pageUrl(reuters), detectionOf(reuters), view.story.id);
    expect(await service.view(pageUrl(reuters), detectionOf(reuters))).toMatchObject({ status: 'no-coverage', unlinked: true });
    // Another article of the same story still sees it.
    const ap = DEMO_STORIES[0].articles.find((a) => a.host === 'apnews.com')!;
    expect((await service.view(pageUrl(ap), detectionOf(ap))).status).toBe('matched');
  });

  it('keeps "wrong story" when that story is later merged into another', async () => {
    const index = new StoryIndex(db);
    const service = new StoryService(db, index, new ReaderSources(db, shipped));
    const T0 = Date.parse('2026-03-02T08:00:00Z');
    const stored = (id: string, title: string, hours: number) => ({
      id: `https://news${id}.example/${id}`,
      url: `https://news${id}.example/${id}`,
      title,
      host: `news${id}.example`,
      published: T0 + hours * 3600_000,
      origin: 'feed' as const,
      addedAt: T0,
    });
    // Two fragments of one event, worded apart, then coverage that bridges them: the engine merges them.
    await index.add([
      stored('a0', 'Acme recalls electric scooters over battery fires', 0),
      stored('a1', 'Acme recalls scooters over battery fires', 1),
      stored('a2', 'Battery fires: Acme recalls electric scooters', 2),
      stored('b0', 'Scooter maker shares plunge on Wall Street', 3),
      stored('b1', 'Scooter maker shares plunge as investors flee', 4),
      stored('b2', 'Shares of scooter maker plunge on Wall Street', 5),
    ]);
    const reader = { ...stored('r', 'Scooter maker shares plunge on Wall Street again', 5.5), canonicalUrl: 'https://newsr.example/r' };
    const page = 'https://newsr.example/r';
    const detection: Detection = {
      isArticle: true,
      reasons: [],
      title: reader.title,
      canonicalUrl: reader.canonicalUrl,
      siteName: null,
      byline: null,
      published: new Date(reader.published).toISOString(),
      modified: null,
      description: null,
      lang: 'en',
    };
    const before = await service.view(page, detection);
    if (before.status !== 'matched') throw new Error(before.status);
    await service.unlink(page, detection, before.story.id);
    await index.add([
      stored('c0', 'Acme scooter maker shares plunge after battery fires recall', 6),
      stored('c1', 'Acme shares plunge: scooter recall over battery fires', 7),
    ]);
    const merged = await index.currentStoryId(before.story.id);
    expect(merged).toBeDefined();
    expect((await index.members(merged ?? '')).map((a) => a.id)).toContain('https://newsa0.example/a0');
    expect(await service.view(page, detection)).toMatchObject({ status: 'no-coverage', unlinked: true });
  });

  it('records an opened article once for the reading diet, with its lean', async () => {
    const { service } = await seeded();
    await service.badge(pageUrl(reuters), detectionOf(reuters));
    await service.badge(pageUrl(reuters), detectionOf(reuters));
    const rows = await db.reading.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ articleId: demoCanonicalUrl(reuters), outletId: 'reuters', side: 'C' });
    await service.badge(pageUrl(reuters), { ...detectionOf(reuters), isArticle: false });
    expect(await db.reading.count()).toBe(1);
  });

  it('uses the reader’s imported provider before the shipped one, and their custom outlets', async () => {
    const { service } = await seeded();
    await db.providers.put({
      id: 'my-panel',
      active: true,
      importedAt: 1,
      set: {
        provider: {
          id: 'my-panel',
          name: 'My panel',
          licence: 'CC0',
          licenceUrl: 'https://example.org/l',
          sourceUrl: 'https://example.org/s',
          date: '2026',
          attribution: 'Mine',
        },
        ratings: [{ outletId: 'reuters', providerId: 'my-panel', lean: 'lean-right' }],
      },
    });
    const view = await service.view(pageUrl(reuters), detectionOf(reuters));
    expect(view.status !== 'not-article' && view.outlet?.rating?.providerName).toBe('My panel');
    await db.providers.update('my-panel', { active: false });
    const back = await service.view(pageUrl(reuters), detectionOf(reuters));
    expect(back.status !== 'not-article' && back.outlet?.rating?.providerName).toMatch(/AllSides/);

    await db.customOutlets.put({
      id: 'tokyo-weekly',
      addedAt: 1,
      outlet: { id: 'tokyo-weekly', name: 'Tokyo Weekly', domains: ['tokyoweekly.example.com'], feeds: [] },
    });
    const custom = { ...detectionOf(lone), canonicalUrl: 'https://www.tokyoweekly.example.com/2026/01/20/citrus' };
    const mine = await service.view('https://www.tokyoweekly.example.com/2026/01/20/citrus', custom);
    expect(mine.status !== 'not-article' && mine.outlet?.name).toBe('Tokyo Weekly');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexFileError, IndexTransfer } from '../../../src/background/index-transfer';
import { StoryIndex } from '../../../src/background/story-index';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { ParallaxDatabase, type StoredArticle } from '../../../src/db/database';
import { sampleFile } from '../support/index-file';

const NOW = Date.parse('2026-11-21T08:00:00Z');
let db: ParallaxDatabase;
beforeEach(() => {
  db = new ParallaxDatabase(`transfer-${Math.random()}`);
});

const stored = (id: string, origin: StoredArticle['origin'], title = `Title of ${id}`): StoredArticle => ({
  id,
  url: id,
  title,
  published: NOW - 3_600_000,
  origin,
  addedAt: NOW - 60_000,
  outletId: 'left-times',
  host: new URL(id).hostname,
});

async function snapshot(database: ParallaxDatabase) {
  return {
    articles: await database.articles.orderBy('id').toArray(),
    feeds: await database.feeds.orderBy('url').toArray(),
    prefs: await database.getPreferences(),
    engine: (await database.engineState.get('engine'))?.articleCount,
  };
}

describe('index export and import', () => {
  it('round-trips articles, feed settings and preferences into another browser', async () => {
    const index = new StoryIndex(db);
    await index.add([
      stored('https://www.lefttimes.com/x', 'feed'),
      stored('https://rightpost.com/y', 'import'),
      stored('https://demo.example.com/d', 'demo'),
    ]);
    await db.feeds.put({
      url: 'https://www.lefttimes.com/world/rss.xml',
      outletId: 'left-times',
      section: 'World',
      enabled: true,
      failures: 2,
      nextAttemptAt: NOW,
      etag: '"e"',
    });
    await db.setPreferences({ ...DEFAULT_PREFERENCES, retentionDays: 7 });
    const file = await new IndexTransfer({ db, index, now: () => NOW }).exportFile();
    expect(file.articles.map((a) => a.id).sort()).toEqual(['https://rightpost.com/y', 'https://www.lefttimes.com/x']);
    expect(file.feeds).toEqual([
      { url: 'https://www.lefttimes.com/world/rss.xml', outletId: 'left-times', section: 'World', enabled: true },
    ]);

    const other = new ParallaxDatabase(`transfer-other-${Math.random()}`);
    const otherIndex = new StoryIndex(other);
    const refine = vi.spyOn(otherIndex, 'refine');
    const result = await new IndexTransfer({ db: other, index: otherIndex, now: () => NOW }).importText(JSON.stringify(file));
    expect(result).toEqual({ articles: 2, added: 2, feeds: 1 });
    // The stories are revised once, with the whole file in.
    expect(refine).toHaveBeenCalledTimes(1);
    expect((await other.getPreferences()).retentionDays).toBe(7);
    expect(await other.articles.get('https://www.lefttimes.com/x')).toMatchObject({
      title: 'Title of https://www.lefttimes.com/x',
      origin: 'import',
      addedAt: NOW,
    });
    expect(await other.feeds.get('https://www.lefttimes.com/world/rss.xml')).toMatchObject({
      enabled: true,
      failures: 0,
      nextAttemptAt: NOW,
    });
    expect((await otherIndex.status()).articles).toBe(2);
  });

  it('merges articles by id: held ones stay as they are, new ones are added', async () => {
    const index = new StoryIndex(db);
    await index.add([stored('https://www.lefttimes.com/a/0', 'feed', 'Kept title')]);
    const result = await new IndexTransfer({ db, index, now: () => NOW }).importFile(sampleFile(3));
    expect(result).toEqual({ articles: 3, added: 2, feeds: 1 });
    expect(await db.articles.count()).toBe(3);
    expect((await db.articles.get('https://www.lefttimes.com/a/0'))?.title).toBe('Kept title');
  });

  it('replaces feed settings, keeping the refresh state of feeds it keeps', async () => {
    const index = new StoryIndex(db);
    await db.feeds.bulkPut([
      {
        url: 'https://www.lefttimes.com/world/rss.xml',
        outletId: 'left-times',
        section: 'Old',
        enabled: false,
        failures: 3,
        nextAttemptAt: NOW + 9e6,
        etag: '"v"',
      },
      { url: 'https://rightpost.com/feed.atom', outletId: 'right-post', section: 'News', enabled: true, failures: 0, nextAttemptAt: NOW },
    ]);
    await new IndexTransfer({ db, index, now: () => NOW }).importFile(sampleFile(1));
    expect(await db.feeds.toArray()).toEqual([
      {
        url: 'https://www.lefttimes.com/world/rss.xml',
        outletId: 'left-times',
        section: 'World',
        enabled: true,
        failures: 3,
        nextAttemptAt: NOW,
        etag: '"v"',
      },
    ]);
  });

  it('changes nothing when any row is invalid, and the error names the row', async () => {
    const index = new StoryIndex(db);
    await index.add([stored('https://www.lefttimes.com/held', 'feed')]);
    await db.feeds.put({
      url: 'https://rightpost.com/feed.atom',
      outletId: 'right-post',
      section: 'News',
      enabled: true,
      failures: 0,
      nextAttemptAt: NOW,
    });
    const before = await snapshot(db);
    const file = JSON.parse(JSON.stringify(sampleFile(50))) as { articles: { published: unknown }[] };
    file.articles[42].published = 'yesterday';
    const transfer = new IndexTransfer({ db, index, now: () => NOW });
    const failure = await transfer.importFile(file).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IndexFileError);
    expect((failure as IndexFileError).message).toBe('invalid index file: articles[42].published: expected a number, received string');
    expect((failure as IndexFileError).errors).toEqual(['articles[42].published: expected a number, received string']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back everything when storing fails part-way (one transaction)', async () => {
    const index = new StoryIndex(db);
    await index.add([stored('https://www.lefttimes.com/held', 'feed')]);
    const before = await snapshot(db);
    const failingIndex = {
      ready: () => index.ready(),
      add: async (articles: readonly StoredArticle[]) => {
        await db.articles.bulkAdd([...articles]);
        throw new Error('disk full');
      },
    };
    await expect(new IndexTransfer({ db, index: failingIndex, now: () => NOW }).importFile(sampleFile(5))).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('says so when the text is not JSON', async () => {
    const transfer = new IndexTransfer({ db, index: new StoryIndex(db), now: () => NOW });
    await expect(transfer.importText('{"format": "parallax-index",')).rejects.toThrow(/^invalid index file: file: not valid JSON/);
  });
});

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

const transferOf = (database: ParallaxDatabase, index = new StoryIndex(database), extra = {}) =>
  new IndexTransfer({ db: database, index, now: () => NOW, ...extra });

describe('index export and import', () => {
  it('round-trips articles, feed settings and preferences into another browser; the file turns no feed on', async () => {
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
    const file = JSON.parse(await transferOf(db, index).exportText());
    expect(file.articles.map((a: { id: string }) => a.id)).toEqual(['https://rightpost.com/y', 'https://www.lefttimes.com/x']);
    expect(file.feeds).toEqual([
      { url: 'https://www.lefttimes.com/world/rss.xml', outletId: 'left-times', section: 'World', enabled: true },
    ]);

    const other = new ParallaxDatabase(`transfer-other-${Math.random()}`);
    const otherIndex = new StoryIndex(other);
    const refine = vi.spyOn(otherIndex, 'refine');
    const result = await transferOf(other, otherIndex).importText(JSON.stringify(file));
    expect(result).toEqual({ articles: 2, added: 2, feeds: 1, feedsOn: 0, feedsReplaced: true, preferencesReplaced: true, leftOut: [] });
    // The stories are revised once, with the whole file in.
    expect(refine).toHaveBeenCalledTimes(1);
    expect((await other.getPreferences()).retentionDays).toBe(7);
    expect(await other.articles.get('https://www.lefttimes.com/x')).toMatchObject({ origin: 'import', addedAt: NOW });
    // On in the file, off here until the reader turns it on (and grants its site).
    expect(await other.feeds.get('https://www.lefttimes.com/world/rss.xml')).toMatchObject({ enabled: false, failures: 0 });
    expect((await otherIndex.status()).articles).toBe(2);
  });

  it('merges articles by id: held ones stay as they are, new ones are added', async () => {
    const index = new StoryIndex(db);
    await index.add([stored('https://www.lefttimes.com/a/0', 'feed', 'Kept title')]);
    const result = await transferOf(db, index).importText(JSON.stringify(sampleFile(3)));
    expect(result).toMatchObject({ articles: 3, added: 2, feeds: 1 });
    expect(await db.articles.count()).toBe(3);
    expect((await db.articles.get('https://www.lefttimes.com/a/0'))?.title).toBe('Kept title');
  });

  it('replaces feed settings, keeping the refresh state of feeds it keeps, and a feed on here stays on', async () => {
    await db.feeds.bulkPut([
      {
        url: 'https://www.lefttimes.com/world/rss.xml',
        outletId: 'left-times',
        section: 'Old',
        enabled: true,
        failures: 3,
        nextAttemptAt: NOW + 9e6,
        etag: '"v"',
      },
      { url: 'https://rightpost.com/feed.atom', outletId: 'right-post', section: 'News', enabled: true, failures: 0, nextAttemptAt: NOW },
    ]);
    await transferOf(db).importText(JSON.stringify(sampleFile(1)));
    expect(await db.feeds.toArray()).toEqual([
      {
        url: 'https://www.lefttimes.com/world/rss.xml',
        outletId: 'left-times',
        section: 'World',
        enabled: true,
        failures: 3,
        nextAttemptAt: NOW + 9e6,
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
    const failure = await transferOf(db, index)
      .importText(JSON.stringify(file))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IndexFileError);
    expect((failure as IndexFileError).message).toBe('invalid index file: articles[42].published: expected a number, received string');
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
    await expect(transferOf(db, failingIndex as unknown as StoryIndex).importText(JSON.stringify(sampleFile(5)))).rejects.toThrow(
      'disk full',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('says so when the text is not JSON', async () => {
    await expect(transferOf(db).importText('{"format": "parallax-index",')).rejects.toThrow(/^invalid index file: file: not valid JSON/);
  });

  it('refuses a file of more than 150,000 articles, the index’s cap, with nothing stored', async () => {
    // Rows as short as can be: the refusal comes at the 150,001st, whatever the rows hold.
    const text = JSON.stringify({ ...sampleFile(1), articles: [...sampleFile(1).articles, ...new Array(150_000).fill(0)] });
    const failure = await transferOf(db)
      .importText(text)
      .catch((e: unknown) => e);
    expect((failure as IndexFileError).errors).toEqual([
      "articles: more than 150,000 articles; Parallax's index keeps at most 150,000, so this file cannot be imported",
    ]);
    expect(await db.articles.count()).toBe(0);
  }, 30_000);
});

describe('export in pieces', () => {
  it('reads articles in id order after a cursor, so a worker started afresh goes on with none twice or missed', async () => {
    const index = new StoryIndex(db);
    const ids = Array.from({ length: 1_200 }, (_, i) => `https://www.lefttimes.com/a/${String(i).padStart(4, '0')}`);
    await index.add([...ids.map((id) => stored(id, 'feed')), stored('https://demo.example.com/d', 'demo')]);
    const whole = await transferOf(db, index).exportText();
    const head = await transferOf(db, index, { pieceChars: 20_000 }).exportHead();
    expect(head.total).toBe(1_200);
    const parts = [head.text];
    let after: string | null = null;
    let written = 0;
    let pieces = 0;
    for (;;) {
      // Each piece from a new transfer over a new index, as a worker woken for it would answer.
      const piece = await transferOf(db, new StoryIndex(db), { pieceChars: 20_000 }).exportRows(after, written);
      parts.push(piece.text);
      written += piece.count;
      after = piece.last;
      pieces++;
      if (piece.done) break;
    }
    expect(pieces).toBe(3);
    expect(parts.join('')).toBe(whole);
    expect(JSON.parse(whole).articles.map((a: { id: string }) => a.id)).toEqual(ids);
  });

  it('writes a valid file for an index with no article, or only demo ones', async () => {
    const index = new StoryIndex(db);
    expect(JSON.parse(await transferOf(db, index).exportText()).articles).toEqual([]);
    await index.add([stored('https://demo.example.com/d', 'demo')]);
    expect(JSON.parse(await transferOf(db, index).exportText()).articles).toEqual([]);
  });
});

/** An import: what it would change, shown before anything is written, and the reader's choices honoured. */
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexTransfer } from '../../../src/background/index-transfer';
import { StoryIndex } from '../../../src/background/story-index';
import { buildIndexFile } from '../../../src/core/index-file/index';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { ParallaxDatabase } from '../../../src/db/database';
import { sampleFile } from '../support/index-file';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const LEFT = 'https://www.lefttimes.com/world/rss.xml';
const RIGHT = 'https://rightpost.com/feed.atom';
let db: ParallaxDatabase;
let granted: string[];

beforeEach(async () => {
  db = new ParallaxDatabase(`session-${Math.random()}`);
  granted = [];
  await db.setPreferences({ ...DEFAULT_PREFERENCES, retentionDays: 60, hiddenOutlets: ['cnn'] });
  // 29 feeds here, as the reader of the audit had.
  await db.feeds.bulkPut(
    Array.from({ length: 29 }, (_, i) => ({
      url: `https://feeds.example.com/${i}.xml`,
      outletId: 'example',
      section: 'Main',
      enabled: true,
      failures: 0,
      nextAttemptAt: NOW,
    })),
  );
});

const transfer = () =>
  new IndexTransfer({ db, index: new StoryIndex(db), now: () => NOW, hasPermission: async (p) => granted.includes(p) });

/** The sample file with these feeds (all on in the file). */
function fileWith(feeds: string[], articles = 3): string {
  const base = sampleFile(articles);
  return JSON.stringify(
    buildIndexFile({
      exportedAt: NOW,
      generator: 'test',
      preferences: base.preferences,
      feeds: feeds.map((url) => ({ url, outletId: 'left-times', section: 'World', enabled: true })),
      articles: base.articles,
    }),
  );
}

async function staged(text: string) {
  const session = transfer().openImport();
  session.push(text);
  return { session, preview: await session.finish() };
}

describe('an import’s preview', () => {
  it('counts what would change, lists a few, and writes nothing', async () => {
    await new StoryIndex(db).add([{ ...sampleFile(1).articles[0], origin: 'feed', addedAt: NOW }]);
    const before = { feeds: await db.feeds.toArray(), prefs: await db.getPreferences(), articles: await db.articles.count() };
    const { preview } = await staged(fileWith([LEFT, 'http://127.0.0.1:9000/rss', 'http://10.0.0.7/feed'], 3));
    expect(preview.articles).toEqual({
      inFile: 3,
      new: 2,
      held: 1,
      overCap: 0,
      sample: [
        { title: 'Article 1', host: 'www.lefttimes.com' },
        { title: 'Article 2', host: 'www.lefttimes.com' },
      ],
    });
    expect(preview.feeds).toMatchObject({
      inFile: 1,
      held: 29,
      removed: 29,
      removedSample: ['https://feeds.example.com/0.xml', 'https://feeds.example.com/1.xml', 'https://feeds.example.com/10.xml'],
      added: 1,
      addedSample: [LEFT],
      toTurnOn: [{ url: LEFT, site: 'https://www.lefttimes.com/*' }],
      leftOut: ['http://127.0.0.1:9000/rss', 'http://10.0.0.7/feed'],
    });
    expect(preview.preferences).toMatchObject({ retentionDays: 30, hiddenOutlets: ['right-post'] });
    expect({ feeds: await db.feeds.toArray(), prefs: await db.getPreferences(), articles: await db.articles.count() }).toEqual(before);
  });

  it('warns when the index would pass its size cap', async () => {
    const t = new IndexTransfer({ db, index: new StoryIndex(db), now: () => NOW, maxArticles: 2 });
    const session = t.openImport();
    session.push(fileWith([], 2));
    expect((await session.finish()).articles.overCap).toBe(0);
    const more = new IndexTransfer({ db, index: new StoryIndex(db), now: () => NOW, maxArticles: 3 });
    await more.importText(fileWith([], 3));
    const next = more.openImport();
    next.push(
      JSON.stringify({ ...sampleFile(0), articles: [{ ...sampleFile(1).articles[0], id: 'https://x.com/new', url: 'https://x.com/new' }] }),
    );
    expect((await next.finish()).articles.overCap).toBe(1);
  });
});

describe('committing an import', () => {
  it('keeps the reader’s feeds and preferences unless they chose to replace them', async () => {
    const before = { feeds: await db.feeds.toArray(), prefs: await db.getPreferences() };
    const { session } = await staged(fileWith([LEFT]));
    const result = await transfer().commit(session, { replaceFeeds: false, replacePreferences: false, enableFeeds: [] });
    expect(result).toMatchObject({ added: 3, feeds: 0, feedsReplaced: false, preferencesReplaced: false });
    expect({ feeds: await db.feeds.toArray(), prefs: await db.getPreferences() }).toEqual(before);
    expect(await db.articles.count()).toBe(3);
  });

  it('turns on a file’s feed only when the reader chose it and its site is granted', async () => {
    granted = ['https://www.lefttimes.com/*'];
    const { session } = await staged(fileWith([LEFT, RIGHT]));
    const result = await transfer().commit(session, { replaceFeeds: true, replacePreferences: true, enableFeeds: [LEFT, RIGHT] });
    expect(result).toMatchObject({ feeds: 2, feedsOn: 1, feedsReplaced: true, preferencesReplaced: true });
    expect((await db.feeds.toArray()).map((f) => [f.url, f.enabled, f.nextAttemptAt])).toEqual([
      [RIGHT, false, NOW],
      [LEFT, true, NOW],
    ]);
    expect((await db.getPreferences()).retentionDays).toBe(30);
  });

  it('never stores a feed on this machine or its local network', async () => {
    const { session } = await staged(fileWith(['http://localhost:8080/rss', 'http://192.168.1.1/rss', LEFT]));
    granted = ['http://localhost/*', 'http://192.168.1.1/*', 'https://www.lefttimes.com/*'];
    const result = await transfer().commit(session, {
      replaceFeeds: true,
      replacePreferences: false,
      enableFeeds: ['http://localhost:8080/rss', 'http://192.168.1.1/rss'],
    });
    expect(result.leftOut).toEqual(['http://localhost:8080/rss', 'http://192.168.1.1/rss']);
    expect((await db.feeds.toArray()).map((f) => f.url)).toEqual([LEFT]);
  });

  it('records its id with the rows, so a page that lost the answer can ask whether it was written', async () => {
    const t = transfer();
    const { session, preview } = await staged(fileWith([LEFT]));
    expect(await t.wasWritten(preview.id)).toBe(false);
    await t.commit(session, { replaceFeeds: false, replacePreferences: false, enableFeeds: [] });
    expect(await t.wasWritten(preview.id)).toBe(true);
    expect(await t.wasWritten('another')).toBe(false);
    await expect(t.commit(session, { replaceFeeds: false, replacePreferences: false, enableFeeds: [] })).rejects.toThrow(
      /this import is over/,
    );
  });
});

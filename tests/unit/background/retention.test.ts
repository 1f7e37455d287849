import { beforeEach, describe, expect, it } from 'vitest';
import { RetentionService } from '../../../src/background/retention';
import { StoryIndex } from '../../../src/background/story-index';
import { DAY_MS, selectForRemoval } from '../../../src/core/refresh/index';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { ParallaxDatabase, type ArticleOrigin, type StoredArticle } from '../../../src/db/database';

const NOW = Date.parse('2026-11-20T12:00:00Z');
let db: ParallaxDatabase;
beforeEach(() => {
  db = new ParallaxDatabase(`retention-${Math.random()}`);
});

const article = (n: number, ageDays: number, origin: ArticleOrigin): StoredArticle => ({
  id: `https://www.lefttimes.com/a/${n}`,
  url: `https://www.lefttimes.com/a/${n}`,
  title: `Story number ${n} about topic ${n % 7}`,
  published: NOW - ageDays * DAY_MS,
  origin,
  addedAt: NOW,
});

describe('retention', () => {
  it('removes feed and import articles older than the window, keeps demo articles and recent ones', async () => {
    const index = new StoryIndex(db);
    await index.add([
      article(1, 20, 'feed'),
      article(2, 15, 'import'),
      article(3, 13, 'feed'),
      article(4, 400, 'demo'),
      article(5, 0.5, 'import'),
    ]);
    const result = await new RetentionService({ db, index, now: () => NOW }).prune();
    expect(result).toMatchObject({ expired: 2, overCap: 0, remaining: 3 });
    expect((await db.articles.toArray()).map((a) => a.id.split('/').pop()).sort()).toEqual(['3', '4', '5']);
    expect((await index.status()).articles).toBe(3);
  });

  it('removes reading-diet rows older than the longest period the diet shows, keeps the rest', async () => {
    const index = new StoryIndex(db);
    const row = (ageDays: number) => ({
      at: NOW - ageDays * DAY_MS,
      articleId: `https://a.example/${ageDays}`,
      outletId: null,
      side: null,
    });
    await db.reading.bulkAdd([row(0), row(30), row(88), row(91), row(400)]);
    const result = await new RetentionService({ db, index, now: () => NOW }).prune();
    expect(result.reading).toBe(2);
    expect((await db.reading.toArray()).map((r) => r.articleId).sort()).toEqual([
      'https://a.example/0',
      'https://a.example/30',
      'https://a.example/88',
    ]);
  });

  it("follows the reader's retention setting", async () => {
    const index = new StoryIndex(db);
    await db.setPreferences({ ...DEFAULT_PREFERENCES, retentionDays: 2 });
    await index.add([article(1, 3, 'feed'), article(2, 1, 'feed')]);
    expect((await new RetentionService({ db, index, now: () => NOW }).prune()).expired).toBe(1);
  });

  it('caps the index size by removing the oldest prunable articles first, never demo ones', async () => {
    const index = new StoryIndex(db);
    await index.add([article(1, 5, 'feed'), article(2, 4, 'import'), article(3, 3, 'feed'), article(4, 10, 'demo'), article(5, 1, 'feed')]);
    const result = await new RetentionService({ db, index, now: () => NOW, maxArticles: 3 }).prune();
    expect(result).toMatchObject({ expired: 0, overCap: 2, remaining: 3 });
    expect((await db.articles.toArray()).map((a) => a.id.split('/').pop()).sort()).toEqual(['3', '4', '5']);
  });

  it('the pure selection agrees: expired first, then the oldest over the cap', () => {
    const rows = [article(1, 20, 'feed'), article(2, 5, 'feed'), article(3, 4, 'import'), article(4, 90, 'demo'), article(5, 1, 'feed')];
    expect(selectForRemoval(rows, { retentionDays: 14, maxArticles: 2, now: NOW })).toEqual({
      expired: [rows[0].id],
      overCap: [rows[1].id, rows[2].id],
    });
  });
});

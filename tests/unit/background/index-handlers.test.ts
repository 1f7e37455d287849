import { beforeEach, describe, expect, it } from 'vitest';
import { FeedRefresher } from '../../../src/background/feed-refresh';
import { indexHandlers } from '../../../src/background/index-handlers';
import { IndexTransfer } from '../../../src/background/index-transfer';
import { RetentionService } from '../../../src/background/retention';
import { StoryIndex } from '../../../src/background/story-index';
import { RequestSchema } from '../../../src/messaging/protocol';
import { INDEX_EXTENSION_PAGE_ONLY, IndexRequestSchema } from '../../../src/messaging/protocol-index';
import { ParallaxDatabase } from '../../../src/db/database';
import { LEFT_FEED, fakeClock, fakeFetch, fixture, testRegistry, xml } from '../support/refresh';

let db: ParallaxDatabase;
beforeEach(() => {
  db = new ParallaxDatabase(`messages-${Math.random()}`);
});

describe('index messages', () => {
  it('are part of the worker’s request union, with no type defined twice', () => {
    expect(RequestSchema.safeParse({ type: 'feeds/enable', urls: [LEFT_FEED] }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'index/status' }).success).toBe(true);
    const types = RequestSchema.options.map((o) => o.shape.type.value as string);
    expect(new Set(types).size).toBe(types.length);
    for (const type of INDEX_EXTENSION_PAGE_ONLY) expect(types).toContain(type);
  });

  it('refuse malformed requests', () => {
    expect(IndexRequestSchema.safeParse({ type: 'feeds/enable', urls: [] }).success).toBe(false);
    expect(IndexRequestSchema.safeParse({ type: 'feeds/enable', urls: 'https://x.com' }).success).toBe(false);
    expect(IndexRequestSchema.safeParse({ type: 'feeds/add-custom', url: 'https://x.com/rss', outletId: 'x' }).success).toBe(false);
  });

  it('are answered by the handlers: enable, refresh, status, import', async () => {
    const clock = fakeClock();
    const index = new StoryIndex(db);
    const refresher = new FeedRefresher({
      db,
      index,
      registry: testRegistry(),
      fetch: fakeFetch({ [LEFT_FEED]: () => xml(fixture('left-times.rss')) }).fetch,
      now: clock.now,
    });
    const transfer = new IndexTransfer({ db, index, now: clock.now });
    const handlers = indexHandlers({ refresher, transfer, retention: new RetentionService({ db, index, now: clock.now }) });
    expect(await handlers['feeds/enable']({ type: 'feeds/enable', urls: [LEFT_FEED] })).toBe(1);
    expect(await handlers['refresh/run']({ type: 'refresh/run' })).toMatchObject({
      articles: 3,
      feedsEnabled: 1,
      lastRefreshAt: clock.now(),
    });
    const text = await transfer.exportText();
    expect(JSON.parse(text)).toMatchObject({ format: 'parallax-index', version: 1 });
    await expect(handlers['index/import']({ type: 'index/import', text: '[]' })).rejects.toThrow(
      'invalid index file: file: expected a JSON object, found "[" (not a Parallax index file)',
    );
    expect(await handlers['index/import']({ type: 'index/import', text })).toEqual({
      articles: 3,
      added: 0,
      feeds: 1,
      feedsOn: 1,
      feedsReplaced: true,
      preferencesReplaced: true,
      leftOut: [],
    });
    expect(await handlers['retention/run']({ type: 'retention/run' })).toMatchObject({ expired: 0, remaining: 3 });
  });
});

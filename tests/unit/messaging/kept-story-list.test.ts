/** The stories page's first list kept in storage.session: only for the same request, only of the expected shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KeptStoryList, type ListAsked } from '../../../src/messaging/kept-story-list';
import type { StoryList } from '../../../src/messaging/protocol-stories';

const ASKED: ListAsked = { days: 7, blindspots: false, side: null, query: '', limit: 1000 };
const LIST: StoryList = {
  stories: [
    {
      id: 's1',
      headline: 'Storm reaches the coast',
      sources: 3,
      originals: 2,
      counts: { L: 1, C: 1, R: 1 },
      percent: { L: 33, C: 34, R: 33 },
      blindspot: null,
      firstAt: 1,
      lastAt: 2,
    },
  ],
  total: 1,
  matching: 1,
  from: 0,
  to: 2,
};

beforeEach(() => fakeBrowser.reset());

describe('kept stories list', () => {
  it('gives the list back for the same request only, and forgets it', async () => {
    const kept = new KeptStoryList(fakeBrowser.storage.session);
    expect(await kept.get(ASKED)).toBeNull();
    await kept.set(ASKED, LIST);
    expect(await kept.get({ ...ASKED })).toEqual({ list: LIST, json: JSON.stringify(LIST) });
    expect(await kept.get({ ...ASKED, days: 3 })).toBeNull();
    expect(await kept.get({ ...ASKED, query: 'storm' })).toBeNull();
    expect(await kept.get({ ...ASKED, limit: 10 })).toBeNull();
    await kept.remove();
    expect(await kept.get(ASKED)).toBeNull();
  });

  it('ignores a stored value of another shape', async () => {
    const kept = new KeptStoryList(fakeBrowser.storage.session);
    for (const value of [
      'a list',
      { asked: ASKED },
      { asked: ASKED, json: LIST },
      { asked: ASKED, json: '{"stories":' },
      { asked: ASKED, json: JSON.stringify({ stories: 'none', total: 1 }) },
      { asked: ASKED, json: JSON.stringify({ ...LIST, stories: [{ id: 's1' }] }) },
    ]) {
      await fakeBrowser.storage.session.set({ 'stories-first-list': value });
      expect(await kept.get(ASKED)).toBeNull();
    }
  });
});

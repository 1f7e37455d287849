/** TabViews keeps the stories page's first list for the next opening while nothing has changed, and forgets it at a change. */
import { describe, expect, it } from 'vitest';
import { TabViews } from '../../../src/background/tab-views';
import type { ListAsked } from '../../../src/messaging/kept-story-list';
import type { StoryList } from '../../../src/messaging/protocol-stories';

const ASKED: ListAsked = { days: 7, blindspots: false, side: null, query: '', limit: 1000 };
const LIST: StoryList = { stories: [], total: 0, matching: 0, from: null, to: null };

function tabViews() {
  let generation = 0;
  const calls: string[] = [];
  const views = new TabViews({
    pages: { rememberView: () => undefined, viewFor: () => null, forget: () => undefined },
    kept: { set: async () => undefined, remove: async () => undefined, clear: async () => undefined },
    keptList: {
      set: async () => void calls.push('set'),
      remove: async () => void calls.push('remove'),
    },
    indexGeneration: () => generation,
  });
  return { views, calls, indexChanged: () => generation++ };
}

describe('the stories page’s kept list', () => {
  it('is kept once per state of the index and settings', () => {
    const { views, calls } = tabViews();
    views.keepList(ASKED, LIST, views.stamp());
    views.keepList(ASKED, LIST, views.stamp());
    expect(calls).toEqual(['set']);
  });

  it('is not kept when computed before a change, and is forgotten at a change', () => {
    const { views, calls, indexChanged } = tabViews();
    // A list kept by an earlier worker is forgotten at this worker's first change.
    const before = views.stamp();
    indexChanged();
    views.changed();
    views.keepList(ASKED, LIST, before);
    expect(calls).toEqual(['remove']);
    views.keepList(ASKED, LIST, views.stamp());
    views.answered({ type: 'prefs/update' });
    // Nothing kept since: nothing to forget.
    views.changed();
    expect(calls).toEqual(['remove', 'set', 'remove']);
  });

  it('stays at a pure read', () => {
    const { views, calls } = tabViews();
    views.keepList(ASKED, LIST, views.stamp());
    views.answered({ type: 'stories/list' });
    views.keepList(ASKED, LIST, views.stamp());
    expect(calls).toEqual(['set']);
  });
});

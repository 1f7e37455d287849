/** Handlers of the story pages' messages (src/messaging/protocol-stories.ts). */
import { sameAsked } from '../messaging/kept-story-list';
import type { StoriesRequestType } from '../messaging/protocol-stories';
import type { RequestHandlers } from '../messaging/router';
import { FIRST_LIST } from '../messaging/story-windows';
import type { StoryPages } from './story-pages';
import type { TabViews } from './tab-views';

export interface StoriesHandlerDeps {
  pages: Pick<StoryPages, 'page' | 'related' | 'list'>;
  /** Keeps the stories page's first list for the next opening (TabViews). */
  views: Pick<TabViews, 'stamp' | 'keepList'>;
  /** Resolves once the demo index is in. */
  ensureSeeded: () => Promise<unknown>;
}

export function storiesHandlers(deps: StoriesHandlerDeps): RequestHandlers<StoriesRequestType> {
  const { pages, views, ensureSeeded } = deps;
  return {
    'story/page': async (r) => {
      await ensureSeeded();
      return pages.page(r.storyId);
    },
    'story/related': async (r) => {
      await ensureSeeded();
      return pages.related(r.storyId);
    },
    'stories/list': async ({ type: _, ...asked }) => {
      await ensureSeeded();
      const stamp = views.stamp();
      const list = await pages.list(asked.days, { blindspots: asked.blindspots, side: asked.side, query: asked.query }, asked.limit);
      // The list the stories page opens with is kept for its next opening.
      if (sameAsked(asked, FIRST_LIST)) views.keepList(asked, list, stamp);
      return list;
    },
  };
}

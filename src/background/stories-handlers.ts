/** Handlers of the story pages' messages (src/messaging/protocol-stories.ts). */
import type { StoriesRequestType } from '../messaging/protocol-stories';
import type { RequestHandlers } from '../messaging/router';
import type { StoryPages } from './story-pages';

export interface StoriesHandlerDeps {
  pages: Pick<StoryPages, 'page' | 'related' | 'list'>;
  /** Resolves once the demo index is in. */
  ensureSeeded: () => Promise<unknown>;
}

export function storiesHandlers(deps: StoriesHandlerDeps): RequestHandlers<StoriesRequestType> {
  const { pages, ensureSeeded } = deps;
  return {
    'story/page': async (r) => {
      await ensureSeeded();
      return pages.page(r.storyId);
    },
    'story/related': async (r) => {
      await ensureSeeded();
      return pages.related(r.storyId);
    },
    'stories/list': async (r) => {
      await ensureSeeded();
      return pages.list(r.days, { blindspots: r.blindspots, side: r.side, query: r.query }, r.limit);
    },
  };
}

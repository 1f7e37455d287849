/** Handlers of the welcome page's messages (src/messaging/protocol-welcome.ts): the first run's starter set. */
import { feedAccessOrigins } from '../core/refresh/index';
import { preselectEdition, starterEditions, starterSet, type EditionSummary, type SideOf } from '../core/starter-set/index';
import type { RequestHandlers } from '../messaging/router';
import type { WelcomeRequestType } from '../messaging/protocol-welcome';
import type { SourceCatalog } from './source-lookup';

export interface WelcomeHandlerDeps {
  /** The reader's outlets and ratings (their imported providers and overrides included). */
  catalog: () => Promise<SourceCatalog>;
}

export type WelcomeHandlers = RequestHandlers<WelcomeRequestType>;

const sideOfCatalog =
  (catalog: SourceCatalog): SideOf =>
  (outletId) => {
    const rating = catalog.lookup.ratingOf(outletId);
    return rating ? catalog.lookup.foldLean(rating.lean) : null;
  };

export function welcomeHandlers(deps: WelcomeHandlerDeps): WelcomeHandlers {
  // Once per catalogue (it changes with the reader's outlets).
  const editionsOf = new WeakMap<SourceCatalog, EditionSummary[]>();
  return {
    'starter/editions': async (r) => {
      const catalog = await deps.catalog();
      let editions = editionsOf.get(catalog);
      if (editions === undefined) editionsOf.set(catalog, (editions = starterEditions(catalog.registry.all())));
      return { editions, suggested: preselectEdition(r.languages, editions) };
    },
    'starter/set': async (r) => {
      const catalog = await deps.catalog();
      const set = starterSet(catalog.registry.all(), sideOfCatalog(catalog), r.edition, { topics: r.topics });
      return {
        ...set,
        origins: feedAccessOrigins(
          set.feeds.map((feed) => feed.url),
          catalog.registry,
        ),
      };
    },
  };
}

/** Handlers of the index messages (src/messaging/protocol-index.ts). */
import type { IndexRequestType } from '../messaging/protocol-index';
import type { RequestHandlers } from '../messaging/router';
import type { FeedRefresher } from './feed-refresh';
import type { IndexTransfer } from './index-transfer';
import type { RetentionService } from './retention';

export interface IndexHandlerDeps {
  refresher: Pick<FeedRefresher, 'listFeeds' | 'enableFeeds' | 'disableFeeds' | 'addCustomFeed' | 'refreshDue' | 'status'>;
  transfer: Pick<IndexTransfer, 'exportFile' | 'importFile' | 'importText'>;
  retention: Pick<RetentionService, 'prune'>;
  /** "Refresh now" through the schedule, so it joins an alarm's run; defaults to the refresher's. */
  runRefresh?: () => Promise<unknown>;
}

export type IndexHandlers = RequestHandlers<IndexRequestType>;

export function indexHandlers(deps: IndexHandlerDeps): IndexHandlers {
  const { refresher, transfer, retention } = deps;
  return {
    'feeds/list': () => refresher.listFeeds(),
    'feeds/enable': (r) => refresher.enableFeeds(r.urls),
    'feeds/disable': (r) => refresher.disableFeeds(r.urls),
    'feeds/add-custom': (r) => refresher.addCustomFeed({ url: r.url, outletId: r.outletId, section: r.section }),
    'refresh/run': async () => {
      await (deps.runRefresh ?? (() => refresher.refreshDue()))();
      return refresher.status();
    },
    'refresh/status': () => refresher.status(),
    'retention/run': () => retention.prune(),
    'index/export': () => transfer.exportFile(),
    'index/import': async (r) => {
      if (r.text !== undefined) return transfer.importText(r.text);
      if (r.file === undefined) throw new Error('index/import needs "file" (the parsed JSON) or "text"');
      return transfer.importFile(r.file);
    },
  };
}

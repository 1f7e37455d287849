/**
 * The worker's message router: validates every request with Zod, dispatches it to its handler, and turns
 * every failure into a `{ ok: false, error }` reply so that one bad message never stops the worker.
 */
import { CHIPS_EXTENSION_PAGE_ONLY } from './protocol-chips';
import { INDEX_EXTENSION_PAGE_ONLY } from './protocol-index';
import { OPTIONS_EXTENSION_PAGE_ONLY } from './protocol-options';
import { STORIES_EXTENSION_PAGE_ONLY } from './protocol-stories';
import { WELCOME_EXTENSION_PAGE_ONLY } from './protocol-welcome';
import { RequestSchema, describeInvalid, type Reply, type ReplyOf, type RequestOf, type RequestType } from './protocol';

export interface SenderInfo {
  tabId?: number;
  url?: string;
  /** Whether the sender is one of the extension's own pages (not a content script). */
  fromExtensionPage: boolean;
}

/** Answers one request type with the reply the protocol names for it. */
export type Handler<T extends RequestType> = (request: RequestOf<T>, sender: SenderInfo) => ReplyOf<T> | Promise<ReplyOf<T>>;

/** A handler for each of the given request types (all of them, by default). */
export type Handlers<T extends RequestType = RequestType> = { [K in T]: Handler<K> };

/** Handlers that answer from the request alone, whoever sent it (the options page's, the index's). */
export type RequestHandlers<T extends RequestType> = { [K in T]: (request: RequestOf<K>) => ReplyOf<K> | Promise<ReplyOf<K>> };

/** Requests only the extension's own pages may make: a web page must not change the reader's settings. */
const EXTENSION_PAGE_ONLY: ReadonlySet<RequestType> = new Set([
  'prefs/update',
  'prefs/get',
  'outlets/list',
  'index/status',
  'story/view',
  'popup/story',
  'story/unlink',
  ...INDEX_EXTENSION_PAGE_ONLY,
  ...OPTIONS_EXTENSION_PAGE_ONLY,
  ...STORIES_EXTENSION_PAGE_ONLY,
  ...WELCOME_EXTENSION_PAGE_ONLY,
  ...CHIPS_EXTENSION_PAGE_ONLY,
]);

export function createRouter(handlers: Handlers) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error) };
    const request = parsed.data;
    if (EXTENSION_PAGE_ONLY.has(request.type) && !sender.fromExtensionPage) {
      return { ok: false, error: `"${request.type}" is only answered to Parallax's own pages` };
    }
    try {
      const handler = handlers[request.type] as (r: typeof request, s: SenderInfo) => unknown;
      return { ok: true, data: await handler(request, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

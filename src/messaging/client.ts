/**
 * The one way the content script and the extension pages ask the worker: `ask({ type, ... })`, whose
 * reply type comes from the protocol's reply map. It uses the browser's native promise API (Chrome MV3
 * and Firefox both have it), looked up at each call: the content script carries no polyfill, and the
 * popup's first request needs nothing loaded before it goes. Types only are imported here, so the
 * content script does not bundle the schemas.
 */
import type { Reply, ReplyOf, RequestOf, RequestType } from './protocol';

/** The worker answered with an error, or not at all; the message is the worker's own. */
export class WorkerError extends Error {}

/** The worker did not answer (in time): it is stuck, starting, or the extension is being updated. */
export class NoAnswerError extends WorkerError {
  constructor() {
    super('Parallax’s background worker did not answer.');
  }
}

/** The worker stopped (or restarted) before it answered: what it was doing did not finish. */
export class WorkerStoppedError extends WorkerError {
  constructor() {
    super('Parallax’s background stopped before it answered. Try again.');
  }
}

/** Chrome's and Firefox's words for a worker that went away while a message waited for its answer. */
const CHANNEL_LOST =
  /message channel closed|message port closed|Could not establish connection|Receiving end does not exist|context invalidated/i;

export interface AskOptions {
  /** Give up with NoAnswerError after this long; default: wait as long as the browser does. */
  timeoutMs?: number;
}

/** The browser's native extension API (`browser` in Firefox, `chrome` in Chrome), typed as the caller uses it. */
export function nativeApi<Api>(): Api {
  const scope = globalThis as unknown as { browser?: { runtime?: { sendMessage?: unknown } }; chrome?: unknown };
  // In a content script, a page element with id="browser" shows through as `browser`: only an API counts.
  const api = typeof scope.browser?.runtime?.sendMessage === 'function' ? scope.browser : scope.chrome;
  if (!api) throw new WorkerError('No extension API in this page');
  return api as Api;
}

interface MessagingApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Sends one request to the worker and returns its reply; throws WorkerError with the worker's error text,
 * and the browser's own error when it lost the worker. The content script's way: it shows no error, and
 * its 30 kB budget has no room for ask()'s plain words.
 */
export async function askQuietly<T extends RequestType>(
  request: RequestOf<T> & { type: T },
  options: AskOptions = {},
): Promise<ReplyOf<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Running out of time is answered like no answer at all.
  const timeout = new Promise<undefined>((resolve) => {
    if (options.timeoutMs !== undefined) timer = setTimeout(() => resolve(undefined), options.timeoutMs);
  });
  try {
    const sent = nativeApi<MessagingApi>().runtime.sendMessage(request);
    const reply = (await Promise.race([sent, timeout])) as Reply<ReplyOf<T>> | undefined;
    if (!reply) throw new NoAnswerError();
    if (!reply.ok) throw new WorkerError(reply.error);
    return reply.data;
  } finally {
    clearTimeout(timer);
  }
}

/** askQuietly, with a worker that stopped before it answered told as WorkerStoppedError, in plain words. */
export async function ask<T extends RequestType>(request: RequestOf<T> & { type: T }, options: AskOptions = {}): Promise<ReplyOf<T>> {
  try {
    return await askQuietly<T>(request, options);
  } catch (error) {
    throw !(error instanceof WorkerError) && CHANNEL_LOST.test(errorText(error)) ? new WorkerStoppedError() : error;
  }
}

/** An error's text for the page, whatever was thrown. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

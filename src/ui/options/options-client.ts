/** Typed calls from the options page to the worker, for the options messages and the shared ones. */
import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType } from '../../messaging/protocol';
import type { OptionsRequest } from '../../messaging/protocol-options';

export class WorkerError extends Error {}

/** Sends a request of the main protocol or of the options protocol; throws the worker's error text. */
export async function askWorker<T>(request: RequestOf<RequestType> | OptionsRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new WorkerError('Parallax’s background worker did not answer.');
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.data;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

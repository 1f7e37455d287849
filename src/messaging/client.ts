/** Typed calls to the worker from content scripts and extension pages. */
import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType } from './protocol';

export class WorkerError extends Error {}

export async function ask<T>(request: RequestOf<RequestType>): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new WorkerError('Parallax’s background worker did not answer.');
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.data;
}

/**
 * Wakes the extension's worker: one message that carries nothing about the page (`worker/wake`), sent by
 * the scripts that run as a page starts loading (entrypoints/wake.content.ts, chips-wake.content.ts), so
 * that a worker the browser stopped has started by the time the page's own script asks it something.
 */
import { nativeApi } from '../messaging/client';
import type { RequestOf } from '../messaging/protocol';

export function wakeWorker(): void {
  const wake: RequestOf<'worker/wake'> = { type: 'worker/wake' };
  void nativeApi<{ runtime: { sendMessage(message: unknown): Promise<unknown> } }>()
    .runtime.sendMessage(wake)
    .catch(() => undefined);
}

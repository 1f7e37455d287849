/**
 * Two ends of a runtime.Port in memory, as Chrome delivers them: messages arrive later and as copies
 * (JSON), `disconnect` on one end fires the other end's onDisconnect, and a stopped worker's end goes
 * silent. `onWorkerPost` sees each message the worker posts and may swallow it (return false).
 */
import type { TransferPort } from '../../../src/background/transfer-port';
import type { PagePort } from '../../../src/messaging/transfer-client';

type Listener<T> = (value: T) => void;

class End {
  readonly messages: Listener<unknown>[] = [];
  readonly disconnects: Listener<void>[] = [];
  readonly onMessage = { addListener: (listener: Listener<unknown>) => void this.messages.push(listener) };
  readonly onDisconnect = { addListener: (listener: Listener<void>) => void this.disconnects.push(listener) };
  other!: End;
  connected = true;
  constructor(private readonly filter: (message: unknown) => boolean = () => true) {}

  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    if (!this.filter(message)) return;
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setTimeout(() => {
      if (this.other.connected) for (const listener of this.other.messages) listener(copy);
    }, 0);
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.other.connected = false;
    setTimeout(() => {
      for (const listener of this.other.disconnects) listener();
    }, 0);
  }
}

export function portPair(onWorkerPost?: (message: unknown) => boolean): {
  page: PagePort;
  worker: TransferPort & { disconnect(): void };
  stopWorker(): void;
} {
  const page = new End();
  const worker = new End(onWorkerPost);
  page.other = worker;
  worker.other = page;
  return { page, worker, stopWorker: () => worker.disconnect() };
}

/**
 * The worker's end of a transfer port (protocol-transfer.ts): requests are validated and answered one at
 * a time, in order. An import's session lives as long as its port: a page that goes away, or a worker
 * that stops, takes the unwritten import with it.
 */
import { IndexFileError } from '../core/index-file/index';
import { describeInvalid } from '../messaging/protocol';
import {
  TransferRequestSchema,
  type TransferAnswer,
  type TransferKind,
  type TransferReplyOf,
  type TransferRequest,
  type TransferRequestOf,
} from '../messaging/protocol-transfer';
import type { ImportSession } from './import-session';
import type { IndexTransfer } from './index-transfer';

/** The part of a runtime.Port the worker uses. */
export interface TransferPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

type TransferHandlers = { [K in TransferKind]: (request: TransferRequestOf<K>) => TransferReplyOf<K> | Promise<TransferReplyOf<K>> };

export function serveTransferPort(port: TransferPort, transfer: IndexTransfer): void {
  let session: ImportSession | null = null;
  let open = true;
  let queue: Promise<void> = Promise.resolve();

  const send = (answer: TransferAnswer) => {
    if (!open) return;
    try {
      port.postMessage(answer);
    } catch {
      open = false;
    }
  };
  const current = (): ImportSession => {
    if (!session) throw new Error('no import in progress on this port; start again');
    return session;
  };

  const handlers: TransferHandlers = {
    'import/piece': (r) => {
      session ??= transfer.openImport();
      return { articles: session.push(r.text) };
    },
    'import/end': () => current().finish(),
    'import/commit': (r) => transfer.commit(current(), r.choices, (phase) => send({ kind: 'phase', phase })),
    'import/outcome': async (r) => ({ written: await transfer.wasWritten(r.id) }),
    'export/head': () => transfer.exportHead(),
    'export/rows': (r) => transfer.exportRows(r.after, r.written),
    ping: () => null,
  };

  const handle = async (message: unknown) => {
    const parsed = TransferRequestSchema.safeParse(message);
    if (!parsed.success) return send({ kind: 'failed', error: describeInvalid(parsed.error) });
    const request: TransferRequest = parsed.data;
    try {
      const handler = handlers[request.kind] as (r: TransferRequest) => unknown;
      send({ kind: 'reply', data: await handler(request) });
    } catch (error) {
      if (request.kind.startsWith('import/')) session = null;
      if (error instanceof IndexFileError) send({ kind: 'refused', errors: error.errors });
      else send({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  port.onMessage.addListener((message) => {
    queue = queue.then(() => handle(message));
  });
  port.onDisconnect.addListener(() => {
    open = false;
    session = null;
  });
}

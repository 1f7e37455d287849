/**
 * The options page's end of the transfer port (protocol-transfer.ts): an index file goes to the worker a
 * piece at a time, read from the File itself, and an export comes back a piece at a time. A worker that
 * stops part-way disconnects the port: the page learns it at once (WorkerStoppedError), an export goes
 * on from where it was, and an import tells the reader whether it was written.
 */
import { nativeApi, WorkerError, WorkerStoppedError } from './client';
import type { ImportResult } from './protocol-index';
import {
  TRANSFER_PIECE_CHARS,
  TRANSFER_PORT,
  type ExportPiece,
  type ImportChoices,
  type ImportPhase,
  type ImportPreview,
  type TransferAnswer,
  type TransferKind,
  type TransferReplyOf,
  type TransferRequestOf,
} from './protocol-transfer';

export { WorkerStoppedError };

/** The file cannot be imported; each line names a row or a field. */
export class ImportRefusedError extends WorkerError {
  constructor(readonly errors: string[]) {
    super(`invalid index file: ${errors.join('; ')}`);
  }
}

/** The part of a runtime.Port the page uses. */
export interface PagePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type Connect = () => PagePort;

const connectToWorker: Connect = () =>
  nativeApi<{ runtime: { connect(info: { name: string }): PagePort } }>().runtime.connect({ name: TRANSFER_PORT });

type Waiting = { resolve: (data: unknown) => void; reject: (error: Error) => void };

/** One port to the worker; requests are answered in the order they were sent. */
export class TransferChannel {
  private readonly waiting: Waiting[] = [];
  private closed = false;
  onPhase: (phase: ImportPhase) => void = () => undefined;

  constructor(private readonly port: PagePort) {
    port.onMessage.addListener((message) => this.answer(message as TransferAnswer));
    port.onDisconnect.addListener(() => this.stopped());
  }

  request<K extends TransferKind>(request: TransferRequestOf<K> & { kind: K }): Promise<TransferReplyOf<K>> {
    if (this.closed) return Promise.reject(new WorkerStoppedError());
    return new Promise<TransferReplyOf<K>>((resolve, reject) => {
      this.waiting.push({ resolve: resolve as (data: unknown) => void, reject });
      try {
        this.port.postMessage(request);
      } catch {
        // Chrome throws when the port's other end is gone, before onDisconnect arrives.
        this.stopped();
      }
    });
  }

  close(): void {
    this.closed = true;
    try {
      this.port.disconnect();
    } catch {
      // Already disconnected.
    }
  }

  private answer(answer: TransferAnswer): void {
    if (answer.kind === 'phase') {
      this.onPhase(answer.phase);
      return;
    }
    const waiting = this.waiting.shift();
    if (!waiting) return;
    if (answer.kind === 'reply') waiting.resolve(answer.data);
    else if (answer.kind === 'refused') waiting.reject(new ImportRefusedError(answer.errors));
    else waiting.reject(new WorkerError(answer.error));
  }

  private stopped(): void {
    this.closed = true;
    for (const waiting of this.waiting.splice(0)) waiting.reject(new WorkerStoppedError());
  }
}

export interface ReadProgress {
  bytes: number;
  total: number;
  /** Articles the worker has read so far. */
  articles: number;
}

/** A file read and checked by the worker, not written yet: the reader confirms (commit) or cancels. */
export interface StagedImport {
  preview: ImportPreview;
  /**
   * Writes it. Resolves with the result, or with null when the worker stopped after writing it (the
   * answer was lost, the import is in); rejects with WorkerStoppedError when it stopped before.
   */
  commit(choices: ImportChoices, onPhase: (phase: ImportPhase) => void): Promise<ImportResult | null>;
  cancel(): void;
}

/** While the reader looks at the preview, the worker is kept awake so the checked file stays ready. */
const KEEP_AWAKE_MS = 20_000;

/**
 * Bytes read from the file per piece: they decode to at most as many UTF-16 units, plus the up to 3 bytes
 * of a character the previous piece cut, so a piece stays within the request's limit.
 */
const PIECE_BYTES = TRANSFER_PIECE_CHARS - 4;

/** The reader cancelled the import while the file was being read. */
export class ImportCancelledError extends Error {}

/** Sends the file to the worker in pieces (read from the File, never whole) and returns the preview. */
export async function stageImport(
  file: Blob,
  onRead: (progress: ReadProgress) => void,
  signal?: AbortSignal,
  connect = connectToWorker,
): Promise<StagedImport> {
  const channel = new TransferChannel(connect());
  const decoder = new TextDecoder('utf-8');
  let articles = 0;
  try {
    for (let at = 0; at < file.size; at += PIECE_BYTES) {
      if (signal?.aborted) throw new ImportCancelledError();
      const end = Math.min(file.size, at + PIECE_BYTES);
      const text = decoder.decode(await file.slice(at, end).arrayBuffer(), { stream: end < file.size });
      articles = (await channel.request({ kind: 'import/piece', text })).articles;
      onRead({ bytes: end, total: file.size, articles });
    }
    if (file.size === 0) await channel.request({ kind: 'import/piece', text: '' });
    if (signal?.aborted) throw new ImportCancelledError();
    const preview = await channel.request({ kind: 'import/end' });
    const awake = setInterval(() => void channel.request({ kind: 'ping' }).catch(() => undefined), KEEP_AWAKE_MS);
    const done = () => {
      clearInterval(awake);
      channel.close();
    };
    return {
      preview,
      cancel: done,
      commit: async (choices, onPhase) => {
        clearInterval(awake);
        channel.onPhase = onPhase;
        try {
          return await channel.request({ kind: 'import/commit', choices });
        } catch (error) {
          if (!(error instanceof WorkerStoppedError)) throw error;
          // Stopped while writing: the transaction either committed whole or not at all. Ask which.
          if (await wasWritten(preview.id, connect)) return null;
          throw error;
        } finally {
          done();
        }
      },
    };
  } catch (error) {
    channel.close();
    throw error;
  }
}

async function wasWritten(id: string, connect: Connect): Promise<boolean> {
  const channel = new TransferChannel(connect());
  try {
    return (await channel.request({ kind: 'import/outcome', id })).written;
  } finally {
    channel.close();
  }
}

/** Times in a row the export reconnects to a stopped worker without getting a piece further. */
const EXPORT_RETRIES = 3;

/**
 * The whole index file, a piece at a time, as a Blob. A worker that stops part-way is reconnected and
 * the export goes on after the last article received (articles are read in id order: none twice).
 */
export async function exportIndex(onProgress: (written: number, total: number) => void, connect = connectToWorker): Promise<Blob> {
  const parts: string[] = [];
  let channel = new TransferChannel(connect());
  let total = 0;
  let written = 0;
  let after: string | null = null;
  let started = false;
  let retries = 0;
  try {
    for (;;) {
      try {
        if (!started) {
          const head = await channel.request({ kind: 'export/head' });
          parts.push(head.text);
          total = head.total;
          started = true;
          onProgress(written, total);
        }
        const piece: ExportPiece = await channel.request({ kind: 'export/rows', after, written });
        parts.push(piece.text);
        written += piece.count;
        after = piece.last;
        retries = 0;
        onProgress(written, Math.max(total, written));
        if (piece.done) return new Blob(parts, { type: 'application/json' });
      } catch (error) {
        if (!(error instanceof WorkerStoppedError) || ++retries > EXPORT_RETRIES) throw error;
        channel.close();
        channel = new TransferChannel(connect());
      }
    }
  } finally {
    channel.close();
  }
}

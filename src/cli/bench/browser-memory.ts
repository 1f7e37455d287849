/**
 * Memory of the browser under a benchmark: the extension service worker's JavaScript heap, read through
 * CDP (the worker has no `performance.memory`), and the resident memory of the whole browser (every
 * Chromium process of the run, from /proc), each sampled while a task runs so peaks are seen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR } from '../../demo/browser';
import { round1 } from './stats';

const MB = 2 ** 20;

/** A CDP session on the extension's current service worker (the page's session relays to it). */
export class WorkerHeap {
  private next = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      const resolve = message.id === undefined ? undefined : this.pending.get(message.id);
      if (resolve) {
        this.pending.delete(message.id as number);
        resolve(message.result);
      }
    });
  }

  static async attach(context: BrowserContext, page: Page): Promise<WorkerHeap> {
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no extension service worker to measure');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return new WorkerHeap(cdp, sessionId);
  }

  private call<T>(method: string): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params: {} }) });
    });
  }

  /** The JavaScript heap, and the ArrayBuffer memory outside it (response bodies, the snapshot's bytes). */
  async usage(): Promise<{ heapMB: number; buffersMB: number }> {
    const usage = await this.call<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    return { heapMB: round1(usage.usedSize / MB), buffersMB: round1((usage.backingStorageSize ?? 0) / MB) };
  }

  /** The heap after a full collection: what it holds, not what it has yet to free. */
  async retainedMB(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    return (await this.usage()).heapMB;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Resident memory of the browser's processes (the launched Chromium and all its children), in MB. */
export function browserRssMB(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  let main: number | null = null;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * 4096);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(`--load-extension=${EXTENSION_DIR}`) && !cmdline.includes('--type=')) main = pid;
    } catch {
      // The process ended while being read.
    }
  }
  if (main === null) return Number.NaN;
  let total = 0;
  for (const [pid, bytes] of rss) {
    let ancestor: number | undefined = pid;
    while (ancestor !== undefined && ancestor > 1 && ancestor !== main) ancestor = parents.get(ancestor);
    if (ancestor === main) total += bytes;
  }
  return round1(total / MB);
}

export interface Peaks {
  workerHeapMB: number;
  /** The worker's heap plus its ArrayBuffers, sampled together. */
  workerHeapAndBuffersMB: number;
  browserRssMB: number;
}

/** Runs `task` while sampling the worker's heap and the browser's memory every `everyMs`; returns the peaks. */
export async function samplingPeaks<T>(heap: WorkerHeap, everyMs: number, task: () => Promise<T>): Promise<{ result: T; peaks: Peaks }> {
  const peaks: Peaks = { workerHeapMB: 0, workerHeapAndBuffersMB: 0, browserRssMB: 0 };
  let running = true;
  const sampler = (async () => {
    while (running) {
      const [used, rss] = await Promise.all([heap.usage().catch(() => ({ heapMB: 0, buffersMB: 0 })), Promise.resolve(browserRssMB())]);
      peaks.workerHeapMB = Math.max(peaks.workerHeapMB, used.heapMB);
      peaks.workerHeapAndBuffersMB = Math.max(peaks.workerHeapAndBuffersMB, round1(used.heapMB + used.buffersMB));
      if (Number.isFinite(rss)) peaks.browserRssMB = Math.max(peaks.browserRssMB, rss);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await task();
    return { result, peaks };
  } finally {
    running = false;
    await sampler;
  }
}

/**
 * Runs many feed fetches with bounded concurrency overall and per host: a host serving many of the
 * reader's feeds gets a few requests at a time, and hosts take turns so one of them cannot hold the
 * others back.
 */

export interface PoolLimits {
  /** Tasks running at once, in all. */
  concurrency: number;
  /** Tasks running at once for items of one key (a feed's host). */
  perKey: number;
}

/**
 * Runs `task` once for every item and resolves when all have finished. Items of one key start in input
 * order; keys take turns. Tasks are expected not to reject (a rejection is ignored). Once `stopped()`
 * returns true no further task starts.
 */
export function runPooled<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limits: PoolLimits,
  task: (item: T) => Promise<unknown>,
  stopped: () => boolean = () => false,
): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const running = new Map<string, number>();
  const concurrency = Math.max(1, limits.concurrency);
  const perKey = Math.max(1, limits.perKey);
  let active = 0;
  return new Promise<void>((resolve) => {
    const pump = (): void => {
      if (stopped()) queues.clear();
      for (const [key, queue] of queues) {
        if (active >= concurrency) break;
        if ((running.get(key) ?? 0) >= perKey) continue;
        const item = queue.shift() as T;
        // To the back of the line: the next free slot goes to another host first.
        queues.delete(key);
        if (queue.length > 0) queues.set(key, queue);
        active++;
        running.set(key, (running.get(key) ?? 0) + 1);
        void Promise.resolve()
          .then(() => task(item))
          .catch(() => undefined)
          .finally(() => {
            active--;
            running.set(key, (running.get(key) ?? 1) - 1);
            pump();
          });
      }
      if (active === 0 && queues.size === 0) resolve();
    };
    pump();
  });
}

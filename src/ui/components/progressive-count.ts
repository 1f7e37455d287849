import { useEffect, useState } from 'preact/hooks';

/**
 * How many of a long list's items to draw now: a first screen at once, then the rest a step per task,
 * so that the page shows its first items without waiting for a thousand to be built. Starts over when
 * `list` changes; `done` is called once every item is drawn.
 */
export function useProgressiveCount(list: unknown, total: number, first: number, step: number, done?: () => void): number {
  const [shown, setShown] = useState({ list, count: Math.min(total, first) });
  const current = shown.list === list ? shown.count : Math.min(total, first);
  useEffect(() => {
    if (current >= total) {
      done?.();
      return;
    }
    // After this paint: the items drawn so far are on screen before the next step is built.
    const timer = setTimeout(() => setShown({ list, count: Math.min(total, current + step) }), 0);
    return () => clearTimeout(timer);
  }, [list, current, total]);
  return current;
}

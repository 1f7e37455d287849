/**
 * The shipped outlet registry in the worker. The catalogue (about 2 MB: thousands of outlets and their
 * feeds) is an extension file read once per worker start, not part of the worker script: inside the
 * script it delayed every woken worker's first answer by ~170 ms (`npm run bench -- --only browser`).
 * The read starts with the engine snapshot's; only the hosts are indexed then, and an outlet is parsed
 * when a page or a story first needs it.
 */
import { registryOfShippedText, type OutletRegistry } from '../core/outlets/index';
import { readShippedOutlets } from './shipped-outlets-read';

let registry: Promise<OutletRegistry> | null = null;

export function shippedRegistry(): Promise<OutletRegistry> {
  if (registry === null) {
    const current = readShippedOutlets().then(registryOfShippedText);
    registry = current;
    current.catch(() => {
      if (registry === current) registry = null;
    });
  }
  return registry;
}

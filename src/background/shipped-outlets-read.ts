/**
 * Reads the extension's own copy of the outlet catalogue (public/outlets.json, a link to
 * src/core/outlets/data/outlets.json). Imports nothing, so that the worker entry can start the read
 * before the rest of the worker script evaluates, as it does the engine snapshot's.
 */

/** Where the catalogue is in the built extension. */
export const SHIPPED_OUTLETS_FILE = '/outlets.json';

interface RuntimeWithUrl {
  runtime?: { getURL?(path: string): string };
}

let reading: Promise<string> | null = null;

/** The catalogue file's text; read once per worker start (again after a failed read). */
export function readShippedOutlets(): Promise<string> {
  if (reading === null) {
    const current = (async () => {
      const runtime = (globalThis as { chrome?: RuntimeWithUrl }).chrome?.runtime;
      if (runtime?.getURL === undefined) throw new Error('no extension runtime to read the outlet catalogue from');
      const response = await fetch(runtime.getURL(SHIPPED_OUTLETS_FILE));
      if (!response.ok) throw new Error(`cannot read the outlet catalogue (${response.status})`);
      return response.text();
    })();
    reading = current;
    current.catch(() => {
      if (reading === current) reading = null;
    });
  }
  return reading;
}

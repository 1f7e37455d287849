/**
 * The stored story-engine snapshot, read with the bare IndexedDB API from the first module the worker
 * evaluates. Why: a woken worker's first answer waits for this read (opening the database and reading
 * the snapshot up to its article ids, ~10 MB at 100k articles) and for the rest of the worker script to
 * evaluate (Dexie, the Zod schemas: ~15-20 ms); started first, the two overlap. Anything unexpected
 * resolves to undefined, and the story index then reads the row through Dexie as before.
 */

/** The engine state row's snapshot bytes and the engine version that wrote them. */
export interface EarlySnapshot {
  engineVersion: number;
  /** The snapshot's head when `ids` is set (see readStoredSnapshot), else all of it. */
  bytes: ArrayBuffer;
  ids?: Blob;
}

/**
 * User Timing marks of the read's steps, read by the browser benchmark (npm run bench) to say where a
 * woken worker's first answer waits: the read started, the database opened, the row read, its bytes in.
 */
export const EARLY_SNAPSHOT_MARKS = {
  started: 'parallax:snapshot-read-started',
  opened: 'parallax:snapshot-db-opened',
  rowRead: 'parallax:snapshot-row-read',
  bytes: 'parallax:snapshot-bytes-read',
} as const;

const mark = (name: string) => globalThis.performance?.mark?.(name);

/** Table and key of the engine state row (see ParallaxDatabase). */
const STORE = 'engineState';
const KEY = 'engine';

export function readSnapshotEarly(
  databaseName = 'parallax',
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<EarlySnapshot | undefined> {
  mark(EARLY_SNAPSHOT_MARKS.started);
  return new Promise((resolve) => {
    if (!factory) return resolve(undefined);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(databaseName);
    } catch {
      return resolve(undefined);
    }
    // No database yet: abort, which deletes the empty one this open would create (Dexie creates it).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onsuccess = () => {
      mark(EARLY_SNAPSHOT_MARKS.opened);
      const db = request.result;
      // Never hold up a schema upgrade Dexie starts meanwhile.
      db.onversionchange = () => db.close();
      try {
        if (!db.objectStoreNames.contains(STORE)) {
          db.close();
          return resolve(undefined);
        }
        const get = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        get.onerror = () => {
          db.close();
          resolve(undefined);
        };
        get.onsuccess = () => {
          mark(EARLY_SNAPSHOT_MARKS.rowRead);
          db.close();
          const row: unknown = get.result;
          if (typeof row !== 'object' || row === null) return resolve(undefined);
          const { snapshot, engineVersion, headBytes } = row as { snapshot?: unknown; engineVersion?: unknown; headBytes?: unknown };
          if (!(snapshot instanceof Blob) || typeof engineVersion !== 'number') return resolve(undefined);
          readStoredSnapshot(snapshot, headBytes).then(
            (read) => {
              mark(EARLY_SNAPSHOT_MARKS.bytes);
              resolve({ engineVersion, ...read });
            },
            () => resolve(undefined),
          );
        };
      } catch {
        db.close();
        resolve(undefined);
      }
    };
  });
}

/**
 * A stored snapshot's bytes: up to its ids when `headBytes` (stored with it) says where they start, with
 * the ids to read later; else all of them. The head is what a first match needs, about half the bytes
 * (snapshot-pack.ts).
 */
export async function readStoredSnapshot(stored: Blob, headBytes: unknown): Promise<{ bytes: ArrayBuffer; ids?: Blob }> {
  if (typeof headBytes !== 'number' || !Number.isInteger(headBytes) || headBytes <= 0 || headBytes >= stored.size) {
    return { bytes: await stored.arrayBuffer() };
  }
  return { bytes: await stored.slice(0, headBytes).arrayBuffer(), ids: stored.slice(headBytes) };
}

/**
 * Imported first by the worker entry: evaluating this module starts the snapshot read (see
 * src/db/early-snapshot.ts), before the modules after it (Dexie, Zod, the services) evaluate.
 */
import { readSnapshotEarly } from '../db/early-snapshot';

export const earlySnapshot = readSnapshotEarly();

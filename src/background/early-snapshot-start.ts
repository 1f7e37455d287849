/**
 * Imported first by the worker entry: evaluating this module starts the snapshot read (see
 * src/db/early-snapshot.ts) and the outlet catalogue's (src/background/shipped-outlets.ts), before the
 * modules after it (Dexie, Zod, the services) evaluate.
 */
import { readSnapshotEarly } from '../db/early-snapshot';
import { readShippedOutlets } from './shipped-outlets-read';

export const earlySnapshot = readSnapshotEarly();
// The outlet catalogue, an extension file the first answer needs too, is read alongside.
void readShippedOutlets().catch(() => undefined);

/** eval-feeds: reading the corpus files (raw bytes, gzip, JSON Lines). */

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Json } from './compare';

export function readBytes(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return new Uint8Array(gunzipSync(bytes));
    } catch {
      return bytes;
    }
  }
  return bytes;
}

export function readJsonLines(path: string): Record<string, Json>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, Json>);
}

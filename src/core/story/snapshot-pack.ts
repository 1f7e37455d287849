/**
 * The stored form of an engine snapshot: one binary buffer (kept in IndexedDB as a Blob).
 *
 * Why: a 100k-article snapshot is ~20 MB, mostly typed arrays and ~150k short strings (article URLs,
 * terms). Read back as an IndexedDB value, Chromium deserialises it in ~80-130 ms; as a Blob, the
 * same bytes arrive in ~25-35 ms (measured in the extension's pages, scratch experiment); typed arrays
 * are then views of byte ranges, and each string list is one UTF-8 run split once.
 *
 * Layout: "PXS1", a u32 header length, the header (UTF-8 JSON: one entry per snapshot field), padding
 * to 8 bytes, then the binary sections, each at an 8-byte-aligned offset from there. The article ids'
 * bytes come last: the bytes before them (the head) restore an engine that matches without them
 * (ArticleStore.idsPending), which a woken worker reads first.
 */
import type { EngineSnapshot, PackedArticleIds } from './snapshot';

const MAGIC = 'PXS1';
const SEPARATOR = '\u0000';

const TYPED_ARRAYS = { Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED_ARRAYS;
type Typed = InstanceType<(typeof TYPED_ARRAYS)[TypedName]>;

type HeaderEntry =
  | { key: string; kind: 'typed'; type: TypedName; offset: number; length: number }
  | { key: string; kind: 'ids'; offset: number; bytes: number; endsOffset: number; count: number }
  | { key: string; kind: 'strings'; offset: number; bytes: number; count: number }
  | { key: string; kind: 'json'; value: unknown };

function typedName(value: unknown): TypedName | null {
  for (const name of Object.keys(TYPED_ARRAYS) as TypedName[]) if (value instanceof TYPED_ARRAYS[name]) return name;
  return null;
}

const align8 = (n: number) => (n + 7) & ~7;

/** JSON has no Infinity or NaN (a settled engine's `revisedBefore` is Infinity): they travel tagged. */
const NUMBER_TAG = '$number';
const keepNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? { [NUMBER_TAG]: String(value) } : value;
function restoreNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && NUMBER_TAG in value) {
    return Number((value as Record<string, unknown>)[NUMBER_TAG]);
  }
  return value;
}

/** The snapshot as one buffer (see the layout above). */
export function encodeSnapshot(snapshot: EngineSnapshot): Uint8Array<ArrayBuffer> {
  return encodeSnapshotWithHead(snapshot).bytes;
}

/**
 * The snapshot as one buffer, and the length of its head: the bytes before the article ids, which
 * decode on their own (`decodeSnapshot`) when the snapshot has its id keys; else the whole length.
 */
export function encodeSnapshotWithHead(snapshot: EngineSnapshot): { bytes: Uint8Array<ArrayBuffer>; headLength: number } {
  const encoder = new TextEncoder();
  const header: HeaderEntry[] = [];
  const sections: { entry: { offset: number }; bytes: Uint8Array }[] = [];
  const pendingEnds: { entry: { endsOffset: number }; endsEntry: { offset: number } }[] = [];
  let idBytes: { entry: { offset: number }; bytes: Uint8Array } | null = null;
  for (const [key, value] of Object.entries(snapshot)) {
    const type = typedName(value);
    if (type) {
      const typed = value as Typed;
      const entry = { key, kind: 'typed' as const, type, offset: 0, length: typed.length };
      header.push(entry);
      sections.push({ entry, bytes: new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength) });
      continue;
    }
    if (
      key === 'articleIds' &&
      Array.isArray(value) &&
      value.every((id): id is string => typeof id === 'string' && !id.includes(SEPARATOR))
    ) {
      // The ids stay packed in the restored engine (see EngineSnapshot.articleIdsUtf8): stored with the byte
      // end of each id, so the decoder hands them over without decoding 100k strings.
      const utf8 = encoder.encode(value.join(SEPARATOR) + (value.length > 0 ? SEPARATOR : ''));
      const ends = new Uint32Array(value.length);
      for (let byte = 0, id = 0; byte < utf8.length; byte++) if (utf8[byte] === 0) ends[id++] = byte;
      const entry = { key, kind: 'ids' as const, offset: 0, bytes: utf8.length, endsOffset: 0, count: value.length };
      const endsEntry = { offset: 0 };
      header.push(entry);
      idBytes = { entry, bytes: utf8 };
      sections.push({ entry: endsEntry, bytes: new Uint8Array(ends.buffer) });
      // The ends' offset is known once the sections are laid out.
      pendingEnds.push({ entry, endsEntry });
      continue;
    }
    if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) {
      const joined = value.join(SEPARATOR);
      // Only when the separator appears in none of the strings; otherwise the split would differ.
      if (joined.split(SEPARATOR).length === Math.max(value.length, 1)) {
        const bytes = encoder.encode(joined);
        const entry = { key, kind: 'strings' as const, offset: 0, bytes: bytes.length, count: value.length };
        header.push(entry);
        sections.push({ entry, bytes });
        continue;
      }
    }
    header.push({ key, kind: 'json', value });
  }
  if (idBytes !== null) sections.push(idBytes);
  // Section offsets count from the data start, which follows the header.
  let offset = 0;
  for (const section of sections) {
    section.entry.offset = offset;
    offset = align8(offset + section.bytes.length);
  }
  for (const { entry, endsEntry } of pendingEnds) entry.endsOffset = endsEntry.offset;
  const headerBytes = encoder.encode(JSON.stringify(header, keepNumbers));
  const dataStart = align8(8 + headerBytes.length);
  const out = new Uint8Array(dataStart + offset);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const section of sections) out.set(section.bytes, dataStart + section.entry.offset);
  return { bytes: out, headLength: snapshotHeadLength(out) };
}

/**
 * The head's length of an encoded snapshot, read from its header: up to the ids' bytes when the snapshot
 * has a key for every id, else the whole.
 */
export function snapshotHeadLength(bytes: Uint8Array): number {
  const decoder = new TextDecoder();
  if (bytes.length < 8 || decoder.decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a stored story engine snapshot');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headerLength)), restoreNumbers) as HeaderEntry[];
  const ids = header.find((entry) => entry.kind === 'ids');
  const keys = header.find((entry) => entry.key === 'articleIdKeys');
  const keyed = ids !== undefined && keys?.kind === 'typed' && keys.length === ids.count;
  return keyed ? align8(8 + headerLength) + ids.offset : bytes.length;
}

/**
 * The snapshot back from its buffer. Typed arrays and the packed ids are views on `buffer` (no copy): the
 * caller hands the buffer over and must not reuse it. Throws on anything that is not an encoded snapshot.
 * With `headOnly`, `buffer` may be the head (encodeSnapshotWithHead): the ids' bytes are then marked
 * pending, and the engine restored from it takes them later (StoryEngine.attachIds).
 */
export function decodeSnapshot(buffer: ArrayBuffer, { headOnly = false } = {}): EngineSnapshot {
  const decoder = new TextDecoder();
  if (buffer.byteLength < 8 || decoder.decode(new Uint8Array(buffer, 0, 4)) !== MAGIC)
    throw new Error('not a stored story engine snapshot');
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new Error('stored story engine snapshot is truncated');
  const header = JSON.parse(decoder.decode(new Uint8Array(buffer, 8, headerLength)), restoreNumbers) as HeaderEntry[];
  const dataStart = align8(8 + headerLength);
  const snapshot: Record<string, unknown> = {};
  for (const entry of header) {
    if (entry.kind === 'json') {
      snapshot[entry.key] = entry.value;
    } else if (entry.kind === 'typed') {
      const Type = TYPED_ARRAYS[entry.type];
      const start = dataStart + entry.offset;
      if (!Type || start % 8 !== 0 || start + entry.length * Type.BYTES_PER_ELEMENT > buffer.byteLength) {
        throw new Error(`stored story engine snapshot: bad section ${entry.key}`);
      }
      // A view: the engine restored from it keeps most sections only until it first grows, and copies
      // what it keeps for good (StoryEngine.fromSnapshot). Copying every section here, ~20 MB for 100k
      // articles, was 10-15 ms of a woken worker's first answer.
      snapshot[entry.key] = new Type(buffer, start, entry.length);
    } else if (entry.kind === 'ids') {
      const start = dataStart + entry.offset;
      const endsStart = dataStart + entry.endsOffset;
      // The head ends exactly where the ids' bytes begin.
      const pending = headOnly && entry.bytes > 0 && start === buffer.byteLength;
      if ((!pending && start + entry.bytes > buffer.byteLength) || endsStart % 4 !== 0 || endsStart + entry.count * 4 > buffer.byteLength) {
        throw new Error(`stored story engine snapshot: bad section ${entry.key}`);
      }
      if (pending) snapshot.articleIdsPending = true;
      const ids: PackedArticleIds = {
        utf8: pending ? new Uint8Array(0) : new Uint8Array(buffer, start, entry.bytes),
        ends: new Uint32Array(buffer, endsStart, entry.count),
      };
      snapshot[entry.key] = [];
      snapshot.articleIdsUtf8 = ids;
    } else {
      const start = dataStart + entry.offset;
      if (start + entry.bytes > buffer.byteLength) throw new Error(`stored story engine snapshot: bad section ${entry.key}`);
      snapshot[entry.key] = entry.count === 0 ? [] : decoder.decode(new Uint8Array(buffer, start, entry.bytes)).split(SEPARATOR);
    }
  }
  // Pending ids need their keys, which the engine finds articles by until the ids come.
  if (
    snapshot.articleIdsPending === true &&
    !(
      snapshot.articleIdKeys instanceof Float64Array &&
      snapshot.articleIdKeys.length === (snapshot.articleIdsUtf8 as PackedArticleIds).ends.length
    )
  ) {
    throw new Error('stored story engine snapshot is truncated');
  }
  return snapshot as unknown as EngineSnapshot;
}

/**
 * An article id's key: a 53-bit hash of its UTF-8 bytes, as a plain number (exact in a double).
 *
 * Why: a woken worker reads its stored snapshot without the article ids (half the bytes at 100k
 * articles) to answer its first match sooner, and reads the ids after it (snapshot-pack.ts). Until then
 * the keys find the article being read and a story's rows. Two ids of a full index (150,000) share a key
 * with a probability of about n²/2⁵⁴, one in 800,000, and only for that short while.
 *
 * Two 32-bit multiply-xor lanes over the bytes, each mixed to spread every byte over all bits, then 32
 * bits of one and 21 of the other.
 */
const ENCODER = new TextEncoder();

export function idKeyOfBytes(bytes: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5 ^ (end - start);
  let b = 0x27d4eb2f;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 15) ^ a, 0x2c1b3c6d);
  b = Math.imul(b ^ (b >>> 12), 0x297a2d39);
  b ^= b >>> 15;
  return (a >>> 0) * 2 ** 21 + (b >>> 11);
}

export function idKey(id: string): number {
  const bytes = ENCODER.encode(id);
  return idKeyOfBytes(bytes, 0, bytes.length);
}

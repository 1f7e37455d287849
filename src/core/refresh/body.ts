/**
 * Reads a response body through a byte cap: a body without Content-Length (chunked, or a server that
 * never ends) is read chunk by chunk and the read is cancelled at the cap, so memory never holds more
 * than the cap whatever the server sends.
 */

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const overCap = (maxBytes: number): CappedBody => ({ ok: false, error: `response over the ${maxBytes}-byte limit: not read further` });

export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return overCap(maxBytes);
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Cancelling tells the network stack to stop: the connection is dropped rather than drained.
        await reader.cancel().catch(() => undefined);
        return overCap(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

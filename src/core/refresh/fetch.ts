/**
 * One conditional GET of a feed with a time limit. Uses only `fetch`, `AbortController` and timers,
 * which the MV3 service worker and Node both have; the `fetch` itself is injected (tests, CLI, worker).
 */
import { conditionalHeaders } from './policy';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type FeedFetchOutcome =
  | { kind: 'not-modified' }
  | {
      kind: 'fetched';
      bytes: Uint8Array;
      contentType: string | undefined;
      etag: string | undefined;
      lastModified: string | undefined;
      finalUrl: string;
    }
  | { kind: 'failed'; error: string };

/** A response body larger than this is not read: no real feed comes close (the parser reads 10 MiB). */
export const MAX_FEED_RESPONSE_BYTES = 32 * 1024 * 1024;

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause: unknown = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${error.message} (${typeof code === 'string' ? `${code}: ` : ''}${cause.message})`;
  }
  return error.message;
}

export async function fetchFeedDocument(
  fetchImpl: FetchLike,
  url: string,
  validators: { etag?: string; lastModified?: string },
  timeoutMs: number,
): Promise<FeedFetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      headers: {
        Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        ...conditionalHeaders(validators),
      },
      signal: controller.signal,
      // A feed fetch carries no cookies: the outlet must not learn who is reading.
      credentials: 'omit',
      redirect: 'follow',
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) return { kind: 'failed', error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_FEED_RESPONSE_BYTES)
      return { kind: 'failed', error: `response of ${declared} bytes is over the ${MAX_FEED_RESPONSE_BYTES}-byte limit` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_FEED_RESPONSE_BYTES)
      return { kind: 'failed', error: `response of ${bytes.length} bytes is over the ${MAX_FEED_RESPONSE_BYTES}-byte limit` };
    return {
      kind: 'fetched',
      bytes,
      contentType: response.headers.get('content-type') ?? undefined,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      finalUrl: response.url || url,
    };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'failed', error: `timed out after ${Math.round(timeoutMs / 1000)} s` };
    return { kind: 'failed', error: `network error: ${causeOf(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

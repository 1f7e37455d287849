/**
 * One conditional GET of a feed with a time limit, a byte cap and checked redirects. Uses only `fetch`,
 * `AbortController`, streams and timers, which the MV3 service worker and Node both have; the `fetch`
 * itself is injected (tests, CLI, worker), and so are the redirect rules (redirect.ts).
 */
import { readCappedBody } from './body';
import { conditionalHeaders } from './policy';
import { nextRedirect, type RedirectRules } from './redirect';

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

export interface FeedFetchRules {
  redirects: RedirectRules;
  /** Largest body read; default MAX_FEED_RESPONSE_BYTES. */
  maxBytes?: number;
}

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

/** `timeoutMs` bounds the whole fetch: every redirect hop and the reading of the body. */
export async function fetchFeedDocument(
  fetchImpl: FetchLike,
  url: string,
  validators: { etag?: string; lastModified?: string },
  timeoutMs: number,
  rules: FeedFetchRules,
): Promise<FeedFetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const visited = new Set([url]);
  let current = url;
  try {
    for (;;) {
      const response = await fetchImpl(current, {
        headers: {
          Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
          ...conditionalHeaders(validators),
        },
        signal: controller.signal,
        // A feed fetch carries no cookies: the outlet must not learn who is reading.
        credentials: 'omit',
        // Never follow on the network stack's own: a redirect target is checked before it is requested.
        redirect: 'manual',
      });
      const step = await nextRedirect(response, current, visited, rules.redirects, controller.signal);
      if (step.kind !== 'none') await response.body?.cancel().catch(() => undefined);
      if (step.kind === 'refuse') return { kind: 'failed', error: step.error };
      if (step.kind === 'follow') {
        visited.add(step.url);
        current = step.url;
        continue;
      }
      if (response.status === 304) return { kind: 'not-modified' };
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'failed', error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
      }
      const body = await readCappedBody(response, rules.maxBytes ?? MAX_FEED_RESPONSE_BYTES);
      if (!body.ok) return { kind: 'failed', error: body.error };
      return {
        kind: 'fetched',
        bytes: body.bytes,
        contentType: response.headers.get('content-type') ?? undefined,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
        finalUrl: current,
      };
    }
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'failed', error: `timed out after ${Math.round(timeoutMs / 1000)} s` };
    return { kind: 'failed', error: `network error: ${causeOf(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

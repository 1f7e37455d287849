/**
 * Where the worker's own redirected feed fetches lead. Feeds are fetched with `redirect: 'manual'`, and a
 * browser then hides the redirect's Location from the script (an opaque redirect); the webRequest API
 * still shows it for hosts the extension may access. This observer records the Location of the worker's
 * own 3xx responses by URL, only while a refresh fetches (a listener added at worker start would wake the
 * worker for every matching request), and answers the fetch's question "where does this lead?". An answer
 * that does not come in time is "unknown", and the redirect is not followed.
 */

/** The part of `webRequest.onHeadersReceived` the observer uses (Chrome MV3 and Firefox alike). */
export interface HeadersReceivedEvent {
  addListener(callback: (details: HeadersReceivedDetails) => undefined, filter: RequestFilter, extraInfoSpec?: 'responseHeaders'[]): void;
  removeListener(callback: (details: HeadersReceivedDetails) => undefined): void;
}

export interface HeadersReceivedDetails {
  url: string;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
  /** Chrome: the origin that started the request. */
  initiator?: string;
  /** Firefox: the URL of what started the request. */
  originUrl?: string;
}

interface RequestFilter {
  urls: string[];
  tabId?: number;
  types?: ('xmlhttprequest' | 'other')[];
}

/** How long a fetch waits for the browser's report of its redirect (it may arrive after the response). */
const WAIT_MS = 3_000;
/** A report nobody asked for is forgotten after this long, and at most this many are kept. */
const KEEP_MS = 60_000;
const KEEP_MAX = 500;

const keyOf = (url: string): string => {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
};

export class RedirectObserver {
  private readonly seen = new Map<string, { location: string; at: number }>();
  private readonly waiting = new Map<string, Set<(location: string) => void>>();
  private watchers = 0;

  /**
   * `event`: `browser.webRequest.onHeadersReceived`, or undefined where the API is missing (every opaque
   * redirect is then unknown). `extensionOrigin`: this extension's base URL, to ignore other requests.
   */
  constructor(
    private readonly event: HeadersReceivedEvent | undefined,
    private readonly extensionOrigin: string,
    private readonly now: () => number = Date.now,
  ) {}

  private readonly listener = (details: HeadersReceivedDetails): undefined => {
    if (details.statusCode < 300 || details.statusCode > 399) return;
    const from = details.initiator ?? details.originUrl;
    if (from !== undefined && !from.startsWith(this.extensionOrigin.replace(/\/$/, ''))) return;
    const location = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
    if (location === undefined) return;
    const key = keyOf(details.url);
    const waiters = this.waiting.get(key);
    if (waiters) {
      this.waiting.delete(key);
      for (const resolve of waiters) resolve(location);
      return;
    }
    this.forgetOld();
    this.seen.set(key, { location, at: this.now() });
  };

  private forgetOld(): void {
    const before = this.now() - KEEP_MS;
    for (const [key, entry] of this.seen) if (entry.at < before || this.seen.size >= KEEP_MAX) this.seen.delete(key);
  }

  /** Runs `task` with the observer listening (nested and concurrent calls share one listener). */
  async watching<T>(task: () => Promise<T>): Promise<T> {
    if (this.watchers++ === 0 && this.event) {
      // Requests outside tabs (the worker's own) to any web host; the browser reports only hosts the extension may access.
      this.event.addListener(this.listener, { urls: ['http://*/*', 'https://*/*'], tabId: -1, types: ['xmlhttprequest', 'other'] }, [
        'responseHeaders',
      ]);
    }
    try {
      return await task();
    } finally {
      if (--this.watchers === 0) {
        this.event?.removeListener(this.listener);
        this.seen.clear();
      }
    }
  }

  /** The Location the redirect answered for `url` had, or null when the browser did not report it in time. */
  locationOf(url: string, signal?: AbortSignal): Promise<string | null> {
    const key = keyOf(url);
    const known = this.seen.get(key);
    if (known) {
      this.seen.delete(key);
      return Promise.resolve(known.location);
    }
    if (!this.event || this.watchers === 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (location: string | null) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abandon);
        waiters?.delete(arrived);
        if (waiters?.size === 0 && this.waiting.get(key) === waiters) this.waiting.delete(key);
        resolve(location);
      };
      const arrived = (location: string) => done(location);
      const abandon = () => done(null);
      const timer = setTimeout(abandon, WAIT_MS);
      signal?.addEventListener('abort', abandon);
      let waiters = this.waiting.get(key);
      if (!waiters) this.waiting.set(key, (waiters = new Set()));
      waiters.add(arrived);
    });
  }
}

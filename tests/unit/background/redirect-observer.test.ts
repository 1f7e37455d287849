import { describe, expect, it } from 'vitest';
import { RedirectObserver, type HeadersReceivedDetails, type HeadersReceivedEvent } from '../../../src/background/redirect-observer';

const ORIGIN = 'chrome-extension://abcdef/';

/** The browser's onHeadersReceived event, fired by hand. */
function fakeEvent() {
  const listeners = new Set<(details: HeadersReceivedDetails) => undefined>();
  const filters: unknown[] = [];
  const event: HeadersReceivedEvent = {
    addListener: (callback, filter) => {
      listeners.add(callback);
      filters.push(filter);
    },
    removeListener: (callback) => {
      listeners.delete(callback);
    },
  };
  const fire = (url: string, statusCode: number, location?: string, initiator = 'chrome-extension://abcdef') => {
    for (const listener of listeners) {
      listener({ url, statusCode, initiator, responseHeaders: location === undefined ? [] : [{ name: 'Location', value: location }] });
    }
  };
  return { event, fire, listening: () => listeners.size, filters };
}

describe('RedirectObserver', () => {
  it('gives the Location of a redirect reported before or after the fetch asks', async () => {
    const { event, fire } = fakeEvent();
    const observer = new RedirectObserver(event, ORIGIN);
    await observer.watching(async () => {
      fire('https://feeds.example/a', 302, 'https://feeds.example/b');
      expect(await observer.locationOf('https://feeds.example/a')).toBe('https://feeds.example/b');
      const late = observer.locationOf('https://feeds.example/c');
      fire('https://feeds.example/c', 301, '/d');
      expect(await late).toBe('/d');
    });
  });

  it('ignores other responses and requests the extension did not make', async () => {
    const { event, fire } = fakeEvent();
    const observer = new RedirectObserver(event, ORIGIN);
    await observer.watching(async () => {
      fire('https://feeds.example/ok', 200, 'https://elsewhere.example/');
      fire('https://feeds.example/page', 302, 'https://elsewhere.example/', 'https://some-site.example');
      const controller = new AbortController();
      const asked = observer.locationOf('https://feeds.example/page', controller.signal);
      controller.abort();
      expect(await asked).toBeNull();
      expect(await observer.locationOf('https://feeds.example/ok', AbortSignal.timeout(10))).toBeNull();
    });
  });

  it('listens only while watching, for requests outside tabs', async () => {
    const { event, listening, filters } = fakeEvent();
    const observer = new RedirectObserver(event, ORIGIN);
    expect(listening()).toBe(0);
    await Promise.all([observer.watching(async () => expect(listening()).toBe(1)), observer.watching(async () => undefined)]);
    expect(listening()).toBe(0);
    expect(filters[0]).toMatchObject({ tabId: -1 });
    expect(await observer.locationOf('https://feeds.example/a')).toBeNull();
  });

  it('answers "unknown" where the browser has no webRequest API', async () => {
    const observer = new RedirectObserver(undefined, ORIGIN);
    expect(await observer.watching(() => observer.locationOf('https://feeds.example/a'))).toBeNull();
  });
});

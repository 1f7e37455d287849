/** The one client: replies typed by the protocol's map, the worker's errors, and a worker that does not answer. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { NoAnswerError, WorkerError, ask } from '../../../src/messaging/client';
import type { ReplyOf } from '../../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../../src/messaging/router';

beforeEach(() => fakeBrowser.reset());

/** A worker that answers every message through `route`, as the background entry point does. */
function workerRouting(route: (message: unknown) => Promise<unknown>) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message));
}

describe('ask', () => {
  it('returns the handler’s value, typed by the reply map', async () => {
    const handlers = { 'prefs/get': () => DEFAULT_PREFERENCES } as Partial<Handlers> as Handlers;
    const route = createRouter(handlers);
    workerRouting((message) => route(message, { fromExtensionPage: true }));
    const prefs = await ask({ type: 'prefs/get' });
    // A field of Preferences, read without a cast: the reply's type comes from the request's type.
    expect(prefs.retentionDays).toBe(DEFAULT_PREFERENCES.retentionDays);
  });

  it('throws the worker’s error text, and NoAnswerError when nothing or nothing in time comes back', async () => {
    workerRouting(async () => ({ ok: false, error: 'Invalid message (patch: expected object)' }));
    await expect(ask({ type: 'prefs/get' })).rejects.toThrow(new WorkerError('Invalid message (patch: expected object)'));
    fakeBrowser.reset();
    workerRouting(async () => undefined);
    await expect(ask({ type: 'prefs/get' })).rejects.toBeInstanceOf(NoAnswerError);
    fakeBrowser.reset();
    workerRouting(() => new Promise(() => undefined));
    await expect(ask({ type: 'prefs/get' }, { timeoutMs: 20 })).rejects.toBeInstanceOf(NoAnswerError);
  });
});

describe('the extension API ask uses', () => {
  it('is chrome when a page element named "browser" shows through in a content script', async () => {
    const scope = globalThis as { browser?: unknown };
    const api = scope.browser;
    scope.browser = { id: 'browser', tagName: 'DIV' };
    try {
      workerRouting(async () => ({ ok: true, data: null }));
      expect(await ask({ type: 'popup/open' })).toBeNull();
    } finally {
      scope.browser = api;
    }
  });
});

describe('the reply map, at compile time (npm test runs tsc over this file)', () => {
  it('rejects a handler that answers with the wrong type, and a reply read as the wrong type', () => {
    const wrongHandler: Handlers<'feeds/enable'> = {
      // @ts-expect-error feeds/enable answers how many feeds were enabled (a number), not a string.
      'feeds/enable': () => 'three',
    };
    const readWrong = async () => {
      // @ts-expect-error the reply of feeds/enable is a number.
      const count: string = await ask({ type: 'feeds/enable', urls: ['https://x.org/rss'] });
      return count;
    };
    const unknownRequest = () =>
      // @ts-expect-error no such request type.
      ask({ type: 'feeds/enable-everything' });
    const missingField = () =>
      // @ts-expect-error feeds/enable needs its urls.
      ask({ type: 'feeds/enable' });
    const count: ReplyOf<'feeds/enable'> = 3;
    expect([typeof wrongHandler, typeof readWrong, typeof unknownRequest, typeof missingField, count]).toEqual([
      'object',
      'function',
      'function',
      'function',
      3,
    ]);
  });
});

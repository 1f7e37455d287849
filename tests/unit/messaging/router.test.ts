import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { RequestSchema } from '../../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../../src/messaging/router';

const page = { fromExtensionPage: true };
const contentScript = { fromExtensionPage: false, tabId: 3, url: 'https://news.example/a' };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const none = () => null;
  const all = Object.fromEntries(RequestSchema.options.map((o) => [o.shape.type.value, none])) as unknown as Handlers;
  return { ...all, 'prefs/get': () => DEFAULT_PREFERENCES, 'index/status': () => ({ articles: 1, stories: 1 }), ...overrides };
}

describe('message router', () => {
  it('answers a malformed message with a clear error, and keeps working', async () => {
    const route = createRouter(handlers());
    for (const bad of [
      null,
      'hello',
      42,
      {},
      { type: 'nope' },
      { type: 'article/seen' },
      { type: 'article/seen', pageUrl: 'javascript:alert(1)', detection: {} },
    ]) {
      const reply = await route(bad, page);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/^Invalid message \(/);
    }
    expect(await route({ type: 'index/status' }, page)).toEqual({ ok: true, data: { articles: 1, stories: 1 } });
  });

  it('names the offending field', async () => {
    const reply = await route_({ type: 'prefs/update', patch: { retentionDays: -3 } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('patch.retentionDays') });
    const typo = await route_({ type: 'prefs/update', patch: { hiddenOutlet: ['x'] } });
    expect(typo.ok).toBe(false);
  });

  it('turns a handler failure into an error reply', async () => {
    const route = createRouter(
      handlers({
        'index/status': () => {
          throw new Error('database closed');
        },
      }),
    );
    expect(await route({ type: 'index/status' }, page)).toEqual({ ok: false, error: 'database closed' });
    expect(await route({ type: 'prefs/get' }, page)).toMatchObject({ ok: true });
  });

  it('does not let a content script change or read the reader’s settings', async () => {
    const route = createRouter(handlers());
    expect(await route({ type: 'prefs/update', patch: { hiddenOutlets: ['cnn'] } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: 'prefs/get' }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: 'popup/open' }, contentScript)).toMatchObject({ ok: true });
  });
});

function route_(message: unknown) {
  return createRouter(handlers())(message, page);
}

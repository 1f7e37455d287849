// @vitest-environment happy-dom
/**
 * The content scripts' context talks to no page: it sends no event or message when a script starts, no
 * event the page sends ends it, and an address change reaches its handlers without a page event.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from '../../../src/content/script-context';

describe('ContentScriptContext', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends the page nothing as a script starts', () => {
    const sent = [vi.spyOn(document, 'dispatchEvent'), vi.spyOn(window, 'dispatchEvent'), vi.spyOn(window, 'postMessage')];
    const ctx = new ContentScriptContext('article');
    ctx.addEventListener(window, 'wxt:locationchange', () => {});
    for (const spy of sent) expect(spy).not.toHaveBeenCalled();
  });

  it('is not ended by what a newer copy of WXT`s context would send, or by any page event', () => {
    const ended = vi.fn();
    const ctx = new ContentScriptContext('article');
    ctx.onInvalidated(ended);
    const name = `${browser.runtime.id}:article:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'article', messageId: 'forged' } }));
    window.postMessage({ type: name, contentScriptName: 'article', messageId: 'forged' }, '*');
    vi.runAllTimers();
    expect(ctx.isValid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
  });

  it('calls its address handlers when the address changes without a load, and never for a page event of that name', () => {
    const changed = vi.fn();
    const ctx = new ContentScriptContext('article');
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    window.dispatchEvent(new Event(`${browser.runtime.id}:article:wxt:locationchange`));
    window.dispatchEvent(new Event('wxt:locationchange'));
    vi.advanceTimersByTime(1_500);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/world/2026/03/02/storm-hits-the-coast');
    vi.advanceTimersByTime(1_000);
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('stops its timers and listeners when the extension goes away', () => {
    const ctx = new ContentScriptContext('article');
    const ended = vi.fn();
    const tick = vi.fn();
    const clicked = vi.fn();
    ctx.onInvalidated(ended);
    ctx.setInterval(tick, 100);
    ctx.addEventListener(document, 'click', clicked);
    vi.advanceTimersByTime(250);
    expect(tick).toHaveBeenCalledTimes(2);
    // An extension reloaded or removed leaves its scripts without a runtime id.
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    document.dispatchEvent(new Event('click'));
    expect(tick).toHaveBeenCalledTimes(2);
    expect(clicked).not.toHaveBeenCalled();
  });

  it('uses the browser`s navigation events where there are some, and takes no event a page dispatches', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const changed = vi.fn();
    const ctx = new ContentScriptContext('article');
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    const forged = Object.assign(new Event('navigate'), { destination: { url: 'https://example.org/elsewhere' } });
    navigation.dispatchEvent(forged);
    vi.advanceTimersByTime(3_000);
    expect(changed).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

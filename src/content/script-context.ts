/**
 * The context each content script's `main` receives, in place of WXT's (the build swaps it in for the
 * content scripts: wxt.config.ts). WXT's announces every script's start with an event on the page's
 * document and reports address changes with events on its window, all named after the extension id. A
 * published extension's id is public, so any page could hear that Parallax runs there, and, by sending
 * the same events, take the badge down, stop the lean chips or have the article script look again.
 * This one talks to no page: nothing is dispatched, and address changes come from the browser's own
 * navigation events (or, without the Navigation API, from reading the address each second).
 * What it gives up: a copy of a script injected anew into the same page (an extension reload while
 * developing) does not stop the old one. Each script's own marker keeps it from running twice in one
 * page's world, and an orphaned copy knows it is invalid (`isInvalid`) once its extension is gone.
 */
import { browser } from 'wxt/browser';

const LOCATION_CHANGE = 'wxt:locationchange';

interface NavigateEvent extends Event {
  destination: { url: string };
}

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly onLocation: (() => void)[] = [];

  constructor(readonly contentScriptName: string) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    // The extension was reloaded, updated or removed: this copy of the script is orphaned.
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** A promise that never settles: for work that must not go on once the context is invalid. */
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => this.isValid && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * A listener removed when the context ends. "wxt:locationchange" is no event of the page's: the
   * handler is called when the page's address changes without a load.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (type !== LOCATION_CHANGE) {
      target.addEventListener(type, handler, { ...options, signal: this.signal });
      return;
    }
    if (this.onLocation.push(() => handler(new Event(LOCATION_CHANGE))) === 1) this.watchLocation();
  }

  private watchLocation(): void {
    let last = location.href;
    const changed = (url: string) => {
      if (url === last || !this.isValid) return;
      last = url;
      for (const callback of this.onLocation) callback();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener !== 'function') {
      this.setInterval(() => changed(location.href), 1_000);
      return;
    }
    // Only the browser's own events: a page can dispatch a "navigate" event of its own.
    const onNavigate = (event: Event) => event.isTrusted && changed((event as NavigateEvent).destination.url);
    navigation.addEventListener('navigate', onNavigate, { signal: this.signal });
  }
}

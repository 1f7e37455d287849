/**
 * The story the worker last computed for each tab, kept in `storage.session` (memory only, gone when the
 * browser closes) so that a popup opened after the worker was stopped can draw it at once. This module
 * owns the key and the value's type: the worker writes through it, the popup reads through it.
 */
import type { PopupStory } from './page';

/** The part of `storage.session` used here; the native API and the polyfill both provide it. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (tabId: number): string => `popup-story:${tabId}`;

export class KeptStories {
  constructor(private readonly area: SessionArea) {}

  /**
   * The story kept for the tab, when it is still for `pageUrl` (the tab may have moved on); else null. The
   * address may come as a promise, so that the store is read while the browser is asked for it.
   */
  async get(tabId: number, pageUrl: string | undefined | Promise<string | undefined>): Promise<PopupStory | null> {
    const key = keyOf(tabId);
    const [stored, url] = await Promise.all([this.area.get(key), pageUrl]);
    // Written by an earlier build of the worker, perhaps: only a story of the expected shape is used.
    const kept = stored[key] as Partial<PopupStory> | undefined;
    return url !== undefined && kept?.page?.pageUrl === url && typeof kept.view?.status === 'string' ? (kept as PopupStory) : null;
  }

  set(tabId: number, story: PopupStory): Promise<void> {
    return this.area.set({ [keyOf(tabId)]: story });
  }

  remove(tabId: number): Promise<void> {
    return this.area.remove(keyOf(tabId));
  }
}

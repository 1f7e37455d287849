/**
 * The story the worker last computed for each tab, kept in `storage.session` (memory only, gone when the
 * browser closes) so that a popup can draw it at once, before the worker answers (or while a stopped
 * worker starts). The worker forgets them all when the index or a setting changes, so that a popup never
 * draws a story that is no longer current. This module
 * owns the key and the value's type: the worker writes through it, the popup reads through it.
 */
import type { PopupStory } from './page';

/** The part of `storage.session` used here; the native API and the polyfill both provide it. */
export interface SessionArea {
  /** `null`: everything in the area. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'popup-story:';
const keyOf = (tabId: number): string => `${PREFIX}${tabId}`;

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

  /** Forgets every tab's story (the index or a setting changed: none is current any more). */
  async clear(): Promise<void> {
    const keys = Object.keys(await this.area.get(null)).filter((key) => key.startsWith(PREFIX));
    if (keys.length > 0) await this.area.remove(keys);
  }
}

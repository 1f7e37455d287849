/**
 * The popup's first question, sent by a small classic script in the popup's <head> while the page is
 * still being parsed, before the popup's modules are fetched and run: the worker's answer travels
 * meanwhile, and the popup draws it as soon as its code runs. Nothing here but the message itself, so
 * that script stays a few hundred bytes.
 */
import { nativeApi } from '../../messaging/client';

/** Where the early script leaves the request it sent. */
const EARLY_KEY = '__parallaxPopupStory';

interface EarlyScope {
  [EARLY_KEY]?: { search: string; reply: Promise<unknown> };
}

/** `?tab=ID` when the popup is opened as a page (from the badge, or in tests); null: the active tab. */
export function tabFromSearch(search: string): number | null {
  const param = new URLSearchParams(search).get('tab');
  return param !== null && /^\d{1,15}$/.test(param) ? Number(param) : null;
}

/** Sends the popup's request now and keeps its reply for the popup's code. */
export function sendEarly(search: string): void {
  const reply = nativeApi<{ runtime: { sendMessage(m: unknown): Promise<unknown> } }>().runtime.sendMessage({
    type: 'popup/story',
    tabId: tabFromSearch(search),
  });
  // The popup's code reads it (and handles its errors); until then a failure is not an unhandled one.
  reply.catch(() => undefined);
  (globalThis as EarlyScope)[EARLY_KEY] = { search, reply };
}

/** The reply the early script asked for this popup's address, taken once; undefined when none was sent. */
export function takeEarly(search: string): Promise<unknown> | undefined {
  const scope = globalThis as EarlyScope;
  const early = scope[EARLY_KEY];
  delete scope[EARLY_KEY];
  return early?.search === search ? early.reply : undefined;
}

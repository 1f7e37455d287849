/**
 * The fake browser has no scripting or permissions API: these stubs hold the registered content scripts
 * and answer the granted origins, for the run-time registrations' tests (the E2E suite loads the real ones).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Registered = { id: string; js?: string[]; matches?: string[] };

/** Stubs permissions.getAll (answering `granted` as it is at each call) and the scripting registrations. */
export function stubScripting(granted: { origins: string[] }): Registered[] {
  const registered: Registered[] = [];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...granted.origins], permissions: [] }));
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const script of scripts as Registered[]) {
      if (registered.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered.push(script);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? []) registered.splice(registered.findIndex((s) => s.id === id) >>> 0, 1);
  });
  return registered;
}

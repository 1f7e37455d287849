/**
 * E2E against real outlets' host names: `realPages` maps full URLs to committed fixture files, a local
 * HTTP+HTTPS server answers them, and Chromium resolves those hosts to it. The extension then sees the
 * page exactly as on the outlet's site. Feeds can be served the same way.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { tabIdByUrl } from '../../src/demo/extension-probe';
import { startRealHostServer, type RealHostServer } from '../../src/demo/real-hosts';
import { CONTENT_TYPES } from '../../src/demo/server';
import { test as base } from './fixtures';

/** The address key a request is answered on: the scheme may differ (HSTS upgrades http to https). */
const key = (url: URL) => `${url.hostname}${url.pathname}${url.search}`;

export const test = base.extend<{ realPages: Record<string, string>; realHosts: RealHostServer }>({
  /** Full URL → fixture file (relative to the repository). */
  realPages: [{}, { option: true }],
  realHosts: async ({ realPages }, use) => {
    const files = new Map(Object.entries(realPages).map(([url, file]) => [key(new URL(url)), resolve(file)]));
    const hosts = [...new Set(Object.keys(realPages).map((url) => new URL(url).hostname))];
    const server = await startRealHostServer({
      hosts,
      handle: async (url) => {
        // Loopback: a blank start page, whose URL the worker may see (its host permission).
        if (url.hostname === '127.0.0.1') return { type: 'text/html; charset=utf-8', body: '<!doctype html><title>start</title>' };
        const file = files.get(key(url));
        return file === undefined ? null : { type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
      },
    });
    await use(server);
    await server.close();
  },
  chromiumArgs: async ({ realHosts }, use) => {
    await use(realHosts.chromiumArgs);
  },
});

export { expect } from './fixtures';

/**
 * A new tab showing `url`, and its id. Without the `tabs` permission the worker sees loopback URLs only,
 * so the tab starts on the server's loopback address and is then sent to the real host.
 */
export async function openOnRealHost(
  context: BrowserContext,
  worker: Worker,
  realHosts: RealHostServer,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${realHosts.port}/start`);
  const tabId = await tabIdByUrl(worker, page);
  await page.goto(url);
  return { page, tabId };
}

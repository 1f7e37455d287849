/** Checks and stand-ins shared by the extension pages' E2E tests. */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/** axe over the page as it is now: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

/**
 * What the reader answers to the browser's permission prompt, for pages opened after this call: a headless
 * browser cannot click the prompt. The requests asked are kept in the page's `__permissionRequests`.
 */
export async function answerPermissionPrompt(context: BrowserContext, granted: boolean): Promise<void> {
  await context.addInitScript((answer: boolean) => {
    const api = (globalThis as unknown as { chrome?: { permissions?: { request: (p: unknown) => Promise<boolean> } } }).chrome;
    if (api?.permissions) {
      const asked: unknown[] = [];
      (globalThis as unknown as { __permissionRequests: unknown[] }).__permissionRequests = asked;
      api.permissions.request = (p: unknown) => {
        asked.push(p);
        return Promise.resolve(answer);
      };
    }
  }, granted);
}

/** The permission requests the page made, as `answerPermissionPrompt` recorded them. */
export const permissionRequests = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __permissionRequests: { origins: string[] }[] }).__permissionRequests);

/** What the stores check before they accept the extension, in its builds and its zips. */
import { expect, test } from './fixtures';

test('Zod runs without code generation in the worker and the options page', async ({ context, extensionId, worker }) => {
  const jitless = () => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless ?? null;
  expect(await worker.evaluate(jitless)).toBe(true);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.evaluate(jitless)).toBe(true);
});

import { defineConfig } from '@playwright/test';

// One worker: each test starts its own Chromium with the extension, and the machine has 2 cores.
export default defineConfig({
  testDir: './e2e',
  outputDir: './artifacts/results',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  retries: 0,
});

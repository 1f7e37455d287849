import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // 2 cores: keep the pool small so the E2E step that follows is not starved.
    maxWorkers: 2,
    // No unit test times anything: a few parse the whole shipped catalogue or pack a 1,500-article engine,
    // which on a loaded 2-core machine outlasts vitest's default 5 s.
    testTimeout: 30_000,
  },
});

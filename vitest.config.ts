import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB and Chromium are heavy: two workers match the 2-core machines here.
    maxWorkers: 2,
    env: { TZ: 'Europe/London' },
  },
});

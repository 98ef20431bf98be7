import { defineConfig } from '@playwright/test';

// Browser tests of the built extension (extension/test-chrome) in Debian's Chromium; scripts/test.mjs builds
// it first and passes CHROMIUM_PATH. One worker: the machine is small and each test runs its own browser.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/playwright',
});

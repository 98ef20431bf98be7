import { defineConfig } from 'vitest/config';

// Unit and DOM tests (Node). DOM tests opt in with a `// @vitest-environment happy-dom` first line.
// The browser tests are Playwright's (tests/e2e) and puppeteer's (tests/firefox), run by scripts/test.mjs.
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/dom/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/dom/**/*.test.tsx',
    ],
    alias: {
      'webextension-polyfill': new URL('./tests/mocks/webextension-polyfill.ts', import.meta.url).pathname,
    },
    testTimeout: 30_000,
  },
});

import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run bench`'s browser half: the scale figures of tests/bench-browser, in the same
// Chromium and window as the end-to-end tests, one test at a time.
export default defineConfig({
  ...base,
  testDir: 'tests/bench-browser',
  outputDir: 'test-results/bench-browser',
  timeout: 900_000,
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/lint-fixtures/ holds files linted by test/lint-rules.test.ts, not tests.
    exclude: ['**/node_modules/**', 'dist/**', 'test/lint-fixtures/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/lint-fixtures/ holds files linted by test/lint-rules.test.ts, not tests.
    exclude: ['**/node_modules/**', 'dist/**', 'test/lint-fixtures/**'],
    globalSetup: ['test/global-setup.ts'],
    // One test file per core (vitest's default leaves one core idle): most files spend
    // their time in one child process (the CLI, Chromium, a worker), so on 2 cores two
    // files side by side nearly halve the suite's time. Files are written to run side by
    // side (own temp folders, own viewer builds, free ports).
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

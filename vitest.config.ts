import { defineConfig } from 'vitest/config';

// Three kinds of test, one runner. Database tests (*.db.test.ts) run twice: once on SQLite and
// once on the throwaway PostgreSQL cluster that scripts/test.js starts (ILN_TEST_PG_URL).
const dbTests = ['src/**/*.db.test.ts', 'tests/db/**/*.test.ts'];

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    // Timeouts catch hangs, not slowness: on a busy 2-core machine the CPU-bound tests (the i18n key
    // scan, the form fuzz, the wasm build) took over vitest's 5 s default and failed the run.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], exclude: dbTests },
      },
      {
        extends: true,
        test: { name: 'db-sqlite', include: dbTests, env: { ILN_TEST_DB: 'sqlite' } },
      },
      {
        extends: true,
        test: { name: 'db-postgres', include: dbTests, env: { ILN_TEST_DB: 'postgres' } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// @ts-check
/*
 * Mutation testing of the shared mutation appliers (core/mutations/*.ts), the second half of
 * `npm run test:mutation` (scripts/mutation.mjs runs stryker.config.mjs, then this).
 *
 * A config of its own, not more globs in the rules' one: the appliers have no core tests. They run against
 * the store seam, so their tests are suites in test/ that drive them on a real SQLite database, and those
 * suites also run every rule file; mutating the rules against them would multiply the rules' run for no
 * score they do not already have from their own unit tests. Each half keeps its own test files and its own
 * incremental file.
 *
 * - Tests: the applier suites (test/appliers-*.test.ts: each mutation applied straight through
 *   `applyMutation` on an in-memory SQLite, milliseconds a test) and the store and service suites that pin
 *   applier behaviour and run on SQLite in a second or two. TEST_STORES=sqlite makes the suites that
 *   also run on the server's PostgreSQL (PGlite) run their SQLite half only: the appliers are the same code
 *   on both stores, and `npm test` keeps running both. The slow suites (random walks, the replay on
 *   PGlite, the server) stay out: one of them covers nearly every mutant and would run for each.
 * - Per-test coverage (Stryker's default): each mutant runs only the tests that reached it.
 * - One file while working on its tests: `npx stryker run stryker.appliers.config.mjs --mutate core/mutations/vouchers.ts`.
 */
import base from './stryker.config.mjs';

// Read by server/testing/databases.ts `dbKinds()`; the test runner's worker processes inherit it.
process.env.TEST_STORES = 'sqlite';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.config.ts', related: false, pool: 'forks' },
  testFiles: [
    'test/appliers-*.test.ts',
    'test/permissions-stores.test.ts',
    'test/audit-admin-changes.test.ts',
    'test/vouchers.test.ts',
    'test/tickets-rules.test.ts',
  ],
  mutate: ['core/mutations/*.ts'],
  concurrency: 1,
  // Only what these tests load is copied into the sandbox: the console's renderer, the builds and the
  // files other work creates and renames meanwhile stay out (a file gone mid-copy stops the run).
  ignorePatterns: [
    '/*',
    ...['core', 'db', 'server', 'electron', 'test', 'package.json', 'tsconfig*.json', 'vitest.config.ts'].map((keep) => `!/${keep}`),
    '*.sqlite*',
  ],
  incrementalFile: 'reports/stryker-incremental-appliers.json',
  htmlReporter: { fileName: 'reports/mutation-appliers/index.html' },
};

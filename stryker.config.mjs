// @ts-check
/*
 * Mutation testing of the core rules (issue 13): the first half of `npm run test:mutation` (scripts/mutation.mjs;
 * the shared mutation appliers, core/mutations, are the second: stryker.appliers.config.mjs). Not part of
 * `npm test`: it is slow.
 *
 * - Incremental: the result of the last run is kept in reports/ (gitignored), so a rerun only mutates code
 *   (and runs tests) that changed since. Delete reports/stryker-incremental.json, or pass `--force`, for a
 *   full run.
 * - One file at a time while working on its tests: `npx stryker run --mutate core/vouchers/policy.ts`.
 * - The vitest runner uses the project's own vitest config (both time zones) narrowed to the core tests
 *   that import the mutated file (`related`).
 * - Equivalent mutants are marked where they are, in the source, with `// Stryker disable next-line
 *   <mutator>: <reason>`; none are excluded here wholesale.
 */

/** The rule folders (the appliers in core/mutations have no core tests: their run is stryker.appliers.config.mjs). */
const RULE_DIRS = ['core/rules', 'core/sla', 'core/tickets', 'core/vouchers', 'core/questionnaire'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // The project's vitest config (both time-zone projects, forks so each keeps its own TZ), narrowed to the
  // core tests that import the mutated file. The rules are pinned by their own unit tests; the slow store,
  // server and console tests (which also run the rules) are left out.
  vitest: { configFile: 'vitest.config.ts', related: true, pool: 'forks' },
  testFiles: ['core/**/*.test.ts'],
  // Static mutants (module-level constants, e.g. `const DONE = {...}`) are left out of the score, reported
  // as Ignored: with `testFiles` set, Stryker 10 activates them only after the module has been imported
  // (stryker-js issues #6144, #6209), so each reads as a survivor whichever test kills it, after a run of
  // every related test. They cannot be measured here, so they are not counted either way.
  ignoreStatic: true,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.core.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    ...RULE_DIRS.map((dir) => `${dir}/**/*.ts`),
    '!core/**/*.test.ts',
    // Test support (history builders, arbitraries), not rules.
    '!core/**/testing.ts',
    '!core/**/testing-*.ts',
  ],
  // The machine has two cores shared with other work.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, allowEmojis: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
  // Build output and files other runs write while this one copies the project into its sandbox.
  ignorePatterns: ['dist', 'dist-electron', 'release', 'test-results', 'playwright-report', '.data', 'bench/.out', 'e2e/.screens', '.test-summary', '*.sqlite*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

import { defineConfig } from 'vitest/config';

// The rules must not read the machine's time zone: the server may run in UTC or in Asia/Shanghai, so the
// rule tests run in both (a rule that uses the process zone instead of its calendar's fails one of them).
const RULE_TESTS = ['core/rules/**/*.test.ts', 'core/sla/**/*.test.ts', 'core/tickets/**/*.test.ts', 'core/vouchers/**/*.test.ts', 'core/questionnaire/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'UTC',
          include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'test/**/*.test.ts', 'renderer/**/*.test.ts', 'server/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      { extends: true, test: { name: 'rules in Asia/Shanghai', include: RULE_TESTS, env: { TZ: 'Asia/Shanghai' } } },
    ],
  },
});

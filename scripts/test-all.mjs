// `npm test`: every check, in order, with one honest summary at the end. Fails if any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Outside test-results/: Playwright empties that folder when it starts.
const out = '.test-summary';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');

const steps = [
  ['type check: core (no node, no DOM)', 'npx', ['tsc', '-p', 'tsconfig.core.json']],
  ['type check: node (db, electron, tests)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['type check: web (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json']],
  ['lint (import zones)', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['lint CSS (tokens only, each class in one file: stylelint)', 'npx', ['stylelint', 'renderer/**/*.css']],
  ['import circles (scripts/check-cycles.mjs)', 'node', ['scripts/check-cycles.mjs']],
  ['unit + integration tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  ['build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
];

const only = process.argv[2];
const failures = [];
for (const [title, cmd, args, env] of steps) {
  if (only && !title.includes(only)) continue;
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`✔ ${title} (${seconds} s)`);
  else {
    console.log(`✘ ${title} failed (exit ${result.status ?? result.signal}, ${seconds} s)`);
    failures.push(title);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  console.log(`\nvitest:     ${v.numPassedTests} passed, ${v.numFailedTests} failed in ${v.numTotalTestSuites} suites`);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  console.log(`playwright: ${s.expected + s.flaky} passed (${s.flaky} flaky), ${s.unexpected} failed, ${s.skipped} skipped`);
}
if (failures.length) console.log(`\nFailed steps: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);

// `npm run test:mutation`: both Stryker runs, one after the other, with the same arguments (e.g. `-- --force`):
// the core rules against their unit tests (stryker.config.mjs), then the shared mutation appliers against the
// SQLite suites that drive them (stryker.appliers.config.mjs). Fails if either run fails.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
let failed = false;
for (const config of ['stryker.config.mjs', 'stryker.appliers.config.mjs']) {
  console.log(`\n▶ stryker run ${config} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', ['stryker', 'run', config, ...args], { stdio: 'inherit' });
  console.log(`${result.status === 0 ? '✔' : '✘'} ${config} (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
/**
 * `npm start`: build the console and open it in Electron.
 *
 * First checks — without loading `electron` (whose index.js throws when the runtime is missing) — that
 * the Electron runtime binary is installed. When it is not, fetches it with electron's own installer,
 * showing the download's progress (scripts/electron-runtime.mjs); only if that fails does it print what
 * to do, in Chinese and English, and exit with code 1: no stack trace.
 *
 * Usage: node scripts/start.mjs [--skip-build] [extra electron args…]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronRuntime, printMissingRuntime } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Runs a Node script synchronously with inherited stdio; returns its exit code. */
function runNode(args, label) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`${label} could not start: ${result.error.message}\n`);
    return 1;
  }
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit code ${result.status ?? result.signal}).\n`);
    return result.status ?? 1;
  }
  return 0;
}

function viteBin() {
  try {
    const pkgPath = require.resolve('vite/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.vite;
    if (bin) return join(dirname(pkgPath), bin);
  } catch {
    // fall through
  }
  return join(root, 'node_modules', 'vite', 'bin', 'vite.js');
}

async function main() {
  const argv = process.argv.slice(2);
  const skipBuild = argv.includes('--skip-build');
  const electronArgs = argv.filter((arg) => arg !== '--skip-build');

  const electron = await ensureElectronRuntime({ root });
  if (!electron.ok) {
    printMissingRuntime(electron.reason);
    return 1;
  }

  if (!skipBuild) {
    const viteCode = runNode([viteBin(), 'build', '--logLevel', 'warn'], 'vite build');
    if (viteCode !== 0) return viteCode;
    const electronCode = runNode([join(root, 'scripts', 'build-electron.mjs')], 'build-electron');
    if (electronCode !== 0) return electronCode;
  }

  // ELECTRON_RUN_AS_NODE would make the binary behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;

  const child = spawn(electron.binary, [root, ...electronArgs], { cwd: root, stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`Could not launch Electron (${electron.binary}): ${error.message}\n`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    if (code === null) {
      process.stderr.write(`Electron exited with signal ${signal}.\n`);
      process.exit(1);
    }
    process.exit(code);
  });
  return null;
}

const code = await main();
if (code !== null) process.exitCode = code;

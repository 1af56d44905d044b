#!/usr/bin/env node
/**
 * `npm start`: build the console and open it in Electron.
 *
 * First checks — without loading `electron` (whose index.js tries to download the runtime and throws
 * when it cannot) — that the Electron runtime binary is actually installed. When it is not, prints
 * what to do, in Chinese and English, and exits with code 1: no stack trace.
 *
 * Usage: node scripts/start.mjs [--skip-build] [extra electron args…]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** @returns {{ ok: true, binary: string } | { ok: false, reason: string }} */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  let executable;
  try {
    executable = readFileSync(pathFile, 'utf8').trim();
  } catch {
    executable = null;
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(binary)
      ? { ok: true, binary }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!executable) {
    return { ok: false, reason: `${pathFile} is missing: the runtime download never completed` };
  }
  const binary = join(packageDir, 'dist', executable);
  if (!existsSync(binary)) {
    return { ok: false, reason: `${binary} does not exist: the runtime download never completed` };
  }
  return { ok: true, binary };
}

function printMissingRuntime(reason) {
  const lines = [
    '',
    '回访工作台：未安装 Electron 运行时，无法启动桌面版。',
    'Callback Console: the Electron runtime is not installed, so the desktop app cannot start.',
    '',
    `  原因 / Reason: ${reason}`,
    '  Electron 的二进制文件需要单独下载；本机下载被阻止或失败（无法访问 Electron 发布服务器）。',
    '  Electron downloads its binary separately; that download was blocked or failed here',
    '  (the Electron release host is not reachable).',
    '',
    '安装方法 / How to get it:',
    '  1. 在能访问 Electron 发布服务器的机器上运行 / On a machine that can reach the Electron release host:',
    '       node node_modules/electron/install.js',
    '  2. 或者设置可访问的镜像后再运行该脚本 / Or point ELECTRON_MIRROR at a reachable mirror and re-run it:',
    '       ELECTRON_MIRROR=<镜像地址/mirror URL> node node_modules/electron/install.js',
    '  3. 或者在允许 electron 的安装脚本后 / Or, after approving electron\'s install script:',
    '       npm rebuild electron --foreground-scripts',
    '',
    '在此期间，可在浏览器中使用同一个工作台 / Meanwhile, the same console runs in a browser:',
    '       npm run web',
    '',
  ];
  process.stderr.write(lines.join('\n') + '\n');
}

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

function main() {
  const argv = process.argv.slice(2);
  const skipBuild = argv.includes('--skip-build');
  const electronArgs = argv.filter((arg) => arg !== '--skip-build');

  const electron = findElectronBinary();
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

const code = main();
if (code !== null) process.exitCode = code;

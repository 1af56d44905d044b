/**
 * Finding — and when missing, fetching — the Electron runtime for `npm start` (scripts/start.mjs).
 *
 * `npm ci` does not run electron's install script (package.json `allowScripts` denies it), so on a fresh
 * clone the runtime binary is not there. `npm start` then runs electron's own installer
 * (`node node_modules/electron/install.js`: @electron/get, checksummed, honouring ELECTRON_MIRROR and the
 * shared download cache) and shows how far the download has got. Only when that fails does start.mjs
 * print what to do, and that `npm run web` serves the same console meanwhile.
 *
 * Nothing here loads `electron` itself: its index.js throws when the runtime is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';

/** @typedef {{ ok: true, binary: string } | { ok: false, reason: string, packageMissing?: boolean }} Found */

/**
 * Where the Electron runtime binary is, without loading `electron`.
 * @param {string} root the project folder (holds package.json and node_modules)
 * @param {Record<string, string | undefined>} [env]
 * @returns {Found}
 */
export function findElectronBinary(root, env = process.env) {
  const packageDir = electronPackageDir(root);
  if (!packageDir) {
    return { ok: false, reason: 'the electron package is not installed (node_modules/electron is missing)', packageMissing: true };
  }
  const pathFile = join(packageDir, 'path.txt');
  let executable;
  try {
    executable = readFileSync(pathFile, 'utf8').trim();
  } catch {
    executable = null;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
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

/** @param {string} root */
function electronPackageDir(root) {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * electron's own installer, run with this Node.
 * @param {string} root
 * @returns {string[]}
 */
export function defaultInstallCommand(root) {
  const packageDir = electronPackageDir(root) ?? join(root, 'node_modules', 'electron');
  return [process.execPath, join(packageDir, 'install.js')];
}

/**
 * Bytes in the files of `dir` and its subfolders (the installer's temporary download lands there).
 * @param {string} dir
 * @returns {number}
 */
function bytesUnder(dir) {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += bytesUnder(path);
      else if (entry.isFile()) total += statSync(path).size;
    } catch {
      // renamed or removed meanwhile (the installer moves the finished download into its cache)
    }
  }
  return total;
}

/** @param {number} n */
const mb = (n) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/**
 * The first line of the installer's error output that says what went wrong (not a stack frame).
 * @param {string} output
 */
function errorSummary(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (
    lines.find((l) => /^([A-Z]\w*)?Error\b/.test(l)) ??
    lines.find((l) => !l.startsWith('at ') && !/^node:internal|^\^+$|^Node\.js v|^throw /.test(l)) ??
    ''
  );
}

/**
 * Runs the installer and reports its progress on `out`: it downloads into a temporary folder of its own
 * (TMPDIR/TEMP/TMP point there), whose growth is the progress shown — a line rewritten in place on a
 * terminal, a line every few seconds otherwise. Its own stack traces are kept back; the first line of its
 * error becomes the reason.
 * @param {{ command: string[], cwd: string, env?: Record<string, string | undefined>, out?: NodeJS.WritableStream & { isTTY?: boolean }, progressEveryMs?: number }} options
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export function runInstaller({ command, cwd, env = process.env, out = process.stderr, progressEveryMs }) {
  const tty = Boolean(out.isTTY);
  const every = progressEveryMs ?? (tty ? 500 : 3000);
  const scratch = mkdtempSync(join(tmpdir(), 'callback-console-electron-'));
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const [file, ...args] = command;
    const child = spawn(file, args, {
      cwd,
      // ELECTRON_GET_NO_PROGRESS: its bar needs a terminal (and starts after 30 s); this file shows progress instead.
      env: { ...env, TMPDIR: scratch, TEMP: scratch, TMP: scratch, ELECTRON_GET_NO_PROGRESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text) => (output += text));
    child.stderr.on('data', (text) => (output += text));

    let shown = false;
    const show = () => {
      const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
      const bytes = bytesUnder(scratch);
      const line =
        bytes === 0
          ? `  正在连接 / connecting… ${seconds} s`
          : `  已下载 / downloaded ${mb(bytes)}  (${mb(bytes / seconds)}/s, ${seconds} s)`;
      out.write(tty ? `\r\u001b[2K${line}` : `${line}\n`);
      shown = true;
    };
    const timer = setInterval(show, every);

    /** @param {{ ok: true } | { ok: false, reason: string }} result */
    const finish = (result) => {
      clearInterval(timer);
      if (shown && tty) out.write('\n');
      rmSync(scratch, { recursive: true, force: true });
      resolvePromise(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `the installer could not start: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) return finish({ ok: true });
      const why = errorSummary(output) || (signal ? `stopped by ${signal}` : `exit code ${code}`);
      finish({ ok: false, reason: why });
    });
  });
}

/**
 * The runtime binary, fetched first with electron's installer when it is missing.
 * @param {{ root: string, env?: Record<string, string | undefined>, installCommand?: string[], out?: NodeJS.WritableStream & { isTTY?: boolean }, progressEveryMs?: number }} options
 * @returns {Promise<Found & { installed?: boolean }>}
 */
export async function ensureElectronRuntime({ root, env = process.env, installCommand, out = process.stderr, progressEveryMs }) {
  const found = findElectronBinary(root, env);
  if (found.ok || found.packageMissing) return found;
  out.write(
    [
      '回访工作台：未找到 Electron 运行时，正在用 Electron 自带的安装程序下载（约 100 MB，只需一次）…',
      'Callback Console: the Electron runtime is missing; fetching it with electron\'s own installer (about 100 MB, once)…',
      `  (${found.reason})`,
      '',
    ].join('\n'),
  );
  const started = Date.now();
  const installed = await runInstaller({ command: installCommand ?? defaultInstallCommand(root), cwd: root, env, out, progressEveryMs });
  if (!installed.ok) {
    return { ok: false, reason: `${found.reason}; electron's installer then failed: ${installed.reason}` };
  }
  const after = findElectronBinary(root, env);
  if (!after.ok) return { ok: false, reason: `electron's installer finished, but ${after.reason}` };
  out.write(`Electron 运行时已安装 / Electron runtime installed (${Math.round((Date.now() - started) / 1000)} s).\n`);
  return { ...after, installed: true };
}

/**
 * What to do when the runtime could not be fetched, in Chinese and English.
 * @param {string} reason
 * @param {NodeJS.WritableStream} [out]
 */
export function printMissingRuntime(reason, out = process.stderr) {
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
    '  1. 在能访问 Electron 发布服务器的网络中再次运行 / Run it again where the Electron release host is reachable:',
    '       npm start        (或 / or: node node_modules/electron/install.js)',
    '  2. 或者设置可访问的镜像后再运行 / Or point ELECTRON_MIRROR at a reachable mirror and run it again:',
    '       ELECTRON_MIRROR=<镜像地址/mirror URL> npm start',
    '  3. 或者在允许 electron 的安装脚本后 / Or, after approving electron\'s install script:',
    '       npm rebuild electron --foreground-scripts',
    '',
    '在此期间，可在浏览器中使用同一个工作台 / Meanwhile, the same console runs in a browser:',
    '       npm run web',
    '',
  ];
  out.write(lines.join('\n') + '\n');
}

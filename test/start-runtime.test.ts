import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ensureElectronRuntime, findElectronBinary, printMissingRuntime } from '../scripts/electron-runtime.mjs';

/*
 * `npm start` when the Electron runtime is missing: it runs electron's installer itself, and only when
 * that fails prints how to get it (and that `npm run web` serves the same console). This machine cannot
 * download Electron, so the installer command is injected: small Node scripts that behave as
 * node_modules/electron/install.js does when it succeeds or fails. The runtime's place is redirected
 * with ELECTRON_OVERRIDE_DIST_PATH (which the installer and electron honour too), so the real
 * node_modules/electron is never touched.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Not test/helpers.ts: that loads the whole back end, which this test does not need.
const dirs: string[] = [];
function tempDir(prefix = 'cbc-start-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Collects what would go to the terminal. */
function sink(isTTY = false) {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  }) as Writable & { isTTY?: boolean };
  out.isTTY = isTTY;
  return { out, text: () => text };
}

/** A runtime folder with no runtime in it, and the env that points electron (and its installer) at it. */
function missingRuntime() {
  const dist = tempDir('cbc-electron-dist-');
  return { dist, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist } };
}

const installers = mkdtempSync(join(tmpdir(), 'cbc-fake-installer-'));
afterAll(() => rmSync(installers, { recursive: true, force: true }));

/** Writes a fake installer script and returns the command that runs it with this Node. */
function fakeInstaller(body: string): string[] {
  const file = join(mkdtempSync(join(installers, 'i-')), 'install.mjs');
  writeFileSync(file, body);
  return [process.execPath, file];
}

/** Like install.js succeeding: downloads (into the temporary folder) in steps, then unpacks the binary. */
const SUCCEEDS = fakeInstaller(`
import { chmodSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const download = join(tmpdir(), 'electron-download-x');
mkdirSync(download, { recursive: true });
const zip = join(download, 'electron-v45.4.1-linux-x64.zip');
for (let i = 0; i < 4; i++) {
  appendFileSync(zip, Buffer.alloc(1024 * 1024));
  await new Promise((r) => setTimeout(r, 120));
}
const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
writeFileSync(binary, '#!/bin/sh\\necho "electron ran: $*"\\n');
chmodSync(binary, 0o755);
`);

/** Like install.js when the download host is unreachable: it prints err.stack and exits 1. */
const FAILS = fakeInstaller(`
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13502:13\\n    at async FetchDownloader.download (/x/node_modules/@electron/get/dist/FetchDownloader.js:45:30)');
process.exit(1);
`);

const SUCCEEDS_WITHOUT_BINARY = fakeInstaller('process.exit(0);\n');

describe('npm start: fetching a missing Electron runtime', () => {
  it('an installed runtime is used as it is: the installer never runs', async () => {
    const { dist, env } = missingRuntime();
    writeFileSync(join(dist, 'electron'), '');
    const term = sink();
    const found = await ensureElectronRuntime({ root: ROOT, env, installCommand: FAILS, out: term.out });
    expect(found).toEqual({ ok: true, binary: join(dist, 'electron') });
    expect(term.text()).toBe('');
  });

  it('missing, and the installer succeeds: start proceeds with the fetched binary, progress shown meanwhile', async () => {
    const { dist, env } = missingRuntime();
    expect(findElectronBinary(ROOT, env).ok).toBe(false);
    const term = sink();
    const found = await ensureElectronRuntime({ root: ROOT, env, installCommand: SUCCEEDS, out: term.out, progressEveryMs: 100 });
    expect(found).toMatchObject({ ok: true, binary: join(dist, 'electron'), installed: true });
    const text = term.text();
    expect(text).toContain("fetching it with electron's own installer");
    expect(text).toMatch(/downloaded \d+\.\d MB/);
    expect(text).toContain('Electron runtime installed');
    expect(text).not.toContain('npm run web');
  });

  it('progress on a terminal is one line rewritten in place', async () => {
    const { env } = missingRuntime();
    const term = sink(true);
    await ensureElectronRuntime({ root: ROOT, env, installCommand: SUCCEEDS, out: term.out, progressEveryMs: 100 });
    expect(term.text()).toContain('\r\u001b[2K  ');
  });

  it('missing, and the installer fails: the reason from its error, without its stack trace', async () => {
    const { env } = missingRuntime();
    const term = sink();
    const found = await ensureElectronRuntime({ root: ROOT, env, installCommand: FAILS, out: term.out, progressEveryMs: 100 });
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.reason).toContain("electron's installer then failed: TypeError: fetch failed");
    expect(term.text()).not.toMatch(/^\s+at /m);

    printMissingRuntime(found.reason, term.out);
    const text = term.text();
    expect(text).toContain('the Electron runtime is not installed');
    expect(text).toContain('TypeError: fetch failed');
    expect(text).toContain('npm run web');
    expect(text).not.toMatch(/^\s+at /m);
  });

  it('the installer exits 0 but no binary appears: still the message, saying so', async () => {
    const { env } = missingRuntime();
    const found = await ensureElectronRuntime({ root: ROOT, env, installCommand: SUCCEEDS_WITHOUT_BINARY, out: sink().out });
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toMatch(/^electron's installer finished, but .* does not exist/);
  });

  it('an installer that cannot be started is a failure with a reason, not a crash', async () => {
    const { env } = missingRuntime();
    const found = await ensureElectronRuntime({ root: ROOT, env, installCommand: [join(tempDir(), 'no-such-program')], out: sink().out });
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toContain('the installer could not start');
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runStart(env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--skip-build', '--check-args'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (stdout += c));
    child.stderr.on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('scripts/start.mjs', () => {
  it('with the runtime in place, launches it on the app', async () => {
    const { dist, env } = missingRuntime();
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "electron ran: $*"\n');
    chmodSync(join(dist, 'electron'), 0o755);
    const run = await runStart(env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`electron ran: ${ROOT} --check-args`);
  });

  it("runs electron's real installer when the runtime is missing, and prints the message when the download fails", async () => {
    const { env } = missingRuntime();
    // An unreachable mirror and an empty download cache: the real installer fails at once, on any machine.
    const run = await runStart({ ...env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: tempDir('cbc-electron-cache-') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("fetching it with electron's own installer");
    expect(run.stderr).toContain('the Electron runtime is not installed');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../electron/backend';
import { cleanup, rows, tempDir } from './helpers';

/* `npm run console -- import FILE` signs in (--user, CONSOLE_PASSWORD or a prompt) or says exactly what to do. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'electron', 'cli.ts');

afterEach(cleanup);

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CONSOLE_PASSWORD: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

function csvIn(dataDir: string): string {
  const file = join(dataDir, 'list.csv');
  writeFileSync(file, 'phone,name,reason,priority\n13810000001,客户甲,satisfaction,2\n');
  return file;
}

describe('npm run console -- import: signing in', () => {
  it('a console with no users yet: says to finish the first-run setup first, imports nothing', async () => {
    const dataDir = tempDir('cbc-cli-auth-');
    const run = await runCli(['import', csvIn(dataDir), '--data-dir', dataDir, '--user', '王芳'], { CONSOLE_PASSWORD: 'whatever-1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('This console has no users yet');
    expect(run.stderr).toContain('first-run setup');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('no --user, no password, a wrong password: a message saying what to do; the right one imports as that user', async () => {
    const dataDir = tempDir('cbc-cli-auth-');
    const backend = createBackend({ dataDir });
    expect((await backend.invoke('session.setUp', { mode: 'empty', name: '周敏', password: 'zhoumin-pass', locale: 'zh-CN' })).ok).toBe(true);
    backend.close();
    const csv = csvIn(dataDir);

    const noUser = await runCli(['import', csv, '--data-dir', dataDir]);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('--user');
    const noPassword = await runCli(['import', csv, '--data-dir', dataDir, '--user', '周敏']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('CONSOLE_PASSWORD');
    const wrong = await runCli(['import', csv, '--data-dir', dataDir, '--user', '周敏'], { CONSOLE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('do not match');

    const done = await runCli(['import', csv, '--data-dir', dataDir, '--user', '周敏'], { CONSOLE_PASSWORD: 'zhoumin-pass' });
    expect(done.stderr).toBe(done.stderr.replace(/Error/, ''));
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('imported:    1');
    const check = createBackend({ dataDir });
    const audit = rows<{ action: string }>(check.context!.db, `SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY at, id`);
    check.close();
    expect(audit.map((a) => a.action)).toEqual(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_in']);
  }, 120_000);
});

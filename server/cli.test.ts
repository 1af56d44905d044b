import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The real command line in a child process: `--demo` on an empty PGlite folder, a sign-in with a
 * printed demo password, then SIGTERM while a request is in flight: the request still gets its
 * answer, the process exits 0 and leaves the data folder unlocked for the admin commands.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run server', () => {
  it('--demo prints the accounts, serves them, and stops gracefully on SIGTERM; admin commands answer with exit codes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cc-server-cli-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--demo', '--port', '0', '--data-dir', dataDir], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(Number(m[1]));
        }
      }, 100);
      void exited.then(() => reject(new Error(`the server exited: ${out}`)));
    });
    expect(out).toMatch(/周敏.*\+8613800000001.*zhoumin-demo.*supervisor \+ admin/);
    expect(out).toContain('PGlite (embedded PostgreSQL)');
    const password = /王芳\S*\s+\+86\d+\s+(\S+)/.exec(out)![1]!;
    const inFlight = fetch(`http://127.0.0.1:${port}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: '王芳', password }),
    });
    // The scrypt verify keeps this request busy well past the signal.
    await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: { user: { name: string } } }).value.user.name).toBe('王芳');
    expect(await exited).toBe(0);

    const list = await run(['admin', 'list-users', '--data-dir', dataDir]);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(5);
    // Usage mistakes are answered before the database is opened.
    const usage = await run(['admin', 'create-user', '--data-dir', dataDir, '--name', '新人']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^--role is required\./);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);
});

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../db/open';
import { createBackend } from '../electron/backend';
import { cleanup, tempDir } from './helpers';

/*
 * `npm run console -- import FILE` while another program holds the database's write lock for longer than
 * the busy timeout: a clear message, never a stack trace, a non-zero exit, nothing imported. The lock is
 * a write transaction held open from a second better-sqlite3 connection; CONSOLE_BUSY_TIMEOUT_MS keeps
 * the CLI's wait short.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'electron', 'cli.ts');
const EXIT_LOCKED = 75;

let holders: Database.Database[] = [];
afterEach(() => {
  for (const h of holders) if (h.open) h.close();
  holders = [];
  cleanup();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onStderr` sees its progress lines as they come. */
function runCli(args: string[], onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CONSOLE_BUSY_TIMEOUT_MS: '300', CONSOLE_PASSWORD: 'test-password-1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (stdout += c));
    child.stderr.on('data', (c: string) => {
      stderr += c;
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A console set up with its first supervisor 王芳 (the CLI signs in as them) and a CSV of `rows` new callbacks. */
async function consoleWithCsv(rows: number): Promise<{ dataDir: string; csv: string }> {
  const dataDir = tempDir('cbc-cli-lock-');
  const backend = createBackend({ dataDir });
  const setUp = await backend.invoke('session.setUp', { mode: 'empty', name: '王芳', password: 'test-password-1', locale: 'zh-CN' });
  backend.close();
  expect(setUp.ok).toBe(true);
  const lines = ['phone,name,reason,priority'];
  for (let i = 0; i < rows; i++) lines.push(`138${String(10_000_000 + i).padStart(8, '0')},客户${i},satisfaction,${(i % 5) + 1}`);
  const csv = join(dataDir, 'list.csv');
  writeFileSync(csv, lines.join('\n'));
  return { dataDir, csv };
}

/** Another program's write transaction, held open until released. */
function holdWriteLock(dataDir: string): Database.Database {
  const holder = new Database(databasePath(dataDir), { timeout: 0 });
  holders.push(holder);
  holder.exec('BEGIN IMMEDIATE');
  return holder;
}

function callbacks(dataDir: string): number {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM callbacks').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function expectLockedMessage(run: Run, dataDir: string): void {
  expect(run.code).toBe(EXIT_LOCKED);
  expect(run.stderr).toContain('The console database is locked');
  expect(run.stderr).toContain('longer than 0.3 s');
  expect(run.stderr).toContain('Nothing was imported');
  expect(run.stderr).toContain(databasePath(dataDir));
  expect(run.stderr).toContain('CONSOLE_BUSY_TIMEOUT_MS');
  // No stack trace, no driver internals.
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/SqliteError|SQLITE_BUSY|node_modules/);
  expect(run.stdout).not.toContain('imported:');
}

describe('CLI import while another program holds the database lock', () => {
  it('locked before the CLI starts: a clear message, exit 75, nothing imported; the same command works once the lock is gone', async () => {
    const { dataDir, csv } = await consoleWithCsv(3);
    const holder = holdWriteLock(dataDir);

    const locked = await runCli(['import', csv, '--data-dir', dataDir, '--user', '王芳']);
    expectLockedMessage(locked, dataDir);

    holder.exec('ROLLBACK');
    expect(callbacks(dataDir)).toBe(0);
    const retried = await runCli(['import', csv, '--data-dir', dataDir, '--user', '王芳']);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(/imported:\s+3/);
    expect(callbacks(dataDir)).toBe(3);
    // Two CLI runs, each starting tsx and signing in (scrypt), on a busy machine.
  }, 90_000);

  it('locked while the CLI validates, so its commit waits past the busy timeout: the same message, nothing imported', async () => {
    const { dataDir, csv } = await consoleWithCsv(30_000);
    let holder: Database.Database | undefined;
    // The CLI says "Reading …" once the database is open; validating 30,000 rows takes far longer than taking the lock.
    const run = await runCli(['import', csv, '--data-dir', dataDir, '--user', '王芳'], (stderr) => {
      if (!holder && stderr.includes('Reading')) holder = holdWriteLock(dataDir);
    });
    expect(holder).toBeDefined();
    expect(run.stderr).toContain('Saving 30000 rows');
    expectLockedMessage(run, dataDir);
    holder!.exec('ROLLBACK');
    expect(callbacks(dataDir)).toBe(0);
  });

  it('a bad CONSOLE_BUSY_TIMEOUT_MS is a one-line message, not a stack trace', async () => {
    const { dataDir, csv } = await consoleWithCsv(1);
    const run = await new Promise<Run>((resolvePromise) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'import', csv, '--data-dir', dataDir, '--user', '王芳'], {
        cwd: ROOT,
        env: { ...process.env, CONSOLE_BUSY_TIMEOUT_MS: 'soon' },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (c: string) => (stderr += c));
      child.on('exit', (code) => resolvePromise({ code, stdout: '', stderr }));
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CONSOLE_BUSY_TIMEOUT_MS must be a whole number of milliseconds');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

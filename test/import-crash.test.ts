import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../db/open';
import { IMPORT_PART_ROWS } from '../core/mutations/imports';
import { cleanup, tempDir } from './helpers';

afterEach(cleanup);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(ROOT, 'test', 'fixtures', 'import-crash-child.ts');
const ROWS = 60_000;

interface Run {
  stdout: string;
  stderr: string;
  killed: boolean;
  /** The child had printed "done" before it was killed (the commit had finished). */
  finished: boolean;
}

/** Runs the child; with `killAfterMs` set, SIGKILLs it that long after it says "committing". */
function runChild(dataDir: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(ROWS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let finishedAtKill = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const sawCommitting = !stdout.includes('committing') && (stdout + chunk).includes('committing');
      stdout += chunk;
      if (sawCommitting && killAfterMs !== null) {
        const kill = () => {
          finishedAtKill = stdout.includes('done');
          killed = child.kill('SIGKILL');
        };
        if (killAfterMs === 0) kill();
        else setTimeout(kill, killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', () => resolvePromise({ stdout, stderr, killed, finished: finishedAtKill || stdout.includes('done') }));
  });
}

function inspect(dataDir: string) {
  const db = new Database(databasePath(dataDir));
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      users: n('SELECT count(*) AS n FROM users'),
      customers: n('SELECT count(*) AS n FROM customers'),
      callbacks: n('SELECT count(*) AS n FROM callbacks'),
      batches: n('SELECT count(*) AS n FROM import_batches'),
      importedInBatch: n('SELECT coalesce(sum(imported), 0) AS n FROM import_batches'),
      outbox: n('SELECT count(*) AS n FROM outbox'),
      importOutbox: n(`SELECT count(*) AS n FROM outbox WHERE name = 'imports.commit'`),
    };
  } finally {
    db.close();
  }
}

// After setUp: the first supervisor, the ten built-in scripts, their mapping and the sign-in (13 outbox entries),
// then the import: one imports.commit part per IMPORT_PART_ROWS rows, all in one transaction.
const SET_UP_OUTBOX = 13;
const PARTS = Math.ceil(ROWS / IMPORT_PART_ROWS);
const NOTHING = { integrity: 'ok', users: 1, customers: 0, callbacks: 0, batches: 0, importedInBatch: 0, outbox: SET_UP_OUTBOX, importOutbox: 0 };
const EVERYTHING = { integrity: 'ok', users: 1, customers: ROWS, callbacks: ROWS, batches: 1, importedInBatch: ROWS, outbox: SET_UP_OUTBOX + PARTS, importOutbox: PARTS };

describe('closing the app mid-import', () => {
  it('an undisturbed run imports everything (control)', async () => {
    const dir = tempDir();
    const run = await runChild(dir, null);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`ready ${ROWS}`);
    expect(run.stdout).toContain(`done ${ROWS}`);
    expect(inspect(dir)).toEqual(EVERYTHING);
  }, 60_000);

  it('SIGKILL during the commit leaves either the whole batch or none of it', async () => {
    const results: { delay: number; finished: boolean; state: ReturnType<typeof inspect> }[] = [];
    for (const delay of [0, 200, 1200]) {
      const dir = tempDir();
      const run = await runChild(dir, delay);
      expect(run.stdout).toContain('committing');
      if (!run.finished) expect(run.killed).toBe(true);
      const state = inspect(dir);
      results.push({ delay, finished: run.finished, state });
      if (run.finished) expect(state).toEqual(EVERYTHING);
      else expect([NOTHING, EVERYTHING]).toContainEqual(state);
    }
    // At least one kill landed while the commit was still running (and so must have rolled back).
    const midCommit = results.filter((r) => !r.finished);
    expect(midCommit.length).toBeGreaterThan(0);
    expect(midCommit.some((r) => r.state.callbacks === 0)).toBe(true);
  }, 120_000);
});

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, DB_FILE_NAME } from '../db/open';
import { runMutation } from '../electron/services/mutations/registry';
import { cleanup, tempDir, T0 } from './helpers';

afterEach(cleanup);

/*
 * A console action that meets another writer (a CLI import committing, a second window) waits for it
 * instead of failing at once: its transaction takes the write lock up front (BEGIN IMMEDIATE) within the
 * busy timeout. A deferred transaction would read first and then fail with SQLITE_BUSY on its first
 * write, whatever the timeout, because its snapshot is older than the other writer's commit.
 */

const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('lock-holder', '{}', 1)").run();
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
parentPort.postMessage('released');
`;

describe('two writers on one console database', () => {
  it('an action started while another process holds the write lock waits for it and then applies', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DB_FILE_NAME), { busyTimeoutMs: 5_000 });
    const worker = new Worker(HOLDER, {
      eval: true,
      workerData: { file: join(dir, DB_FILE_NAME), holdMs: 400, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    });
    const released = new Promise<void>((resolve) => worker.on('message', (m) => m === 'released' && resolve()));
    await new Promise<void>((resolve) => worker.on('message', (m) => m === 'locked' && resolve()));
    const started = performance.now();
    // Reads first (the users.create applier looks for supervisors), then writes: the case that failed.
    runMutation(db, 'users.create', { id: '0193b000-0000-7000-8000-000000000001', name: '王芳', role: 'supervisor', createdAt: T0, by: null }, T0);
    const waited = performance.now() - started;
    await released;
    await worker.terminate();
    expect(waited).toBeGreaterThan(200);
    expect(db.$client.prepare('SELECT name FROM users').all()).toEqual([{ name: '王芳' }]);
    expect(db.$client.prepare("SELECT key FROM settings WHERE key = 'lock-holder'").all()).toHaveLength(1);
    db.$client.close();
  });
});

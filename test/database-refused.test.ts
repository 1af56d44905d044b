import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/contract/result';
import type { SessionInfo, SystemStatus } from '../core/contract/views';
import { databasePath, defaultMigrationsFolder, openDatabase, readJournal, type Db } from '../db/open';
import { createBackend } from '../electron/backend';
import { cleanup, makeHarness, setUpEmpty, T0, tempDir } from './helpers';

/*
 * Databases the console must not open as they are — a newer schema, a corrupt file, a file another program
 * holds locked — and what it says instead. The upgrades themselves are test/migrations.test.ts.
 */

afterEach(cleanup);

const JOURNAL = readJournal(defaultMigrationsFolder());
const N = JOURNAL.entries.length;

async function statusOf(dataDir: string) {
  const backend = createBackend({ dataDir, clock: () => T0 });
  try {
    const status = (await backend.invoke('system.status', {})) as { ok: true; value: SystemStatus };
    const other = await backend.invoke('session.get', {});
    const list = await backend.invoke('queue.list', {});
    const bad = await backend.invoke('queue.list', { limit: 'x' });
    return { status: status.value, other, list, bad, context: backend.context };
  } finally {
    backend.close();
  }
}

/** A set-up console database on disk, closed, with no WAL left beside it. */
async function setUpDir(): Promise<string> {
  const h = makeHarness();
  await setUpEmpty(h);
  h.backend.close();
  return h.dataDir;
}

describe('databases the console must refuse', () => {
  const newer: { name: string; tamper: (db: Database.Database) => void }[] = [
    { name: 'a migration with a later timestamp', tamper: (db) => db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', JOURNAL.entries.at(-1)!.when + 1000) },
    { name: 'more applied migrations than the app knows', tamper: (db) => db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('extra', 1) },
    { name: 'a higher user_version', tamper: (db) => db.pragma('user_version = 99') },
  ];
  for (const t of newer) {
    it(`newer schema (${t.name}) → DB_NEWER_SCHEMA, file left untouched`, async () => {
      const dataDir = await setUpDir();
      const raw = new Database(databasePath(dataDir));
      t.tamper(raw);
      const before = { uv: raw.pragma('user_version', { simple: true }), mig: raw.prepare('SELECT * FROM __drizzle_migrations ORDER BY id').all() };
      raw.close();

      const { status, other, list, bad, context } = await statusOf(dataDir);
      expect(context).toBeUndefined();
      expect(status.db).toMatchObject({ state: 'error', code: 'DB_NEWER_SCHEMA', path: databasePath(dataDir) });
      expect(status.schemaVersion).toBe(N);
      expect(status.pendingOutbox).toBe(0);
      expect(other).toMatchObject({ ok: false, error: { code: 'DB_NEWER_SCHEMA' } });
      expect(list).toMatchObject({ ok: false, error: { code: 'DB_NEWER_SCHEMA' } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } }); // input is still checked first

      const after = new Database(databasePath(dataDir), { readonly: true });
      expect({ uv: after.pragma('user_version', { simple: true }), mig: after.prepare('SELECT * FROM __drizzle_migrations ORDER BY id').all() }).toEqual(before);
      after.close();
    });
  }

  it('random bytes → DB_CORRUPT', async () => {
    const dataDir = tempDir();
    const bytes = Buffer.alloc(16_384);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(databasePath(dataDir), bytes);
    const { status, other } = await statusOf(dataDir);
    expect(status.db).toMatchObject({ state: 'error', code: 'DB_CORRUPT', path: databasePath(dataDir) });
    expect(other).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    expect(readFileSync(databasePath(dataDir))).toEqual(bytes); // never "repaired" by overwriting
  });

  it('a real database with its pages overwritten → DB_CORRUPT', async () => {
    const dataDir = await setUpDir();
    const path = databasePath(dataDir);
    for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    const file = readFileSync(path);
    // Keep the 100-byte header (so it still looks like SQLite), scramble the schema page.
    for (let i = 100; i < Math.min(file.length, 4096); i++) file[i] = (i * 31) % 256;
    writeFileSync(path, file);
    const { status } = await statusOf(dataDir);
    expect(status.db).toMatchObject({ state: 'error', code: 'DB_CORRUPT' });
  });

  it('an empty file is treated as a new database', async () => {
    const dataDir = tempDir();
    writeFileSync(databasePath(dataDir), '');
    const { status, other } = await statusOf(dataDir);
    expect(status.db).toEqual({ state: 'ready' });
    expect(other).toMatchObject({ ok: true, value: { setUp: false } });
  });
});

describe('a database locked by another program', () => {
  function lockExclusive(path: string): Database.Database {
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    return other;
  }

  it('openDatabase gives up after its busy timeout with DB_LOCKED', async () => {
    const dataDir = await setUpDir();
    const other = lockExclusive(databasePath(dataDir));
    try {
      const started = Date.now();
      let error: unknown;
      try {
        openDatabase(databasePath(dataDir), { busyTimeoutMs: 200 }).$client.close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('DB_LOCKED');
      expect((error as AppError).details).toEqual({ path: databasePath(dataDir) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once released it opens normally.
    const db: Db = openDatabase(databasePath(dataDir), { busyTimeoutMs: 200 });
    expect((db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(2);
    db.$client.close();
  });

  it('the back end reports DB_LOCKED at start-up, and a write that meets a lock fails cleanly', async () => {
    const dataDir = await setUpDir();
    const path = databasePath(dataDir);
    let other = lockExclusive(path);
    try {
      const { status, other: call } = await statusOf(dataDir); // waits the back end's own 5 s busy timeout
      expect(status.db).toMatchObject({ state: 'error', code: 'DB_LOCKED' });
      expect(call).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    const h = makeHarness({ dataDir });
    expect((await h.ok<SessionInfo>('session.get')).setUp).toBe(true);
    h.actAs((h.db.$client.prepare(`SELECT id FROM users WHERE name = '组长'`).get() as { id: string }).id);
    other = lockExclusive(path);
    try {
      const r = await h.call('users.create', { name: '李静', role: 'agent', password: 'test-password-1' });
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Nothing of the failed write is left behind; the next write goes through.
    expect((await h.ok<SessionInfo>('session.get')).users).toHaveLength(2);
    // setUp's own entries only: the supervisor, ten built-in scripts, their mapping, the sign-in; then the agent.
    expect((h.db.$client.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(14);
    expect((await h.ok<SessionInfo>('users.create', { name: '李静', role: 'agent', password: 'test-password-1' })).users).toHaveLength(3);
  }, 30_000);
});

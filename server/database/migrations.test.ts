import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dbKinds, type TestDbKind } from '../testing/databases';
import { openServerDb, serverMigrationsFolder, type ServerDb } from './open';

/*
 * Upgrade test: a database migrated to the first migration and holding data, then opened with every
 * migration, keeps its rows and gains the new tables. Each kind reopens the same storage: a PGlite
 * folder, or a throwaway database on the real PostgreSQL.
 */

const FULL = serverMigrationsFolder();
const JOURNAL = JSON.parse(readFileSync(join(FULL, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-server-mig-'));
  dirs.push(dir);
  return dir;
}

function migrationsPrefix(n: number): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(FULL, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return dir;
}

/** Opens the same storage twice: returns an opener and a cleanup. */
async function storage(kind: TestDbKind): Promise<{ open: (migrationsFolder: string) => Promise<ServerDb>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    // One in-memory PGlite migrated twice with the migrator openServerDb uses: a PGlite folder costs
    // ~20 s to create and reopen on a busy 2-core machine, and tests nothing more.
    const client = new PGlite({ parsers: { 20: Number } });
    const asServerDb = (): ServerDb => ({
      kind: 'pglite',
      query: async <R>(sql: string, params: readonly unknown[] = []) => {
        const r = await client.query<R>(sql, params as unknown[]);
        return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
      },
      script: async (sql: string) => {
        await client.exec(sql);
      },
      transaction: () => Promise.reject(new Error('not used here')),
      close: async () => undefined,
    });
    return {
      async open(migrationsFolder) {
        await migrate(drizzle(client), { migrationsFolder });
        return asServerDb();
      },
      drop: () => client.close(),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cc_mig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    open: (migrationsFolder) => openServerDb({ databaseUrl: url.toString(), migrationsFolder, poolSize: 2 }),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

const T0 = 1_780_000_000_000;

describe('server migrations', () => {
  it('the journal starts with the shared tables and includes the accounts', () => {
    expect(JOURNAL.entries[0]!.tag).toBe('0000_shared_tables');
    expect(JOURNAL.entries.map((e) => e.tag)).toContain('0001_accounts');
  });

  for (const kind of dbKinds()) {
    it(`upgrades a database from 0000 with data to the latest, keeping its rows (${kind})`, async () => {
      const s = await storage(kind);
      try {
        const first = await s.open(migrationsPrefix(1));
        await first.query(`INSERT INTO users (id, name, role, created_at) VALUES ('u-1', '王芳', 'agent', $1)`, [T0]);
        await first.query(
          `INSERT INTO audit_log (id, at, actor_id, action, subject_type, subject_id, details) VALUES ('a-1', $1, 'u-1', 'customer.reveal_phone', 'customer', 'c-1', '{}')`,
          [T0 + 1],
        );
        const before = await first.query(`SELECT to_regclass('accounts') AS t`);
        expect(before.rows[0]).toEqual({ t: null });
        await first.close();

        const latest = await s.open(FULL);
        try {
          expect((await latest.query(`SELECT id, name, role, created_at FROM users`)).rows).toEqual([
            { id: 'u-1', name: '王芳', role: 'agent', created_at: T0 },
          ]);
          expect((await latest.query(`SELECT id, actor_id, action FROM audit_log`)).rows).toEqual([
            { id: 'a-1', actor_id: 'u-1', action: 'customer.reveal_phone' },
          ]);
          // The existing user can be given an account: the new tables hang off the old rows.
          await latest.query(`INSERT INTO teams (id, name, created_at) VALUES ('t-1', '一组', $1)`, [T0]);
          await latest.query(
            `INSERT INTO accounts (id, team_id, name, login_key, role, password_hash, credentials_changed_at, created_at)
             VALUES ('u-1', 't-1', '王芳', '王芳', 'agent', 'x', $1, $1)`,
            [T0],
          );
          expect((await latest.query(`SELECT is_admin, phone, disabled_at FROM accounts`)).rows).toEqual([{ is_admin: false, phone: null, disabled_at: null }]);
        } finally {
          await latest.close();
        }
      } finally {
        await s.drop();
      }
    }, 120_000); // a PGlite start takes 10–30 s when the machine is busy

    it(`0006 keeps the row images captured as jsonb and captures new ones as compact json (${kind})`, async () => {
      const s = await storage(kind);
      const write = (id: string, name: string) =>
        `BEGIN; SELECT sync_begin('t-1'); INSERT INTO users (id, name, role, created_at) VALUES ('${id}', '${name}', 'agent', ${T0}); COMMIT;`;
      try {
        const before = await s.open(migrationsPrefix(6));
        await before.script(write('u-1', '王芳'));
        await before.close();

        const latest = await s.open(FULL);
        try {
          await latest.script(write('u-2', '李娜'));
          const { rows } = await latest.query<{ pk: string; version: number; kind: string; image: string }>(
            `SELECT pk, version, pg_typeof(row)::text AS kind, row::text AS image FROM sync_changes WHERE team_id = 't-1' ORDER BY pk`,
          );
          expect(rows.map(({ pk, version, kind }) => ({ pk, version, kind }))).toEqual([
            { pk: 'u-1', version: 1, kind: 'json' },
            { pk: 'u-2', version: 2, kind: 'json' },
          ]);
          expect(JSON.parse(rows[0]!.image)).toMatchObject({ id: 'u-1', name: '王芳', role: 'agent', created_at: T0 });
          expect(JSON.parse(rows[1]!.image)).toMatchObject({ id: 'u-2', name: '李娜', role: 'agent', created_at: T0 });
          // As jsonb printed it, and as to_json writes it now.
          expect(rows[0]!.image).toContain('"name": "王芳"');
          expect(rows[1]!.image).toContain('"name":"李娜"');
        } finally {
          await latest.close();
        }
      } finally {
        await s.drop();
      }
    }, 120_000);
  }
});

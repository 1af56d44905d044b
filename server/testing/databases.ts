import pg from 'pg';
import { openServerDb, type ServerDb } from '../database/open';

/*
 * A fresh server database for one test: PGlite in memory by default (`npm test`), or, when
 * TEST_DATABASE_URL names a real PostgreSQL (`.ci/run` sets it), a new database on that server that is
 * dropped again afterwards. `dbKinds()` lists the kinds a suite should run on; `TEST_STORES=sqlite` lists
 * none, so a suite that runs on both stores runs its SQLite half only (the mutation run of the shared
 * appliers, stryker.appliers.config.mjs: the appliers are the same code on both stores, and PGlite is slow).
 */

export type TestDbKind = 'pglite' | 'postgres';

export function dbKinds(): TestDbKind[] {
  if (process.env.TEST_STORES === 'sqlite') return [];
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb {
  db: ServerDb;
  /** The URL of the test's own database (real PostgreSQL only): a second process may open it too. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDb(kind: TestDbKind = 'pglite', options: { poolSize?: number } = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openServerDb();
    return { db, url: undefined, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: no real PostgreSQL to test on.');
  const name = `cc_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openServerDb({ databaseUrl: url.toString(), poolSize: options.poolSize });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

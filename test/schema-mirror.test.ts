import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { createTestDb, type TestDb } from '../server/testing/databases';
import { SYNCED_TABLES } from './helpers';

/*
 * The appliers' SQL runs unchanged on the console's SQLite and the server's PostgreSQL, so every shared
 * table must have the same columns, in the same kinds, with the same nullability on both. A column added
 * to db/schema.ts and not to server/database/schema-shared.ts (or the other way) fails here.
 */

const kindOfSqlite = (type: string) => (/INT/i.test(type) ? 'integer' : /REAL|FLOA|DOUB/i.test(type) ? 'real' : 'text');
const kindOfPg = (type: string) => (/int/i.test(type) ? 'integer' : /double|real|numeric/i.test(type) ? 'real' : 'text');

describe('the server mirrors every shared table of the console', () => {
  let console: Db;
  let server: TestDb;
  beforeAll(async () => {
    console = openDatabase(':memory:');
    server = await createTestDb('pglite');
  }, 120_000);
  afterAll(async () => {
    console.$client.close();
    await server.drop();
  });

  it.each(SYNCED_TABLES.map(([table]) => table))('%s: same columns, kinds and nullability', async (table) => {
    const local = (console.$client.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; pk: number }[])
      .map((c) => ({ column: c.name, kind: kindOfSqlite(c.type), nullable: c.notnull === 0 && c.pk === 0 }))
      .sort((a, b) => a.column.localeCompare(b.column));
    const remote = (
      await server.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      )
    ).rows
      .map((c) => ({ column: c.column_name, kind: kindOfPg(c.data_type), nullable: c.is_nullable === 'YES' }))
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(remote).toEqual(local);
  });
});

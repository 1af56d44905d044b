import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/databases';
import type { Queryable } from './open';

/*
 * PGlite's transactions speak the wire protocol themselves (pglite-wire.ts). These pin what the shared
 * pipelining code relies on: answers in order, one failure per statement with the rest of the
 * transaction aborted as on a real PostgreSQL connection, and prepared statements that survive failures.
 */

const codeOf = (settled: PromiseSettledResult<unknown>) =>
  settled.status === 'fulfilled' ? 'ok' : (settled.reason as { code?: string }).code ?? String(settled.reason);

const insertUser = (tx: Queryable, id: string) =>
  tx.query(`INSERT INTO users (id, name, role, created_at) VALUES ($1, $2, 'agent', $3)`, [id, `用户${id}`, 1_780_000_000_000]);

describe('PGlite transactions on the wire protocol', () => {
  it('answers statements sent without waiting in order, one failure each, the rest of the transaction aborted', async () => {
    const t = await createTestDb('pglite');
    try {
      await t.db.transaction((tx) => insertUser(tx, 'u1'));
      let outcome: string[] = [];
      const committed = t.db.transaction(async (tx) => {
        // Sent in one turn of the event loop: one call into PGlite.
        const settled = await Promise.allSettled([insertUser(tx, 'u2'), insertUser(tx, 'u1'), insertUser(tx, 'u3'), tx.query('SELECT 1 AS one')]);
        outcome = settled.map(codeOf);
      });
      // COMMIT of an aborted transaction rolls back, and says so.
      await expect(committed).rejects.toThrow(/rolled back/);
      expect(outcome).toEqual(['ok', '23505', '25P02', '25P02']);
      // Nothing of the aborted transaction stayed.
      const rows = await t.db.transaction((tx) => tx.query<{ id: string }>('SELECT id FROM users ORDER BY id'));
      expect(rows.rows.map((r) => r.id)).toEqual(['u1']);
    } finally {
      await t.drop();
    }
  });

  it('keeps a statement prepared after its first use fails, and prepares again one whose SQL was refused', async () => {
    const t = await createTestDb('pglite');
    try {
      await t.db.transaction((tx) => insertUser(tx, 'u1'));
      // First use of this statement fails at execution (unique violation): it was prepared all the same.
      await expect(t.db.transaction((tx) => insertUser(tx, 'u1'))).rejects.toMatchObject({ code: '23505' });
      await t.db.transaction((tx) => insertUser(tx, 'u2'));
      // A statement refused at parse time (no such column) is not remembered as prepared.
      const bad = `SELECT nope FROM users WHERE id = $1`;
      await expect(t.db.transaction((tx) => tx.query(bad, ['u1']))).rejects.toMatchObject({ code: '42703' });
      await expect(t.db.transaction((tx) => tx.query(bad, ['u1']))).rejects.toMatchObject({ code: '42703' });
      const users = await t.db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*) AS n FROM users'));
      expect(users.rows).toEqual([{ n: 2 }]);
    } finally {
      await t.drop();
    }
  });

  it('reads bigint and numeric as numbers (inside a transaction and out), counts changed rows and runs scripts in order', async () => {
    const t = await createTestDb('pglite');
    try {
      const out = await t.db.transaction(async (tx) => {
        await insertUser(tx, 'u1');
        await tx.script(`SAVEPOINT s; UPDATE users SET name = 'x'; ROLLBACK TO SAVEPOINT s; RELEASE SAVEPOINT s`);
        const changed = await tx.query(`UPDATE users SET role = $1 WHERE id = $2`, ['supervisor', 'u1']);
        const read = await tx.query<{ name: string; role: string; at: number; total: number; flag: boolean }>(
          `SELECT name, role, created_at AS at, sum(created_at) OVER () AS total, $1::boolean AS flag FROM users`,
          [true],
        );
        return { changed: changed.rowCount, rows: read.rows };
      });
      expect(out).toEqual({ changed: 1, rows: [{ name: '用户u1', role: 'supervisor', at: 1_780_000_000_000, total: 1_780_000_000_000, flag: true }] });
      // Outside a transaction (PGlite's own query) the same numbers.
      const outside = await t.db.query<{ at: number; total: number }>(`SELECT created_at AS at, sum(created_at) AS total FROM users GROUP BY created_at`);
      expect(outside.rows).toEqual([{ at: 1_780_000_000_000, total: 1_780_000_000_000 }]);
    } finally {
      await t.drop();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { get, all, run } from '../../core/store/sql';
import { createTestDb, dbKinds } from '../testing/databases';
import { onPg, translate } from './pg';

describe('the PostgreSQL driver of the store seam', () => {
  it('numbers named and positional parameters, leaves quoted text alone, and spells null-safe equality', () => {
    expect(translate(`SELECT '@x ?' AS "a@b" FROM t WHERE a = @a AND b = @a AND c IS @c AND d IS NOT @d`).sql).toBe(
      `SELECT '@x ?' AS "a@b" FROM t WHERE a = $1 AND b = $1 AND c IS NOT DISTINCT FROM $2 AND d IS DISTINCT FROM $3`,
    );
    expect(translate('SELECT * FROM t WHERE a = ? AND b = ? AND c IS NULL')).toEqual({
      sql: 'SELECT * FROM t WHERE a = $1 AND b = $2 AND c IS NULL',
      order: [0, 1],
    });
  });

  for (const kind of dbKinds()) {
    it(`reads bigints back as numbers and counts changed rows (${kind})`, async () => {
      const t = await createTestDb(kind);
      try {
        const work = function* () {
          yield* run(`INSERT INTO users (id, name, role, created_at) VALUES (@id, @name, 'agent', @at)`, { id: 'u1', name: '王芳', at: 1_780_000_000_000 });
          const changed = yield* run(`UPDATE users SET name = ? WHERE id = ?`, ['王芳芳', 'u1']);
          const one = yield* get<{ createdAt: number; name: string }>(`SELECT name, created_at AS "createdAt" FROM users WHERE id = @id`, { id: 'u1' });
          const none = yield* all(`SELECT id FROM users WHERE created_at IS @missing`, { missing: null });
          // sum() over bigint is numeric: it must come back a number too (money is summed in fen).
          const sum = yield* get<{ n: number }>(`SELECT coalesce(sum(created_at), 0) AS n FROM users`);
          return { changed, one, none, sum };
        };
        expect(await t.db.transaction((tx) => onPg(tx, work()))).toEqual({
          changed: 1,
          one: { name: '王芳芳', createdAt: 1_780_000_000_000 },
          none: [],
          sum: { n: 1_780_000_000_000 },
        });
      } finally {
        await t.drop();
      }
    });
  }
});

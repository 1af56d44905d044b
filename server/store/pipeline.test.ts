import { describe, expect, it } from 'vitest';
import { get, write } from '../../core/store/sql';
import type { Queryable, QueryResult } from '../database/open';
import { createTestDb, dbKinds } from '../testing/databases';
import { onPg } from './pg';
import { inSavepoints } from './savepoints';

/**
 * A pipelining connection as PostgreSQL answers one inside a transaction: statements are answered in
 * the order sent, one network delay after they are sent; after a failed statement every later one fails
 * with "current transaction is aborted" until a rollback to a savepoint.
 */
function fakeConnection(failing: (sql: string) => Error | undefined) {
  const sent: string[] = [];
  let inFlight = 0;
  let roundTrips = 0;
  let aborted = false;
  const answer = (sql: string): Promise<QueryResult> => {
    sent.push(sql);
    if (inFlight++ === 0) roundTrips++;
    const failure = aborted && !sql.startsWith('ROLLBACK TO') ? new Error('current transaction is aborted') : failing(sql);
    if (failure) aborted = true;
    if (sql.startsWith('ROLLBACK TO')) aborted = false;
    return new Promise<QueryResult>((resolve, reject) =>
      setTimeout(() => {
        inFlight--;
        if (failure) reject(failure);
        else resolve({ rows: [{ sql }], rowCount: 1 });
      }, 1),
    );
  };
  const tx: Queryable = {
    pipelined: true,
    query: <R>(sql: string) => answer(sql) as Promise<QueryResult<R>>,
    script: async (sql: string) => void (await answer(sql)),
  };
  return { tx, sent, roundTrips: () => roundTrips };
}

describe('pipelined writes on the server', () => {
  it('sends writes nobody reads without waiting: the read behind them is one round trip for all three', async () => {
    const c = fakeConnection(() => undefined);
    const value = await onPg(
      c.tx,
      (function* () {
        yield* write('INSERT INTO a VALUES (1)');
        yield* write('INSERT INTO b VALUES (2)');
        return yield* get<{ sql: string }>('SELECT 3');
      })(),
    );
    expect(value).toEqual({ sql: 'SELECT 3' });
    expect(c.sent).toEqual(['INSERT INTO a VALUES (1)', 'INSERT INTO b VALUES (2)', 'SELECT 3']);
    expect(c.roundTrips()).toBe(1);
  });

  it("a failed write fails the unit of work with the write's own error, not the aborted statements after it", async () => {
    const c = fakeConnection((sql) => (sql.startsWith('INSERT INTO a') ? new Error('duplicate key in a') : undefined));
    let seenByApplier: unknown;
    const work = (function* () {
      yield* write('INSERT INTO a VALUES (1)');
      try {
        yield* get('SELECT 2');
      } catch (error) {
        seenByApplier = error;
        throw error;
      }
    })();
    await expect(onPg(c.tx, work)).rejects.toThrow('duplicate key in a');
    expect((seenByApplier as Error).message).toBe('duplicate key in a');
  });

  it('a failed last write still fails the unit of work, and only after every write was answered', async () => {
    const c = fakeConnection((sql) => (sql.includes('(2)') ? new Error('check violated by 2') : undefined));
    const work = (function* () {
      yield* get('SELECT 1');
      yield* write('INSERT INTO a VALUES (2)');
      yield* write('INSERT INTO a VALUES (3)');
      return 'done';
    })();
    await expect(onPg(c.tx, work)).rejects.toThrow('check violated by 2');
    expect(c.sent).toHaveLength(3);
  });

  it('a refused mutation rolls back to its own savepoint, sent ahead of it without a wait of its own', async () => {
    const c = fakeConnection((sql) => (sql === 'SELECT refused' ? new Error('refused') : undefined));
    const units = [get('SELECT kept'), get('SELECT refused')];
    const taken = await inSavepoints(c.tx, 2, (i) => units[i]!, (error) => error);
    expect(taken.map((t) => t.ok)).toEqual([true, false]);
    expect(c.sent).toEqual(['SAVEPOINT m', 'SELECT kept', 'RELEASE SAVEPOINT m; SAVEPOINT m', 'SELECT refused', 'ROLLBACK TO SAVEPOINT m']);
    // Each mutation's savepoint rides with its first read; the rollback is the only extra wait.
    expect(c.roundTrips()).toBe(3);
  });

  it('never rolls back past a mutation already reported applied when the savepoint itself failed', async () => {
    const c = fakeConnection((sql) => (sql.startsWith('RELEASE') ? new Error('savepoint lost') : undefined));
    const units = [get('SELECT first'), get('SELECT second')];
    await expect(inSavepoints(c.tx, 2, (i) => units[i]!, (error) => error)).rejects.toThrow('savepoint lost');
    expect(c.sent).not.toContain('ROLLBACK TO SAVEPOINT m');
  });

  it("a mutation's write nobody read is settled by the next mutation's first read, not by a wait of its own", async () => {
    const c = fakeConnection(() => undefined);
    const unit = (n: number) =>
      (function* () {
        yield* get(`SELECT ${n}`);
        yield* write(`INSERT INTO a VALUES (${n})`);
        return n;
      })();
    const taken = await inSavepoints(c.tx, 3, (i) => unit(i + 1), (error) => error);
    expect(taken).toEqual([1, 2, 3].map((value) => ({ ok: true, value })));
    // One round trip per mutation (its read, carrying the previous write and its savepoint), one for the last write.
    expect(c.roundTrips()).toBe(4);
  });

  it('a write that failed unread refuses its own mutation; the mutation after it, which ran on the aborted transaction, runs again', async () => {
    const c = fakeConnection((sql) => (sql === 'INSERT INTO a VALUES (2)' ? new Error('duplicate key 2') : undefined));
    const runs: number[] = [];
    const unit = (n: number) =>
      (function* () {
        runs.push(n);
        yield* get(`SELECT ${n}`);
        yield* write(`INSERT INTO a VALUES (${n})`);
        return n;
      })();
    const taken = await inSavepoints(c.tx, 3, (i) => unit(i + 1), (error) => ((error as Error).message.startsWith('duplicate') ? error : null));
    expect(taken.map((t) => (t.ok ? t.value : (t.error as Error).message))).toEqual([1, 'duplicate key 2', 3]);
    expect(runs).toEqual([1, 2, 3, 3]);
    expect(c.sent.filter((sql) => sql.startsWith('ROLLBACK'))).toHaveLength(1);
  });

  it('a failure that is not a refusal fails the whole sequence', async () => {
    const c = fakeConnection((sql) => (sql === 'SELECT 2' ? new Error('connection lost') : undefined));
    const units = [get('SELECT 1'), get('SELECT 2')];
    await expect(inSavepoints(c.tx, 2, (i) => units[i]!, () => null)).rejects.toThrow('connection lost');
  });

  for (const kind of dbKinds()) {
    it(`a unique violation in a pipelined write surfaces as itself and the transaction rolls back (${kind})`, async () => {
      const t = await createTestDb(kind);
      try {
        const insert = `INSERT INTO users (id, name, role, created_at) VALUES ('u1', '王芳', 'agent', 1)`;
        const work = (function* () {
          yield* write(insert);
          yield* write(insert);
          return yield* get('SELECT count(*) AS n FROM users');
        })();
        await expect(t.db.transaction((tx) => onPg(tx, work))).rejects.toMatchObject({ code: '23505' });
        expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n).toBe(0);
      } finally {
        await t.drop();
      }
    });
  }

  for (const kind of dbKinds()) {
    it(`a batch keeps the mutations around one whose unread write broke a unique key, each exactly once (${kind})`, async () => {
      const t = await createTestDb(kind);
      try {
        const insert = (id: string) =>
          (function* () {
            yield* write(`INSERT INTO users (id, name, role, created_at) VALUES ('${id}', '${id}', 'agent', 1)`);
            return id;
          })();
        const ids = ['u1', 'u1', 'u2', 'u3'];
        const taken = await t.db.transaction((tx) => inSavepoints(tx, ids.length, (i) => insert(ids[i]!), (error) => ((error as { code?: string }).code === '23505' ? error : null)));
        expect(taken.map((r) => r.ok || (r.error as { code?: string }).code)).toEqual([true, '23505', true, true]);
        const names = await t.db.query<{ id: string }>('SELECT id FROM users ORDER BY id');
        expect(names.rows.map((r) => r.id)).toEqual(['u1', 'u2', 'u3']);
      } finally {
        await t.drop();
      }
    });
  }
});

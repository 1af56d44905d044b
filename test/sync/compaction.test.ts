import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../core/contract/views-sync';
import { compactTeam } from '../../server/sync/compact';
import { cleanup, row } from '../helpers';
import { connectedConsole, startSyncServer, teamNow, type SyncServer, type TestConsole } from './fixture';

/*
 * Tombstone compaction: a deleted row's tombstone is removed once it is older than the retention, and a
 * console that had not pulled it yet (offline that long) is reset cleanly on its next pull — it does not
 * keep the deleted row, and its own pending work is kept and pushed — while an up-to-date console carries on.
 */

describe('tombstone compaction', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 2, demoCustomers: 12 });
  }, 120_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  /** Writes on the server as the team's own transaction (the capture trigger logs it for the consoles). */
  const teamWrite = (sql: string, params: unknown[]) =>
    server.testDb.db.transaction(async (tx) => {
      await tx.query('SELECT sync_begin($1)', [server.teamId]);
      await tx.query(sql, params);
    });
  const probe = (c: TestConsole) => row<{ value: string }>(c.backend.context!.db, `SELECT value FROM settings WHERE key = 'compaction.probe'`);
  const firstCustomer = (c: TestConsole) => (c.backend.context!.db.$client.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').get() as { id: string }).id;

  it('removes old tombstones; a console behind them starts over cleanly and keeps its outbox; one ahead carries on', async () => {
    const a = await connectedConsole(server, server.agents[0]!);
    const b = await connectedConsole(server, server.agents[1]!);
    await teamWrite(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('compaction.probe', 'x', $1, NULL)`, [teamNow()]);
    await a.ok('sync.now');
    await b.ok('sync.now');
    expect(probe(b)?.value).toBe('x');

    // The row is deleted (a tombstone). A pulls it and pushes some work; B stays away and works offline.
    await teamWrite(`DELETE FROM settings WHERE key = 'compaction.probe'`, []);
    await a.ok('customers.revealPhone', { customerId: firstCustomer(a) });
    await a.ok('sync.now');
    expect(probe(a)).toBeUndefined();
    await b.ok('customers.revealPhone', { customerId: firstCustomer(b) });

    const tombstones = async () =>
      Number((await server.testDb.db.query<{ n: number }>('SELECT count(*) AS n FROM sync_changes WHERE team_id = $1 AND row IS NULL', [server.teamId])).rows[0]!.n);
    expect(await tombstones()).toBeGreaterThan(0);
    // Nothing is older than the retention yet: nothing goes.
    expect((await compactTeam(server.testDb.db, server.teamId, teamNow() - 3_600_000)).removed).toBe(0);
    const run = await compactTeam(server.testDb.db, server.teamId, teamNow() + 1);
    expect(run.removed).toBeGreaterThan(0);
    expect(await tombstones()).toBe(0);
    expect((await compactTeam(server.testDb.db, server.teamId, teamNow() + 1)).removed).toBe(0); // idempotent

    // B's cookie is older than the compaction: a clean reset, without the deleted row, its reveal pushed.
    const statusB = await b.ok<SyncStatus>('sync.now');
    expect(statusB).toMatchObject({ state: 'online', pending: 0, refused: 0 });
    expect(probe(b)).toBeUndefined();
    const audits = await server.testDb.db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'phone.reveal'`);
    expect(Number(audits.rows[0]!.n)).toBeGreaterThanOrEqual(2);
    // A was past it: it carries on (no reset), and both hold the same customers and callbacks.
    expect(await a.ok<SyncStatus>('sync.now')).toMatchObject({ state: 'online', pending: 0 });
    for (const table of ['customers', 'callbacks', 'audit_log']) {
      const n = (c: TestConsole) => row<{ n: number }>(c.backend.context!.db, `SELECT count(*) AS n FROM ${table}`)!.n;
      expect(n(b)).toBe(n(a));
    }
  });
});

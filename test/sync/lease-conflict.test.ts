import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackDetail } from '../../core/contract/views';
import type { AttentionItem } from '../../core/contract/views-sync';
import { cleanup, row } from '../helpers';
import { emptyStats, FaultyNetwork } from './faults';
import { openConsole, SERVER_URL, startSyncServer, teamNow, type SyncServer, type TestConsole } from './fixture';

/*
 * Two agents took the same callback while offline and both called the customer. The server grants the
 * lease to whoever arrives first; the other agent's lease is refused into their "Needs attention", and
 * their call is kept as a flagged attempt (it counts toward the contact cap, the supervisors see it in
 * the audit log) instead of being dropped.
 */

describe('a callback taken by two agents offline', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 2, demoCustomers: 12 });
  }, 120_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  async function join(account: SyncServer['agents'][number]): Promise<{ c: TestConsole; net: FaultyNetwork }> {
    const net = new FaultyNetwork({ fetch: server.fetch, crashNextCommit: () => undefined }, emptyStats());
    const c = openConsole(net.fetch);
    await c.ok('sync.connect', { serverUrl: SERVER_URL, login: account.name, password: account.password, replaceLocalData: true });
    return { c, net };
  }

  it('keeps both calls: one owns the callback, the other is flagged and explained', async () => {
    const a = await join(server.agents[0]!);
    const b = await join(server.agents[1]!);
    a.net.offline = true;
    b.net.offline = true;
    const taken = await a.c.ok<CallbackDetail>('queue.takeNext');
    const id = taken.callback.id;
    await b.c.ok('callbacks.take', { id });
    await a.c.ok('callbacks.startCall', { id });
    await b.c.ok('callbacks.startCall', { id });
    const now = teamNow();
    await a.c.ok('callbacks.recordOutcome', { callbackId: id, disposition: 'reached', notes: 'A 已解决', surveySkipReason: '客户已满意', startedAt: now - 60_000, endedAt: now - 30_000 });
    await b.c.ok('callbacks.recordOutcome', { callbackId: id, disposition: 'no_answer', notes: '', startedAt: now - 20_000, endedAt: now - 10_000 });

    a.net.offline = false;
    b.net.offline = false;
    await a.c.ok('sync.now');
    await b.c.ok('sync.now');
    await a.c.ok('sync.now');

    const attempts = (await server.testDb.db.query<{ agent_id: string; lease_conflict: string | null }>('SELECT agent_id, lease_conflict FROM call_attempts WHERE callback_id = $1 ORDER BY started_at', [id])).rows;
    expect(attempts).toEqual([
      { agent_id: server.agents[0]!.id, lease_conflict: null },
      { agent_id: server.agents[1]!.id, lease_conflict: 'closed_by_other' },
    ]);
    const audit = (await server.testDb.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject_id = $1 AND action = 'attempt.lease_conflict'`, [id])).rows;
    expect(audit).toHaveLength(1);
    // B's lease was refused: it waits in B's "Needs attention" with the reason, and nothing was dropped.
    const attention = await b.c.ok<AttentionItem[]>('sync.attention');
    // Both of B's leases (taking it, and the renewal when the call started) met A's outcome, which had closed it.
    expect(attention.map((x) => [x.name, x.error.code])).toEqual([
      ['callbacks.lease', 'CONFLICT'],
      ['callbacks.lease', 'CONFLICT'],
    ]);
    // Both consoles now show the server's truth: closed by A, with both attempts.
    for (const c of [a.c, b.c]) {
      expect(row<{ state: string }>(c.backend.context!.db, 'SELECT state FROM callbacks WHERE id = ?', id)?.state).toBe('closed');
      expect(row<{ n: number }>(c.backend.context!.db, 'SELECT count(*) AS n FROM call_attempts WHERE callback_id = ?', id)?.n).toBe(2);
    }
  });

  it("a colleague's unanswered call that arrived first does not refuse the call that reached the customer: it closes the callback, flagged", async () => {
    const a = await join(server.agents[0]!);
    const b = await join(server.agents[1]!);
    a.net.offline = true;
    b.net.offline = true;
    const id = (await a.c.ok<CallbackDetail>('queue.takeNext')).callback.id;
    await b.c.ok('callbacks.take', { id });
    await a.c.ok('callbacks.startCall', { id });
    await b.c.ok('callbacks.startCall', { id });
    const now = teamNow();
    await a.c.ok('callbacks.recordOutcome', { callbackId: id, disposition: 'reached', notes: 'A 已解决', surveySkipReason: '客户已满意', startedAt: now - 60_000, endedAt: now - 30_000 });
    await b.c.ok('callbacks.recordOutcome', { callbackId: id, disposition: 'no_answer', notes: '', startedAt: now - 20_000, endedAt: now - 10_000 });

    // B comes back first: its unanswered call spaces the retry, and A's call would be "too early".
    b.net.offline = false;
    await b.c.ok('sync.now');
    a.net.offline = false;
    await a.c.ok('sync.now');
    await b.c.ok('sync.now');

    const attempts = (await server.testDb.db.query<{ agent_id: string; lease_conflict: string | null }>('SELECT agent_id, lease_conflict FROM call_attempts WHERE callback_id = $1 ORDER BY started_at', [id])).rows;
    expect(attempts).toEqual([
      { agent_id: server.agents[0]!.id, lease_conflict: 'rescheduled_by_other' },
      { agent_id: server.agents[1]!.id, lease_conflict: null },
    ]);
    // A reached the customer: that call counts in full and closes the callback, on both consoles.
    for (const c of [a.c, b.c]) {
      expect(row<{ state: string; outcome: string }>(c.backend.context!.db, 'SELECT state, outcome FROM callbacks WHERE id = ?', id)).toEqual({ state: 'closed', outcome: 'completed' });
    }
    // Nothing waits in A's "Needs attention": the call is kept, flagged, and audited for the supervisors.
    expect(await a.c.ok<AttentionItem[]>('sync.attention')).toEqual([]);
    const audit = (await server.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'attempt.lease_conflict'`, [id])).rows;
    expect(audit[0]!.n).toBe(1);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackDetail, SessionInfo } from '../../core/contract/views';
import type { SyncStatus } from '../../core/contract/views-sync';
import { cleanup, count, row } from '../helpers';
import { connectedConsole, startSyncServer, teamNow, type SyncServer } from './fixture';

describe('two consoles and one server', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 2 });
  }, 120_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  it('joining a team brings its data; an outcome recorded on A closes the callback on B', async () => {
    const a = await connectedConsole(server, server.agents[0]!);
    const b = await connectedConsole(server, server.agents[1]!);
    const me = await a.ok<SessionInfo>('session.get');
    expect(me.currentUser?.name).toBe(server.agents[0]!.name);
    const dbA = a.backend.context!.db;
    const dbB = b.backend.context!.db;
    expect(count(dbA, 'customers')).toBe(40);
    expect(count(dbB, 'callbacks')).toBe(count(dbA, 'callbacks'));

    const cb = await a.ok<CallbackDetail>('queue.takeNext');
    await a.ok('callbacks.startCall', { id: cb.callback.id });
    const now = teamNow();
    await a.ok('callbacks.recordOutcome', { callbackId: cb.callback.id, disposition: 'reached', notes: '', surveySkipReason: '客户在开车', startedAt: now - 60_000, endedAt: now });
    expect((await a.ok<SyncStatus>('sync.status')).pending).toBeGreaterThan(0);
    // B's screen waits for newer data (sync.status with `after`): it is answered as soon as a pull lands.
    const seen = (await b.ok<SyncStatus>('sync.status')).dataVersion;
    const waitedFrom = Date.now();
    // (An exchange of B's own loop that lands nothing answers a read too: the screen then asks again.)
    const waiting = (async () => {
      for (;;) {
        const s = await b.ok<SyncStatus>('sync.status', { after: seen, waitMs: 20_000 });
        if (s.dataVersion > seen) return s;
      }
    })();
    await a.ok('sync.now');
    const status = await a.ok<SyncStatus>('sync.status');
    expect(status).toMatchObject({ pending: 0, refused: 0, state: 'online' });
    await b.ok('sync.now');
    expect((await waiting).dataVersion).toBeGreaterThan(seen);
    expect(Date.now() - waitedFrom).toBeLessThan(10_000);
    expect(row<{ state: string }>(dbB, 'SELECT state FROM callbacks WHERE id = ?', cb.callback.id)?.state).toBe('closed');
    // With nothing new to land, the wait ends at waitMs…
    const idleFrom = Date.now();
    await b.ok<SyncStatus>('sync.status', { after: (await b.ok<SyncStatus>('sync.status')).dataVersion, waitMs: 200 });
    expect(Date.now() - idleFrom).toBeGreaterThanOrEqual(190);
    // …or when an exchange ends: its state is news even with no data (the top bar stops saying "syncing").
    const exchangeFrom = Date.now();
    const answered = b.ok<SyncStatus>('sync.status', { after: (await b.ok<SyncStatus>('sync.status')).dataVersion, waitMs: 20_000 });
    await b.ok('sync.now');
    expect(await answered).toMatchObject({ state: 'online' });
    expect(Date.now() - exchangeFrom).toBeLessThan(10_000);
  });

  it('a console outside the server schema window is told to update and keeps its outbox', async () => {
    let schema: number | null = null;
    const a = await connectedConsole(server, server.agents[0]!, async (url, init) => {
      // As if this console were built for a newer schema than the server accepts.
      const body = schema !== null && typeof init.body === 'string' ? JSON.stringify({ ...JSON.parse(init.body), schema }) : init.body;
      return server.fetch(url, { ...init, body });
    });
    await a.ok('customers.revealPhone', { customerId: (a.backend.context!.db.$client.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string }).id });
    schema = 99;
    await a.ok('sync.now');
    const status = await a.ok<SyncStatus>('sync.status');
    expect(status).toMatchObject({ state: 'upgrade_required', pending: 1, lastError: { code: 'UPGRADE_REQUIRED' } });
    expect(count(a.backend.context!.db, 'outbox', "status = 'pending'")).toBe(1);
    schema = null;
    await a.ok('sync.now');
    expect(await a.ok<SyncStatus>('sync.status')).toMatchObject({ state: 'online', pending: 0 });
  });
});

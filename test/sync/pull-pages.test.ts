import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PULL_PAGE_ROWS } from '../../core/sync/protocol';
import type { SyncStatus } from '../../core/contract/views-sync';
import type { Fetch } from '../../electron/services/sync/http';
import { cleanup, contentHash, count, rows } from '../helpers';
import { emptyStats, FaultyNetwork } from './faults';
import { connectedConsole, openConsole, SERVER_URL, startSyncServer, type SyncServer } from './fixture';

/*
 * A first download of several pages (the console asks for the next page while it writes the one it has)
 * survives a page lost on the way: the console keeps the pages it staged, resumes from its cursor on the
 * next exchange, and ends with exactly what a console that met no fault holds.
 */

describe('a pull of several pages', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 2, demoCustomers: 4000 });
  }, 180_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  it('resumes after a lost page and lands the same rows as a clean download', async () => {
    const clean = await connectedConsole(server, server.agents[1]!);
    const cleanDb = clean.backend.context!.db;
    const rows = count(cleanDb, 'customers') + count(cleanDb, 'callbacks') + count(cleanDb, 'call_attempts');
    expect(rows).toBeGreaterThan(2 * PULL_PAGE_ROWS);

    const net = new FaultyNetwork({ fetch: server.fetch, crashNextCommit: () => undefined }, emptyStats());
    // The first page arrives; the second is served but its reply is lost; the third request fails outright.
    net.plan.push('none', 'drop_response', 'drop_request');
    const c = openConsole(net.fetch);
    const first = await c.call('sync.connect', { serverUrl: SERVER_URL, login: server.agents[0]!.name, password: server.agents[0]!.password, replaceLocalData: true });
    const db = c.backend.context!.db;
    // Joined, but the download stopped part way: nothing landed yet (the user signs in once it has).
    expect(first.ok).toBe(true);
    expect(count(db, 'callbacks')).toBe(0);
    const staged = count(db, 'sync_stage');
    expect(staged).toBe(PULL_PAGE_ROWS); // the first page is kept, not fetched again

    // The sync loop's next exchange resumes from the cursor the staged pages left.
    let tries = 0;
    for (;;) {
      tries++;
      try {
        await c.backend.context!.sync.syncOnce();
        break;
      } catch (error) {
        if (tries >= 3) throw error;
      }
    }
    expect(tries).toBeLessThanOrEqual(2);
    expect(count(db, 'customers')).toBe(count(cleanDb, 'customers'));
    expect(count(db, 'callbacks')).toBe(count(cleanDb, 'callbacks'));
    expect(contentHash(db)).toBe(contentHash(cleanDb));
  });

  it('never stages a page that arrived cut short: the exchange fails and the next one fetches it whole', async () => {
    const clean = await connectedConsole(server, server.agents[1]!);
    const cleanDb = clean.backend.context!.db;
    const net = new FaultyNetwork({ fetch: server.fetch, crashNextCommit: () => undefined }, emptyStats());
    // The second page's rows stop part way (the envelope line is whole, so only the length check sees it).
    net.plan.push('none', 'cut_response');
    const c = openConsole(net.fetch);
    await c.call('sync.connect', { serverUrl: SERVER_URL, login: server.agents[0]!.name, password: server.agents[0]!.password, replaceLocalData: true });
    const db = c.backend.context!.db;
    expect(count(db, 'sync_stage')).toBe(PULL_PAGE_ROWS);
    expect(c.backend.context!.sync.status().lastError?.message).toMatch(/incomplete/);

    await c.backend.context!.sync.syncOnce();
    expect(count(db, 'sync_stage')).toBe(0);
    expect(contentHash(db)).toBe(contentHash(cleanDb));
  });

  it('asks for the planned pages at once, and lands rows that changed meanwhile as their newest image', async () => {
    const db = server.testDb.db;
    // Two customers far apart in the pull's order: their rows move past every planned page when they change.
    const { rows: order } = await db.query<{ pk: string; position: number }>(
      `SELECT pk, position FROM (SELECT table_name, pk, row_number() OVER (ORDER BY version, table_name, pk) AS position FROM sync_changes WHERE team_id = $1) o
        WHERE table_name = 'customers' ORDER BY position`,
      [server.teamId],
    );
    const [early, late] = [order[0]!, order.at(-1)!];
    expect(Number(late.position)).toBeGreaterThan(PULL_PAGE_ROWS);
    const change = () =>
      db.script(`BEGIN; SELECT sync_begin('${server.teamId}');
        UPDATE customers SET city = '拉萨' WHERE id = '${early.pk}'; UPDATE customers SET city = '喀什' WHERE id = '${late.pk}'; COMMIT;`);

    let pulls = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const fetch: Fetch = async (url, init) => {
      const isPull = url.endsWith('/sync/pull');
      if (isPull) mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        const res = await server.fetch(url, init);
        // The first page is read; the rows change before the console asks for the planned ones.
        if (isPull && ++pulls === 1) await change();
        return res;
      } finally {
        if (isPull) inFlight--;
      }
    };
    const c = openConsole(fetch);
    const joined = await c.ok<SyncStatus>('sync.connect', { serverUrl: SERVER_URL, login: server.agents[0]!.name, password: server.agents[0]!.password, replaceLocalData: true });
    // The join answers with the state of the download it made, not with the loop's next exchange.
    expect(joined).toMatchObject({ state: 'online', pending: 0 });
    expect(mostInFlight).toBeGreaterThanOrEqual(2);
    const cdb = c.backend.context!.db;
    expect(rows(cdb, `SELECT city FROM customers WHERE id IN ('${early.pk}', '${late.pk}') ORDER BY city`)).toEqual([{ city: '喀什' }, { city: '拉萨' }]);

    const fresh = await connectedConsole(server, server.agents[1]!);
    expect(contentHash(cdb)).toBe(contentHash(fresh.backend.context!.db));
    expect(c.backend.context!.sync.status().version).toBe(fresh.backend.context!.sync.status().version);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { b64, cleanup, count, csv } from '../helpers';
import { connectedConsole, startSyncServer, type SyncServer } from './fixture';

/* A large import reaches the team as parts of at most 1,000 rows, each a small push, never one huge one. */

describe('a large import syncs in parts', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer({ agents: 1, demoCustomers: 0 });
  }, 120_000);
  afterAll(async () => server.close());
  afterEach(cleanup);

  it('2,500 rows: three imports.commit parts, one batch row with the whole count, on the server and on a colleague', async () => {
    const a = await connectedConsole(server, server.supervisor);
    const b = await connectedConsole(server, server.agents[0]!);
    const header = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'];
    const rows = Array.from({ length: 2500 }, (_, i) => [`1390${String(i).padStart(7, '0')}`, `客户${i}`, 'winback', '', '3', '', '']);
    const job = await a.ok<{ jobId: string; phase: string }>('imports.start', { fileName: 'big.csv', contentBase64: b64(csv(header, rows)) });
    for (let i = 0; i < 400; i++) {
      const status = await a.ok<{ phase: string }>('imports.status', { jobId: job.jobId });
      if (status.phase === 'ready') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await a.ok('imports.commit', { jobId: job.jobId })).toMatchObject({ phase: 'done', imported: 2500, duplicates: 0 });
    const dbA = a.backend.context!.db;
    const parts = dbA.$client.prepare(`SELECT args FROM outbox WHERE name = 'imports.commit' ORDER BY mutation_id`).all() as { args: string }[];
    expect(parts.map((p) => (JSON.parse(p.args) as { part: unknown; rows: unknown[] }).rows.length)).toEqual([1000, 1000, 500]);
    expect(Math.max(...parts.map((p) => p.args.length))).toBeLessThan(300_000);

    await a.ok('sync.now');
    await b.ok('sync.now');
    const batch = (await server.testDb.db.query<{ imported: number; total_rows: number }>('SELECT imported, total_rows FROM import_batches')).rows;
    expect(batch).toEqual([{ imported: 2500, total_rows: 2500 }]);
    expect(count(b.backend.context!.db, 'callbacks')).toBe(2500);
    expect(count(b.backend.context!.db, 'import_batches', 'imported = 2500')).toBe(1);
  });
});

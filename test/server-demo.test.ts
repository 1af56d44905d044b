import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { onSqlite } from '../db/store';
import { inTransaction } from '../db/repos/stmt';
import { applyMutation } from '../core/mutations/registry';
import { DEMO_DEFAULTS } from '../core/demo/generate';
import { seedDemo, seedDemoData, type DemoSeed } from '../server/demo';
import { createTestDb, type TestDb } from '../server/testing/databases';
import { testHasher } from '../server/testing/harness';

const T0 = Date.parse('2026-12-07T10:00:00+08:00');
const TABLES = ['customers', 'callbacks', 'call_attempts', 'dnc_entries', 'tickets', 'ticket_events', 'vouchers', 'voucher_events'];

describe('npm run server -- --demo', () => {
  let t: TestDb;
  let seed: DemoSeed;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    seed = (await seedDemo(t.db, { now: T0, hasher: testHasher }))!;
    await seedDemoData(t.db, seed, T0, 400);
  }, 180_000);
  afterAll(() => t.drop());

  it('seeds the same customers, callbacks, tickets and vouchers a console demo holds, through the shared appliers', async () => {
    const console = openDatabase(':memory:');
    const args = { seed: DEMO_DEFAULTS.seed, now: T0 };
    // The team in the order the accounts were made: the first supervisor, then by them.
    for (const a of seed.accounts) {
      const by = a.id === seed.supervisorId ? null : seed.supervisorId;
      inTransaction(console, () => onSqlite(console, applyMutation('users.create', { id: a.id, name: a.name, role: a.role, createdAt: T0, by }, 'local')));
    }
    inTransaction(console, () => onSqlite(console, applyMutation('demo.load', { ...args, customers: 400, agentIds: seed.agentIds }, 'local')));
    inTransaction(console, () => onSqlite(console, applyMutation('demo.loadCases', { ...args, agentIds: seed.agentIds, supervisorId: seed.supervisorId }, 'local')));
    for (const table of TABLES) {
      const server = (await t.db.query(`SELECT * FROM ${table} ORDER BY id`)).rows;
      const local = console.$client.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
      expect(server.length, table).toBeGreaterThan(0);
      expect({ table, rows: server }).toEqual({ table, rows: local });
    }
    console.$client.close();
  }, 120_000);
});

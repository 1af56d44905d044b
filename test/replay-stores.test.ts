import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { actorOf, parseMutationArgs } from '../core/mutations/registry';
import type { MutationName } from '../core/sync/mutations';
import { runMutation } from '../electron/services/mutations/registry';
import { listOutbox } from '../db/repos/outbox';
import type { ServerDb } from '../server/database/open';
import { applyBatch, applyOnServer } from '../server/store/apply';
import { createTestDb, dbKinds } from '../server/testing/databases';
import { cleanup, createUser, dumpSynced, makeHarness, setUpEmpty, SYNCED_TABLES, type Harness } from './helpers';
import { arbAction } from './replay-actions';
import { perform, type World } from './replay-walk';

/*
 * One write path, two stores: the outbox a console wrote while its services ran on SQLite, applied
 * mutation by mutation on the server's PostgreSQL (PGlite here; the real server too when
 * TEST_DATABASE_URL is set), each as the user its arguments name, must give the same rows in every
 * shared table.
 */

afterEach(cleanup);

/** One transaction per mutation, or batches of 20 in one transaction (a savepoint each, policy reads remembered). */
async function replayOnServer(db: ServerDb, source: Harness, shape: 'single' | 'batches'): Promise<number> {
  const items = listOutbox(source.db).map((entry) => {
    const name = entry.name as MutationName;
    const args = parseMutationArgs(name, JSON.parse(entry.args));
    const actor = actorOf(name, args);
    return { name, args, acting: actor === null ? ('local' as const) : { actorId: actor } };
  });
  if (shape === 'single') {
    for (const m of items) await applyOnServer(db, m.name, m.args as never, m.acting);
    return items.length;
  }
  for (let i = 0; i < items.length; i += 20) {
    const results = await applyBatch(db, items.slice(i, i + 20));
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }
  return items.length;
}

async function dumpServer(db: ServerDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of SYNCED_TABLES) out[table] = (await db.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows;
  return out;
}

async function expectSameRows(db: ServerDb, source: Harness): Promise<void> {
  const a = dumpSynced(source.db) as Record<string, unknown[]>;
  const b = await dumpServer(db);
  for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
}

describe.each(dbKinds())('the console outbox applied on the server (%s) gives the same rows', (kind) => {
  it('after random walks of actions on a small demo queue, applied one by one and in batches', async () => {
    let applied = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(arbAction, { minLength: 30, maxLength: 60 }), async (seed, actions) => {
        const shape = run++ % 2 === 0 ? 'single' : 'batches';
        const h = makeHarness();
        const server = await createTestDb(kind);
        try {
          const me = await setUpEmpty(h);
          const other = await createUser(h, '李静', 'agent');
          const sup = await createUser(h, '周敏', 'supervisor');
          runMutation(h.db, 'demo.load', { seed, now: h.now(), customers: 120, agentIds: [me.id, other.id] }, h.now());
          const w: World = { h, users: [me, other, sup], stats: {}, hashEveryAction: false };
          for (const a of actions) await perform(w, a);
          applied += await replayOnServer(server.db, h, shape);
          await expectSameRows(server.db, h);
        } finally {
          await server.drop();
          cleanup();
        }
      }),
      { numRuns: 4, seed: 20261207 },
    );
    expect(applied).toBeGreaterThan(100);
  }, 300_000);
});

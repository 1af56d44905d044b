import { afterEach, describe, expect, it } from 'vitest';
import type { QueuePage } from '../core/contract/views';
import type { Db } from '../db/open';
import { inTransaction } from '../db/repos/stmt';
import { committed, onCommitted, replayOutbox, runMutation } from '../electron/services/mutations/registry';
import { landPull } from '../electron/services/sync/land';
import { cleanup, createUser, makeHarness, seedCallback, setUpEmpty, T0 } from './helpers';
import { insertCustomer } from '../db/repos/customers';
import { getSettings } from '../db/repos/settings';

afterEach(cleanup);

/** Counts the post-commit hook's runs per database (the registry keeps its invalidations for the process). */
const runs = new Map<Db, number>();
onCommitted((db) => runs.set(db, (runs.get(db) ?? 0) + 1));
const runsOf = (db: Db) => runs.get(db) ?? 0;

const settingsArgs = (h: ReturnType<typeof makeHarness>, by: string) => ({
  settings: getSettings(h.db),
  updatedAt: h.now(),
  updatedBy: by,
  auditId: h.ctx.newId(),
});

describe('the post-commit hook of the mutation runner', () => {
  it('runs once after a mutation commits, with the caller clearing nothing', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const me = await createUser(h, '周敏', 'supervisor');
    const before = runsOf(h.db);
    runMutation(h.db, 'settings.update', settingsArgs(h, me.id), h.now());
    expect(runsOf(h.db)).toBe(before + 1);
  });

  it('inside an outer transaction waits for its commit, runs once for many mutations, and not at all on rollback', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const me = await createUser(h, '周敏', 'supervisor');
    const before = runsOf(h.db);
    inTransaction(h.db, () => {
      runMutation(h.db, 'settings.update', settingsArgs(h, me.id), h.now());
      runMutation(h.db, 'settings.update', settingsArgs(h, me.id), h.now());
      expect(runsOf(h.db)).toBe(before); // not yet committed: a cache refilled now could hold rolled-back data
    });
    expect(runsOf(h.db)).toBe(before + 1);

    expect(() =>
      inTransaction(h.db, () => {
        runMutation(h.db, 'settings.update', settingsArgs(h, me.id), h.now());
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(runsOf(h.db)).toBe(before + 1);
  });

  it('runs after a replayed outbox and after a pull lands (sync goes through the same hook)', async () => {
    const source = makeHarness();
    await setUpEmpty(source);
    const me = await createUser(source, '周敏', 'supervisor');
    runMutation(source.db, 'settings.update', settingsArgs(source, me.id), source.now());
    const target = makeHarness();
    const before = runsOf(target.db);
    replayOutbox(target.db, source.db);
    expect(runsOf(target.db)).toBe(before + 1);

    const landed = landPull(target.db, { reset: false, count: 0, rowsLength: 2, next: null, head: 0, lastMutationId: 0, refusals: [], serverTime: T0, total: 0 }, false);
    expect(landed.rows).toBe(0);
    expect(runsOf(target.db)).toBe(before + 2);
  });

  it('makes the queue see a customer in a new time zone at once, also when written past the runner', async () => {
    const h = makeHarness({ now: Date.parse('2026-11-23T18:00:00-08:00') }); // 18:00 in Los Angeles, 10:00 next day in Shanghai
    await setUpEmpty(h);
    const callable = async () => (await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } })).rows.map((r) => r.customerName);
    expect(await callable()).toEqual([]); // the zone list is cached now, and empty
    const amy = { id: h.ctx.newId(), name: 'Amy', phone: '+12133734253', phoneStatus: 'ok' as const, timezone: 'America/Los_Angeles',
      gender: 'unknown' as const, city: null, segment: null, registeredAt: null, lastActiveAt: null, txnCount30d: null, balanceBand: null, tags: [],
      consentService: 'granted' as const, consentSurvey: 'granted' as const, consentMarketing: 'granted' as const, dncUntil: null, capUntil: null, createdAt: T0 };
    insertCustomer(h.db, amy);
    seedCallback(h.db, amy.id);
    expect(await callable()).toEqual([]); // a raw write: the cache does not know yet (for up to 5 s)
    committed(h.db);
    expect(await callable()).toEqual(['Amy']);
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, QueuePage } from '../../core/contract/views';
import type { AttentionItem, SyncStatus } from '../../core/contract/views-sync';
import { SYNCED_TABLE_INFO } from '../../db/synced-tables';
import { dbKinds, type TestDbKind } from '../../server/testing/databases';
import { cleanup } from '../helpers';
import { emptyStats, FAULTS, FaultyNetwork, type Fault, type FaultStats } from './faults';
import { startFleet } from './fleet';
import { openConsole, SERVER_URL, startSyncServer, teamNow, type SyncServer, type TestConsole } from './fixture';

/*
 * The sync's judge: five consoles (real SQLite files, the real back end and sync client) and the real
 * server (two app instances on one database), random work on every console, random faults on every
 * sync request, consoles offline for a while, the server crashing mid-push and restarting. After the
 * network heals and everyone syncs: every console's shared tables equal the server's, every mutation
 * was taken exactly once, no callback was leased to two agents at once, the budget was never exceeded,
 * and every refusal sits in its author's "Needs attention".
 */

const CONSOLES = 5; // four agents and their supervisor
const RUNS = Number(process.env.SYNC_CONVERGENCE_RUNS ?? 5);
const SEED = Number(process.env.SYNC_CONVERGENCE_SEED ?? 20261207);
const BUDGET_FEN = 60_000;

type Work = 'next' | 'takeShared' | 'voucherSmall' | 'voucherLarge' | 'approve' | 'ticket';
type Step =
  | { kind: 'work'; console: number; work: Work; pick: number }
  | { kind: 'sync'; console: number; faults: Fault[] }
  | { kind: 'network'; console: number; offline: boolean }
  | { kind: 'deliverLate'; console: number }
  | { kind: 'restartServer' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('work' as const), console: fc.nat(CONSOLES - 1), work: fc.constantFrom<Work>('next', 'takeShared', 'takeShared', 'voucherSmall', 'voucherLarge', 'approve', 'ticket'), pick: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), console: fc.nat(CONSOLES - 1), faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('network' as const), console: fc.nat(CONSOLES - 1), offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliverLate' as const), console: fc.nat(CONSOLES - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
);

interface RunTotals {
  runs: number;
  steps: number;
  mutations: number;
  refused: number;
  stats: FaultStats;
  crashes: number;
  restarts: number;
}

describe.each(dbKinds())('sync converges under faults (%s)', (kind: TestDbKind) => {
  afterEach(cleanup);

  it(`${RUNS} seeded runs of ${CONSOLES} consoles`, { timeout: 600_000 }, async () => {
    const totals: RunTotals = { runs: 0, steps: 0, mutations: 0, refused: 0, stats: emptyStats(), crashes: 0, restarts: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 20, maxLength: 50 }), fc.integer(), async (steps, salt) => {
        await runScenario(kind, steps, salt, totals);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const f = totals.stats.injected;
    console.log(
      `[sync convergence ${kind}] runs ${totals.runs}, steps ${totals.steps}, mutations ${totals.mutations} (refused ${totals.refused}); ` +
        `faults: dropped requests ${f.drop_request}, dropped responses ${f.drop_response}, cut responses ${f.cut_response}, duplicated ${f.duplicate}, delayed/reordered ${f.delay}, ` +
        `server crashes mid-push ${totals.crashes}, restarts ${totals.restarts}, requests refused while offline ${totals.stats.offlineRefusals}, clean ${f.none}`,
    );
    expect(totals.runs).toBe(RUNS);
    expect(totals.mutations).toBeGreaterThan(0);
  });
});

/** A small deterministic random source per run (fast-check shrinks the salt with the steps). */
function seeded(salt: number): () => number {
  let s = salt >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function runScenario(kind: TestDbKind, steps: Step[], salt: number, totals: RunTotals): Promise<void> {
  const random = seeded(salt);
  const server = await startSyncServer({ kind, agents: CONSOLES - 1, demoCustomers: 24 });
  const fleet = await startFleet(server.testDb, random);
  const stats = emptyStats();
  const consoles: { c: TestConsole; net: FaultyNetwork }[] = [];
  try {
    const accounts = [...server.agents, server.supervisor];
    for (const account of accounts) {
      const net = new FaultyNetwork(fleet, stats);
      const c = openConsole(net.fetch);
      await c.ok('sync.connect', { serverUrl: SERVER_URL, login: account.name, password: account.password, replaceLocalData: true });
      consoles.push({ c, net });
    }
    const supervisor = consoles[CONSOLES - 1]!.c;
    const settings = await supervisor.ok<Record<string, unknown>>('cases.getSettings');
    await supervisor.ok('cases.updateSettings', { ...settings, teamMonthlyBudgetFen: BUDGET_FEN, agentVoucherLimitFen: 5_000, agentDailyLimitFen: 20_000 });
    for (const { c } of consoles) await c.ok('sync.now');

    for (const step of steps) {
      if (step.kind === 'work') {
        // A burst of work, as an agent does between two syncs.
        for (let i = 0; i <= step.pick; i++) await doWork(consoles[step.console]!.c, step.work, (step.pick + i) % 4, step.console === CONSOLES - 1, random);
      }
      else if (step.kind === 'sync') {
        const { c, net } = consoles[step.console]!;
        net.plan.push(...step.faults);
        await c.call('sync.now'); // failures are the point: the next sync must recover
        net.plan.length = 0;
      } else if (step.kind === 'network') consoles[step.console]!.net.offline = step.offline;
      else if (step.kind === 'deliverLate') await consoles[step.console]!.net.deliverLate();
      else fleet.restart();
    }

    // Heal: everyone online, held-back requests arrive, then sync until nothing moves.
    for (const { net } of consoles) net.offline = false;
    for (const { net } of consoles) await net.deliverLate();
    for (let round = 0; round < 6; round++) {
      for (const { c } of consoles) await c.ok('sync.now');
    }
    await checkInvariants(server, consoles.map((x) => x.c));

    totals.runs++;
    totals.steps += steps.length;
    for (const { c } of consoles) {
      const db = c.backend.context!.db;
      totals.mutations += (db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE mutation_id IS NOT NULL').get() as { n: number }).n;
      totals.refused += (db.$client.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'refused'`).get() as { n: number }).n;
    }
    for (const f of FAULTS) totals.stats.injected[f] += stats.injected[f];
    totals.stats.offlineRefusals += stats.offlineRefusals;
    totals.crashes += fleet.crashes;
    totals.restarts += fleet.restarts;
  } finally {
    for (const { c } of consoles) c.backend.close();
    await fleet.close();
    await server.close();
  }
}

async function doWork(c: TestConsole, work: Work, pick: number, isSupervisor: boolean, random: () => number): Promise<void> {
  const now = teamNow();
  const record = async (callbackId: string) => {
    const dispositions = ['reached', 'no_answer', 'busy', 'wrong_number'] as const;
    const disposition = dispositions[Math.floor(random() * dispositions.length)]!;
    // Every outcome needs a dialled call: the start is kept on the console that dialled.
    await c.call('callbacks.startCall', { id: callbackId });
    await c.call('callbacks.recordOutcome', { callbackId, disposition, notes: '', surveySkipReason: disposition === 'reached' ? '客户正忙' : null, startedAt: now - 30_000, endedAt: now });
  };
  if (isSupervisor) {
    if (work === 'approve' || work === 'voucherLarge') {
      const pending = await c.ok<{ rows: { id: string }[] }>('vouchers.list', { state: 'pending_approval' });
      const voucher = pending.rows[pick % Math.max(1, pending.rows.length)];
      if (voucher) await c.call('vouchers.approve', { id: voucher.id });
    }
    return;
  }
  if (work === 'next') {
    const taken = await c.call<CallbackDetail>('queue.takeNext');
    if (taken.ok) await record(taken.value.callback.id);
  } else if (work === 'takeShared') {
    // Everyone picks among the same few callbacks: offline agents take the same one.
    const page = await c.ok<QueuePage>('queue.list', { filter: { status: 'callable' }, sort: 'created' }).catch(() => null);
    const id = page?.rows[pick]?.id;
    if (!id) return;
    const taken = await c.call('callbacks.take', { id });
    if (taken.ok) await record(id);
  } else if (work === 'voucherSmall' || work === 'voucherLarge') {
    const page = await c.ok<QueuePage>('queue.list', { filter: { status: 'all' } }).catch(() => null);
    const customerId = page?.rows[pick]?.customerId;
    if (!customerId) return;
    const amountFen = work === 'voucherSmall' ? 2_000 + pick * 500 : 15_000 + pick * 5_000;
    await c.call('vouchers.request', { requestKey: crypto.randomUUID(), customerId, kind: 'cashback', amountFen, reasonCode: 'service_failure', note: '' });
  } else if (work === 'ticket') {
    const page = await c.ok<QueuePage>('queue.list', { filter: { status: 'all' } }).catch(() => null);
    const customerId = page?.rows[pick]?.customerId ?? null;
    const t = await c.call<{ ticket: { id: string } }>('tickets.create', { customerId, subject: '到账延迟', description: '', category: 'payment', priority: 'normal' });
    if (t.ok) await c.call('tickets.comment', { id: t.value.ticket.id, body: '已联系客户', visibility: 'internal' });
  }
}

async function checkInvariants(server: SyncServer, consoles: TestConsole[]): Promise<void> {
  const db = server.testDb.db;
  // 1. Every console's shared tables equal the server's, row for row.
  for (const info of SYNCED_TABLE_INFO) {
    const order = info.primaryKey.map((c) => `"${c}"`).join(', ');
    const cols = info.columns.map((c) => `"${c}"`).join(', ');
    // The team's rows: every row its transactions wrote (server-side account audits are in no team).
    const key = info.primaryKey.length === 1 ? `"${info.primaryKey[0]}"::text` : `jsonb_build_array(${info.primaryKey.map((c) => `"${c}"`).join(', ')})::text`;
    const remote = (
      await db.query(
        `SELECT ${cols} FROM "${info.name}" WHERE ${key} IN (SELECT pk FROM sync_changes WHERE team_id = $1 AND table_name = $2 AND row IS NOT NULL) ORDER BY ${order}`,
        [server.teamId, info.name],
      )
    ).rows;
    for (const [i, c] of consoles.entries()) {
      const local = c.backend.context!.db.$client.prepare(`SELECT ${cols} FROM "${info.name}" ORDER BY ${order}`).all();
      expect(local, `console ${i}: ${info.name} differs from the server`).toEqual(remote);
    }
  }
  // 2. Exactly once: each console's numbered mutations match the server's record one for one.
  for (const [i, c] of consoles.entries()) {
    const local = c.backend.context!.db.$client
      .prepare(`SELECT mutation_id AS id, status FROM outbox WHERE mutation_id IS NOT NULL ORDER BY mutation_id`)
      .all() as { id: number; status: string }[];
    const clientId = (c.backend.context!.db.$client.prepare(`SELECT value FROM local_meta WHERE key = 'sync.clientId'`).get() as { value: string }).value;
    const remote = (await db.query<{ id: number; ok: boolean }>('SELECT mutation_id AS id, ok FROM sync_mutations WHERE client_id = $1 ORDER BY mutation_id', [clientId])).rows;
    expect(remote.map((r) => r.id), `console ${i}: mutations taken by the server`).toEqual(local.map((r) => r.id));
    for (const [j, r] of remote.entries()) {
      const status = local[j]!.status;
      expect(r.ok ? status === 'applied' : ['refused', 'retried', 'discarded'].includes(status), `console ${i}: mutation ${r.id} is ${status} here, ${r.ok ? 'applied' : 'refused'} on the server`).toBe(true);
    }
    // 5. Every refusal is in its author's "Needs attention".
    const status = await c.ok<SyncStatus>('sync.status');
    expect(status.pending, `console ${i}: unsent changes after healing`).toBe(0);
    const attention = await c.ok<AttentionItem[]>('sync.attention');
    expect(attention.map((a) => a.seq).length).toBe(local.filter((l) => l.status === 'refused').length);
  }
  // 3. No callback leased to two agents at once.
  const leased = (await db.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM callbacks WHERE lease_agent_id IS NOT NULL AND state <> 'open'`)).rows[0]!.n;
  expect(leased, 'a closed callback still leased').toBe(0);
  // Walk the mutations the server applied, in the order it applied them: a lease granted while a
  // colleague held an unexpired one would be two agents on one callback.
  const history = (
    await db.query<{ name: string; author_id: string; args: Record<string, unknown> }>(
      `SELECT name, author_id, args FROM sync_mutations WHERE ok ORDER BY version, client_id, mutation_id`,
    )
  ).rows;
  const holders = new Map<string, { agentId: string; expiresAt: number }>();
  for (const m of history) {
    const callbackId = m.args.callbackId as string;
    const holder = holders.get(callbackId);
    if (m.name === 'callbacks.lease') {
      const at = m.args.at as number;
      expect(holder && holder.agentId !== m.author_id && holder.expiresAt > at, `callback ${callbackId} leased to two agents`).toBeFalsy();
      holders.set(callbackId, { agentId: m.author_id, expiresAt: m.args.expiresAt as number });
    } else if (m.name === 'callbacks.release' && holder?.agentId === m.author_id) {
      holders.delete(callbackId);
    } else if (m.name === 'attempts.record' && holder?.agentId === m.author_id) {
      holders.delete(callbackId); // recording the outcome ends the lease
    }
  }
  // 4. The team's monthly budget was never exceeded.
  const spent = (await db.query<{ fen: number }>(`SELECT coalesce(sum(value_fen), 0)::bigint AS fen FROM vouchers WHERE state IN ('issued', 'redeemed')`)).rows[0]!.fen;
  expect(spent).toBeLessThanOrEqual(BUDGET_FEN);
}

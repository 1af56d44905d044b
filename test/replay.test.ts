import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueSummary, SessionInfo } from '../core/contract/views';
import { DISPOSITIONS, REASONS, type Disposition } from '../core/domain/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { replayOutbox, runMutation } from '../electron/services/mutations/registry';
import { forgetZones } from '../electron/services/queue';
import {
  b64,
  cleanup,
  contentHash,
  count,
  createUser,
  csv,
  dumpSynced,
  HOUR,
  makeHarness,
  MIN,
  row,
  setUpEmpty,
  switchTo,
  T0,
  waitForImport,
  type Harness,
} from './helpers';

afterEach(cleanup);

type Action =
  | { kind: 'takeNext' }
  | { kind: 'record'; target: 'held' | 'any'; pick: number; disposition: Disposition; startBackMin: number; laterHours: number; dncDays: number | null }
  | { kind: 'release' }
  | { kind: 'take'; pick: number }
  | { kind: 'startCall' }
  | { kind: 'reveal'; pick: number }
  | { kind: 'settings'; asSupervisor: boolean; start: number; end: number; cap24: number; cap7: number; retry: number; max: number; lease: number; sunday: boolean }
  | { kind: 'import'; rows: { phone: number; reason: number; due: number; priority: number; bad: boolean }[] }
  | { kind: 'switch'; user: number }
  | { kind: 'advance'; minutes: number };

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'takeNext' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      target: fc.constantFrom('held' as const, 'held' as const, 'held' as const, 'any' as const),
      pick: fc.nat(),
      disposition: fc.constantFrom(...DISPOSITIONS),
      startBackMin: fc.integer({ min: 0, max: 20 }),
      laterHours: fc.integer({ min: -2, max: 80 }),
      dncDays: fc.option(fc.integer({ min: -1, max: 400 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('take' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'startCall' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reveal' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      asSupervisor: fc.boolean(),
      start: fc.constantFrom(8 * 60, 9 * 60, 10 * 60),
      end: fc.constantFrom(18 * 60, 21 * 60, 22 * 60),
      cap24: fc.integer({ min: 1, max: 3 }),
      cap7: fc.integer({ min: 3, max: 6 }),
      retry: fc.constantFrom(60, 27 * 60),
      max: fc.integer({ min: 1, max: 4 }),
      lease: fc.constantFrom(5, 15),
      sunday: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(
        fc.record({ phone: fc.integer({ min: 0, max: 30 }), reason: fc.nat(REASONS.length - 1), due: fc.integer({ min: -1, max: 4 }), priority: fc.integer({ min: 1, max: 5 }), bad: fc.boolean() }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), user: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.constantFrom(1, 7, 16, 60, 180, 8 * 60, 27 * 60, 3 * 24 * 60) }) },
);

const fmtLocal = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

function importCsv(rows: Extract<Action, { kind: 'import' }>['rows'], now: number): string {
  return csv(
    ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'],
    rows.map((r, i) => [
      r.bad && i % 2 === 0 ? '123' : `137${String(r.phone).padStart(8, '0')}`,
      `导入${r.phone}`,
      r.bad && i % 2 === 1 ? 'bogus' : REASONS[r.reason]!,
      r.due < 0 ? '' : fmtLocal(now + r.due * 24 * HOUR),
      String(r.priority),
      r.phone % 3 === 0 ? 'America/Los_Angeles' : '',
      `行${i}`,
    ]),
  );
}

interface World {
  h: Harness;
  users: { id: string; role: string }[];
  stats: Record<string, { ok: number; err: number }>;
  /** Hash all synced tables around every action (slow on the 5,000-customer demo; the outbox check stays). */
  hashEveryAction: boolean;
}

function pickId(h: Harness, table: 'callbacks' | 'customers', pick: number): string | null {
  const n = count(h.db, table);
  if (n === 0) return null;
  return row<{ id: string }>(h.db, `SELECT id FROM ${table} ORDER BY id LIMIT 1 OFFSET ?`, pick % n)!.id;
}

async function perform(w: World, a: Action): Promise<void> {
  const { h } = w;
  const note = (ok: boolean) => {
    const s = (w.stats[a.kind] ??= { ok: 0, err: 0 });
    if (ok) s.ok++;
    else s.err++;
  };
  const hashBefore = w.hashEveryAction ? contentHash(h.db) : '';
  const outboxBefore = count(h.db, 'outbox');
  const check = (r: { ok: boolean }) => {
    note(r.ok);
    if (!r.ok) {
      // A rejected action leaves no outbox entry and no trace in synced state.
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      if (w.hashEveryAction) expect(contentHash(h.db)).toBe(hashBefore);
    }
  };
  switch (a.kind) {
    case 'takeNext':
      check(await h.call('queue.takeNext'));
      return;
    case 'record': {
      let id: string | null;
      if (a.target === 'held') {
        const s = await h.call('queue.summary');
        id = s.ok ? (s.value as QueueSummary).myLease : null;
        if (!id) id = pickId(h, 'callbacks', a.pick);
      } else id = pickId(h, 'callbacks', a.pick);
      if (!id) return;
      const startedAt = h.now() - a.startBackMin * MIN;
      check(
        await h.call('callbacks.recordOutcome', {
          callbackId: id,
          disposition: a.disposition,
          notes: `${a.disposition} @${startedAt}`,
          startedAt,
          endedAt: Math.min(startedAt + 3 * MIN, h.now()),
          callbackAt: a.disposition === 'callback_later' ? h.now() + a.laterHours * HOUR : null,
          dncExpiresAt: a.disposition === 'dnc_requested' && a.dncDays !== null ? h.now() + a.dncDays * 24 * HOUR : null,
        }),
      );
      return;
    }
    case 'release': {
      const s = await h.call('queue.summary');
      const id = s.ok ? (s.value as QueueSummary).myLease : null;
      if (id) check(await h.call('callbacks.release', { id }));
      return;
    }
    case 'take': {
      const id = pickId(h, 'callbacks', a.pick);
      if (id) check(await h.call('callbacks.take', { id }));
      return;
    }
    case 'startCall': {
      const s = await h.call('queue.summary');
      const id = s.ok ? (s.value as QueueSummary).myLease : null;
      if (id) check(await h.call('callbacks.startCall', { id }));
      return;
    }
    case 'reveal': {
      const id = pickId(h, 'customers', a.pick);
      if (id) check(await h.call('customers.revealPhone', { customerId: id }));
      return;
    }
    case 'settings': {
      const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
      const sup = w.users.find((u) => u.role === 'supervisor')!;
      if (a.asSupervisor) await switchTo(h, sup);
      check(
        await h.call('settings.update', {
          ...DEFAULT_SETTINGS,
          callWindowStart: a.start,
          callWindowEnd: a.end,
          capPer24h: a.cap24,
          capPer7d: Math.max(a.cap7, a.cap24),
          retrySpacingMinutes: a.retry,
          maxAttempts: a.max,
          leaseMinutes: a.lease,
          noCallWeekdays: a.sunday ? [7] : [],
        }),
      );
      await switchTo(h, me);
      return;
    }
    case 'import': {
      const start = await h.call('imports.start', { fileName: 'walk.csv', contentBase64: b64(importCsv(a.rows, h.now())) });
      expect(start.ok).toBe(true);
      const job = await waitForImport(h, (start as { value: { jobId: string } }).value.jobId);
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      check(await h.call('imports.commit', { jobId: job.jobId }));
      return;
    }
    case 'switch':
      await switchTo(h, w.users[a.user % w.users.length]!);
      expect(count(h.db, 'outbox')).toBe(outboxBefore);
      return;
    case 'advance':
      h.advance(a.minutes * MIN);
      return;
  }
}

function assertReplayRebuilds(source: Harness): void {
  const target = makeHarness();
  expect(count(target.db, 'users')).toBe(0);
  const applied = replayOutbox(target.db, source.db);
  expect(applied).toBe(count(source.db, 'outbox'));
  const a = dumpSynced(source.db);
  const b = dumpSynced(target.db);
  for (const table of Object.keys(a) as (keyof typeof a)[]) {
    expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
  }
}

describe('outbox replay rebuilds the same state', () => {
  it('after a random walk of actions on a small demo queue (fast-check)', async () => {
    const totals: Record<string, { ok: number; err: number }> = {};
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(arbAction, { minLength: 30, maxLength: 70 }), async (seed, actions) => {
        const h = makeHarness();
        try {
          const me = await setUpEmpty(h);
          const other = await createUser(h, '李静', 'agent');
          const sup = await createUser(h, '周敏', 'supervisor');
          runMutation(h.db, 'demo.load', { seed, now: h.now(), customers: 300, agentIds: [me.id, other.id] }, h.now());
          forgetZones(h.db);
          const w: World = { h, users: [me, other, sup], stats: totals, hashEveryAction: true };
          for (const a of actions) await perform(w, a);
          assertReplayRebuilds(h);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 12 },
    );
    if (process.env.REPLAY_STATS) console.log(totals);
    // The walk must really exercise the writes, not only rejections.
    expect(totals.record!.ok).toBeGreaterThan(10);
    expect(totals.record!.err).toBeGreaterThan(5);
    expect(totals.takeNext!.ok).toBeGreaterThan(10);
    expect(totals.import!.ok).toBeGreaterThan(0);
    expect(totals.settings!.ok).toBeGreaterThan(0);
    expect(totals.settings!.err).toBeGreaterThan(0);
    expect(totals.reveal!.ok).toBeGreaterThan(0);
  }, 120_000);

  it('after first-run demo setUp and a scripted day of work', async () => {
    const h = makeHarness();
    await h.ok('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
    const info = await h.ok<SessionInfo>('session.get');
    const w: World = { h, users: info.users, stats: {}, hashEveryAction: false };
    const rnd = fc.sample(fc.array(arbAction, { minLength: 60, maxLength: 60 }), { seed: 20261123, numRuns: 1 })[0]!;
    // A day of taking and recording, with the walk's other actions mixed in.
    for (let i = 0; i < 40; i++) {
      await perform(w, { kind: 'takeNext' });
      await perform(w, { kind: 'record', target: 'held', pick: i, disposition: DISPOSITIONS[i % DISPOSITIONS.length]!, startBackMin: 2, laterHours: 20 + (i % 5), dncDays: i % 3 ? null : 30 });
      await perform(w, rnd[i]!);
      h.advance(4 * MIN);
    }
    expect(w.stats.record!.ok).toBeGreaterThan(20);
    assertReplayRebuilds(h);
  }, 60_000);

  it('a replay that meets a failing mutation applies nothing (one transaction)', async () => {
    const h = makeHarness();
    await setUpEmpty(h);
    const target = makeHarness();
    await setUpEmpty(target, '别人');
    const before = contentHash(target.db);
    // Replaying source users into a target is fine (users.create ignores an existing id), so use a callback
    // lease that cannot apply: the target has no such callback.
    const cu = { id: '0190f5c0-0000-7000-8000-000000000001' };
    runMutation(h.db, 'callbacks.release', { callbackId: cu.id, agentId: 'x', at: T0 }, T0);
    runMutation(h.db, 'audit.phoneRevealed', { auditId: '0190f5c0-0000-7000-8000-000000000002', customerId: cu.id, actorId: 'x', at: T0 }, T0);
    expect(() => runMutation(h.db, 'callbacks.lease', { callbackId: cu.id, agentId: 'x', at: T0, expiresAt: T0 + MIN }, T0)).toThrow();
    // The failed lease left no outbox entry.
    expect(row(h.db, 'SELECT count(*) AS n FROM outbox WHERE name = ?', 'callbacks.lease')).toEqual({ n: 0 });
    // Forge one so replay meets a failing mutation after two good ones.
    h.db.$client
      .prepare('INSERT INTO outbox (id, name, args, created_at) VALUES (?, ?, ?, ?)')
      .run('forged', 'callbacks.lease', JSON.stringify({ callbackId: cu.id, agentId: 'x', at: T0, expiresAt: T0 + MIN }), T0);
    expect(() => replayOutbox(target.db, h.db)).toThrow();
    expect(contentHash(target.db)).toBe(before);
  });
});

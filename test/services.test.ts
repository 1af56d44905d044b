import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, OutcomeResult, QueuePage, QueueSummary, SessionInfo } from '../core/contract/views';
import { FOREVER, type Disposition } from '../core/domain/model';
import type { UserRecord } from '../core/domain/records';
import { DEFAULT_SETTINGS } from '../core/settings';
import {
  b64,
  cleanup,
  contentHash,
  count,
  counts,
  createUser,
  csv,
  DAY,
  HOUR,
  makeHarness,
  MIN,
  row,
  rows,
  seedCallback,
  seedCustomer,
  setUpEmpty,
  switchTo,
  T0,
  waitForImport,
  type Harness,
} from './helpers';

afterEach(cleanup);

const at = (iso: string) => Date.parse(iso);
const lastOutbox = (h: Harness) => row<{ name: string; args: string; created_at: number }>(h.db, 'SELECT name, args, created_at FROM outbox ORDER BY seq DESC LIMIT 1')!;
const cbRow = (h: Harness, id: string) => row<Record<string, unknown>>(h.db, 'SELECT * FROM callbacks WHERE id = ?', id)!;
const cuRow = (h: Harness, id: string) => row<Record<string, unknown>>(h.db, 'SELECT * FROM customers WHERE id = ?', id)!;

async function ready(): Promise<{ h: Harness; me: UserRecord }> {
  const h = makeHarness();
  const me = await setUpEmpty(h);
  return { h, me };
}

/**
 * A reached call on a purpose with a questionnaire needs a completed one or a reason; these tests are
 * about the queue, so reached outcomes carry a reason (test/questionnaires.test.ts covers the rule).
 */
function outcome(callbackId: string, disposition: Disposition, extra: Record<string, unknown> = {}, startedAt = T0 - 3 * MIN) {
  const skip = disposition === 'reached' ? { surveySkipReason: '客户时间不便' } : {};
  return { callbackId, disposition, notes: `note ${disposition}`, startedAt, endedAt: startedAt + MIN, ...skip, ...extra };
}

describe('first run', () => {
  it('before setUp the console says so and refuses work', async () => {
    const h = makeHarness();
    expect(await h.ok('session.get')).toEqual({ setUp: false, users: [], currentUser: null, locale: 'zh-CN' });
    expect((await h.err('queue.list')).code).toBe('NOT_SET_UP');
    expect((await h.err('queue.takeNext')).code).toBe('NOT_SET_UP');
    expect((await h.err('customers.revealPhone', { customerId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_SET_UP');
    expect(await h.ok('settings.get')).toEqual(DEFAULT_SETTINGS);
    expect(counts(h.db).outbox).toBe(0);
  });

  it('setUp empty: one agent, no queue, the built-in scripts; a second setUp is a CONFLICT', async () => {
    const h = makeHarness();
    const info = await h.ok<SessionInfo>('session.setUp', { mode: 'empty', agentName: '  王芳  ', locale: 'en' });
    expect(info.setUp).toBe(true);
    expect(info.locale).toBe('en');
    expect(info.users).toHaveLength(1);
    expect(info.users[0]).toMatchObject({ name: '王芳', role: 'agent', createdAt: T0 });
    expect(info.currentUser).toEqual(info.users[0]);
    expect(counts(h.db)).toEqual({
      users: 1,
      customers: 0,
      callbacks: 0,
      call_attempts: 0,
      dnc_entries: 0,
      audit_log: 0,
      import_batches: 0,
      // The script mapping (each purpose → the built-in script in the console's language).
      settings: 1,
      // The ten built-in scripts (5 purposes × zh-CN/en), each published as its version 1.
      scripts: 10,
      script_versions: 10,
      survey_responses: 0,
      survey_answers: 0,
      // users.create, ten built-in scripts, scripts.setMapping.
      outbox: 12,
    });
    expect(count(h.db, 'scripts')).toBe(10);
    const first = row<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq LIMIT 1')!;
    expect(first.name).toBe('users.create');
    expect(JSON.parse(first.args)).toEqual({ id: info.users[0]!.id, name: '王芳', role: 'agent', createdAt: T0 });
    expect(lastOutbox(h).name).toBe('scripts.setMapping');
    expect(await h.ok<QueueSummary>('queue.summary')).toEqual({ open: 0, callableNow: 0, overdue: 0, closedToday: 0, myLease: null });
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    const before = contentHash(h.db);
    expect((await h.err('session.setUp', { mode: 'demo', agentName: 'x', locale: 'zh-CN' })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(before);
  });

  it('setUp demo shows the demo queue at once even if the zone list was cached before (pinned clock)', async () => {
    const h = makeHarness();
    // users.create and switchUser work before setUp, so a queue read can cache an empty zone list.
    const early = await h.ok<SessionInfo>('users.create', { name: '早到', role: 'agent' });
    await h.ok('session.switchUser', { userId: early.users[0]!.id });
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBe(0);
    await h.ok('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBeGreaterThan(0);
  });

  it('setUp demo: me plus three colleagues, the demo queue, and the agent can take the most urgent callback', async () => {
    const h = makeHarness();
    const info = await h.ok<SessionInfo>('session.setUp', { mode: 'demo', agentName: '王芳', locale: 'zh-CN' });
    expect(info.users.map((u) => [u.name, u.role])).toEqual(
      expect.arrayContaining([
        ['王芳', 'agent'],
        ['李静', 'agent'],
        ['陈伟', 'agent'],
        ['周敏', 'supervisor'],
      ]),
    );
    expect(info.users).toHaveLength(4);
    expect(info.currentUser!.name).toBe('王芳');
    expect(count(h.db, 'customers')).toBe(5000);
    expect(count(h.db, 'callbacks')).toBeGreaterThan(5000);
    const outbox = rows<{ name: string; args: string }>(h.db, 'SELECT name, args FROM outbox ORDER BY seq');
    const builtins = [...Array(10).fill('scripts.create'), 'scripts.setMapping'];
    expect(outbox.map((o) => o.name)).toEqual(['users.create', 'users.create', 'users.create', 'users.create', 'demo.load', ...builtins]);
    const agents = info.users.filter((u) => u.role === 'agent');
    const demoArgs = JSON.parse(outbox[4]!.args) as { seed: number; now: number; customers: number; agentIds: string[] };
    expect(demoArgs).toMatchObject({ seed: 20261122, now: T0, customers: 5000 });
    expect(demoArgs.agentIds[0]).toBe(info.currentUser!.id);
    expect([...demoArgs.agentIds].sort()).toEqual(agents.map((u) => u.id).sort());
    const summary = await h.ok<QueueSummary>('queue.summary');
    const callable = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' }, limit: 1 });
    expect(summary.callableNow).toBe(callable.total);
    expect(summary.callableNow).toBeGreaterThan(0);
    const next = await h.ok<CallbackDetail>('queue.takeNext');
    expect(next.callback.id).toBe(callable.rows[0]!.id);
    expect(next.callback.leasedByMe).toBe(true);
  });
});

describe('taking callbacks and leases', () => {
  async function queueFixture() {
    const { h, me } = await ready();
    const cuA = seedCustomer(h.db);
    const cbA = seedCallback(h.db, cuA.id, { priority: 3, createdAt: T0 - 2 * DAY });
    const cuB = seedCustomer(h.db);
    const cbB = seedCallback(h.db, cuB.id, { priority: 1, createdAt: T0 - DAY });
    const cuC = seedCustomer(h.db);
    const cbC = seedCallback(h.db, cuC.id, { priority: 5, dueAt: T0 - HOUR, createdAt: T0 - 3 * DAY });
    const cuD = seedCustomer(h.db);
    const cbD = seedCallback(h.db, cuD.id, { priority: 1, dueAt: T0 + HOUR });
    const cuE = seedCustomer(h.db, { phoneStatus: 'bad' });
    const cbE = seedCallback(h.db, cuE.id, { priority: 1 });
    const cuF = seedCustomer(h.db, { timezone: 'America/Los_Angeles' });
    const cbF = seedCallback(h.db, cuF.id, { priority: 5, createdAt: T0 - 4 * DAY });
    return { h, me, cbA, cbB, cbC, cbD, cbE, cbF };
  }

  it('queue order: overdue first, then priority, then creation; future and bad numbers excluded', async () => {
    const { h, cbA, cbB, cbC, cbF } = await queueFixture();
    const page = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } });
    expect(page.rows.map((r) => r.id)).toEqual([cbC.id, cbB.id, cbA.id, cbF.id]);
    expect(page.total).toBe(4);
  });

  it('takeNext leases the most urgent callable callback and resumes it on the next call', async () => {
    const { h, me, cbC } = await queueFixture();
    const before = count(h.db, 'outbox');
    const next = await h.ok<CallbackDetail>('queue.takeNext');
    expect(next.callback.id).toBe(cbC.id);
    expect(next.callback.leasedByMe).toBe(true);
    expect(next.callback.leaseExpiresAt).toBe(T0 + 15 * MIN);
    expect(next.callback.overdue).toBe(true);
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN, state: 'open' });
    expect(counts(h.db).outbox).toBe(before + 1);
    expect(lastOutbox(h).name).toBe('callbacks.lease');
    expect(JSON.parse(lastOutbox(h).args)).toEqual({ callbackId: cbC.id, agentId: me.id, at: T0, expiresAt: T0 + 15 * MIN });
    expect((await h.ok<QueueSummary>('queue.summary')).myLease).toBe(cbC.id);
    // Asking again resumes the same callback without a new lease.
    h.advance(MIN);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbC.id);
    expect(counts(h.db).outbox).toBe(before + 1);
  });

  it('a second agent does not get a leased callback until the lease expires', async () => {
    const { h, me, cbB, cbC } = await queueFixture();
    await h.ok('queue.takeNext'); // me → C
    const other = await createUser(h, '李静', 'agent');
    await switchTo(h, other);

    const second = await h.ok<CallbackDetail>('queue.takeNext');
    expect(second.callback.id).toBe(cbB.id);
    expect(cbRow(h, cbB.id)).toMatchObject({ lease_agent_id: other.id, lease_expires_at: T0 + 15 * MIN });

    // C shows as leased to the other agent, with the instant it frees up.
    const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
    const cRow = list.rows.find((r) => r.id === cbC.id)!;
    expect(cRow.callable).toBe(false);
    expect(cRow.leasedByMe).toBe(false);
    expect(cRow.blocks).toEqual([{ reason: 'leased', until: T0 + 15 * MIN, localTime: null }]);
    const takeErr = await h.err('callbacks.take', { id: cbC.id });
    expect(takeErr.code).toBe('LEASE_LOST');
    expect(takeErr.details).toEqual({ blocks: [{ reason: 'leased', until: T0 + 15 * MIN }] });
    expect((await h.err('callbacks.startCall', { id: cbC.id })).code).toBe('LEASE_LOST');
    const hashBefore = contentHash(h.db);
    expect((await h.err('callbacks.recordOutcome', outcome(cbC.id, 'reached', {}, T0))).code).toBe('LEASE_LOST');
    expect(contentHash(h.db)).toBe(hashBefore);

    // Releasing B and asking again gives B again (C still leased)…
    expect(await h.ok('callbacks.release', { id: cbB.id })).toEqual({ released: true });
    expect(cbRow(h, cbB.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
    h.setNow(T0 + 15 * MIN - 1);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbB.id);
    await h.ok('callbacks.release', { id: cbB.id });
    // …until the instant C's lease expires.
    h.setNow(T0 + 15 * MIN);
    const third = await h.ok<CallbackDetail>('queue.takeNext');
    expect(third.callback.id).toBe(cbC.id);
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: other.id, lease_expires_at: T0 + 30 * MIN });

    // The first agent has lost C: recording on it now is LEASE_LOST, and their next is B.
    await switchTo(h, me);
    expect((await h.err('callbacks.recordOutcome', outcome(cbC.id, 'reached', {}, T0 + 15 * MIN))).code).toBe('LEASE_LOST');
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cbB.id);
    // Releasing someone else's lease does nothing.
    expect(await h.ok('callbacks.release', { id: cbC.id })).toEqual({ released: false });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: other.id });
  });

  it('callbacks.take leases a specific callable callback and gives up the one held before', async () => {
    const { h, me, cbA, cbC, cbD } = await queueFixture();
    await h.ok('queue.takeNext'); // C
    const taken = await h.ok<CallbackDetail>('callbacks.take', { id: cbA.id });
    expect(taken.callback.id).toBe(cbA.id);
    expect(cbRow(h, cbA.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
    const names = rows<{ name: string }>(h.db, 'SELECT name FROM outbox ORDER BY seq').map((r) => r.name);
    expect(names.slice(-3)).toEqual(['callbacks.lease', 'callbacks.release', 'callbacks.lease']);
    const e = await h.err('callbacks.take', { id: cbD.id });
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(e.details).toEqual({ blocks: [{ reason: 'scheduled_later', until: T0 + HOUR }] });
    expect((await h.err('callbacks.take', { id: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('startCall on a different callback gives up the one held before (one lease per agent, as take does)', async () => {
    const { h, me, cbA, cbC } = await queueFixture();
    await h.ok('queue.takeNext'); // holds C
    await h.ok('callbacks.startCall', { id: cbA.id });
    expect(cbRow(h, cbA.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 15 * MIN });
    // Otherwise C stays leased to this agent for 15 minutes, invisible to queue.summary.myLease and blocked for everyone else.
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: null, lease_expires_at: null });
  });

  it('startCall renews the lease for the call', async () => {
    const { h, me, cbC } = await queueFixture();
    await h.ok('queue.takeNext');
    h.advance(10 * MIN);
    expect(await h.ok('callbacks.startCall', { id: cbC.id })).toEqual({ startedAt: T0 + 10 * MIN });
    expect(cbRow(h, cbC.id)).toMatchObject({ lease_agent_id: me.id, lease_expires_at: T0 + 25 * MIN });
  });
});

describe('recording outcomes', () => {
  async function oneCallback(reason: 'complaint_followup' | 'satisfaction' | 'winback' | 'care' | 'onboarding' = 'complaint_followup', tz = 'Asia/Shanghai') {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db, { timezone: tz });
    const cb = seedCallback(h.db, cu.id, { reason });
    await h.ok('callbacks.take', { id: cb.id });
    return { h, me, cu, cb };
  }

  const closing: { d: Disposition; outcome: string }[] = [
    { d: 'reached', outcome: 'completed' },
    { d: 'refused', outcome: 'refused' },
    { d: 'wrong_number', outcome: 'wrong_number' },
    { d: 'dnc_requested', outcome: 'dnc_requested' },
  ];
  for (const { d, outcome: expectedOutcome } of closing) {
    it(`${d} closes the callback as ${expectedOutcome} and records the attempt`, async () => {
      const { h, me, cu, cb } = await oneCallback();
      const result = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, d));
      expect(result).toEqual({ callbackId: cb.id, state: 'closed', outcome: expectedOutcome, nextDueAt: null, cancelledCallbacks: 0 });
      expect(cbRow(h, cb.id)).toMatchObject({
        state: 'closed',
        outcome: expectedOutcome,
        attempts: 1,
        failed_attempts: 0,
        closed_at: T0,
        lease_agent_id: null,
        lease_expires_at: null,
        due_at: null,
      });
      const attempts = rows(h.db, 'SELECT * FROM call_attempts');
      expect(attempts).toEqual([
        {
          id: expect.any(String),
          callback_id: cb.id,
          customer_id: cu.id,
          agent_id: me.id,
          started_at: T0 - 3 * MIN,
          ended_at: T0 - 2 * MIN,
          disposition: d,
          notes: `note ${d}`,
          callback_at: null,
          survey_skip_reason: d === 'reached' ? '客户时间不便' : null,
        },
      ]);
      expect(cuRow(h, cu.id)).toMatchObject({
        phone_status: d === 'wrong_number' ? 'bad' : 'ok',
        dnc_until: d === 'dnc_requested' ? FOREVER : null,
        cap_until: null,
      });
      expect(count(h.db, 'dnc_entries')).toBe(d === 'dnc_requested' ? 1 : 0);
      expect(lastOutbox(h).name).toBe('attempts.record');
      expect(JSON.parse(lastOutbox(h).args)).toMatchObject({
        attemptId: attempts[0]!.id,
        callbackId: cb.id,
        agentId: me.id,
        disposition: d,
        startedAt: T0 - 3 * MIN,
        endedAt: T0 - 2 * MIN,
        recordedAt: T0,
      });
      // A closed callback cannot be recorded again.
      const hash = contentHash(h.db);
      expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached'))).code).toBe('CONFLICT');
      expect(contentHash(h.db)).toBe(hash);
    });
  }

  for (const d of ['no_answer', 'busy', 'voicemail'] as const) {
    it(`${d} reschedules 27 h after the call started and counts a failed attempt`, async () => {
      const { h, cb } = await oneCallback();
      const result = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, d));
      const due = T0 - 3 * MIN + 27 * HOUR;
      expect(result).toEqual({ callbackId: cb.id, state: 'open', outcome: null, nextDueAt: due, cancelledCallbacks: 0 });
      expect(cbRow(h, cb.id)).toMatchObject({ state: 'open', outcome: null, attempts: 1, failed_attempts: 1, due_at: due, lease_agent_id: null, closed_at: null });
      const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'all' } });
      expect(list.rows[0]!.blocks).toEqual([{ reason: 'scheduled_later', until: due, localTime: null }]);
      expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    });
  }

  it('three unanswered attempts, each 27 h apart, close the callback as unreachable', async () => {
    const { h, cb } = await oneCallback();
    const seq: Disposition[] = ['no_answer', 'busy', 'voicemail'];
    let start = T0 - 3 * MIN;
    for (let i = 0; i < 3; i++) {
      const r = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, seq[i]!, {}, start));
      if (i < 2) {
        expect(r).toMatchObject({ state: 'open', nextDueAt: start + 27 * HOUR });
        // Not callable before the retry time; callable at it.
        h.setNow(start + 27 * HOUR - MIN);
        expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
        h.setNow(start + 27 * HOUR);
        expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
        start = start + 27 * HOUR;
      } else {
        expect(r).toEqual({ callbackId: cb.id, state: 'closed', outcome: 'unreachable', nextDueAt: null, cancelledCallbacks: 0 });
      }
    }
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'closed', outcome: 'unreachable', attempts: 3, failed_attempts: 3 });
    expect(rows<{ disposition: string }>(h.db, 'SELECT disposition FROM call_attempts ORDER BY started_at').map((r) => r.disposition)).toEqual(seq);
  });

  it('callback_later reschedules to the agreed time', async () => {
    const { h, cb } = await oneCallback();
    const later = at('2026-11-24T15:00:00+08:00');
    const result = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: later }));
    expect(result).toEqual({ callbackId: cb.id, state: 'open', outcome: null, nextDueAt: later, cancelledCallbacks: 0 });
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'open', due_at: later, attempts: 1, failed_attempts: 0, lease_agent_id: null });
    expect(row(h.db, 'SELECT callback_at FROM call_attempts')).toEqual({ callback_at: later });
    h.setNow(later);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
  });

  it('wrong_number marks the phone bad, which blocks the customer’s other callbacks without closing them', async () => {
    const { h, cu, cb } = await oneCallback();
    const other = seedCallback(h.db, cu.id, { reason: 'satisfaction' });
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'wrong_number'));
    expect(cuRow(h, cu.id).phone_status).toBe('bad');
    expect(cbRow(h, other.id)).toMatchObject({ state: 'open', outcome: null });
    const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'open' } });
    expect(list.rows.map((r) => [r.id, r.blocks.map((b) => b.reason)])).toEqual([[other.id, ['bad_number']]]);
  });

  it('dnc_requested adds a DNC entry and cancels only the customer’s open marketing callbacks', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const called = seedCallback(h.db, cu.id, { reason: 'satisfaction', priority: 1 });
    const winback = seedCallback(h.db, cu.id, { reason: 'winback' });
    const onboarding = seedCallback(h.db, cu.id, { reason: 'onboarding', dueAt: T0 + DAY });
    const care = seedCallback(h.db, cu.id, { reason: 'care' });
    const complaint = seedCallback(h.db, cu.id, { reason: 'complaint_followup' });
    const survey = seedCallback(h.db, cu.id, { reason: 'satisfaction', dueAt: T0 + 2 * DAY });
    const closedCare = seedCallback(h.db, cu.id, { reason: 'care', state: 'closed', outcome: 'completed', closedAt: T0 - DAY });
    const otherCustomer = seedCustomer(h.db);
    const othersWinback = seedCallback(h.db, otherCustomer.id, { reason: 'winback' });
    await h.ok('callbacks.take', { id: called.id });

    const expires = T0 + 30 * DAY;
    const result = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(called.id, 'dnc_requested', { dncExpiresAt: expires }));
    expect(result).toEqual({ callbackId: called.id, state: 'closed', outcome: 'dnc_requested', nextDueAt: null, cancelledCallbacks: 3 });

    const args = JSON.parse(lastOutbox(h).args) as { dncEntryId: string; dncExpiresAt: number };
    expect(args.dncExpiresAt).toBe(expires);
    expect(rows(h.db, 'SELECT * FROM dnc_entries')).toEqual([
      { id: args.dncEntryId, customer_id: cu.id, phone: cu.phone, source: 'agent', created_at: T0, created_by: me.id, expires_at: expires },
    ]);
    expect(cuRow(h, cu.id).dnc_until).toBe(expires);
    for (const m of [winback, onboarding, care]) {
      expect(cbRow(h, m.id)).toMatchObject({ state: 'closed', outcome: 'cancelled_dnc', closed_at: T0, attempts: 0 });
    }
    for (const s of [complaint, survey]) expect(cbRow(h, s.id)).toMatchObject({ state: 'open', outcome: null, closed_at: null });
    expect(cbRow(h, closedCare.id)).toMatchObject({ state: 'closed', outcome: 'completed', closed_at: T0 - DAY });
    expect(cbRow(h, othersWinback.id)).toMatchObject({ state: 'open', outcome: null });
    expect(cbRow(h, called.id)).toMatchObject({ state: 'closed', outcome: 'dnc_requested' });

    const detail = await h.ok<CallbackDetail>('callbacks.get', { id: complaint.id });
    expect(detail.customer.dnc).toEqual({ until: expires, forever: false });
    // The customer's open callbacks (the UI drops the one on screen): only the two service ones are left.
    expect(detail.customer.otherOpenCallbacks.map((c) => c.id).filter((id) => id !== complaint.id)).toEqual([survey.id]);
  });

  it('dnc_requested without an expiry lists the customer forever; an expiry in the past is BAD_INPUT', async () => {
    const { h, cu, cb } = await oneCallback('winback');
    const hash = contentHash(h.db);
    const bad = await h.err('callbacks.recordOutcome', outcome(cb.id, 'dnc_requested', { dncExpiresAt: T0 }));
    expect(bad.code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'dnc_requested', { dncExpiresAt: null }));
    expect(cuRow(h, cu.id).dnc_until).toBe(FOREVER);
    expect(row(h.db, 'SELECT expires_at FROM dnc_entries')).toEqual({ expires_at: null });
    const detail = await h.ok<CallbackDetail>('callbacks.get', { id: cb.id });
    expect(detail.customer.dnc).toEqual({ until: null, forever: true });
  });
});

describe('the compliance guard at record time', () => {
  it('a call started outside the customer window is refused and nothing is written', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T21:35:00+08:00'));
    const before = counts(h.db);
    const hash = contentHash(h.db);
    const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T21:30:00+08:00')));
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(e.details).toEqual({
      blocks: [{ reason: 'outside_window', until: at('2026-11-24T09:00:00+08:00'), localTime: '2026-11-23 21:30' }],
    });
    expect(counts(h.db)).toEqual(before);
    expect(contentHash(h.db)).toBe(hash);
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'open', attempts: 0 });
  });

  it('a call started inside the window may be recorded after it closes', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T21:05:00+08:00'));
    const r = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T20:58:00+08:00')));
    expect(r.state).toBe('closed');
  });

  it('an LA customer at Shanghai 14:00 (LA 22:00) is refused; at Shanghai noon (LA 20:00) accepted', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db, { timezone: 'America/Los_Angeles' });
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T14:01:00+08:00'));
    const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T14:00:00+08:00')));
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(count(h.db, 'call_attempts')).toBe(0);
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T12:00:00+08:00')));
    expect(count(h.db, 'call_attempts')).toBe(1);
  });

  const refusals: { name: string; customer: Parameters<typeof seedCustomer>[1]; callback: Parameters<typeof seedCallback>[2]; code: string; reasons: string[] }[] = [
    { name: 'DNC blocks a marketing call', customer: { dncUntil: T0 + DAY }, callback: { reason: 'winback' }, code: 'COMPLIANCE_BLOCKED', reasons: ['dnc'] },
    { name: 'no marketing consent', customer: { consentMarketing: 'unknown' }, callback: { reason: 'care' }, code: 'COMPLIANCE_BLOCKED', reasons: ['no_consent'] },
    { name: 'service consent refused', customer: { consentService: 'refused' }, callback: { reason: 'complaint_followup' }, code: 'COMPLIANCE_BLOCKED', reasons: ['no_consent'] },
    { name: 'bad number', customer: { phoneStatus: 'bad' }, callback: {}, code: 'COMPLIANCE_BLOCKED', reasons: ['bad_number'] },
    { name: 'not due yet', customer: {}, callback: { dueAt: T0 + HOUR }, code: 'COMPLIANCE_BLOCKED', reasons: ['scheduled_later'] },
    { name: 'contact cap', customer: { capUntil: T0 + HOUR }, callback: {}, code: 'COMPLIANCE_BLOCKED', reasons: ['contact_cap'] },
    { name: 'closed', customer: {}, callback: { state: 'closed', outcome: 'completed', closedAt: T0 - DAY }, code: 'CONFLICT', reasons: [] },
  ];
  for (const r of refusals) {
    it(`refuses: ${r.name}`, async () => {
      const { h } = await ready();
      const cu = seedCustomer(h.db, r.customer);
      const cb = seedCallback(h.db, cu.id, r.callback);
      const hash = contentHash(h.db);
      const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached'));
      expect(e.code).toBe(r.code);
      if (r.reasons.length) expect((e.details!.blocks as { reason: string }[]).map((b) => b.reason)).toEqual(r.reasons);
      expect(contentHash(h.db)).toBe(hash);
    });
  }

  it('DNC does not block a service call', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db, { dncUntil: FOREVER });
    const cb = seedCallback(h.db, cu.id, { reason: 'complaint_followup' });
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'reached'));
  });

  it('bad times and ids', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    const hash = contentHash(h.db);
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, T0 + 2 * MIN))).code).toBe('BAD_INPUT');
    expect((await h.err('callbacks.recordOutcome', { ...outcome(cb.id, 'reached'), endedAt: T0 - 10 * MIN })).code).toBe('BAD_INPUT');
    expect((await h.err('callbacks.recordOutcome', outcome('0190f5c0-0000-7000-8000-000000000000', 'reached'))).code).toBe('NOT_FOUND');
    expect((await h.err('callbacks.recordOutcome', { ...outcome(cb.id, 'callback_later') })).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);
  });
});

describe('contact cap', () => {
  it('two attempts in 24 h block a third call to the same customer until the first is 24 h old', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb1 = seedCallback(h.db, cu.id, { reason: 'complaint_followup', createdAt: T0 - 3 * DAY });
    const cb2 = seedCallback(h.db, cu.id, { reason: 'satisfaction', createdAt: T0 - 2 * DAY });
    const cb3 = seedCallback(h.db, cu.id, { reason: 'complaint_followup', createdAt: T0 - DAY });
    const first = T0 - 10 * MIN;

    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb1.id);
    await h.ok('callbacks.recordOutcome', outcome(cb1.id, 'reached', {}, first));
    expect(cuRow(h, cu.id).cap_until).toBeNull();

    h.advance(HOUR);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb2.id);
    await h.ok('callbacks.recordOutcome', outcome(cb2.id, 'reached', {}, T0 + 55 * MIN));
    expect(cuRow(h, cu.id).cap_until).toBe(first + DAY);

    const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'open' } });
    expect(list.rows.map((r) => [r.id, r.callable, r.blocks])).toEqual([[cb3.id, false, [{ reason: 'contact_cap', until: first + DAY, localTime: null }]]]);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    expect((await h.err('callbacks.take', { id: cb3.id })).code).toBe('COMPLIANCE_BLOCKED');
    const hash = contentHash(h.db);
    const e = await h.err('callbacks.recordOutcome', outcome(cb3.id, 'reached', {}, T0 + 58 * MIN));
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(e.details).toEqual({ blocks: [{ reason: 'contact_cap', until: first + DAY }] });
    expect(contentHash(h.db)).toBe(hash);

    h.setNow(first + DAY - 1);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    h.setNow(first + DAY);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb3.id);
    await h.ok('callbacks.recordOutcome', outcome(cb3.id, 'reached', {}, first + DAY));
    // attempts at first+1h05, first+24h → 2 in 24 h again until the second is 24 h old
    expect(cuRow(h, cu.id).cap_until).toBe(T0 + 55 * MIN + DAY);
  });
});

describe('recording late', () => {
  it('a call started more than 4 hours ago cannot be recorded (it would dodge the contact cap)', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    const afternoon = at('2026-11-23T16:00:00+08:00');
    h.setNow(afternoon);
    const hash = contentHash(h.db);
    const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, afternoon - 4 * HOUR - MIN));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toEqual({ field: 'startedAt' });
    expect(contentHash(h.db)).toBe(hash);
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, afternoon - 4 * HOUR + MIN));
    expect(cbRow(h, cb.id).outcome).toBe('completed');
  });
});

describe('callback_later guard', () => {
  async function arranged(tz: string) {
    const { h } = await ready();
    const cu = seedCustomer(h.db, { timezone: tz });
    const cb = seedCallback(h.db, cu.id);
    return { h, cb };
  }

  it('a time outside the customer window is BAD_INPUT and writes nothing', async () => {
    const { h, cb } = await arranged('Asia/Shanghai');
    const hash = contentHash(h.db);
    const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: at('2026-11-24T22:00:00+08:00') }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toEqual({ field: 'callbackAt', reason: 'outside_window', localTime: '2026-11-24 22:00' });
    expect(contentHash(h.db)).toBe(hash);
  });

  it('uses the customer zone: LA 22:00 refused, LA 11:00 accepted', async () => {
    const { h, cb } = await arranged('America/Los_Angeles');
    // 2026-11-24 14:00 Shanghai = 2026-11-23 22:00 LA
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: at('2026-11-24T14:00:00+08:00') }))).code).toBe(
      'BAD_INPUT',
    );
    // 2026-11-24 03:00 Shanghai = 2026-11-23 11:00 LA
    const ok = await h.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: at('2026-11-24T03:00:00+08:00') }));
    expect(ok.nextDueAt).toBe(at('2026-11-24T03:00:00+08:00'));
  });

  it('a no-call day, a past time or a time beyond 60 days are BAD_INPUT', async () => {
    const { h, cb } = await arranged('Asia/Shanghai');
    const sup = await createUser(h, '周敏', 'supervisor');
    const me = (await h.ok<SessionInfo>('session.get')).currentUser!;
    await switchTo(h, sup);
    await h.ok('settings.update', { ...DEFAULT_SETTINGS, noCallDates: ['2026-11-25'] });
    await switchTo(h, me);
    const hash = contentHash(h.db);
    const noCall = await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: at('2026-11-25T10:00:00+08:00') }));
    expect(noCall).toMatchObject({ code: 'BAD_INPUT', details: { reason: 'no_call_day' } });
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: T0 }))).code).toBe('BAD_INPUT');
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: T0 + 61 * DAY }))).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);
  });
});

describe('revealPhone', () => {
  it('returns the full number once and writes an audit entry of who saw whose number when', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db, { name: '张三', phone: '+8613900000001' });
    seedCallback(h.db, cu.id);
    const list = await h.ok<QueuePage>('queue.list');
    expect(list.rows[0]!.phoneMasked).toBe('139****0001');
    h.advance(7 * MIN);
    expect(await h.ok('customers.revealPhone', { customerId: cu.id })).toEqual({ phone: '+8613900000001', formatted: '139 0000 0001' });
    expect(rows(h.db, 'SELECT * FROM audit_log')).toEqual([
      { id: expect.any(String), at: T0 + 7 * MIN, actor_id: me.id, action: 'phone.reveal', subject_type: 'customer', subject_id: cu.id, details: '{}' },
    ]);
    expect(lastOutbox(h).name).toBe('audit.phoneRevealed');
    const audit = await h.ok<{ rows: { actorName: string; subjectName: string; action: string; at: number }[]; total: number }>('audit.list', {});
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ actorName: '王芳', subjectName: '张三', action: 'phone.reveal', at: T0 + 7 * MIN });
    const hash = contentHash(h.db);
    expect((await h.err('customers.revealPhone', { customerId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(contentHash(h.db)).toBe(hash);
  });
});

describe('settings', () => {
  it('an agent cannot change them; a supervisor can and the queue follows', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    const hash = contentHash(h.db);
    const e = await h.err('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(e.code).toBe('FORBIDDEN');
    expect(contentHash(h.db)).toBe(hash);
    expect(row(h.db, `SELECT key FROM settings WHERE key = 'queue'`)).toBeUndefined();

    const sup = await createUser(h, '周敏', 'supervisor');
    await switchTo(h, sup);
    expect((await h.err('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 21 * 60 })).code).toBe('BAD_INPUT');
    const updated = await h.ok('settings.update', { ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    expect(row(h.db, `SELECT key, updated_at, updated_by FROM settings WHERE key = 'queue'`)).toEqual({ key: 'queue', updated_at: T0, updated_by: sup.id });
    expect(lastOutbox(h).name).toBe('settings.update');
    await switchTo(h, me);
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, callWindowStart: 11 * 60 });
    // 10:00 is now before the window.
    expect((await h.ok<QueueSummary>('queue.summary')).callableNow).toBe(0);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached'))).code).toBe('COMPLIANCE_BLOCKED');
    h.setNow(at('2026-11-23T11:00:00+08:00'));
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
  });

  it('any user may add an agent; only a supervisor adds a supervisor, except the very first one', async () => {
    const { h, me } = await ready();
    await createUser(h, '李静', 'agent');
    const first = await createUser(h, '周敏', 'supervisor');
    const hash = contentHash(h.db);
    expect((await h.err('users.create', { name: '黄主管', role: 'supervisor' })).code).toBe('FORBIDDEN');
    expect(contentHash(h.db)).toBe(hash);
    await switchTo(h, first);
    await createUser(h, '黄主管', 'supervisor');
    await switchTo(h, me);
    expect((await h.ok<SessionInfo>('session.get')).users.map((u) => [u.name, u.role])).toEqual([
      ['王芳', 'agent'],
      ['李静', 'agent'],
      ['周敏', 'supervisor'],
      ['黄主管', 'supervisor'],
    ]);
  });

  it('lowering the 24 h cap applies at once to customers contacted recently', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb1 = seedCallback(h.db, cu.id);
    const cb2 = seedCallback(h.db, cu.id, { reason: 'satisfaction' });
    await h.ok('callbacks.recordOutcome', outcome(cb1.id, 'reached'));
    expect(cuRow(h, cu.id).cap_until).toBeNull();
    const sup = await createUser(h, '周敏', 'supervisor');
    await switchTo(h, sup);
    h.advance(MIN);
    await h.ok('settings.update', { ...DEFAULT_SETTINGS, capPer24h: 1 });
    expect(cuRow(h, cu.id).cap_until).toBe(T0 - 3 * MIN + DAY);
    await switchTo(h, me);
    expect((await h.err('callbacks.take', { id: cb2.id })).code).toBe('COMPLIANCE_BLOCKED');
  });
});

describe('queue.list', () => {
  async function listFixture() {
    const { h, me } = await ready();
    const other = '0190f5c0-0000-7000-8000-0000000000aa';
    const c1 = seedCustomer(h.db, { name: '张伟', phone: '+8613812341234' });
    const c2 = seedCustomer(h.db, { name: '李娜', phone: '+8613912345678' });
    const c3 = seedCustomer(h.db, { name: '王强', phone: '+8613700005678', consentMarketing: 'unknown' });
    const c4 = seedCustomer(h.db, { name: '赵敏', phone: '+8613600001111' });
    const c5 = seedCustomer(h.db, { name: '张敏', phone: '+8613500002222' });
    const c6 = seedCustomer(h.db, { name: 'Chen Jing', phone: '+12135550123', timezone: 'America/Los_Angeles' });
    const c7 = seedCustomer(h.db, { name: 'amy', phone: '+8613400003333' });
    const cb1 = seedCallback(h.db, c1.id, { reason: 'complaint_followup', priority: 1, createdAt: T0 - 2 * DAY });
    const cb2 = seedCallback(h.db, c2.id, { reason: 'satisfaction', priority: 2, dueAt: T0 - HOUR, createdAt: T0 - 5 * DAY });
    const cb3 = seedCallback(h.db, c3.id, { reason: 'winback', priority: 3, createdAt: T0 - 3 * DAY, attempts: 2 });
    const cb4 = seedCallback(h.db, c4.id, { reason: 'care', priority: 4, dueAt: T0 + DAY, createdAt: T0 - 4 * DAY, attempts: 1 });
    const cb5 = seedCallback(h.db, c5.id, { reason: 'onboarding', priority: 5, state: 'closed', outcome: 'completed', closedAt: T0 - HOUR, createdAt: T0 - 6 * DAY });
    const cb6 = seedCallback(h.db, c6.id, { reason: 'complaint_followup', priority: 1, createdAt: T0 - DAY });
    const cb7 = seedCallback(h.db, c7.id, { reason: 'satisfaction', priority: 2, leaseAgentId: other, leaseExpiresAt: T0 + 10 * MIN, createdAt: T0 - 7 * DAY });
    return { h, me, cb1, cb2, cb3, cb4, cb5, cb6, cb7 };
  }
  const ids = (p: QueuePage) => p.rows.map((r) => r.id);
  const list = (h: Harness, input: Record<string, unknown>) => h.ok<QueuePage>('queue.list', input);

  it('filters by status', async () => {
    const f = await listFixture();
    const { h } = f;
    const callable = await list(h, { filter: { status: 'callable' } });
    expect(ids(callable)).toEqual([f.cb2.id, f.cb1.id, f.cb6.id]);
    expect(callable.total).toBe(3);
    const blocked = await list(h, { filter: { status: 'blocked' } });
    expect(blocked.rows.map((r) => [r.id, r.blocks.map((b) => b.reason)])).toEqual([
      [f.cb7.id, ['leased']],
      [f.cb3.id, ['no_consent']],
      [f.cb4.id, ['scheduled_later']],
    ]);
    const closed = await list(h, { filter: { status: 'closed' } });
    expect(closed.rows.map((r) => [r.id, r.state, r.outcome, r.blocks])).toEqual([[f.cb5.id, 'closed', 'completed', [{ reason: 'closed', until: null, localTime: null }]]]);
    expect((await list(h, { filter: { status: 'open' } })).total).toBe(6);
    expect((await list(h, {})).total).toBe(6); // default status is open
    expect((await list(h, { filter: { status: 'all' } })).total).toBe(7);
  });

  it('status callable agrees with the per-row callable flags, and blocked is its complement among open rows', async () => {
    const f = await listFixture();
    for (const now of [T0, at('2026-11-23T14:00:00+08:00'), at('2026-11-23T22:00:00+08:00'), T0 + 2 * DAY]) {
      f.h.setNow(now);
      const all = await list(f.h, { filter: { status: 'all' }, limit: 500 });
      const callable = await list(f.h, { filter: { status: 'callable' }, limit: 500 });
      const blocked = await list(f.h, { filter: { status: 'blocked' }, limit: 500 });
      expect(new Set(ids(callable))).toEqual(new Set(all.rows.filter((r) => r.callable).map((r) => r.id)));
      expect(callable.rows.every((r) => r.callable && r.blocks.length === 0)).toBe(true);
      expect(new Set(ids(blocked))).toEqual(new Set(all.rows.filter((r) => !r.callable && r.state === 'open').map((r) => r.id)));
      expect(blocked.rows.every((r) => !r.callable && r.blocks.length > 0)).toBe(true);
    }
    // At Shanghai 14:00 the LA customer (LA 22:00) is outside the window; cb7's lease has lapsed.
    f.h.setNow(at('2026-11-23T14:00:00+08:00'));
    const callable = await list(f.h, { filter: { status: 'callable' } });
    expect(ids(callable)).toEqual([f.cb2.id, f.cb1.id, f.cb7.id]);
    const all = await list(f.h, { filter: { status: 'all' } });
    expect(all.rows.find((r) => r.id === f.cb6.id)!.blocks).toEqual([
      { reason: 'outside_window', until: at('2026-11-23T09:00:00-08:00'), localTime: '2026-11-22 22:00' },
    ]);
  });

  it('filters by reason and priority', async () => {
    const f = await listFixture();
    const { h } = f;
    expect(new Set(ids(await list(h, { filter: { status: 'all', reasons: ['complaint_followup'] } })))).toEqual(new Set([f.cb1.id, f.cb6.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', reasons: ['winback', 'care'] } })))).toEqual(new Set([f.cb3.id, f.cb4.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', priorities: [1] } })))).toEqual(new Set([f.cb1.id, f.cb6.id]));
    expect(new Set(ids(await list(h, { filter: { status: 'all', priorities: [2, 4] } })))).toEqual(new Set([f.cb2.id, f.cb4.id, f.cb7.id]));
    const both = await list(h, { filter: { status: 'open', priorities: [2, 4], reasons: ['satisfaction'] } });
    expect(new Set(ids(both))).toEqual(new Set([f.cb2.id, f.cb7.id]));
    expect(both.total).toBe(2);
  });

  it('searches names and the last digits of phones only', async () => {
    const f = await listFixture();
    const { h } = f;
    const search = async (s: string) => new Set(ids(await list(h, { filter: { status: 'all', search: s } })));
    expect(await search('张')).toEqual(new Set([f.cb1.id, f.cb5.id]));
    expect(await search('敏')).toEqual(new Set([f.cb4.id, f.cb5.id]));
    expect(await search('AMY')).toEqual(new Set([f.cb7.id]));
    expect(await search('5678')).toEqual(new Set([f.cb2.id, f.cb3.id]));
    expect(await search('1234')).toEqual(new Set([f.cb1.id])); // 李娜 has 1234 in the middle, not at the end
    expect(await search(' 0123 ')).toEqual(new Set([f.cb6.id]));
    expect(await search('678')).toEqual(new Set()); // fewer than 4 digits never match phones
    expect(await search('%')).toEqual(new Set()); // LIKE wildcards are escaped
    expect(await search('_')).toEqual(new Set());
  });

  it('sorts', async () => {
    const f = await listFixture();
    const { h } = f;
    const sorted = async (sort: string, direction = 'asc') => ids(await list(h, { filter: { status: 'all' }, sort, direction }));
    // queue: overdue first, then priority, then created
    expect(await sorted('queue')).toEqual([f.cb2.id, f.cb1.id, f.cb6.id, f.cb7.id, f.cb3.id, f.cb4.id, f.cb5.id]);
    expect(await sorted('queue', 'desc')).toEqual([f.cb5.id, f.cb4.id, f.cb3.id, f.cb7.id, f.cb6.id, f.cb1.id, f.cb2.id]);
    expect(await sorted('created')).toEqual([f.cb7.id, f.cb5.id, f.cb2.id, f.cb4.id, f.cb3.id, f.cb1.id, f.cb6.id]);
    expect(await sorted('created', 'desc')).toEqual([f.cb6.id, f.cb1.id, f.cb3.id, f.cb4.id, f.cb2.id, f.cb5.id, f.cb7.id]);
    const byDue = await sorted('due');
    expect(byDue.slice(0, 2)).toEqual([f.cb2.id, f.cb4.id]); // due times first, nulls last
    const byPriority = await list(h, { filter: { status: 'all' }, sort: 'priority' });
    expect(byPriority.rows.map((r) => r.priority)).toEqual([1, 1, 2, 2, 3, 4, 5]);
    const byAttempts = await list(h, { filter: { status: 'all' }, sort: 'attempts', direction: 'desc' });
    expect(byAttempts.rows.slice(0, 2).map((r) => [r.id, r.attempts])).toEqual([
      [f.cb3.id, 2],
      [f.cb4.id, 1],
    ]);
    const byName = await list(h, { filter: { status: 'all' }, sort: 'name' });
    expect(byName.rows.slice(0, 2).map((r) => r.customerName)).toEqual(['amy', 'Chen Jing']); // NOCASE
  });

  it('pages with a stable total', async () => {
    const f = await listFixture();
    const { h } = f;
    const all = ids(await list(h, { filter: { status: 'all' }, sort: 'created' }));
    const pages: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await list(h, { filter: { status: 'all' }, sort: 'created', offset, limit: 3 });
      expect(page.total).toBe(7);
      expect(page.offset).toBe(offset);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(all);
    const past = await list(h, { filter: { status: 'all' }, offset: 10, limit: 3 });
    expect(past).toEqual({ rows: [], total: 7, offset: 10 });
    expect((await h.err('queue.list', { limit: 0 })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { limit: 501 })).code).toBe('BAD_INPUT');
    expect((await h.err('queue.list', { offset: -1 })).code).toBe('BAD_INPUT');
  });

  it('mine lists the callback this agent holds', async () => {
    const f = await listFixture();
    const { h } = f;
    expect((await list(h, { filter: { status: 'all', mine: true } })).total).toBe(0);
    await h.ok('callbacks.take', { id: f.cb6.id });
    const mine = await list(h, { filter: { status: 'all', mine: true } });
    expect(mine.rows.map((r) => [r.id, r.leasedByMe])).toEqual([[f.cb6.id, true]]);
  });
});

const ids = (p: QueuePage) => p.rows.map((r) => r.id);

describe('CSV import', () => {
  const header = ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'];

  it('reports good, invalid, duplicate and blank rows; commits the good ones once', async () => {
    const { h, me } = await ready();
    const existing = seedCustomer(h.db, { name: '老客户', phone: '+8613800000009' });
    const openOne = seedCallback(h.db, existing.id, { reason: 'satisfaction', dueAt: null });
    const text =
      csv(header, [
        ['138 0000 0001', '张三', 'complaint_followup', '2026-11-24 10:00', '1', '', '客户要求上午回电'],
        ['13800000002', '李四', '满意度回访', '', '2', 'Asia/Shanghai', 'note, with comma'],
        ['+1 213 373 4253', 'Amy', 'complaint_followup', '', '', 'America/Los_Angeles', ''],
      ]) +
      '\n' + // a blank line
      csv(header, [
        ['12345', '坏号码', 'complaint_followup', '', '', '', ''],
        ['13800000004', '坏原因', 'sales_pitch', '', '', '', ''],
        ['13800000005', '坏时间', 'winback', '2026-13-45 99:00', '', '', ''],
        ['13800000009', '老客户', 'satisfaction', '', '3', '', ''],
      ]).split('\n').slice(1).join('\n');
    const job = await h.ok<{ jobId: string; phase: string }>('imports.start', { fileName: 'list.csv', contentBase64: b64(text) });
    expect(['parsing', 'validating', 'ready']).toContain(job.phase);
    const ready2 = await waitForImport(h, job.jobId);
    expect(ready2.phase).toBe('ready');
    expect(ready2.report).toMatchObject({ encoding: 'utf-8', totalRows: 7, valid: 3, duplicates: 1, invalid: 3, blankLines: 1 });
    expect(ready2.report.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [6, 'invalid_phone'],
      [7, 'invalid_reason'],
      [8, 'invalid_due_at'],
    ]);
    expect(count(h.db, 'callbacks')).toBe(1); // nothing written before commit
    // The zone list is cached now; it only knows Shanghai.
    expect(ids(await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } }))).toEqual([openOne.id]);

    const done = await h.ok<{ phase: string; batchId: string; imported: number; duplicates: number }>('imports.commit', { jobId: job.jobId });
    expect(done).toMatchObject({ phase: 'done', imported: 3, duplicates: 1 });
    const imported = rows<Record<string, unknown>>(
      h.db,
      `SELECT c.phone, c.name, c.timezone, cb.reason, cb.priority, cb.due_at, cb.notes, cb.source, cb.state, cb.created_at
         FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE cb.import_batch_id = ? ORDER BY c.phone`,
      done.batchId,
    );
    expect(imported).toEqual([
      { phone: '+12133734253', name: 'Amy', timezone: 'America/Los_Angeles', reason: 'complaint_followup', priority: 3, due_at: null, notes: '', source: 'import', state: 'open', created_at: T0 },
      { phone: '+8613800000001', name: '张三', timezone: 'Asia/Shanghai', reason: 'complaint_followup', priority: 1, due_at: at('2026-11-24T10:00:00+08:00'), notes: '客户要求上午回电', source: 'import', state: 'open', created_at: T0 },
      { phone: '+8613800000002', name: '李四', timezone: 'Asia/Shanghai', reason: 'satisfaction', priority: 2, due_at: null, notes: 'note, with comma', source: 'import', state: 'open', created_at: T0 },
    ]);
    expect(count(h.db, 'callbacks', 'customer_id = ?', existing.id)).toBe(1);
    expect(cbRow(h, openOne.id).import_batch_id).toBeNull();
    expect(rows(h.db, 'SELECT * FROM import_batches')).toEqual([
      { id: done.batchId, file_name: 'list.csv', created_at: T0, created_by: me.id, total_rows: 7, imported: 3, duplicates: 1, invalid: 3 },
    ]);
    expect(lastOutbox(h).name).toBe('imports.commit');
    const batches = await h.ok<{ id: string; createdByName: string; imported: number }[]>('imports.list');
    expect(batches).toEqual([
      { id: done.batchId, fileName: 'list.csv', createdAt: T0, createdByName: '王芳', totalRows: 7, imported: 3, duplicates: 1, invalid: 3 },
    ]);

    // The new LA customer's zone is picked up at once (no stale zone cache): LA is at 18:00, callable.
    const callable = await h.ok<QueuePage>('queue.list', { filter: { status: 'callable' } });
    const amy = imported[0]!;
    expect(callable.rows.map((r) => r.customerName).sort()).toEqual(['Amy', '李四', '老客户'].sort());
    expect(amy.name).toBe('Amy');

    const hash = contentHash(h.db);
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(hash);
  });

  it('a file with no valid rows cannot be committed; a file without the required columns fails the job', async () => {
    const { h } = await ready();
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'bad.csv', contentBase64: b64(csv(header, [['1', 'x', 'nope', '', '', '', '']])) });
    const r = await waitForImport(h, job.jobId);
    expect(r.report).toMatchObject({ totalRows: 1, valid: 0, invalid: 1 });
    const hash = contentHash(h.db);
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);

    const job2 = await h.ok<{ jobId: string }>('imports.start', { fileName: 'cols.csv', contentBase64: b64('foo,bar\n1,2\n') });
    const r2 = await waitForImport(h, job2.jobId);
    expect(r2).toMatchObject({ phase: 'failed', error: { code: 'BAD_INPUT' } });
    expect((await h.err('imports.commit', { jobId: job2.jobId })).code).toBe('CONFLICT');
    expect((await h.err('imports.status', { jobId: '0190f5c0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(contentHash(h.db)).toBe(hash);
  });

  it('a cancelled job is gone', async () => {
    const { h } = await ready();
    const job = await h.ok<{ jobId: string }>('imports.start', { fileName: 'a.csv', contentBase64: b64(csv(header, [['13800000001', 'a', 'care', '', '', '', '']])) });
    await waitForImport(h, job.jobId);
    expect(await h.ok('imports.cancel', { jobId: job.jobId })).toEqual({ cancelled: true });
    expect((await h.err('imports.commit', { jobId: job.jobId })).code).toBe('NOT_FOUND');
    expect(count(h.db, 'callbacks')).toBe(0);
  });
});

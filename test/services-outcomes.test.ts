import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, OutcomeResult, QueuePage } from '../core/contract/views';
import { FOREVER, type Disposition } from '../core/domain/model';
import { cleanup, contentHash, count, DAY, HOUR, MIN, row, rows, seedCallback, seedCustomer, T0 } from './helpers';
import { at, cbRow, cuRow, lastOutbox, outcome, ready, record, startCallAt } from './services-helpers';

afterEach(cleanup);

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
      const result = await record<OutcomeResult>(h, outcome(cb.id, d));
      expect(result).toEqual({ callbackId: cb.id, attemptId: expect.any(String), state: 'closed', outcome: expectedOutcome, nextDueAt: null, cancelledCallbacks: 0 });
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
          id: result.attemptId,
          callback_id: cb.id,
          customer_id: cu.id,
          agent_id: me.id,
          started_at: T0 - 3 * MIN,
          ended_at: T0 - 2 * MIN,
          disposition: d,
          notes: `note ${d}`,
          callback_at: null,
          survey_skip_reason: d === 'reached' ? '客户时间不便' : null,
          reason: 'complaint_followup',
          lease_conflict: null,
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
      const result = await record<OutcomeResult>(h, outcome(cb.id, d));
      const due = T0 - 3 * MIN + 27 * HOUR;
      expect(result).toEqual({ callbackId: cb.id, attemptId: expect.any(String), state: 'open', outcome: null, nextDueAt: due, cancelledCallbacks: 0 });
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
      const r = await record<OutcomeResult>(h, outcome(cb.id, seq[i]!, {}, start));
      if (i < 2) {
        expect(r).toMatchObject({ state: 'open', nextDueAt: start + 27 * HOUR });
        // Not callable before the retry time; callable at it.
        h.setNow(start + 27 * HOUR - MIN);
        expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
        h.setNow(start + 27 * HOUR);
        expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
        start = start + 27 * HOUR;
      } else {
        expect(r).toEqual({ callbackId: cb.id, attemptId: expect.any(String), state: 'closed', outcome: 'unreachable', nextDueAt: null, cancelledCallbacks: 0 });
      }
    }
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'closed', outcome: 'unreachable', attempts: 3, failed_attempts: 3 });
    expect(rows<{ disposition: string }>(h.db, 'SELECT disposition FROM call_attempts ORDER BY started_at').map((r) => r.disposition)).toEqual(seq);
  });

  it('callback_later reschedules to the agreed time', async () => {
    const { h, cb } = await oneCallback();
    const later = at('2026-11-24T15:00:00+08:00');
    const result = await record<OutcomeResult>(h, outcome(cb.id, 'callback_later', { callbackAt: later }));
    expect(result).toEqual({ callbackId: cb.id, attemptId: expect.any(String), state: 'open', outcome: null, nextDueAt: later, cancelledCallbacks: 0 });
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'open', due_at: later, attempts: 1, failed_attempts: 0, lease_agent_id: null });
    expect(row(h.db, 'SELECT callback_at FROM call_attempts')).toEqual({ callback_at: later });
    h.setNow(later);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb.id);
  });

  it('wrong_number marks the phone bad, which blocks the customer’s other callbacks without closing them', async () => {
    const { h, cu, cb } = await oneCallback();
    const other = seedCallback(h.db, cu.id, { reason: 'satisfaction' });
    await record(h, outcome(cb.id, 'wrong_number'));
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
    const result = await record<OutcomeResult>(h, outcome(called.id, 'dnc_requested', { dncExpiresAt: expires }));
    expect(result).toEqual({ callbackId: called.id, attemptId: expect.any(String), state: 'closed', outcome: 'dnc_requested', nextDueAt: null, cancelledCallbacks: 3 });

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
    await record(h, outcome(cb.id, 'dnc_requested', { dncExpiresAt: null }));
    expect(cuRow(h, cu.id).dnc_until).toBe(FOREVER);
    expect(row(h.db, 'SELECT expires_at FROM dnc_entries')).toEqual({ expires_at: null });
    const detail = await h.ok<CallbackDetail>('callbacks.get', { id: cb.id });
    expect(detail.customer.dnc).toEqual({ until: null, forever: true });
  });
});

describe('recording late', () => {
  it('a call started more than 4 hours ago cannot be recorded (it would dodge the contact cap)', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    const afternoon = at('2026-11-23T16:00:00+08:00');
    await startCallAt(h, cb.id, afternoon - 4 * HOUR - MIN);
    h.setNow(afternoon);
    const hash = contentHash(h.db);
    const e = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, afternoon - 4 * HOUR - MIN));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toEqual({ field: 'startedAt' });
    expect(contentHash(h.db)).toBe(hash);
    // Pressing "start call" again begins a new call, which can be recorded.
    await startCallAt(h, cb.id);
    await h.ok('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, afternoon));
    expect(row<{ started_at: number }>(h.db, 'SELECT started_at FROM call_attempts WHERE callback_id = ?', cb.id)!.started_at).toBe(afternoon);
    expect(cbRow(h, cb.id).outcome).toBe('completed');
  });
});

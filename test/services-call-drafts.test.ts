import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, CallDraftView, OutcomeResult } from '../core/contract/views';
import { cleanup, contentHash, count, DAY, HOUR, makeHarness, MIN, row, rows, seedCallback, seedCustomer, T0 } from './helpers';
import { cbRow, cuRow, outcome, ready } from './services-helpers';

afterEach(cleanup);

const SEC = 1000;

describe('a call in progress survives a reload (issue 11, item 2)', () => {
  it('the start is recorded when it happens; notes and the outcome are kept; the attempt runs from the FIRST start', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).draft).toBeNull();
    expect(await h.ok('callbacks.startCall', { id: cb.id })).toEqual({ startedAt: T0 });

    // The agent picks an outcome and types notes: saved as they go, on this console only.
    h.advance(20 * SEC);
    const synced = contentHash(h.db);
    const saved = await h.ok<CallDraftView>('callbacks.saveDraft', { callbackId: cb.id, disposition: 'reached', notes: '客户确认问题已解决' });
    expect(saved).toEqual({ startedAt: T0, disposition: 'reached', notes: '客户确认问题已解决', updatedAt: T0 + 20 * SEC });
    expect(contentHash(h.db)).toBe(synced); // nothing synced, nothing in the outbox
    // A field left out keeps its value.
    await h.ok('callbacks.saveDraft', { callbackId: cb.id, notes: '客户确认问题已解决，满意' });

    // Reload, even a restart of the back end: "continue" gives the call back as it was.
    h.backend.close();
    const again = makeHarness({ dataDir: h.dataDir, now: T0 + 30 * SEC });
    again.actAs(me.id);
    const resumed = await again.ok<CallbackDetail>('queue.takeNext');
    expect(resumed.callback.id).toBe(cb.id);
    expect(resumed.draft).toEqual({ startedAt: T0, disposition: 'reached', notes: '客户确认问题已解决，满意', updatedAt: T0 + 20 * SEC });
    expect((await again.ok<CallbackDetail>('callbacks.get', { id: cb.id })).draft?.startedAt).toBe(T0);

    // Pressing "start call" again keeps the first start.
    expect(await again.ok('callbacks.startCall', { id: cb.id })).toEqual({ startedAt: T0 });
    again.advance(10 * SEC);
    // The reloaded screen only knows its own second start: the attempt still runs from the first.
    await again.ok<OutcomeResult>('callbacks.recordOutcome', outcome(cb.id, 'reached', { notes: '客户确认问题已解决，满意' }, T0 + 36 * SEC));
    const attempt = row<{ started_at: number; ended_at: number }>(again.db, 'SELECT started_at, ended_at FROM call_attempts WHERE callback_id = ?', cb.id)!;
    expect(attempt.started_at).toBe(T0);
    expect(count(again.db, 'call_drafts')).toBe(0);
    // The draft never reached the outbox.
    expect(rows<{ args: string }>(again.db, 'SELECT args FROM outbox').some((o) => o.args.includes('客户确认问题已解决，满意') && !o.args.includes('attemptId'))).toBe(false);
  });

  it('saveDraft needs the lease: a colleague, a closed or an unknown callback are refused and write nothing', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const mine = seedCallback(h.db, cu.id);
    const other = seedCallback(h.db, seedCustomer(h.db).id);
    await h.ok('callbacks.take', { id: mine.id });
    expect((await h.err('callbacks.saveDraft', { callbackId: other.id, notes: 'x' })).code).toBe('LEASE_LOST');
    expect((await h.err('callbacks.saveDraft', { callbackId: '0190f5c0-0000-7000-8000-000000000000', notes: 'x' })).code).toBe('NOT_FOUND');
    expect((await h.err('callbacks.saveDraft', { callbackId: mine.id, disposition: 'hung_up' })).code).toBe('BAD_INPUT');
    expect((await h.err('callbacks.saveDraft', { callbackId: mine.id, notes: 'n'.repeat(2001) })).code).toBe('BAD_INPUT');
    expect(count(h.db, 'call_drafts')).toBe(0);
  });

  it('a start too old to be recorded is replaced by the next start', async () => {
    const { h } = await ready();
    const cb = seedCallback(h.db, seedCustomer(h.db).id);
    await h.ok('callbacks.startCall', { id: cb.id });
    h.advance(5 * HOUR);
    expect(await h.ok('callbacks.startCall', { id: cb.id })).toEqual({ startedAt: T0 + 5 * HOUR });
  });
});

describe('the contact caps cannot be sidestepped (issue 11, item 3)', () => {
  it('an outcome without a started call is refused, with the field, and writes nothing', async () => {
    const { h } = await ready();
    const cb = seedCallback(h.db, seedCustomer(h.db).id);
    await h.ok('queue.takeNext');
    const hash = contentHash(h.db);
    for (const d of ['no_answer', 'reached', 'busy', 'voicemail', 'wrong_number', 'refused', 'dnc_requested'] as const) {
      const e = await h.err('callbacks.recordOutcome', outcome(cb.id, d, {}, T0));
      expect(e, d).toMatchObject({ code: 'BAD_INPUT', details: { field: 'startedAt', reason: 'call_not_started' } });
    }
    const later = await h.err('callbacks.recordOutcome', outcome(cb.id, 'callback_later', { callbackAt: T0 + DAY }, T0));
    expect(later.details).toMatchObject({ field: 'startedAt' });
    expect(contentHash(h.db)).toBe(hash);
    expect(count(h.db, 'call_attempts')).toBe(0);
  });

  it('releasing a started call records an unanswered attempt that counts toward the caps; releasing before the call records none', async () => {
    const { h, me } = await ready();
    const cu = seedCustomer(h.db);
    const a = seedCallback(h.db, cu.id, { reason: 'complaint_followup', createdAt: T0 - 3 * DAY });
    const b = seedCallback(h.db, cu.id, { reason: 'satisfaction', createdAt: T0 - 2 * DAY });
    const c = seedCallback(h.db, cu.id, { reason: 'complaint_followup', createdAt: T0 - DAY });

    // Taken and let go before any call: no attempt.
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(a.id);
    expect(await h.ok('callbacks.release', { id: a.id })).toEqual({ released: true });
    expect(count(h.db, 'call_attempts')).toBe(0);

    // Started, notes typed, then "放弃并退回": the dial is an attempt.
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(a.id);
    await h.ok('callbacks.startCall', { id: a.id });
    await h.ok('callbacks.saveDraft', { callbackId: a.id, notes: '响了两声被挂断' });
    h.advance(40 * SEC);
    expect(await h.ok('callbacks.release', { id: a.id })).toEqual({ released: true });
    const first = row<Record<string, unknown>>(h.db, 'SELECT * FROM call_attempts WHERE callback_id = ?', a.id)!;
    expect(first).toMatchObject({ agent_id: me.id, disposition: 'no_answer', started_at: T0, ended_at: T0 + 40 * SEC, notes: '放弃并退回 · 响了两声被挂断' });
    expect(row(h.db, `SELECT name FROM outbox WHERE name = 'attempts.record'`)).toEqual({ name: 'attempts.record' });
    expect(cbRow(h, a.id)).toMatchObject({ state: 'open', attempts: 1, failed_attempts: 1, lease_agent_id: null });
    expect(count(h.db, 'call_drafts')).toBe(0);

    // Taking another callback hands a started one back the same way (the agent had picked "busy").
    h.advance(HOUR);
    await h.ok('callbacks.take', { id: b.id });
    await h.ok('callbacks.startCall', { id: b.id });
    await h.ok('callbacks.saveDraft', { callbackId: b.id, disposition: 'busy' });
    h.advance(MIN);
    const elsewhere = seedCallback(h.db, seedCustomer(h.db).id);
    await h.ok('callbacks.take', { id: elsewhere.id });
    expect(row(h.db, 'SELECT disposition, notes FROM call_attempts WHERE callback_id = ?', b.id)).toEqual({ disposition: 'busy', notes: '放弃并退回' });
    // Two dials in 24 h: the cap now blocks a third call to this customer.
    expect(cuRow(h, cu.id).cap_until).toBe(T0 + DAY);
    expect(cbRow(h, b.id)).toMatchObject({ attempts: 1, failed_attempts: 1, lease_agent_id: null });
    expect((await h.err('callbacks.startCall', { id: c.id })).code).toBe('COMPLIANCE_BLOCKED');
  });
});

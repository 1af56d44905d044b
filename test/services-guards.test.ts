import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackDetail, OutcomeResult, QueuePage, SessionInfo } from '../core/contract/views';
import { FOREVER } from '../core/domain/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { cleanup, contentHash, count, counts, createUser, DAY, HOUR, MIN, seedCallback, seedCustomer, switchTo, T0 } from './helpers';
import { at, cbRow, cuRow, outcome, ready, record, startCallAt } from './services-helpers';

afterEach(cleanup);

describe('the compliance guard at record time', () => {
  it('a call started outside the customer window is refused and nothing is written', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T21:30:00+08:00'));
    const before = counts(h.db);
    const hash = contentHash(h.db);
    // The guard runs when the call starts: a call cannot be started outside the window ...
    const e = await h.err('callbacks.startCall', { id: cb.id });
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect(e.details).toEqual({
      blocks: [{ reason: 'outside_window', until: at('2026-11-24T09:00:00+08:00'), localTime: '2026-11-23 21:30' }],
    });
    // ... and an outcome claiming such a call is refused: it was never started.
    h.setNow(at('2026-11-23T21:35:00+08:00'));
    const never = await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T21:30:00+08:00')));
    expect(never).toMatchObject({ code: 'BAD_INPUT', details: { field: 'startedAt', reason: 'call_not_started' } });
    expect(counts(h.db)).toEqual(before);
    expect(contentHash(h.db)).toBe(hash);
    expect(cbRow(h, cb.id)).toMatchObject({ state: 'open', attempts: 0 });
  });

  it('a call started inside the window may be recorded after it closes', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T21:05:00+08:00'));
    const r = await record<OutcomeResult>(h, outcome(cb.id, 'reached', {}, at('2026-11-23T20:58:00+08:00')));
    expect(r.state).toBe('closed');
  });

  it('an LA customer at Shanghai 14:00 (LA 22:00) is refused; at Shanghai noon (LA 20:00) accepted', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db, { timezone: 'America/Los_Angeles' });
    const cb = seedCallback(h.db, cu.id);
    h.setNow(at('2026-11-23T14:00:00+08:00'));
    const e = await h.err('callbacks.startCall', { id: cb.id });
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    h.setNow(at('2026-11-23T14:01:00+08:00'));
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached', {}, at('2026-11-23T14:00:00+08:00')))).code).toBe('BAD_INPUT');
    expect(count(h.db, 'call_attempts')).toBe(0);
    await record(h, outcome(cb.id, 'reached', {}, at('2026-11-23T12:00:00+08:00')));
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
  // The guard at the start refuses these calls outright; here the fact arrives (by sync, say) after the call
  // started, so only the guard at record time, at the instant the call started, can refuse the outcome.
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const changeRow = (h: Awaited<ReturnType<typeof ready>>['h'], table: string, id: string, change: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(change)) h.db.$client.prepare(`UPDATE ${table} SET ${snake(k)} = ? WHERE id = ?`).run(v, id);
  };
  for (const r of refusals) {
    it(`refuses: ${r.name}`, async () => {
      const { h } = await ready();
      const cu = seedCustomer(h.db);
      const { reason, ...later } = r.callback as { reason?: 'winback' };
      const cb = seedCallback(h.db, cu.id, reason ? { reason } : {});
      await startCallAt(h, cb.id, T0 - 3 * MIN);
      changeRow(h, 'customers', cu.id, r.customer as Record<string, unknown>);
      changeRow(h, 'callbacks', cb.id, later);
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
    await record(h, outcome(cb.id, 'reached'));
  });

  it('bad times and ids', async () => {
    const { h } = await ready();
    const cu = seedCustomer(h.db);
    const cb = seedCallback(h.db, cu.id);
    // Without a started call, no outcome; with one, bad times are still refused.
    expect((await h.err('callbacks.recordOutcome', outcome(cb.id, 'reached'))).details).toEqual({ field: 'startedAt', reason: 'call_not_started' });
    await startCallAt(h, cb.id);
    const hash = contentHash(h.db);
    expect((await h.err('callbacks.recordOutcome', { ...outcome(cb.id, 'reached'), endedAt: T0 + 2 * MIN })).code).toBe('BAD_INPUT');
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
    await record(h, outcome(cb1.id, 'reached', {}, first));
    expect(cuRow(h, cu.id).cap_until).toBeNull();

    h.advance(HOUR);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb2.id);
    await record(h, outcome(cb2.id, 'reached', {}, T0 + 55 * MIN));
    expect(cuRow(h, cu.id).cap_until).toBe(first + DAY);

    const list = await h.ok<QueuePage>('queue.list', { filter: { status: 'open' } });
    expect(list.rows.map((r) => [r.id, r.callable, r.blocks])).toEqual([[cb3.id, false, [{ reason: 'contact_cap', until: first + DAY, localTime: null }]]]);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    expect((await h.err('callbacks.take', { id: cb3.id })).code).toBe('COMPLIANCE_BLOCKED');
    const hash = contentHash(h.db);
    // The third call cannot be started, so no outcome can be recorded for it.
    const e = await h.err('callbacks.startCall', { id: cb3.id });
    expect(e.code).toBe('COMPLIANCE_BLOCKED');
    expect((e.details!.blocks as { reason: string; until: number }[]).map((b) => [b.reason, b.until])).toEqual([['contact_cap', first + DAY]]);
    expect((await h.err('callbacks.recordOutcome', outcome(cb3.id, 'reached', {}, T0 + 58 * MIN))).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(hash);

    h.setNow(first + DAY - 1);
    expect((await h.err('queue.takeNext')).code).toBe('NOTHING_CALLABLE');
    h.setNow(first + DAY);
    expect((await h.ok<CallbackDetail>('queue.takeNext')).callback.id).toBe(cb3.id);
    await record(h, outcome(cb3.id, 'reached', {}, first + DAY));
    // attempts at first+1h05, first+24h → 2 in 24 h again until the second is 24 h old
    expect(cuRow(h, cu.id).cap_until).toBe(T0 + 55 * MIN + DAY);
  });
});

describe('callback_later guard', () => {
  async function arranged(tz: string) {
    const { h } = await ready();
    const cu = seedCustomer(h.db, { timezone: tz });
    const cb = seedCallback(h.db, cu.id);
    await startCallAt(h, cb.id, T0 - 3 * MIN);
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
    const ok = await record<OutcomeResult>(h, outcome(cb.id, 'callback_later', { callbackAt: at('2026-11-24T03:00:00+08:00') }));
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

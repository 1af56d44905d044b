import { beforeEach, describe, expect, it } from 'vitest';
import { FOREVER } from '../core/domain/model';
import type { Disposition } from '../core/domain/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { MutationArgs } from '../core/sync/mutations';
import { AGENT, DAY, HOUR, MIN, OTHER_AGENT, openStore, parsed, seedCallback, seedCustomer, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * Leases and recorded calls. The compliance guard runs again when a call is applied, at the instant it
 * started, so a stale queue cannot produce a non-compliant call; the call's own times must be credible;
 * two agents working one callback keep both calls as facts; every call counts toward the contact cap.
 */

let n = 0;
const next = () => uid(70_000 + ++n);

let s: Store;
let customer: string;
beforeEach(() => {
  s = withTeam(openStore());
  customer = seedCustomer(s).id;
});

type Attempt = MutationArgs<'attempts.record'>;
const attempt = (callbackId: string, over: Partial<Attempt> = {}): Attempt => ({
  attemptId: next(),
  callbackId,
  agentId: AGENT,
  startedAt: T,
  endedAt: T + 2 * MIN,
  disposition: 'no_answer',
  notes: '',
  callbackAt: null,
  dncEntryId: null,
  dncExpiresAt: null,
  recordedAt: T + 3 * MIN,
  surveySkipReason: null,
  ...over,
});
const callbackRow = (id: string) =>
  s.row<Record<string, unknown>>(
    `SELECT state, outcome, attempts, failed_attempts AS failed, due_at AS due, closed_at AS closedAt, lease_agent_id AS lease FROM callbacks WHERE id = ?`,
    id,
  )!;
const customerRow = () => s.row<Record<string, unknown>>(`SELECT phone_status AS phone, dnc_until AS dnc, cap_until AS cap FROM customers WHERE id = ?`, customer)!;

describe('callbacks.lease and callbacks.release', () => {
  it('one agent at a time until the lease lapses; a closed or unknown callback is not leased', () => {
    const cb = seedCallback(s, customer).id;
    const lease = (agentId: string, at: number) => s.code('callbacks.lease', { callbackId: cb, agentId, at, expiresAt: at + 15 * MIN });
    expect(lease(AGENT, T)).toBe('applied');
    expect(s.row(`SELECT lease_agent_id AS agent, lease_expires_at AS until FROM callbacks WHERE id = ?`, cb)).toEqual({ agent: AGENT, until: T + 15 * MIN });
    const lost = s.refusal('callbacks.lease', { callbackId: cb, agentId: OTHER_AGENT, at: T + 15 * MIN - 1, expiresAt: T + HOUR });
    expect([lost.code, lost.message, lost.details]).toEqual(['LEASE_LOST', 'Another agent is working this callback.', { until: T + 15 * MIN }]);
    expect(lease(AGENT, T + MIN)).toBe('applied');
    expect(lease(OTHER_AGENT, T + 16 * MIN)).toBe('applied');
    const unknown = s.refusal('callbacks.lease', { callbackId: uid(1), agentId: AGENT, at: T, expiresAt: T + MIN });
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That callback does not exist.']);
    const closed = seedCallback(s, customer, { state: 'closed', outcome: 'completed', closedAt: T - HOUR }).id;
    expect(s.refusal('callbacks.lease', { callbackId: closed, agentId: AGENT, at: T, expiresAt: T + MIN }).message).toBe('That callback is already closed.');
  });

  it('only the holder releases a lease', () => {
    const cb = seedCallback(s, customer, { leaseAgentId: AGENT, leaseExpiresAt: T + HOUR }).id;
    expect(s.apply('callbacks.release', { callbackId: cb, agentId: OTHER_AGENT, at: T })).toBe(false);
    expect(s.apply('callbacks.release', { callbackId: uid(2), agentId: AGENT, at: T })).toBe(false);
    expect(callbackRow(cb).lease).toBe(AGENT);
    expect(s.apply('callbacks.release', { callbackId: cb, agentId: AGENT, at: T })).toBe(true);
    expect(s.row(`SELECT lease_agent_id AS agent, lease_expires_at AS until FROM callbacks WHERE id = ?`, cb)).toEqual({ agent: null, until: null });
  });
});

describe('attempts.record: the call’s own times', () => {
  const refusalOf = (over: Partial<Attempt>) => {
    const r = s.refusal('attempts.record', attempt(seedCallback(s, customer).id, over));
    return [r.code, r.message, r.details];
  };
  const applies = (over: Partial<Attempt>) => s.code('attempts.record', attempt(seedCallback(s, customer).id, over));
  const R = T + 10 * MIN;

  it.each([
    ['starts more than a minute after it was recorded', { startedAt: R + MIN + 1, endedAt: R + 2 * MIN, recordedAt: R }, ['BAD_INPUT', 'The call cannot start or end in the future.', undefined]],
    ['starts more than a minute after it was recorded, whatever its end', { startedAt: R + MIN + 1, endedAt: R, recordedAt: R }, ['BAD_INPUT', 'The call cannot start or end in the future.', undefined]],
    ['ends more than a minute after it was recorded', { startedAt: R - MIN, endedAt: R + MIN + 1, recordedAt: R }, ['BAD_INPUT', 'The call cannot start or end in the future.', undefined]],
    ['ends before it starts', { startedAt: R - MIN, endedAt: R - MIN - 1, recordedAt: R }, ['BAD_INPUT', 'The call cannot end before it starts.', undefined]],
    ['is recorded more than 4 hours after it started', { startedAt: R - 4 * HOUR - 1, endedAt: R - 4 * HOUR, recordedAt: R }, ['BAD_INPUT', 'A call must be recorded within 4 hours of when it started.', { field: 'startedAt' }]],
    ['sets a do-not-call expiry that is not in the future', { disposition: 'dnc_requested', dncExpiresAt: R, recordedAt: R, startedAt: R - MIN, endedAt: R }, ['BAD_INPUT', 'A do-not-call expiry must be in the future.', { field: 'dncExpiresAt' }]],
  ] as const)('a call that %s is refused', (_label, over, expected) => {
    expect(refusalOf(over)).toEqual(expected);
  });

  it('at each limit it is accepted: a minute of clock skew, ending as it starts, recorded 4 hours on', () => {
    expect(applies({ startedAt: R + MIN, endedAt: R + MIN, recordedAt: R })).toBe('applied');
    expect(applies({ startedAt: R - MIN, endedAt: R + MIN, recordedAt: R })).toBe('applied');
    expect(applies({ startedAt: T, endedAt: T, recordedAt: T + 4 * HOUR })).toBe('applied');
  });

  it('an agreed callback time must be in the future, within 60 days, inside the customer’s calling window', () => {
    const later = (callbackAt: number | null) => ({ disposition: 'callback_later' as const, callbackAt, startedAt: T, endedAt: T + MIN, recordedAt: T + MIN });
    const future = ['BAD_INPUT', 'Pick a callback time in the future.', { field: 'callbackAt' }];
    expect(refusalOf(later(null))).toEqual(future);
    expect(refusalOf(later(T + MIN))).toEqual(future);
    expect(refusalOf(later(T + MIN + 60 * DAY + 1))).toEqual(['BAD_INPUT', 'Pick a callback time within 60 days.', { field: 'callbackAt' }]);
    expect(applies(later(T + MIN + 60 * DAY))).toBe('applied');
    const night = Date.parse('2026-12-08T22:00:00+08:00');
    expect(refusalOf(later(night))).toEqual(['BAD_INPUT', 'That time is outside the customer’s calling window. Pick another time.', { field: 'callbackAt', reason: 'outside_window', localTime: '2026-12-08 22:00' }]);
    const cb = seedCallback(s, customer).id;
    const due = Date.parse('2026-12-08T15:00:00+08:00');
    expect(s.apply('attempts.record', attempt(cb, later(due)))).toMatchObject({ state: 'open', nextDueAt: due });
    expect(callbackRow(cb)).toMatchObject({ state: 'open', due, attempts: 1, failed: 0 });
  });
});

describe('attempts.record: what a call does', () => {
  it.each([
    ['reached', { state: 'closed', outcome: 'completed', failed: 0 }, { phone: 'ok', dnc: null }],
    ['no_answer', { state: 'open', outcome: null, failed: 1, due: T + DEFAULT_SETTINGS.retrySpacingMinutes * MIN }, { phone: 'ok', dnc: null }],
    ['wrong_number', { state: 'closed', outcome: 'wrong_number', failed: 0 }, { phone: 'bad', dnc: null }],
    ['refused', { state: 'closed', outcome: 'refused', failed: 0 }, { phone: 'ok', dnc: null }],
    ['dnc_requested', { state: 'closed', outcome: 'dnc_requested', failed: 0 }, { phone: 'ok', dnc: FOREVER }],
  ] as [Disposition, Record<string, unknown>, Record<string, unknown>][])('%s', (disposition, callback, customerAfter) => {
    const cb = seedCallback(s, customer).id;
    const a = attempt(cb, { disposition, surveySkipReason: 'customer_busy' });
    const result = s.apply('attempts.record', a);
    expect(callbackRow(cb)).toMatchObject({ ...callback, attempts: 1, closedAt: callback.state === 'closed' ? a.recordedAt : null });
    expect(result).toEqual({ state: callback.state, outcome: callback.outcome, nextDueAt: callback.due ?? null, cancelledCallbacks: 0 });
    expect(customerRow()).toMatchObject(customerAfter);
    const stored = s.row(`SELECT agent_id AS agent, started_at AS started, disposition, survey_skip_reason AS skip, lease_conflict AS conflict FROM call_attempts WHERE id = ?`, a.attemptId);
    expect(stored).toEqual({ agent: AGENT, started: T, disposition, skip: disposition === 'reached' ? 'customer_busy' : null, conflict: null });
  });

  it('the third unanswered call closes the callback as unreachable', () => {
    const cb = seedCallback(s, customer, { attempts: 2, failedAttempts: 2 }).id;
    expect(s.apply('attempts.record', attempt(cb))).toMatchObject({ state: 'closed', outcome: 'unreachable', nextDueAt: null });
  });

  it('a do-not-call request lists the number until the expiry given (never shortening one), audits it and cancels the marketing callbacks', () => {
    const cb = seedCallback(s, customer).id;
    const service = seedCallback(s, customer, { reason: 'complaint_followup' }).id;
    const marketing = [seedCallback(s, customer, { reason: 'winback' }).id, seedCallback(s, customer, { reason: 'care' }).id];
    const until = T + 30 * DAY;
    const a = attempt(cb, { disposition: 'dnc_requested', dncEntryId: next(), dncExpiresAt: until });
    expect(s.apply('attempts.record', a).cancelledCallbacks).toBe(2);
    expect(marketing.map((id) => callbackRow(id))).toEqual(marketing.map(() => expect.objectContaining({ state: 'closed', outcome: 'cancelled_dnc', closedAt: a.recordedAt })));
    expect(callbackRow(service)).toMatchObject({ state: 'open' });
    expect(s.row(`SELECT id, customer_id AS customer, source, created_by AS by, expires_at AS until FROM dnc_entries`)).toEqual({ id: a.dncEntryId, customer, source: 'agent', by: AGENT, until });
    const audit = s.row<{ action: string; actor_id: string; subject_id: string; details: string }>(`SELECT action, actor_id, subject_type || ':' || subject_id AS subject_id, details FROM audit_log WHERE id = ?`, a.dncEntryId);
    // Filed under the customer.
    expect({ ...audit, details: parsed(audit!.details) }).toEqual({ action: 'dnc.added', actor_id: AGENT, subject_id: `customer:${customer}`, details: { customerId: customer, until, source: 'agent' } });
    expect(customerRow().dnc).toBe(until);
    // A shorter listing later keeps the longer one (a service call may still reach a listed customer).
    const listed = seedCustomer(s, { dncUntil: T + 90 * DAY });
    s.apply('attempts.record', attempt(seedCallback(s, listed.id).id, { disposition: 'dnc_requested', dncExpiresAt: until }));
    expect(s.row(`SELECT dnc_until AS dnc FROM customers WHERE id = ?`, listed.id)).toEqual({ dnc: T + 90 * DAY });
    // Without an entry id the attempt's id names the entry.
    const c = attempt(seedCallback(s, seedCustomer(s).id).id, { disposition: 'dnc_requested' });
    s.apply('attempts.record', c);
    expect(s.row(`SELECT expires_at AS until FROM dnc_entries WHERE id = ?`, c.attemptId)).toEqual({ until: null });
  });

  it('a call from a console whose clock runs a little ahead counts toward the cap from when it started', () => {
    s.apply('attempts.record', attempt(seedCallback(s, customer).id, { startedAt: T - HOUR, endedAt: T - HOUR, recordedAt: T - HOUR }));
    s.apply('attempts.record', attempt(seedCallback(s, customer).id, { startedAt: T + 30_000, endedAt: T + 30_000, recordedAt: T }));
    expect(customerRow().cap).toBe(T - HOUR + DAY);
  });

  it('every call counts toward the customer’s contact cap at once', () => {
    const first = attempt(seedCallback(s, customer).id, { startedAt: T - HOUR, endedAt: T - HOUR + MIN, recordedAt: T - HOUR + MIN });
    s.apply('attempts.record', first);
    expect(customerRow().cap).toBeNull();
    s.apply('attempts.record', attempt(seedCallback(s, customer).id));
    expect(customerRow().cap).toBe(T - HOUR + DAY);
  });
});

describe('attempts.record: the guard at the instant the call started', () => {
  it('a call the guard forbids is refused, naming each block', () => {
    const cb = seedCallback(s, customer).id;
    const night = Date.parse('2026-12-07T22:00:00+08:00');
    const r = s.refusal('attempts.record', attempt(cb, { startedAt: night, endedAt: night + MIN, recordedAt: night + MIN }));
    expect([r.code, r.message]).toEqual(['COMPLIANCE_BLOCKED', 'This call is not allowed: outside_window.']);
    expect(r.details).toEqual({ blocks: [expect.objectContaining({ reason: 'outside_window' })] });
    const unknown = s.refusal('attempts.record', attempt(uid(3)));
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'That callback does not exist.']);
  });

  it('a second outcome for a callback this agent closed is a conflict, not a new call', () => {
    const cb = seedCallback(s, customer).id;
    s.apply('attempts.record', attempt(cb, { disposition: 'reached' }));
    const r = s.refusal('attempts.record', attempt(cb, { disposition: 'reached', startedAt: T + 5 * MIN, endedAt: T + 6 * MIN, recordedAt: T + 6 * MIN }));
    expect([r.code, r.message]).toEqual(['CONFLICT', 'This callback is already closed.']);
  });

  it('a callback closed without any call (cancelled, say) is a conflict too', () => {
    const cb = seedCallback(s, customer, { state: 'closed', outcome: 'cancelled_dnc', closedAt: T - HOUR }).id;
    expect(s.refusal('attempts.record', attempt(cb)).message).toBe('This callback is already closed.');
    expect(s.count('call_attempts')).toBe(0);
  });

  it('a retry this agent dials before their own spacing is over is refused', () => {
    const cb = seedCallback(s, customer).id;
    s.apply('attempts.record', attempt(cb));
    const again = attempt(cb, { startedAt: T + HOUR, endedAt: T + HOUR + MIN, recordedAt: T + HOUR + MIN });
    expect(s.refusal('attempts.record', again).message).toMatch(/^This call is not allowed: .*scheduled_later/);
  });
});

describe('attempts.record: two agents on one callback', () => {
  const conflictAudit = (attemptId: string) => {
    const row = s.row<{ action: string; actor_id: string; subject_type: string; subject_id: string; details: string }>(`SELECT action, actor_id, subject_type, subject_id, details FROM audit_log WHERE id = ?`, attemptId);
    if (!row) return undefined;
    // Filed under the callback.
    expect(row.subject_type).toBe('callback');
    const { subject_type: _type, ...rest } = row;
    return { ...rest, details: parsed(row.details) };
  };

  it('a colleague holds the lease: the call is kept and flagged, the callback is left to them', () => {
    const cb = seedCallback(s, customer, { leaseAgentId: OTHER_AGENT, leaseExpiresAt: T + HOUR }).id;
    const a = attempt(cb, { disposition: 'reached' });
    expect(s.apply('attempts.record', a)).toEqual({ state: 'open', outcome: null, nextDueAt: T - HOUR, cancelledCallbacks: 0, leaseConflict: 'leased_by_other' });
    expect(callbackRow(cb)).toMatchObject({ state: 'open', attempts: 0, lease: OTHER_AGENT });
    expect(s.row(`SELECT lease_conflict AS conflict, survey_skip_reason AS skip FROM call_attempts WHERE id = ?`, a.attemptId)).toEqual({ conflict: 'leased_by_other', skip: null });
    expect(conflictAudit(a.attemptId)).toEqual({
      action: 'attempt.lease_conflict',
      actor_id: AGENT,
      subject_id: cb,
      details: { attemptId: a.attemptId, disposition: 'reached', conflict: 'leased_by_other', holderId: OTHER_AGENT },
    });
    const b = attempt(seedCallback(s, customer, { leaseAgentId: OTHER_AGENT, leaseExpiresAt: T + HOUR }).id, { startedAt: T + 5 * MIN, endedAt: T + 6 * MIN, recordedAt: T + 6 * MIN, surveySkipReason: '没接' });
    s.apply('attempts.record', b);
    expect(s.row(`SELECT survey_skip_reason AS skip FROM call_attempts WHERE id = ?`, b.attemptId)).toEqual({ skip: null });
    // Both calls rang the phone: two in 24 hours reach the default cap.
    expect(customerRow().cap).toBe(T + DAY);
  });

  it('a colleague closed it: the call is kept and flagged, the outcome stays theirs', () => {
    const cb = seedCallback(s, customer).id;
    s.apply('attempts.record', attempt(cb, { agentId: OTHER_AGENT, disposition: 'refused' }));
    const a = attempt(cb, { disposition: 'reached', surveySkipReason: 'none', startedAt: T + MIN, endedAt: T + 2 * MIN, recordedAt: T + 4 * MIN });
    expect(s.apply('attempts.record', a)).toMatchObject({ state: 'closed', outcome: 'refused', leaseConflict: 'closed_by_other' });
    expect(s.row(`SELECT survey_skip_reason AS skip FROM call_attempts WHERE id = ?`, a.attemptId)).toEqual({ skip: 'none' });
    expect(conflictAudit(a.attemptId)?.details).toMatchObject({ conflict: 'closed_by_other', holderId: null });
  });

  it('a colleague’s unanswered call spaced the retry: this call counts in full, flagged', () => {
    const cb = seedCallback(s, customer).id;
    s.apply('attempts.record', attempt(cb, { agentId: OTHER_AGENT }));
    const a = attempt(cb, { disposition: 'reached', startedAt: T + MIN, endedAt: T + 2 * MIN, recordedAt: T + 4 * MIN });
    expect(s.apply('attempts.record', a)).toEqual({ state: 'closed', outcome: 'completed', nextDueAt: null, cancelledCallbacks: 0, leaseConflict: 'rescheduled_by_other' });
    expect(callbackRow(cb)).toMatchObject({ state: 'closed', outcome: 'completed', attempts: 2 });
    expect(s.row(`SELECT lease_conflict AS conflict FROM call_attempts WHERE id = ?`, a.attemptId)).toEqual({ conflict: 'rescheduled_by_other' });
    expect(conflictAudit(a.attemptId)?.details).toMatchObject({ conflict: 'rescheduled_by_other' });
  });

  it('a colleague’s lease does not excuse a call the guard forbids for another reason', () => {
    const night = Date.parse('2026-12-07T22:00:00+08:00');
    const cb = seedCallback(s, customer, { leaseAgentId: OTHER_AGENT, leaseExpiresAt: night + HOUR }).id;
    expect(s.code('attempts.record', attempt(cb, { startedAt: night, endedAt: night + MIN, recordedAt: night + MIN }))).toBe('COMPLIANCE_BLOCKED');
    expect(s.count('call_attempts')).toBe(0);
  });
});

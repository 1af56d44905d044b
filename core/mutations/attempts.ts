import { assessCallability } from '../rules/callability';
import { CAP_LOOKBACK_MS, capBlockedUntil } from '../rules/contact-cap';
import { checkCallingWindow } from '../rules/calling-window';
import { applyDisposition, customerEffects, MAX_CALLBACK_LATER_MS } from '../rules/dispositions';
import { FOREVER } from '../domain/model';
import { AppError } from '../contract/result';
import type { MutationArgs } from '../sync/mutations';
import type { Settings } from '../settings';
import type { Q } from '../store/sql';
import { attemptTimesSince, insertAttempt, insertDnc, lastAttemptAgent } from '../store/attempts';
import { insertAudit } from '../store/audit';
import { cancelOpenCallbacks, closeCallback, getCallback, rescheduleCallback, setLease } from '../store/callbacks';
import { getCustomer, setCapUntil, setDncUntil, setPhoneStatus } from '../store/customers';
import { getSettings } from '../store/settings';
import { toCallbackFacts, toCustomerFacts } from '../domain/facts';
import { settleQuestionnaireOnReached } from './responses';

export function* applyLease(a: MutationArgs<'callbacks.lease'>): Q<void> {
  const callback = yield* getCallback(a.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  if (callback.state !== 'open') throw new AppError('CONFLICT', 'That callback is already closed.');
  if (callback.leaseAgentId && callback.leaseAgentId !== a.agentId && (callback.leaseExpiresAt ?? 0) > a.at) {
    throw new AppError('LEASE_LOST', 'Another agent is working this callback.', { until: callback.leaseExpiresAt });
  }
  yield* setLease(a.callbackId, a.agentId, a.expiresAt);
}

export function* applyRelease(a: MutationArgs<'callbacks.release'>): Q<boolean> {
  const callback = yield* getCallback(a.callbackId);
  if (!callback || callback.leaseAgentId !== a.agentId) return false;
  yield* setLease(a.callbackId, null, null);
  return true;
}

/** Recomputes the customer's contact-cap instant from their real attempt history. */
export function* refreshCap(customerId: string, now: number, settings: Settings): Q<void> {
  const times = yield* attemptTimesSince(customerId, now - CAP_LOOKBACK_MS);
  yield* setCapUntil(customerId, capBlockedUntil(times, now, settings));
}

export interface AttemptApplied {
  state: 'open' | 'closed';
  outcome: string | null;
  nextDueAt: number | null;
  cancelledCallbacks: number;
  /** Set when the call was kept as a fact on a callback a colleague holds or has closed. */
  leaseConflict?: LeaseConflict;
}

/** A call recorded later than this after it started is not credible (and would dodge the contact cap). */
export const MAX_RECORDING_DELAY_MS = 4 * 3_600_000;
const CLOCK_SKEW_MS = 60_000;

/** Checks on the attempt's own times; here rather than in the service so the server re-runs them too. */
function checkAttemptTimes(a: MutationArgs<'attempts.record'>, timezone: string, settings: Settings): void {
  if (a.startedAt > a.recordedAt + CLOCK_SKEW_MS || a.endedAt > a.recordedAt + CLOCK_SKEW_MS) {
    throw new AppError('BAD_INPUT', 'The call cannot start or end in the future.');
  }
  if (a.endedAt < a.startedAt) throw new AppError('BAD_INPUT', 'The call cannot end before it starts.');
  if (a.startedAt < a.recordedAt - MAX_RECORDING_DELAY_MS) {
    throw new AppError('BAD_INPUT', 'A call must be recorded within 4 hours of when it started.', { field: 'startedAt' });
  }
  if (a.disposition === 'callback_later') {
    const at = a.callbackAt;
    if (at === null || at <= a.recordedAt) throw new AppError('BAD_INPUT', 'Pick a callback time in the future.', { field: 'callbackAt' });
    if (at > a.recordedAt + MAX_CALLBACK_LATER_MS) throw new AppError('BAD_INPUT', 'Pick a callback time within 60 days.', { field: 'callbackAt' });
    const window = checkCallingWindow(at, timezone, settings);
    if (!window.allowed) {
      throw new AppError('BAD_INPUT', 'That time is outside the customer’s calling window. Pick another time.', {
        field: 'callbackAt',
        reason: window.reason,
        localTime: window.localTime,
      });
    }
  }
  if (a.dncExpiresAt !== null && a.dncExpiresAt <= a.recordedAt) {
    throw new AppError('BAD_INPUT', 'A do-not-call expiry must be in the future.', { field: 'dncExpiresAt' });
  }
}

/**
 * Records one call attempt. The compliance guard runs again here, at the instant the call started, so
 * a queue that was stale when the agent dialled cannot produce a non-compliant attempt.
 */
export function* applyAttempt(a: MutationArgs<'attempts.record'>): Q<AttemptApplied> {
  const callback = yield* getCallback(a.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const customer = yield* getCustomer(callback.customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'The customer of this callback does not exist.');
  const settings = yield* getSettings();
  checkAttemptTimes(a, customer.timezone, settings);
  const verdict = assessCallability({
    callback: toCallbackFacts(callback),
    customer: toCustomerFacts(customer),
    agentId: a.agentId,
    now: a.startedAt,
    settings,
  });
  // A colleague's unanswered call spaced the retry while this agent, not knowing, reached the customer
  // or rang again: the call counts in full (it may close the callback), flagged for the supervisors.
  let flagged: LeaseConflict | null = null;
  if (!verdict.callable) {
    const conflict = yield* leaseConflictOf(verdict.blocks, callback.id, a.agentId);
    if (conflict === 'rescheduled_by_other') flagged = conflict;
    else if (conflict) return yield* keepConflictingAttempt(a, customer.id, conflict, callback, settings);
    else if (verdict.blocks.some((b) => b.reason === 'closed')) throw new AppError('CONFLICT', 'This callback is already closed.');
    else {
      throw new AppError('COMPLIANCE_BLOCKED', `This call is not allowed: ${verdict.blocks.map((b) => b.reason).join(', ')}.`, {
        blocks: verdict.blocks,
      });
    }
  }
  if (a.disposition === 'reached') yield* settleQuestionnaireOnReached(callback, a.surveySkipReason, a.recordedAt);
  yield* insertAttempt({
    surveySkipReason: a.disposition === 'reached' ? a.surveySkipReason : null,
    id: a.attemptId,
    callbackId: callback.id,
    customerId: customer.id,
    agentId: a.agentId,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    disposition: a.disposition,
    notes: a.notes,
    callbackAt: a.callbackAt,
    ...(flagged && { leaseConflict: flagged }),
  });
  if (flagged) yield* auditConflict(a, callback.id, flagged, callback.leaseAgentId);
  const effect = applyDisposition(callback, a.disposition, a.startedAt, settings, { callbackAt: a.callbackAt });
  if (effect.kind === 'close') {
    yield* closeCallback(callback.id, { ...effect, closedAt: a.recordedAt });
  } else {
    yield* rescheduleCallback(callback.id, effect);
  }
  const sideEffects = customerEffects(a.disposition);
  if (sideEffects.markPhoneBad) yield* setPhoneStatus(customer.id, 'bad');
  if (sideEffects.addToDnc) {
    yield* insertDnc({
      id: a.dncEntryId ?? a.attemptId,
      customerId: customer.id,
      phone: customer.phone,
      source: 'agent',
      createdAt: a.recordedAt,
      createdBy: a.agentId,
      expiresAt: a.dncExpiresAt,
    });
    // The DNC entry's id names its audit entry: who put whom on the do-not-call list, until when.
    yield* insertAudit({
      id: a.dncEntryId ?? a.attemptId,
      at: a.recordedAt,
      actorId: a.agentId,
      action: 'dnc.added',
      subjectType: 'customer',
      subjectId: customer.id,
      details: { customerId: customer.id, until: a.dncExpiresAt, source: 'agent' },
    });
    const until = a.dncExpiresAt ?? FOREVER;
    yield* setDncUntil(customer.id, Math.max(until, customer.dncUntil ?? 0));
  }
  const cancelled = yield* cancelOpenCallbacks(customer.id, sideEffects.cancelReasons, callback.id, a.recordedAt);
  yield* refreshCap(customer.id, Math.max(a.recordedAt, a.startedAt), settings);
  return {
    state: effect.kind === 'close' ? 'closed' : 'open',
    outcome: effect.kind === 'close' ? effect.outcome : null,
    nextDueAt: effect.kind === 'reschedule' ? effect.dueAt : null,
    cancelledCallbacks: cancelled,
    ...(flagged && { leaseConflict: flagged }),
  };
}

export type LeaseConflict = 'leased_by_other' | 'closed_by_other' | 'rescheduled_by_other';

/**
 * Two agents worked one callback (both took it while offline, or a lease lapsed and a colleague took it):
 * the other agent's call is a fact, not an error. The only blocks are the colleague's lease, the
 * colleague's outcome, or the retry spacing the colleague's unanswered call set; a callback this agent
 * closed or rescheduled themselves is a double submission or a too-early retry, refused as before.
 */
function* leaseConflictOf(blocks: readonly { reason: string }[], callbackId: string, agentId: string): Q<LeaseConflict | null> {
  if (!blocks.every((b) => b.reason === 'leased' || b.reason === 'closed' || b.reason === 'scheduled_later')) return null;
  if (blocks.some((b) => b.reason === 'leased')) return 'leased_by_other';
  const last = yield* lastAttemptAgent(callbackId);
  if (last === undefined || last === agentId) return null;
  return blocks.some((b) => b.reason === 'closed') ? 'closed_by_other' : 'rescheduled_by_other';
}

/**
 * Keeps the call as a flagged attempt: it counts toward the customer's contact cap (the phone did ring)
 * but does not change the callback, which belongs to the colleague's work; the audit log tells the
 * supervisors, who decide what the customer is told.
 */
function* keepConflictingAttempt(
  a: MutationArgs<'attempts.record'>,
  customerId: string,
  conflict: LeaseConflict,
  callback: { id: string; state: 'open' | 'closed'; outcome: string | null; dueAt: number | null; leaseAgentId: string | null },
  settings: Settings,
): Q<AttemptApplied> {
  yield* insertAttempt({
    id: a.attemptId,
    callbackId: callback.id,
    customerId,
    agentId: a.agentId,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    disposition: a.disposition,
    notes: a.notes,
    callbackAt: a.callbackAt,
    surveySkipReason: a.disposition === 'reached' ? a.surveySkipReason : null,
    leaseConflict: conflict,
  });
  yield* auditConflict(a, callback.id, conflict, callback.leaseAgentId);
  yield* refreshCap(customerId, Math.max(a.recordedAt, a.startedAt), settings);
  return { state: callback.state, outcome: callback.outcome, nextDueAt: callback.dueAt, cancelledCallbacks: 0, leaseConflict: conflict };
}

function* auditConflict(a: MutationArgs<'attempts.record'>, callbackId: string, conflict: LeaseConflict, holderId: string | null): Q<void> {
  yield* insertAudit({
    // One conflict per attempt: the attempt's id names its audit entry (another table, so no clash).
    id: a.attemptId,
    at: a.recordedAt,
    actorId: a.agentId,
    action: 'attempt.lease_conflict',
    subjectType: 'callback',
    subjectId: callbackId,
    details: { attemptId: a.attemptId, disposition: a.disposition, conflict, holderId },
  });
}

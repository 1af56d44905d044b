import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { CallbackDetail, OutcomeResult } from '../../core/contract/views';
import { assessCallability } from '../../core/rules/callability';
import { formatPhone } from '../../core/rules/phone';
import { activeLeaseOf, getCallback } from '../../db/repos/callbacks';
import { getCustomer } from '../../db/repos/customers';
import { getSettings } from '../../db/repos/settings';
import { inTransaction } from '../../db/repos/stmt';
import { currentUser, type ServiceContext } from './context';
import { toCallbackFacts, toCustomerFacts } from '../../core/domain/facts';
import { runMutation } from './mutations/registry';
import { callbackDetail, pickNext } from './queue';

/** "Next": resumes the callback this agent already holds, else leases the most urgent callable one. */
export function takeNext(ctx: ServiceContext): CallbackDetail {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const id = inTransaction(ctx.db, () => {
    const held = activeLeaseOf(ctx.db, agent.id, now);
    if (held) return held.id;
    const settings = getSettings(ctx.db);
    const next = pickNext(ctx, agent.id, now, settings);
    if (!next) throw new AppError('NOTHING_CALLABLE', 'No callback can be called right now.');
    runMutation(ctx.db, 'callbacks.lease', { callbackId: next, agentId: agent.id, at: now, expiresAt: now + settings.leaseMinutes * 60_000 }, now);
    return next;
  });
  return callbackDetail(ctx, id);
}

/**
 * Runs the compliance guard on one callback for this agent, then (re)leases it. Used when a callback is
 * opened from the list and again when the call starts, so both see the same rules and the same errors.
 */
function leaseIfCallable(ctx: ServiceContext, id: string, agentId: string, now: number): void {
  // An agent works one callback at a time: taking another hands the previous one back to the queue.
  const held = activeLeaseOf(ctx.db, agentId, now);
  if (held && held.id !== id) runMutation(ctx.db, 'callbacks.release', { callbackId: held.id, agentId, at: now }, now);
  const callback = getCallback(ctx.db, id);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  const customer = getCustomer(ctx.db, callback.customerId)!;
  const settings = getSettings(ctx.db);
  const verdict = assessCallability({ callback: toCallbackFacts(callback), customer: toCustomerFacts(customer), agentId, now, settings });
  if (!verdict.callable) {
    const code = verdict.blocks.some((b) => b.reason === 'leased') ? 'LEASE_LOST' : 'COMPLIANCE_BLOCKED';
    throw new AppError(code, `This callback cannot be called now: ${verdict.blocks.map((b) => b.reason).join(', ')}.`, {
      blocks: verdict.blocks,
    });
  }
  runMutation(ctx.db, 'callbacks.lease', { callbackId: id, agentId, at: now, expiresAt: now + settings.leaseMinutes * 60_000 }, now);
}

/** Opening a specific callback from the list: leased only if the guard allows calling it now. */
export function take(ctx: ServiceContext, input: ParsedInputOf<'callbacks.take'>): CallbackDetail {
  const agent = currentUser(ctx);
  const now = ctx.now();
  inTransaction(ctx.db, () => leaseIfCallable(ctx, input.id, agent.id, now));
  return callbackDetail(ctx, input.id);
}

export function release(ctx: ServiceContext, input: ParsedInputOf<'callbacks.release'>): { released: boolean } {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const callback = getCallback(ctx.db, input.id);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  if (callback.leaseAgentId !== agent.id) return { released: false };
  runMutation(ctx.db, 'callbacks.release', { callbackId: input.id, agentId: agent.id, at: now }, now);
  return { released: true };
}

/** Dialling: the guard is checked at the moment the call starts; the lease is renewed for the call. */
export function startCall(ctx: ServiceContext, input: ParsedInputOf<'callbacks.startCall'>): { startedAt: number } {
  const agent = currentUser(ctx);
  const now = ctx.now();
  inTransaction(ctx.db, () => leaseIfCallable(ctx, input.id, agent.id, now));
  return { startedAt: now };
}

export function recordOutcome(ctx: ServiceContext, input: ParsedInputOf<'callbacks.recordOutcome'>): OutcomeResult {
  const agent = currentUser(ctx);
  const now = ctx.now();
  // At the desk a colleague's live lease is answered at once, so the agent can hand over what they
  // learned; the applier itself keeps such a call as a flagged fact when it arrives later by sync.
  const held = getCallback(ctx.db, input.callbackId);
  if (held?.leaseAgentId && held.leaseAgentId !== agent.id && (held.leaseExpiresAt ?? 0) > now) {
    throw new AppError('LEASE_LOST', 'Another agent took this callback while your lease had lapsed.');
  }
  const attemptId = ctx.newId();
  const applied = runMutation(
    ctx.db,
    'attempts.record',
    {
      attemptId,
      callbackId: input.callbackId,
      agentId: agent.id,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      disposition: input.disposition,
      notes: input.notes,
      callbackAt: input.disposition === 'callback_later' ? input.callbackAt : null,
      dncEntryId: input.disposition === 'dnc_requested' ? ctx.newId() : null,
      dncExpiresAt: input.disposition === 'dnc_requested' ? input.dncExpiresAt : null,
      recordedAt: now,
      surveySkipReason: input.surveySkipReason,
    },
    now,
  );
  return {
    callbackId: input.callbackId,
    attemptId,
    state: applied.state,
    outcome: applied.outcome as OutcomeResult['outcome'],
    nextDueAt: applied.nextDueAt,
    cancelledCallbacks: applied.cancelledCallbacks,
  };
}

/** The full number, once, with an audit entry of who saw whose number when. */
export function revealPhone(ctx: ServiceContext, input: ParsedInputOf<'customers.revealPhone'>): { phone: string; formatted: string } {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const customer = getCustomer(ctx.db, input.customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  runMutation(ctx.db, 'audit.phoneRevealed', { auditId: ctx.newId(), customerId: customer.id, actorId: agent.id, at: now }, now);
  return { phone: customer.phone, formatted: formatPhone(customer.phone) };
}

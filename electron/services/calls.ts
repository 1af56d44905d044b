import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { CallbackDetail, CallDraftView, OutcomeResult } from '../../core/contract/views';
import { MAX_RECORDING_DELAY_MS } from '../../core/mutations/attempts';
import { assessCallability } from '../../core/rules/callability';
import { isDialled, UNANSWERED } from '../../core/rules/dispositions';
import { clearCallStart, deleteCallDraft, getCallDraft, markCallStarted, saveCallDraft as putCallDraft, type CallDraftRecord } from '../../db/repos/call-drafts';
import { formatPhone } from '../../core/rules/phone';
import { activeLeaseOf, getCallback } from '../../db/repos/callbacks';
import { getCustomer } from '../../db/repos/customers';
import { getSettings } from '../../db/repos/settings';
import { inTransaction } from '../../db/repos/stmt';
import { currentUser, type ServiceContext } from './context';
import { toCallbackFacts, toCustomerFacts } from '../../core/domain/facts';
import { runMutation } from './mutations/registry';
import { callbackDetail, draftView, pickNext } from './queue';

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
  if (held && held.id !== id) handBack(ctx, held.id, agentId, now);
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
  if (callback.leaseAgentId !== agent.id) {
    // Not mine (any more): my draft on it has nothing left to record against.
    inTransaction(ctx.db, () => deleteCallDraft(ctx.db, input.id, agent.id));
    return { released: false };
  }
  inTransaction(ctx.db, () => handBack(ctx, input.id, agent.id, now));
  return { released: true };
}

/** The note on the attempt a released call leaves behind, before whatever the agent had typed. */
export const RELEASED_NOTE = '放弃并退回';

/**
 * Hands a callback back to the queue ("放弃并退回", or taking another one). A call already started on it
 * was a dial: the customer's phone rang, so it is recorded as an attempt that counts toward the contact
 * caps, with the `attempts.record` mutation every other attempt uses. Which outcome: nothing was
 * recorded, so the call is taken as not answered — 'no_answer' (or 'busy' / 'voicemail' if the agent had
 * already picked one of those). Of the dispositions the rules know it is the only honest one that neither
 * closes the callback (reached, wrong number, refused, DNC) nor invents an agreement (call back later);
 * like any unanswered attempt it counts as failed and spaces the retry, so a released dial cannot be
 * repeated at once and the customer is not called more often than the caps allow.
 */
function handBack(ctx: ServiceContext, callbackId: string, agentId: string, now: number): void {
  const draft = getCallDraft(ctx.db, callbackId, agentId);
  deleteCallDraft(ctx.db, callbackId, agentId);
  const startedAt = liveStart(draft, now);
  if (startedAt === null) {
    runMutation(ctx.db, 'callbacks.release', { callbackId, agentId, at: now }, now);
    return;
  }
  const disposition = draft?.disposition && UNANSWERED.includes(draft.disposition) ? draft.disposition : 'no_answer';
  const typed = draft?.notes.trim() ?? '';
  runMutation(
    ctx.db,
    'attempts.record',
    {
      attemptId: ctx.newId(),
      callbackId,
      agentId,
      startedAt,
      endedAt: Math.max(now, startedAt),
      disposition,
      notes: typed ? `${RELEASED_NOTE} · ${typed}` : RELEASED_NOTE,
      callbackAt: null,
      dncEntryId: null,
      dncExpiresAt: null,
      recordedAt: now,
      surveySkipReason: null,
    },
    now,
  );
  // Recording rescheduled or closed the callback and cleared my lease; were it still mine, let it go.
  if (getCallback(ctx.db, callbackId)?.leaseAgentId === agentId) runMutation(ctx.db, 'callbacks.release', { callbackId, agentId, at: now }, now);
}

/** When the call in this draft started, unless too long ago to be recorded (the applier's 4-hour rule). */
function liveStart(draft: CallDraftRecord | undefined, now: number): number | null {
  if (!draft || draft.startedAt === null) return null;
  return draft.startedAt >= now - MAX_RECORDING_DELAY_MS ? draft.startedAt : null;
}

/**
 * Dialling: the guard is checked at the moment the call starts; the lease is renewed for the call. The
 * start is kept in the device-local draft at once, so a reload cannot lose it: pressing "start call"
 * again keeps the FIRST start (unless that one is too old to be recorded), and the attempt runs from it.
 */
export function startCall(ctx: ServiceContext, input: ParsedInputOf<'callbacks.startCall'>): { startedAt: number } {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const startedAt = inTransaction(ctx.db, () => {
    leaseIfCallable(ctx, input.id, agent.id, now);
    const draft = getCallDraft(ctx.db, input.id, agent.id);
    if (draft?.startedAt != null && liveStart(draft, now) === null) clearCallStart(ctx.db, input.id, agent.id);
    return markCallStarted(ctx.db, input.id, agent.id, now);
  });
  return { startedAt };
}

/** Notes and the outcome picked so far, saved as the agent works (the renderer debounces): device-local only. */
export function saveCallDraft(ctx: ServiceContext, input: ParsedInputOf<'callbacks.saveDraft'>): CallDraftView {
  const agent = currentUser(ctx);
  const now = ctx.now();
  const callback = getCallback(ctx.db, input.callbackId);
  if (!callback) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  if (callback.state !== 'open') throw new AppError('CONFLICT', 'This callback is already closed.');
  if (callback.leaseAgentId !== agent.id) throw new AppError('LEASE_LOST', 'Take this callback before working on it.');
  const saved = inTransaction(ctx.db, () =>
    putCallDraft(ctx.db, { callbackId: input.callbackId, agentId: agent.id, disposition: input.disposition, notes: input.notes, updatedAt: now }),
  );
  return draftView(saved);
}

export function recordOutcome(ctx: ServiceContext, input: ParsedInputOf<'callbacks.recordOutcome'>): OutcomeResult {
  const agent = currentUser(ctx);
  const now = ctx.now();
  // At the desk a colleague's live lease is answered at once, so the agent can hand over what they
  // learned; the applier itself keeps such a call as a flagged fact when it arrives later by sync.
  const held = getCallback(ctx.db, input.callbackId);
  if (!held) throw new AppError('NOT_FOUND', 'That callback does not exist.');
  if (held.leaseAgentId && held.leaseAgentId !== agent.id && (held.leaseExpiresAt ?? 0) > now) {
    throw new AppError('LEASE_LOST', 'Another agent took this callback while your lease had lapsed.');
  }
  // Every outcome describes a dial, so it needs the call's start, recorded when "start call" was pressed
  // (the applier cannot know this console's drafts, so the service checks it). The attempt runs from the
  // FIRST start, whatever a reloaded screen remembers.
  // A start too old to record is passed on all the same: the applier says why (4 hours), and pressing
  // "start call" again begins a new call.
  const started = getCallDraft(ctx.db, input.callbackId, agent.id)?.startedAt ?? null;
  if (isDialled(input.disposition) && started === null) {
    if (held.state === 'closed') throw new AppError('CONFLICT', 'This callback is already closed.');
    throw new AppError('BAD_INPUT', 'Start the call before recording its outcome.', { field: 'startedAt', reason: 'call_not_started' });
  }
  const startedAt = started !== null ? Math.min(started, input.startedAt) : input.startedAt;
  const attemptId = ctx.newId();
  const applied = inTransaction(ctx.db, () => {
    const result = runMutation(
      ctx.db,
      'attempts.record',
      {
        attemptId,
        callbackId: input.callbackId,
        agentId: agent.id,
        startedAt,
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
    deleteCallDraft(ctx.db, input.callbackId, agent.id);
    return result;
  });
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

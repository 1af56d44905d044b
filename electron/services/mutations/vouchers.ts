import { AppError } from '../../../core/contract/result';
import { allowance, beijingDayStart, beijingMonth, decideIssue, effectiveState, termsProblem, voucherValueFen } from '../../../core/vouchers/policy';
import type { MutationArgs } from '../../../core/sync/mutations';
import type { Db } from '../../../db/open';
import { insertAudit } from '../../../db/repos/audit';
import { getCaseSettings } from '../../../db/repos/case-settings';
import { getCustomer } from '../../../db/repos/customers';
import { insertNotification, notifyEach } from '../../../db/repos/notifications';
import { getTicketRow } from '../../../db/repos/tickets';
import { getUser, supervisorIds } from '../../../db/repos/users';
import {
  getVoucher,
  insertVoucher,
  insertVoucherEvent,
  selfIssuedFen,
  spentFen,
  updateVoucherState,
  voucherByRequestKey,
  voucherCodeExists,
  type VoucherRecord,
} from '../../../db/repos/vouchers';

/*
 * Appliers of the voucher mutations: every change is a ledger event, an audit entry and (for decisions) a
 * notification, in the transaction of the mutation. Limits and the budget are re-checked here, at the
 * mutation's own instant, so the server re-running them refuses what would now break them.
 */

const DAY_MS = 86_400_000;

function audit(db: Db, id: string, at: number, actorId: string, action: string, v: VoucherRecord, extra: Record<string, unknown> = {}): void {
  insertAudit(db, {
    id,
    at,
    actorId,
    action,
    subjectType: 'voucher',
    subjectId: v.id,
    details: { code: v.code, kind: v.kind, valueFen: v.valueFen, customerId: v.customerId, ...extra },
  });
}

function budgetCheck(db: Db, valueFen: number, at: number): void {
  const month = beijingMonth(at);
  const budget = getCaseSettings(db).teamMonthlyBudgetFen;
  const spent = spentFen(db, month.start, month.end);
  if (spent + valueFen > budget) {
    throw new AppError('BUDGET_EXCEEDED', `This voucher would take the team over its ${month.key} budget.`, {
      budgetFen: budget,
      spentFen: spent,
      valueFen,
    });
  }
}

export function applyRequestVoucher(db: Db, a: MutationArgs<'vouchers.request'>): VoucherRecord {
  if (voucherByRequestKey(db, a.requestKey)) throw new AppError('CONFLICT', 'This voucher request was already made.');
  if (voucherCodeExists(db, a.code)) throw new AppError('CONFLICT', 'That voucher code is already in use.');
  const problem = termsProblem(a);
  if (problem) throw new AppError('BAD_INPUT', problem);
  if (a.expiresAt <= a.at) throw new AppError('BAD_INPUT', 'A voucher must expire in the future.', { field: 'expiresAt' });
  const customer = getCustomer(db, a.customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  if (a.ticketId !== null) {
    const ticket = getTicketRow(db, a.ticketId);
    if (!ticket) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
    if (ticket.customerId !== null && ticket.customerId !== a.customerId) {
      throw new AppError('BAD_INPUT', 'The voucher must go to the customer of the ticket it compensates.');
    }
  }
  const settings = getCaseSettings(db);
  const valueFen = voucherValueFen(a, settings.pointValueFen);
  const month = beijingMonth(a.at);
  const dayStart = beijingDayStart(a.at);
  const left = allowance(settings, selfIssuedFen(db, a.by, dayStart, dayStart + DAY_MS), spentFen(db, month.start, month.end));
  const decision = decideIssue(valueFen, left);
  if (decision.overBudget) budgetCheck(db, valueFen, a.at);
  const issued = decision.action === 'issue';
  const voucher: VoucherRecord = {
    id: a.voucherId,
    code: a.code,
    requestKey: a.requestKey,
    kind: a.kind,
    percentOff: a.kind === 'discount_percent' ? a.percentOff : null,
    amountFen: a.kind === 'points' ? null : a.amountFen,
    points: a.kind === 'points' ? a.points : null,
    valueFen,
    reasonCode: a.reasonCode,
    customerId: a.customerId,
    ticketId: a.ticketId,
    note: a.note,
    state: issued ? 'issued' : 'pending_approval',
    requestedBy: a.by,
    requestedAt: a.at,
    decidedBy: null,
    decidedAt: null,
    issuedAt: issued ? a.at : null,
    expiresAt: a.expiresAt,
    redeemedAt: null,
    voidedAt: null,
    stateReason: null,
  };
  insertVoucher(db, voucher);
  insertVoucherEvent(db, { id: a.eventId, voucherId: a.voucherId, at: a.at, actorId: a.by, type: 'requested', data: { approvalReasons: decision.reasons, valueFen, issued } });
  audit(db, a.auditId, a.at, a.by, issued ? 'voucher.issued' : 'voucher.requested', voucher, issued ? {} : { approvalReasons: decision.reasons });
  if (!issued) {
    notifyEach(db, supervisorIds(db, a.by), a.notificationIds, {
      at: a.at,
      kind: 'voucher_pending',
      ticketId: a.ticketId,
      voucherId: a.voucherId,
      data: { code: a.code, valueFen },
    });
  }
  return voucher;
}

function pendingForDecision(db: Db, voucherId: string, by: string): VoucherRecord {
  const v = getVoucher(db, voucherId);
  if (!v) throw new AppError('NOT_FOUND', 'That voucher does not exist.');
  if (v.state !== 'pending_approval') {
    throw new AppError('INVALID_TRANSITION', `This voucher is ${v.state.replace('_', ' ')}, not waiting for approval.`, { state: v.state });
  }
  const approver = getUser(db, by);
  if (approver?.role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can decide on a voucher.');
  if (v.requestedBy === by) throw new AppError('FORBIDDEN', 'You cannot decide on your own voucher request; another supervisor must.');
  return v;
}

export function applyApproveVoucher(db: Db, a: MutationArgs<'vouchers.approve'>): VoucherRecord {
  const v = pendingForDecision(db, a.voucherId, a.by);
  if (v.expiresAt <= a.at) throw new AppError('INVALID_TRANSITION', 'This voucher request has expired; request a new one.');
  budgetCheck(db, v.valueFen, a.at);
  updateVoucherState(db, v.id, { state: 'issued', decidedBy: a.by, decidedAt: a.at, issuedAt: a.at });
  insertVoucherEvent(db, { id: a.eventId, voucherId: v.id, at: a.at, actorId: a.by, type: 'approved', data: {} });
  audit(db, a.auditId, a.at, a.by, 'voucher.approved', v, { requestedBy: v.requestedBy });
  insertNotification(db, { id: a.notificationId, userId: v.requestedBy, at: a.at, kind: 'voucher_approved', ticketId: v.ticketId, voucherId: v.id, data: { code: v.code, valueFen: v.valueFen } });
  return getVoucher(db, v.id)!;
}

export function applyRejectVoucher(db: Db, a: MutationArgs<'vouchers.reject'>): VoucherRecord {
  const v = pendingForDecision(db, a.voucherId, a.by);
  if (!a.reason.trim()) throw new AppError('BAD_INPUT', 'Say why the voucher is rejected.', { field: 'reason' });
  updateVoucherState(db, v.id, { state: 'rejected', decidedBy: a.by, decidedAt: a.at, stateReason: a.reason });
  insertVoucherEvent(db, { id: a.eventId, voucherId: v.id, at: a.at, actorId: a.by, type: 'rejected', data: { reason: a.reason } });
  audit(db, a.auditId, a.at, a.by, 'voucher.rejected', v, { reason: a.reason, requestedBy: v.requestedBy });
  insertNotification(db, { id: a.notificationId, userId: v.requestedBy, at: a.at, kind: 'voucher_rejected', ticketId: v.ticketId, voucherId: v.id, data: { code: v.code, reason: a.reason } });
  return getVoucher(db, v.id)!;
}

export function applyVoidVoucher(db: Db, a: MutationArgs<'vouchers.void'>): VoucherRecord {
  const v = getVoucher(db, a.voucherId);
  if (!v) throw new AppError('NOT_FOUND', 'That voucher does not exist.');
  const state = effectiveState(v.state, v.expiresAt, a.at);
  if (state !== 'issued') throw new AppError('INVALID_TRANSITION', `An ${state.replace('_', ' ')} voucher cannot be voided.`, { state });
  if (!a.reason.trim()) throw new AppError('BAD_INPUT', 'Say why the voucher is voided.', { field: 'reason' });
  const actor = getUser(db, a.by);
  if (!actor || (actor.role !== 'supervisor' && v.requestedBy !== a.by)) {
    throw new AppError('FORBIDDEN', 'Only the agent who issued a voucher or a supervisor can void it.');
  }
  updateVoucherState(db, v.id, { state: 'voided', voidedAt: a.at, stateReason: a.reason });
  insertVoucherEvent(db, { id: a.eventId, voucherId: v.id, at: a.at, actorId: a.by, type: 'voided', data: { reason: a.reason } });
  audit(db, a.auditId, a.at, a.by, 'voucher.voided', v, { reason: a.reason });
  return getVoucher(db, v.id)!;
}

export function applyRedeemVoucher(db: Db, a: MutationArgs<'vouchers.redeem'>): VoucherRecord {
  const v = getVoucher(db, a.voucherId);
  if (!v) throw new AppError('NOT_FOUND', 'That voucher does not exist.');
  const state = effectiveState(v.state, v.expiresAt, a.at);
  if (state !== 'issued') throw new AppError('INVALID_TRANSITION', `An ${state.replace('_', ' ')} voucher cannot be redeemed.`, { state });
  updateVoucherState(db, v.id, { state: 'redeemed', redeemedAt: a.at });
  insertVoucherEvent(db, { id: a.eventId, voucherId: v.id, at: a.at, actorId: a.by, type: 'redeemed', data: {} });
  audit(db, a.auditId, a.at, a.by, 'voucher.redeemed', v);
  return getVoucher(db, v.id)!;
}

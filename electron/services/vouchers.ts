import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { SpendSummary, VoucherQuote, VoucherRequestResult, VoucherView } from '../../core/contract/views-cases';
import {
  allowance,
  beijingDayStart,
  beijingMonth,
  decideIssue,
  effectiveState,
  repeatWarning,
  termsProblem,
  voucherCodeFrom,
  voucherValueFen,
  type ApprovalReason,
} from '../../core/vouchers/policy';
import { getCaseSettings } from '../../db/repos/case-settings';
import { getCustomer } from '../../db/repos/customers';
import { supervisorIds } from '../../db/repos/users';
import {
  customerVoucherCount,
  getVoucherRow,
  listVoucherRows,
  pendingFen,
  selfIssuedFen,
  spendByReason,
  spentFen,
  voucherByRequestKey,
  voucherCodeExists,
  type VoucherRow,
} from '../../db/repos/vouchers';
import { currentUser, type ServiceContext } from './context';
import { runMutation } from './mutations/registry';

const DAY_MS = 86_400_000;

export function toVoucherView(v: VoucherRow, now: number): VoucherView {
  const { requestKey: _key, approvalReasons, ...rest } = v;
  return {
    ...rest,
    state: effectiveState(v.state, v.expiresAt, now),
    approvalReasons: approvalReasons ? (JSON.parse(approvalReasons) as ApprovalReason[]) : [],
  };
}

function view(ctx: ServiceContext, id: string): VoucherView {
  const row = getVoucherRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That voucher does not exist.');
  return toVoucherView(row, ctx.now());
}

/** What the requester may still issue alone, the voucher's value, and whether it needs approval. */
export function quoteVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.quote'>): VoucherQuote {
  const me = currentUser(ctx);
  const now = ctx.now();
  if (!getCustomer(ctx.db, input.customerId)) throw new AppError('NOT_FOUND', 'That customer does not exist.');
  const settings = getCaseSettings(ctx.db);
  const day = beijingDayStart(now);
  const month = beijingMonth(now);
  const left = allowance(settings, me.role, selfIssuedFen(ctx.db, me.id, day, day + DAY_MS), spentFen(ctx.db, month.start, month.end));
  const valueFen = voucherValueFen(input, settings.pointValueFen);
  const count = customerVoucherCount(ctx.db, input.customerId, now - settings.repeatWindowDays * DAY_MS);
  return {
    allowance: left,
    valueFen,
    decision: decideIssue(valueFen, left, supervisorIds(ctx.db, me.id).length),
    repeat: { count, windowDays: settings.repeatWindowDays, warn: repeatWarning(count, settings) },
    problem: termsProblem(input),
  };
}

function newCode(ctx: ServiceContext): string {
  for (let i = 0; i < 20; i++) {
    const code = voucherCodeFrom(crypto.getRandomValues(new Uint8Array(8)));
    if (!voucherCodeExists(ctx.db, code)) return code;
  }
  throw new AppError('INTERNAL', 'Could not make a unique voucher code; try again.');
}

/**
 * Issues (or sends for approval) one voucher. Idempotent on the request key: a retried or double-clicked
 * request returns the voucher the first one made and changes nothing.
 */
export function requestVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.request'>): VoucherRequestResult {
  const me = currentUser(ctx);
  const now = ctx.now();
  const existing = voucherByRequestKey(ctx.db, input.requestKey);
  if (existing) {
    if (existing.requestedBy !== me.id || existing.customerId !== input.customerId) {
      throw new AppError('CONFLICT', 'That request key belongs to another voucher request.');
    }
    return { voucher: view(ctx, existing.id), created: false };
  }
  const settings = getCaseSettings(ctx.db);
  const supervisors = supervisorIds(ctx.db, me.id).length;
  const voucherId = ctx.newId();
  runMutation(
    ctx.db,
    'vouchers.request',
    {
      voucherId,
      code: newCode(ctx),
      requestKey: input.requestKey,
      eventId: ctx.newId(),
      auditId: ctx.newId(),
      notificationIds: Array.from({ length: supervisors }, () => ctx.newId()),
      customerId: input.customerId,
      ticketId: input.ticketId,
      kind: input.kind,
      percentOff: input.percentOff,
      amountFen: input.amountFen,
      points: input.points,
      reasonCode: input.reasonCode,
      note: input.note,
      expiresAt: input.expiresAt ?? now + settings.voucherValidDays * DAY_MS,
      at: now,
      by: me.id,
    },
    now,
  );
  return { voucher: view(ctx, voucherId), created: true };
}

export function approveVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.approve'>): VoucherView {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'vouchers.approve', { voucherId: input.id, eventId: ctx.newId(), auditId: ctx.newId(), notificationId: ctx.newId(), at: now, by: me.id }, now);
  return view(ctx, input.id);
}

export function rejectVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.reject'>): VoucherView {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(
    ctx.db,
    'vouchers.reject',
    { voucherId: input.id, eventId: ctx.newId(), auditId: ctx.newId(), notificationId: ctx.newId(), reason: input.reason, at: now, by: me.id },
    now,
  );
  return view(ctx, input.id);
}

export function voidVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.void'>): VoucherView {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'vouchers.void', { voucherId: input.id, eventId: ctx.newId(), auditId: ctx.newId(), reason: input.reason, at: now, by: me.id }, now);
  return view(ctx, input.id);
}

export function redeemVoucher(ctx: ServiceContext, input: ParsedInputOf<'vouchers.redeem'>): VoucherView {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'vouchers.redeem', { voucherId: input.id, eventId: ctx.newId(), auditId: ctx.newId(), at: now, by: me.id }, now);
  return view(ctx, input.id);
}

export function listVouchers(ctx: ServiceContext, input: ParsedInputOf<'vouchers.list'>): { rows: VoucherView[]; total: number } {
  const me = currentUser(ctx);
  const now = ctx.now();
  // `expired` is derived: stored as issued with the expiry passed; `issued` excludes those.
  const byState =
    input.state === undefined
      ? {}
      : input.state === 'expired'
        ? { states: ['issued'], expiredBefore: now }
        : input.state === 'issued'
          ? { states: ['issued'], notExpiredAt: now }
          : { states: [input.state] };
  const { rows, total } = listVoucherRows(ctx.db, {
    ...byState,
    ticketId: input.ticketId,
    customerId: input.customerId,
    // Agents see their own vouchers, or all of one ticket's or one customer's (beside that ticket or call).
    requestedBy: input.mine || (me.role !== 'supervisor' && !input.ticketId && !input.customerId) ? me.id : undefined,
    offset: input.offset,
    limit: input.limit,
  });
  return { rows: rows.map((r) => toVoucherView(r, now)), total };
}

export function voucherSpend(ctx: ServiceContext, input: ParsedInputOf<'vouchers.spend'>): SpendSummary {
  currentUser(ctx);
  const now = ctx.now();
  const at = input.month ? Date.parse(`${input.month}-15T00:00:00+08:00`) : now;
  if (Number.isNaN(at)) throw new AppError('BAD_INPUT', 'Pick a month as YYYY-MM.');
  const month = beijingMonth(at);
  return {
    month: month.key,
    budgetFen: getCaseSettings(ctx.db).teamMonthlyBudgetFen,
    spentFen: spentFen(ctx.db, month.start, month.end),
    pendingFen: pendingFen(ctx.db),
    byReason: spendByReason(ctx.db, month.start, month.end),
  };
}

import { DateTime } from 'luxon';
import { voucherLimitsOf, type CaseSettings } from '../cases/settings';

/*
 * Voucher rules shared by the console and the server: what a voucher is worth against the limits, whether
 * an agent may issue it alone, and the team budget. Pure: the caller passes the sums it read.
 */

export const VOUCHER_KINDS = ['discount_percent', 'discount_fixed', 'cashback', 'points'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];
export const VOUCHER_STATES = ['pending_approval', 'issued', 'redeemed', 'voided', 'expired', 'rejected'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];
/** Stored states; `expired` is an issued voucher past its expiry, derived when read. */
export type StoredVoucherState = Exclude<VoucherState, 'expired'>;

export interface VoucherTerms {
  kind: VoucherKind;
  /** discount_percent: 1–99 (% off). */
  percentOff: number | null;
  /** discount_fixed and cashback: the amount; discount_percent: the cap (最高减). */
  amountFen: number | null;
  /** points: how many. */
  points: number | null;
}

/** Checks that the terms fit the kind; returns a message for the first problem. */
export function termsProblem(t: VoucherTerms): string | null {
  switch (t.kind) {
    case 'discount_percent':
      if (t.percentOff === null || t.percentOff < 1 || t.percentOff > 99) return 'A percentage coupon needs 1–99 % off.';
      if (t.amountFen === null || t.amountFen < 1) return 'A percentage coupon needs a cap (the most it takes off).';
      return null;
    case 'discount_fixed':
    case 'cashback':
      if (t.amountFen === null || t.amountFen < 1) return 'Enter an amount greater than zero.';
      return null;
    case 'points':
      if (t.points === null || t.points < 1) return 'Enter a number of points greater than zero.';
      return null;
  }
}

/** What a voucher counts against limits and the budget: the amount, the percentage coupon's cap, or points at their value. */
export function voucherValueFen(t: VoucherTerms, pointValueFen: number): number {
  if (t.kind === 'points') return (t.points ?? 0) * pointValueFen;
  return t.amountFen ?? 0;
}

export type ApprovalReason = 'over_voucher_limit' | 'over_daily_limit';

export interface IssueDecision {
  /** issue = the requester's own authority covers it; approval = a supervisor must approve. */
  action: 'issue' | 'approval';
  reasons: ApprovalReason[];
  /** The budget has no room for it at all: refused outright. */
  overBudget: boolean;
  /** It needs approval and no supervisor other than the requester exists to give it: refused outright. */
  noApprover: boolean;
}

export type VoucherRole = 'agent' | 'supervisor';

export interface Allowance {
  /** Whose limits these are: each role has its own (case settings). */
  role: VoucherRole;
  perVoucherLimitFen: number;
  dailyLimitFen: number;
  usedTodayFen: number;
  remainingTodayFen: number;
  monthlyBudgetFen: number;
  spentThisMonthFen: number;
  remainingBudgetFen: number;
}

export function allowance(settings: CaseSettings, role: VoucherRole, usedTodayFen: number, spentThisMonthFen: number): Allowance {
  const limits = voucherLimitsOf(settings, role);
  return {
    role,
    ...limits,
    usedTodayFen,
    remainingTodayFen: Math.max(0, limits.dailyLimitFen - usedTodayFen),
    monthlyBudgetFen: settings.teamMonthlyBudgetFen,
    spentThisMonthFen,
    remainingBudgetFen: Math.max(0, settings.teamMonthlyBudgetFen - spentThisMonthFen),
  };
}

/**
 * Whether a requester may issue a voucher of `valueFen` alone, within their role's limits. Above them a
 * supervisor who is not the requester approves (approvers never approve themselves); `otherApprovers` is
 * how many such supervisors exist. With none, a request could never be decided, so it is not made:
 * `noApprover` says so, and the caller refuses at once.
 */
export function decideIssue(valueFen: number, a: Allowance, otherApprovers: number): IssueDecision {
  const reasons: ApprovalReason[] = [];
  if (valueFen > a.perVoucherLimitFen) reasons.push('over_voucher_limit');
  if (a.usedTodayFen + valueFen > a.dailyLimitFen) reasons.push('over_daily_limit');
  return {
    action: reasons.length ? 'approval' : 'issue',
    reasons,
    overBudget: a.spentThisMonthFen + valueFen > a.monthlyBudgetFen,
    noApprover: reasons.length > 0 && otherApprovers === 0,
  };
}

/** Warn when this voucher would be the customer's `repeatWarnCount`-th (or later) within the window. */
export function repeatWarning(previousInWindow: number, settings: CaseSettings): boolean {
  return previousInWindow + 1 >= settings.repeatWarnCount;
}

export function effectiveState(state: StoredVoucherState, expiresAt: number, now: number): VoucherState {
  return state === 'issued' && expiresAt <= now ? 'expired' : state;
}

const BUSINESS_ZONE = 'Asia/Shanghai';
/** Start of the Beijing calendar day containing `ms` (daily limits reset at Beijing midnight). */
export function beijingDayStart(ms: number): number {
  return DateTime.fromMillis(ms, { zone: BUSINESS_ZONE }).startOf('day').toMillis();
}
/** Start and end of the Beijing calendar month containing `ms` (the budget period). */
export function beijingMonth(ms: number): { start: number; end: number; key: string } {
  const d = DateTime.fromMillis(ms, { zone: BUSINESS_ZONE }).startOf('month');
  return { start: d.toMillis(), end: d.plus({ months: 1 }).toMillis(), key: d.toFormat('yyyy-MM') };
}

/** Crockford base32: no I, L, O, U, so a code read out on the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VOUCHER_CODE_PATTERN = /^CV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** `CV-XXXX-XXXX` from 8 random bytes (40 bits used). */
export function voucherCodeFrom(random: Uint8Array): string {
  if (random.length < 8) throw new Error('voucherCodeFrom needs 8 random bytes');
  let chars = '';
  for (let i = 0; i < 8; i++) chars += ALPHABET[random[i]! & 31];
  return `CV-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

import { DateTime } from 'luxon';
import type { VoucherReasonCode } from '../../../core/cases/settings';
import type { VoucherKind, VoucherTerms } from '../../../core/vouchers/policy';
import { parseWhole, parseYuan, type AmountProblem, type Parsed } from '../../../core/vouchers/money';

/* The issue-voucher form as typed, and what it means for the contract (terms in fen, expiry instant). */

const ZONE = 'Asia/Shanghai';

export interface VoucherForm {
  kind: VoucherKind;
  /** discount_percent: % off. */
  percent: string;
  /** discount_fixed, cashback: the amount; discount_percent: the cap. In yuan, as typed. */
  amount: string;
  points: string;
  reasonCode: VoucherReasonCode;
  note: string;
  /** yyyy-MM-dd, a Beijing calendar day: the voucher is valid to the end of it. */
  expiry: string;
  /** '' = not linked to a ticket. */
  ticketId: string;
}

export type TermsField = 'percent' | 'amount' | 'points';
export type TermsResult = { ok: true; terms: VoucherTerms } | { ok: false; field: TermsField; problem: AmountProblem };

/** "-5", "−5", "－5", "¥-5": a sign before the number is a negative amount (must be more than 0), not "not a number". */
const NEGATIVE = /^\s*[¥￥]?\s*[-−－]\s*[¥￥]?\s*[\d\uFF10-\uFF19.．]/;

function positive(parse: (text: string) => Parsed): (text: string) => Parsed {
  return (text) => (NEGATIVE.test(text) ? { ok: false, problem: 'zero' } : parse(text));
}
const parseAmount = positive((text) => parseYuan(text));
const parseCount = (min: number, max: number) => positive((text) => parseWhole(text, min, max));

export function toTerms(f: VoucherForm): TermsResult {
  const none = { percentOff: null, amountFen: null, points: null };
  switch (f.kind) {
    case 'discount_percent': {
      const pct = parseCount(1, 99)(f.percent);
      if (!pct.ok) return { ok: false, field: 'percent', problem: pct.problem };
      const cap = parseAmount(f.amount);
      if (!cap.ok) return { ok: false, field: 'amount', problem: cap.problem };
      return { ok: true, terms: { ...none, kind: f.kind, percentOff: pct.value, amountFen: cap.value } };
    }
    case 'discount_fixed':
    case 'cashback': {
      const amount = parseAmount(f.amount);
      if (!amount.ok) return { ok: false, field: 'amount', problem: amount.problem };
      return { ok: true, terms: { ...none, kind: f.kind, amountFen: amount.value } };
    }
    case 'points': {
      const points = parseCount(1, 100_000_000)(f.points);
      if (!points.ok) return { ok: false, field: 'points', problem: points.problem };
      return { ok: true, terms: { ...none, kind: f.kind, points: points.value } };
    }
  }
}

/**
 * The catalog key (tickets namespace) of a field's problem: the percentage says its range, points that
 * they are whole; null while the field is empty or fine.
 */
export function termsProblemKey(r: TermsResult, field: TermsField): string | null {
  if (r.ok || r.field !== field || r.problem === 'empty') return null;
  if (field === 'percent') return 'amountProblem.percentRange';
  if (field === 'points' && r.problem === 'decimals') return 'amountProblem.whole';
  return `amountProblem.${r.problem}`;
}

/** The default expiry date: today in Beijing plus the team's validity. */
export function defaultExpiry(now: number, validDays: number): string {
  return DateTime.fromMillis(now, { zone: ZONE }).plus({ days: validDays }).toFormat('yyyy-MM-dd');
}

export function todayIso(now: number): string {
  return DateTime.fromMillis(now, { zone: ZONE }).toFormat('yyyy-MM-dd');
}

/**
 * The expiry instant to send: null keeps the back end's default (same day as the default date);
 * otherwise the end of the chosen Beijing day. 'past' when the day is today or earlier.
 */
export function expiryInstant(expiry: string, defaultDate: string, now: number): number | null | 'past' | 'invalid' {
  if (expiry === defaultDate) return null;
  const day = DateTime.fromISO(expiry, { zone: ZONE });
  if (!day.isValid) return 'invalid';
  const end = day.plus({ days: 1 }).startOf('day').toMillis() - 1;
  if (expiry <= todayIso(now)) return 'past';
  return end;
}

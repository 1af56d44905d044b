import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS, type CaseSettings } from '../cases/settings';
import {
  allowance,
  beijingDayStart,
  beijingMonth,
  decideIssue,
  effectiveState,
  repeatWarning,
  termsProblem,
  VOUCHER_CODE_PATTERN,
  VOUCHER_KINDS,
  VOUCHER_STATES,
  voucherCodeFrom,
  voucherValueFen,
  type Allowance,
  type StoredVoucherState,
  type VoucherTerms,
} from './policy';

/*
 * The voucher rules the console and the server both apply: what a voucher is worth, when an agent may
 * issue it alone, the team budget, expiry, and the Beijing day and month the limits are counted in.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const terms = (t: Partial<VoucherTerms> & Pick<VoucherTerms, 'kind'>): VoucherTerms => ({ percentOff: null, amountFen: null, points: null, ...t });

describe('the wire values', () => {
  it('has four kinds and six states', () => {
    expect(VOUCHER_KINDS).toEqual(['discount_percent', 'discount_fixed', 'cashback', 'points']);
    expect(VOUCHER_STATES).toEqual(['pending_approval', 'issued', 'redeemed', 'voided', 'expired', 'rejected']);
  });
});

describe('termsProblem: the terms must fit the kind', () => {
  // [what, terms, the problem's message matches, or null when the terms are fine]
  const cases: [string, VoucherTerms, RegExp | null][] = [
    ['a 1 % coupon with a cap', terms({ kind: 'discount_percent', percentOff: 1, amountFen: 1 }), null],
    ['a 99 % coupon with a cap', terms({ kind: 'discount_percent', percentOff: 99, amountFen: 5000 }), null],
    ['a 0 % coupon', terms({ kind: 'discount_percent', percentOff: 0, amountFen: 5000 }), /1–99 %/],
    ['a 100 % coupon', terms({ kind: 'discount_percent', percentOff: 100, amountFen: 5000 }), /1–99 %/],
    ['a percentage coupon without a percentage', terms({ kind: 'discount_percent', amountFen: 5000 }), /1–99 %/],
    ['a percentage coupon without a cap', terms({ kind: 'discount_percent', percentOff: 20 }), /cap/],
    ['a percentage coupon with a zero cap', terms({ kind: 'discount_percent', percentOff: 20, amountFen: 0 }), /cap/],
    ['¥0.01 off', terms({ kind: 'discount_fixed', amountFen: 1 }), null],
    ['¥0 off', terms({ kind: 'discount_fixed', amountFen: 0 }), /amount greater than zero/],
    ['a fixed discount without an amount', terms({ kind: 'discount_fixed' }), /amount greater than zero/],
    ['¥0.01 cashback', terms({ kind: 'cashback', amountFen: 1 }), null],
    ['¥0 cashback', terms({ kind: 'cashback', amountFen: 0 }), /amount greater than zero/],
    ['cashback without an amount', terms({ kind: 'cashback', percentOff: 10 }), /amount greater than zero/],
    ['one point', terms({ kind: 'points', points: 1 }), null],
    ['zero points', terms({ kind: 'points', points: 0 }), /number of points greater than zero/],
    ['points without a number (an amount does not count)', terms({ kind: 'points', amountFen: 500 }), /number of points greater than zero/],
  ];
  it.each(cases)('%s', (_what, t, problem) => {
    if (problem === null) expect(termsProblem(t)).toBeNull();
    else expect(termsProblem(t)).toMatch(problem);
  });
});

describe('voucherValueFen: what a voucher counts against the limits and the budget', () => {
  const cases: [string, VoucherTerms, number, number][] = [
    ['a fixed discount: its amount', terms({ kind: 'discount_fixed', amountFen: 1500 }), 7, 1500],
    ['cashback: its amount', terms({ kind: 'cashback', amountFen: 888 }), 7, 888],
    ['a percentage coupon: its cap', terms({ kind: 'discount_percent', percentOff: 30, amountFen: 2000 }), 7, 2000],
    ['points: the points at their value', terms({ kind: 'points', points: 300, amountFen: 1 }), 7, 2100],
    ['points worth 1 fen each', terms({ kind: 'points', points: 300 }), 1, 300],
    ['points worth nothing', terms({ kind: 'points', points: 300 }), 0, 0],
    ['no points: nothing', terms({ kind: 'points' }), 7, 0],
    ['no amount: nothing', terms({ kind: 'cashback' }), 7, 0],
  ];
  it.each(cases)('%s', (_what, t, pointValueFen, fen) => {
    expect(voucherValueFen(t, pointValueFen)).toBe(fen);
  });
});

const settings: CaseSettings = {
  ...DEFAULT_CASE_SETTINGS,
  agentVoucherLimitFen: 50_00,
  agentDailyLimitFen: 200_00,
  supervisorVoucherLimitFen: 500_00,
  supervisorDailyLimitFen: 2000_00,
  teamMonthlyBudgetFen: 50_000_00,
};

describe('allowance: the requester role’s limits and what is left of them', () => {
  it("an agent's limits, and what is left today and this month", () => {
    expect(allowance(settings, 'agent', 120_00, 10_000_00)).toEqual({
      role: 'agent',
      perVoucherLimitFen: 50_00,
      dailyLimitFen: 200_00,
      usedTodayFen: 120_00,
      remainingTodayFen: 80_00,
      monthlyBudgetFen: 50_000_00,
      spentThisMonthFen: 10_000_00,
      remainingBudgetFen: 40_000_00,
    });
  });

  it("a supervisor's own (higher) limits", () => {
    expect(allowance(settings, 'supervisor', 0, 0)).toMatchObject({ role: 'supervisor', perVoucherLimitFen: 500_00, dailyLimitFen: 2000_00, remainingTodayFen: 2000_00 });
  });

  it('what is left never goes below zero', () => {
    expect(allowance(settings, 'agent', 250_00, 60_000_00)).toMatchObject({ remainingTodayFen: 0, remainingBudgetFen: 0 });
  });
});

describe('decideIssue: alone within the role limits, otherwise a supervisor approves', () => {
  // An agent who has issued ¥120 today; the team has spent ¥49,900 of ¥50,000 this month.
  const agent = (over: Partial<Allowance> = {}): Allowance => ({ ...allowance(settings, 'agent', 120_00, 49_900_00), ...over });
  const cases: [string, number, Partial<Allowance>, number, ReturnType<typeof decideIssue>][] = [
    ['within both limits', 30_00, {}, 1, { action: 'issue', reasons: [], overBudget: false, noApprover: false }],
    ['exactly the per-voucher limit is still within it', 50_00, { usedTodayFen: 0 }, 1, { action: 'issue', reasons: [], overBudget: false, noApprover: false }],
    ['one fen over the per-voucher limit', 50_01, { usedTodayFen: 0 }, 1, { action: 'approval', reasons: ['over_voucher_limit'], overBudget: false, noApprover: false }],
    ['reaching the daily limit exactly is still within it', 50_00, { usedTodayFen: 150_00 }, 1, { action: 'issue', reasons: [], overBudget: false, noApprover: false }],
    ['one fen over the daily limit', 40_00, { usedTodayFen: 160_01 }, 1, { action: 'approval', reasons: ['over_daily_limit'], overBudget: false, noApprover: false }],
    ['over both limits: both reasons, per-voucher first', 90_00, { usedTodayFen: 150_00 }, 1, { action: 'approval', reasons: ['over_voucher_limit', 'over_daily_limit'], overBudget: false, noApprover: false }],
    ['spending the budget exactly is allowed', 30_00, { spentThisMonthFen: 49_970_00 }, 1, { action: 'issue', reasons: [], overBudget: false, noApprover: false }],
    ['one fen past the budget is refused outright', 30_00, { spentThisMonthFen: 49_970_01 }, 1, { action: 'issue', reasons: [], overBudget: true, noApprover: false }],
    ['needs approval and nobody else can give it', 50_01, {}, 0, { action: 'approval', reasons: ['over_voucher_limit'], overBudget: false, noApprover: true }],
    ['within the limits nobody needs to approve', 30_00, {}, 0, { action: 'issue', reasons: [], overBudget: false, noApprover: false }],
  ];
  it.each(cases)('%s', (_what, valueFen, over, otherApprovers, decision) => {
    expect(decideIssue(valueFen, agent(over), otherApprovers)).toEqual(decision);
  });

  it('points count against the limits at their value, not as a number', () => {
    const points = terms({ kind: 'points', points: 2000 });
    const fresh = allowance({ ...settings, pointValueFen: 5 }, 'agent', 0, 0);
    // 2,000 points: "2000" would pass the ¥50 limit as fen, but at 5 fen each they are worth ¥100.
    expect(decideIssue(voucherValueFen(points, 5), fresh, 1)).toMatchObject({ action: 'approval', reasons: ['over_voucher_limit'] });
    expect(decideIssue(voucherValueFen(terms({ kind: 'points', points: 1000 }), 5), fresh, 1)).toMatchObject({ action: 'issue' });
  });

  it('a larger voucher never needs less approval (property)', () => {
    const fen = fc.integer({ min: 0, max: 100_000_00 });
    fc.assert(
      fc.property(fen, fen, fen, fen, (a, b, used, spent) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const al = allowance(settings, 'agent', used, spent);
        const s = decideIssue(small, al, 1);
        const l = decideIssue(large, al, 1);
        expect(s.reasons.every((r) => l.reasons.includes(r))).toBe(true);
        expect(!s.overBudget || l.overBudget).toBe(true);
      }),
    );
  });
});

describe('repeatWarning: warn from the repeatWarnCount-th voucher within the window', () => {
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, true],
  ])('with %i before it in the window (warn count 3): %s', (previous, warn) => {
    expect(repeatWarning(previous, { ...settings, repeatWarnCount: 3 })).toBe(warn);
  });
});

describe('effectiveState: an issued voucher is expired from its expiry instant on', () => {
  const expiresAt = Date.parse('2026-03-31T16:00:00Z');
  it.each([
    ['issued', expiresAt - 1, 'issued'],
    ['issued', expiresAt, 'expired'],
    ['issued', expiresAt + DAY, 'expired'],
    ['redeemed', expiresAt + DAY, 'redeemed'],
    ['voided', expiresAt + DAY, 'voided'],
    ['pending_approval', expiresAt + DAY, 'pending_approval'],
    ['rejected', expiresAt + DAY, 'rejected'],
  ] as [StoredVoucherState, number, string][])('%s, read at expiry %+d ms', (state, now, effective) => {
    expect(effectiveState(state, expiresAt, now)).toBe(effective);
  });
});

describe('the Beijing day and month the limits are counted in (whatever the machine zone)', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  it.each([
    // [instant, start of its Beijing day]
    ['2026-03-02T00:00:00+08:00', '2026-03-01T16:00:00.000Z'],
    ['2026-03-02T07:59:59.999+08:00', '2026-03-01T16:00:00.000Z'], // still 1 March in UTC
    ['2026-03-02T08:00:00+08:00', '2026-03-01T16:00:00.000Z'], // UTC midnight is not a reset
    ['2026-03-02T23:59:59.999+08:00', '2026-03-01T16:00:00.000Z'],
    ['2026-03-03T00:00:00+08:00', '2026-03-02T16:00:00.000Z'],
  ])('the day of %s starts at %s', (at, start) => {
    expect(iso(beijingDayStart(Date.parse(at)))).toBe(start);
  });

  it.each([
    // [instant, month key, start, end]
    ['2026-03-15T12:00:00+08:00', '2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-04-01T00:30:00+08:00', '2026-04', '2026-03-31T16:00:00.000Z', '2026-04-30T16:00:00.000Z'], // still 31 March in UTC
    ['2026-03-31T23:59:59.999+08:00', '2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-12-31T20:00:00+08:00', '2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2027-01-01T00:00:00+08:00', '2027-01', '2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z'],
  ])('%s is in the budget month %s', (at, key, start, end) => {
    const m = beijingMonth(Date.parse(at));
    expect({ key: m.key, start: iso(m.start), end: iso(m.end) }).toEqual({ key, start, end });
  });

  it('every instant lies in its Beijing day and month, which start at 16:00 UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), (ms) => {
        const day = beijingDayStart(ms);
        expect(day <= ms && ms < day + DAY).toBe(true);
        expect(new Date(day).getUTCHours()).toBe(16);
        const m = beijingMonth(ms);
        expect(m.start <= day && ms < m.end).toBe(true);
        expect(new Date(m.end - 1).getUTCHours()).toBe(15);
        expect(m.key).toBe(new Date(ms + 8 * HOUR).toISOString().slice(0, 7));
      }),
    );
  });
});

describe('voucherCodeFrom: CV-XXXX-XXXX in Crockford base32', () => {
  it('reads the low five bits of each of the first eight bytes', () => {
    expect(voucherCodeFrom(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('CV-0123-4567');
    expect(voucherCodeFrom(Uint8Array.from([8, 9, 10, 17, 18, 19, 30, 31]))).toBe('CV-89AH-JKYZ');
    expect(voucherCodeFrom(Uint8Array.from([32, 255, 224, 63, 0, 0, 0, 0, 31, 31]))).toBe('CV-0Z0Z-0000');
  });

  it('never uses I, L, O or U, and always matches the code pattern (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 16 }), (bytes) => {
        const code = voucherCodeFrom(bytes);
        expect(code).toMatch(VOUCHER_CODE_PATTERN);
        expect(code).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('refuses fewer than eight bytes', () => {
    expect(() => voucherCodeFrom(new Uint8Array(7))).toThrow(/8 random bytes/);
    expect(voucherCodeFrom(new Uint8Array(8))).toBe('CV-0000-0000');
  });

  it.each([
    ['CV-0123-4567', true],
    ['CV-ABCD-XYZ9', true],
    ['CV-ABCD-XYZ', false],
    ['CV-ABCD-XYZ90', false],
    ['XCV-ABCD-XYZ9', false],
    ['CV-abcd-xyz9', false],
    ['CV-ILOU-0000', false],
    ['CV-0000-0I00', false],
    ['CV-0000-000L', false],
    ['CV-0000-O000', false],
    ['CV-0000-00U0', false],
    ['CV 0000 0000', false],
  ])('the code pattern: %s → %s', (code, valid) => {
    expect(VOUCHER_CODE_PATTERN.test(code)).toBe(valid);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import type { MutationArgs } from '../core/sync/mutations';
import { AGENT, DAY, HOUR, OTHER_AGENT, OTHER_SUPERVISOR, openStore, parsed, seedCustomer, SUPERVISOR, T, uid, withTeam, type Store } from './appliers-helpers';

/*
 * The voucher appliers: money leaves the team only within the requester's own limits (per voucher, per
 * Beijing day, issued on their own authority) or with the approval of another supervisor, never past the
 * team's monthly budget; each step is a ledger event, an audit entry and, for a decision, a notification.
 */

let n = 0;
const next = () => uid(50_000 + ++n);

type Request = MutationArgs<'vouchers.request'>;

function request(customerId: string, over: Partial<Request> = {}): Request {
  return {
    voucherId: next(),
    code: `CV-${String(++n).padStart(4, '0')}-TEST`,
    requestKey: next(),
    eventId: next(),
    auditId: next(),
    notificationIds: [next(), next(), next()],
    customerId,
    ticketId: null,
    kind: 'cashback',
    percentOff: null,
    amountFen: 10_00,
    points: null,
    reasonCode: 'goodwill',
    note: '',
    expiresAt: T + 90 * DAY,
    at: T,
    by: AGENT,
    ...over,
  };
}

const decision = (voucherId: string, by: string, at = T + HOUR) => ({ voucherId, eventId: next(), auditId: next(), notificationId: next(), at, by });

let s: Store;
let customer: string;
beforeEach(() => {
  s = withTeam(openStore());
  customer = seedCustomer(s).id;
});

const stateOf = (id: string) => s.row<{ state: string }>(`SELECT state FROM vouchers WHERE id = ?`, id)!.state;

describe('vouchers.request: what may be issued alone', () => {
  const L = DEFAULT_CASE_SETTINGS;
  // [who, value in fen, issued today on their own authority before, expected state, approval reasons]
  const cases: [string, number, number[], string, string[]][] = [
    ['an agent at the per-voucher limit', L.agentVoucherLimitFen, [], 'issued', []],
    ['an agent one fen above it', L.agentVoucherLimitFen + 1, [], 'pending_approval', ['over_voucher_limit']],
    ['an agent reaching the daily limit exactly', 50_00, [50_00, 50_00, 50_00], 'issued', []],
    ['an agent one fen past the daily limit', 50_00, [50_00, 50_00, 50_00, 1], 'pending_approval', ['over_daily_limit']],
    ['an agent past both', 60_00, [50_00, 50_00, 50_00, 50_00], 'pending_approval', ['over_voucher_limit', 'over_daily_limit']],
  ];

  it.each(cases)('%s: %i fen → %s', (_who, value, before, state, reasons) => {
    for (const amountFen of before) expect(s.apply('vouchers.request', request(customer, { amountFen })).state).toBe('issued');
    const args = request(customer, { amountFen: value });
    const v = s.apply('vouchers.request', args);
    expect(v).toMatchObject({ state, valueFen: value, issuedAt: state === 'issued' ? T : null, requestedBy: AGENT, decidedBy: null });
    const event = s.row<{ type: string; actor_id: string; data: string }>(`SELECT type, actor_id, data FROM voucher_events WHERE id = ?`, args.eventId)!;
    expect({ ...event, data: parsed(event.data) }).toEqual({ type: 'requested', actor_id: AGENT, data: { approvalReasons: reasons, valueFen: value, issued: state === 'issued' } });
    const audit = s.row<{ action: string; details: string }>(`SELECT action, details FROM audit_log WHERE id = ?`, args.auditId)!;
    expect(audit.action).toBe(state === 'issued' ? 'voucher.issued' : 'voucher.requested');
    expect(parsed(audit.details)).toEqual({
      code: args.code,
      kind: 'cashback',
      valueFen: value,
      customerId: customer,
      ...(state === 'issued' ? {} : { approvalReasons: reasons }),
    });
  });

  it('the daily limit counts only what this requester issued alone since Beijing midnight', () => {
    const midnight = Date.parse('2026-12-08T00:00:00+08:00');
    // Before midnight: ¥200 by the agent (the whole day's limit), ¥50 by a colleague.
    for (let i = 0; i < 4; i++) s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: midnight - HOUR }));
    s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: midnight - HOUR, by: OTHER_AGENT }));
    expect(s.apply('vouchers.request', request(customer, { amountFen: 1, at: midnight - 1 })).state).toBe('pending_approval');
    // A new Beijing day: the agent's own limit is whole again.
    for (let i = 0; i < 4; i++) expect(s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: midnight + i })).state).toBe('issued');
    // An approved voucher was not issued on the agent's authority: it does not use up their day.
    const approved = s.apply('vouchers.request', request(customer, { amountFen: 60_00, at: midnight + HOUR, by: OTHER_AGENT }));
    s.apply('vouchers.approve', decision(approved.id, SUPERVISOR, midnight + 2 * HOUR));
    expect(s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: midnight + 3 * HOUR, by: OTHER_AGENT })).state).toBe('issued');
  });

  it('a supervisor has the supervisor’s limits; above them another supervisor approves', () => {
    expect(s.apply('vouchers.request', request(customer, { amountFen: 500_00, by: SUPERVISOR })).state).toBe('issued');
    const above = request(customer, { amountFen: 500_01, by: SUPERVISOR });
    expect(s.apply('vouchers.request', above).state).toBe('pending_approval');
    // Notified: every supervisor but the requester, one id each, in id order.
    expect(s.rows(`SELECT id, user_id AS userId, kind, voucher_id AS voucherId, data FROM notifications`).map((r) => ({ ...r, data: parsed(r.data) }))).toEqual([
      { id: above.notificationIds[0], userId: OTHER_SUPERVISOR, kind: 'voucher_pending', voucherId: above.voucherId, data: { code: above.code, valueFen: 500_01 } },
    ]);
  });

  it('above the requester’s own limits with no other supervisor, it is refused at once, saying what to do', () => {
    const alone = openStore();
    alone.apply('users.create', { id: SUPERVISOR, name: '周敏', role: 'supervisor', createdAt: T - DAY, by: null });
    const c = seedCustomer(alone).id;
    expect(alone.apply('vouchers.request', request(c, { amountFen: 500_00, by: SUPERVISOR })).state).toBe('issued');
    const refusal = alone.refusal('vouchers.request', request(c, { amountFen: 500_01, by: SUPERVISOR }));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toMatch(/above your own limit \(supervisor: 50000 fen per voucher, 150000 fen left today\) and there is no other supervisor/);
    expect(refusal.details).toEqual({
      reason: 'no_approver',
      role: 'supervisor',
      valueFen: 500_01,
      perVoucherLimitFen: 500_00,
      dailyLimitFen: 2000_00,
      remainingTodayFen: 1500_00,
      approvalReasons: ['over_voucher_limit'],
    });
    expect(alone.count('vouchers')).toBe(1);
  });

  it('points count at their value; a percentage coupon counts its cap', () => {
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, pointValueFen: 2 }, at: T - 1, by: SUPERVISOR });
    const points = s.apply('vouchers.request', request(customer, { kind: 'points', amountFen: 999, points: 3000 }));
    expect(points).toMatchObject({ valueFen: 6000, points: 3000, amountFen: null, percentOff: null, state: 'pending_approval' });
    const percent = s.apply('vouchers.request', request(customer, { kind: 'discount_percent', percentOff: 20, amountFen: 30_00, points: 5 }));
    expect(percent).toMatchObject({ valueFen: 30_00, percentOff: 20, amountFen: 30_00, points: null, state: 'issued' });
    const fixed = s.apply('vouchers.request', request(customer, { kind: 'discount_fixed', percentOff: 20, amountFen: 5_00 }));
    expect(fixed).toMatchObject({ valueFen: 5_00, percentOff: null, amountFen: 5_00 });
  });
});

describe('vouchers.request: refusals', () => {
  const ticketFor = (customerId: string | null) => {
    const ticketId = next();
    s.apply('tickets.create', { ticketId, createdEventId: next(), slaEventId: next(), priority: 'P3', category: 'payments', subject: '扣款', description: '', channel: 'phone', customerId, callbackId: null, attemptId: null, assigneeId: null, at: T - HOUR, by: AGENT });
    return ticketId;
  };

  it.each([
    ['the same request key again', (r: Request) => ({ requestKey: r.requestKey }), 'CONFLICT', 'This voucher request was already made.'],
    ['a code in use', (r: Request) => ({ code: r.code }), 'CONFLICT', 'That voucher code is already in use.'],
  ] as const)('%s is a conflict', (_label, clash, code, message) => {
    const first = request(customer);
    s.apply('vouchers.request', first);
    const refusal = s.refusal('vouchers.request', request(customer, clash(first)));
    expect([refusal.code, refusal.message]).toEqual([code, message]);
  });

  // [case, arguments, code, message, the form field it points at]
  it.each([
    ['no amount', { amountFen: 0 }, 'BAD_INPUT', /amount greater than zero/, undefined],
    ['an expiry at the request’s instant', { expiresAt: T }, 'BAD_INPUT', /^A voucher must expire in the future\.$/, 'expiresAt'],
    ['an unknown customer', { customerId: uid(1) }, 'NOT_FOUND', /^That customer does not exist\.$/, undefined],
    ['an unknown ticket', { ticketId: uid(2) }, 'NOT_FOUND', /^That ticket does not exist\.$/, undefined],
    ['an unknown requester', { by: uid(3) }, 'NOT_FOUND', /^That user does not exist\.$/, 'by'],
  ] as const)('%s is refused', (_label, over, code, message, field) => {
    const refusal = s.refusal('vouchers.request', request(customer, over));
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(message);
    expect(refusal.details?.field).toBe(field);
    expect(s.count('vouchers')).toBe(0);
  });

  it('a voucher goes to the customer of the ticket it compensates (a ticket without a customer takes any)', () => {
    const other = seedCustomer(s).id;
    const refusal = s.refusal('vouchers.request', request(other, { ticketId: ticketFor(customer) }));
    expect([refusal.code, refusal.message]).toEqual(['BAD_INPUT', 'The voucher must go to the customer of the ticket it compensates.']);
    expect(s.apply('vouchers.request', request(customer, { ticketId: ticketFor(customer) })).state).toBe('issued');
    expect(s.apply('vouchers.request', request(other, { ticketId: ticketFor(null) })).state).toBe('issued');
    expect(s.apply('vouchers.request', request(customer, { expiresAt: T + 1 })).expiresAt).toBe(T + 1);
  });

  it('the team budget of the Beijing month is never exceeded, and a new month starts afresh', () => {
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, teamMonthlyBudgetFen: 100_00 }, at: T - 1, by: SUPERVISOR });
    const monthEnd = Date.parse('2027-01-01T00:00:00+08:00');
    s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: monthEnd - 2 * HOUR, by: SUPERVISOR }));
    s.apply('vouchers.request', request(customer, { amountFen: 40_00, at: monthEnd - HOUR, by: SUPERVISOR }));
    const refusal = s.refusal('vouchers.request', request(customer, { amountFen: 10_01, at: monthEnd - 1, by: SUPERVISOR }));
    expect([refusal.code, refusal.message, refusal.details]).toEqual([
      'BUDGET_EXCEEDED',
      'This voucher would take the team over its 2026-12 budget.',
      { budgetFen: 100_00, spentFen: 90_00, valueFen: 10_01 },
    ]);
    expect(s.apply('vouchers.request', request(customer, { amountFen: 10_00, at: monthEnd - 1, by: SUPERVISOR })).state).toBe('issued');
    expect(s.apply('vouchers.request', request(customer, { amountFen: 50_00, at: monthEnd, by: SUPERVISOR })).state).toBe('issued');
  });
});

describe('vouchers.approve and vouchers.reject', () => {
  const pending = (by = AGENT, over: Partial<Request> = {}) => s.apply('vouchers.request', request(customer, { amountFen: 88_00, by, ...over }));

  it('another supervisor approves: issued at the decision, the requester is told', () => {
    const v = pending();
    const d = decision(v.id, SUPERVISOR);
    const approved = s.apply('vouchers.approve', d);
    expect(approved).toMatchObject({ id: v.id, state: 'issued', decidedBy: SUPERVISOR, decidedAt: d.at, issuedAt: d.at });
    expect(s.row(`SELECT type, actor_id AS actor, at FROM voucher_events WHERE id = ?`, d.eventId)).toEqual({ type: 'approved', actor: SUPERVISOR, at: d.at });
    const audit = s.row<{ action: string; actor_id: string; details: string }>(`SELECT action, actor_id, details FROM audit_log WHERE id = ?`, d.auditId)!;
    expect({ ...audit, details: parsed(audit.details) }).toEqual({ action: 'voucher.approved', actor_id: SUPERVISOR, details: { code: v.code, kind: 'cashback', valueFen: 88_00, customerId: customer, requestedBy: AGENT } });
    const note = s.row<{ user_id: string; kind: string; data: string }>(`SELECT user_id, kind, data FROM notifications WHERE id = ?`, d.notificationId)!;
    expect({ ...note, data: parsed(note.data) }).toEqual({ user_id: AGENT, kind: 'voucher_approved', data: { code: v.code, valueFen: 88_00 } });
  });

  it('a rejection says why: the state, the reason, the requester told', () => {
    const v = pending();
    const d = { ...decision(v.id, SUPERVISOR), reason: '金额过高' };
    const noReason = s.refusal('vouchers.reject', { ...d, reason: '  ' });
    expect([noReason.message, noReason.details]).toEqual(['Say why the voucher is rejected.', { field: 'reason' }]);
    expect(s.apply('vouchers.reject', d)).toMatchObject({ state: 'rejected', decidedBy: SUPERVISOR, decidedAt: d.at, stateReason: '金额过高', issuedAt: null });
    expect(s.row(`SELECT type, data FROM voucher_events WHERE id = ?`, d.eventId)).toEqual({ type: 'rejected', data: JSON.stringify({ reason: '金额过高' }) });
    expect(parsed(s.row<{ details: string }>(`SELECT details FROM audit_log WHERE id = ? AND action = 'voucher.rejected'`, d.auditId)!.details)).toMatchObject({ reason: '金额过高', requestedBy: AGENT });
    const note = s.row<{ user_id: string; kind: string; data: string }>(`SELECT user_id, kind, data FROM notifications WHERE id = ?`, d.notificationId)!;
    expect({ ...note, data: parsed(note.data) }).toEqual({ user_id: AGENT, kind: 'voucher_rejected', data: { code: v.code, reason: '金额过高' } });
  });

  it.each(['vouchers.approve', 'vouchers.reject'] as const)('%s: not by an agent, not by the requester, not twice, not an unknown voucher', (name) => {
    const v = pending();
    const own = pending(SUPERVISOR, { amountFen: 600_00 });
    const as = (voucherId: string, by: string) => s.refusal(name, { ...decision(voucherId, by), reason: '不行' });
    expect([as(v.id, AGENT).code, as(v.id, AGENT).message]).toEqual(['FORBIDDEN', 'Only a supervisor can decide on a voucher.']);
    expect([as(own.id, SUPERVISOR).code, as(own.id, SUPERVISOR).message]).toEqual(['FORBIDDEN', 'You cannot decide on your own voucher request; another supervisor must.']);
    expect([as(uid(4), SUPERVISOR).code, as(uid(4), SUPERVISOR).message]).toEqual(['NOT_FOUND', 'That voucher does not exist.']);
    s.apply(name, { ...decision(v.id, SUPERVISOR), reason: '不行' });
    const twice = as(v.id, OTHER_SUPERVISOR);
    expect([twice.code, twice.message, twice.details]).toEqual(['INVALID_TRANSITION', `This voucher is ${stateOf(v.id)}, not waiting for approval.`, { state: stateOf(v.id) }]);
    expect(as(s.apply('vouchers.request', request(customer)).id, SUPERVISOR).message).toBe('This voucher is issued, not waiting for approval.');
    expect(stateOf(own.id)).toBe('pending_approval');
  });

  it('an expired request cannot be approved; approval re-checks the budget at its own instant', () => {
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, teamMonthlyBudgetFen: 150_00 }, at: T - 1, by: SUPERVISOR });
    const over = pending();
    const soon = pending(AGENT, { expiresAt: T + HOUR });
    const expired = s.refusal('vouchers.approve', decision(soon.id, SUPERVISOR, T + HOUR));
    expect([expired.code, expired.message]).toEqual(['INVALID_TRANSITION', 'This voucher request has expired; request a new one.']);
    expect(s.apply('vouchers.approve', decision(soon.id, SUPERVISOR, T + HOUR - 1)).state).toBe('issued');
    // Each fit the budget when requested; together they do not.
    expect(s.refusal('vouchers.approve', decision(over.id, SUPERVISOR)).code).toBe('BUDGET_EXCEEDED');
    expect(stateOf(over.id)).toBe('pending_approval');
  });

  // [issued by a supervisor between the request and its approval, approved?] with a ¥100 budget and an ¥88 request.
  it.each([
    ['an approval that lands exactly on the monthly budget is accepted', 12_00, true],
    ['an approval one fen over the monthly budget is refused', 12_01, false],
  ] as const)('%s', (_rule, issuedMeanwhile, accepted) => {
    s.apply('cases.updateSettings', { settings: { ...DEFAULT_CASE_SETTINGS, teamMonthlyBudgetFen: 100_00 }, at: T - 1, by: SUPERVISOR });
    const v = pending();
    expect(s.apply('vouchers.request', request(customer, { amountFen: issuedMeanwhile, at: T + 1, by: OTHER_SUPERVISOR })).state).toBe('issued');
    const d = decision(v.id, SUPERVISOR);
    if (accepted) {
      expect(s.apply('vouchers.approve', d)).toMatchObject({ state: 'issued', issuedAt: d.at });
      expect(s.row(`SELECT sum(value_fen) AS spent FROM vouchers WHERE state = 'issued'`)).toEqual({ spent: 100_00 });
    } else {
      const refusal = s.refusal('vouchers.approve', d);
      expect([refusal.code, refusal.details]).toEqual(['BUDGET_EXCEEDED', { budgetFen: 100_00, spentFen: 12_01, valueFen: 88_00 }]);
      expect(stateOf(v.id)).toBe('pending_approval');
      expect(s.count('voucher_events', 'id = ?', d.eventId)).toBe(0);
    }
  });
});

describe('vouchers.void and vouchers.redeem', () => {
  const issued = (over: Partial<Request> = {}) => s.apply('vouchers.request', request(customer, { amountFen: 30_00, ...over }));
  const act = (voucherId: string, by: string, at = T + HOUR) => ({ voucherId, eventId: next(), auditId: next(), at, by });

  it('the issuing agent or a supervisor voids, with a reason; the value goes back to the budget', () => {
    const mine = issued();
    expect(s.refusal('vouchers.void', { ...act(mine.id, OTHER_AGENT), reason: '重复' }).message).toBe('Only the agent who issued a voucher or a supervisor can void it.');
    expect(s.refusal('vouchers.void', { ...act(mine.id, uid(5)), reason: '重复' }).code).toBe('FORBIDDEN');
    const noReason = s.refusal('vouchers.void', { ...act(mine.id, AGENT), reason: ' ' });
    expect([noReason.message, noReason.details]).toEqual(['Say why the voucher is voided.', { field: 'reason' }]);
    const d = { ...act(mine.id, AGENT), reason: '重复补偿' };
    expect(s.apply('vouchers.void', d)).toMatchObject({ state: 'voided', voidedAt: d.at, stateReason: '重复补偿' });
    expect(s.row(`SELECT type, actor_id AS actor, data FROM voucher_events WHERE id = ?`, d.eventId)).toEqual({ type: 'voided', actor: AGENT, data: JSON.stringify({ reason: '重复补偿' }) });
    expect(parsed(s.row<{ details: string }>(`SELECT details FROM audit_log WHERE id = ? AND action = 'voucher.voided'`, d.auditId)!.details)).toMatchObject({ reason: '重复补偿', valueFen: 30_00 });
    expect(s.apply('vouchers.void', { ...act(issued().id, SUPERVISOR), reason: '错发' }).state).toBe('voided');
    // Both voided: the agent's day is whole again.
    for (let i = 0; i < 4; i++) expect(issued({ amountFen: 50_00 }).state).toBe('issued');
  });

  it('redeeming marks the time and is audited', () => {
    const v = issued();
    const d = act(v.id, AGENT);
    expect(s.apply('vouchers.redeem', d)).toMatchObject({ state: 'redeemed', redeemedAt: d.at });
    expect(s.row(`SELECT type, actor_id AS actor FROM voucher_events WHERE id = ?`, d.eventId)).toEqual({ type: 'redeemed', actor: AGENT });
    expect(s.row(`SELECT action, subject_id AS subject FROM audit_log WHERE id = ?`, d.auditId)).toEqual({ action: 'voucher.redeemed', subject: v.id });
  });

  it.each(['vouchers.void', 'vouchers.redeem'] as const)('%s: only an issued voucher, before it expires', (name) => {
    const expiring = issued({ expiresAt: T + HOUR });
    const pending = issued({ amountFen: 88_00 });
    const redeemed = issued();
    s.apply('vouchers.redeem', act(redeemed.id, AGENT));
    const refused = (voucherId: string, at = T + HOUR) => s.refusal(name, { ...act(voucherId, SUPERVISOR, at), reason: '作废' });
    const verb = name === 'vouchers.void' ? 'voided' : 'redeemed';
    expect([refused(expiring.id).message, refused(expiring.id).details]).toEqual([`An expired voucher cannot be ${verb}.`, { state: 'expired' }]);
    expect(refused(pending.id).message).toBe(`An pending approval voucher cannot be ${verb}.`);
    expect(refused(redeemed.id).code).toBe('INVALID_TRANSITION');
    expect([refused(uid(6)).code, refused(uid(6)).message]).toEqual(['NOT_FOUND', 'That voucher does not exist.']);
    expect(s.code(name, { ...act(expiring.id, SUPERVISOR, T + HOUR - 1), reason: '作废' })).toBe('applied');
  });
});

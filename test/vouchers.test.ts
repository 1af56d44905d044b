import { afterEach, describe, expect, it } from 'vitest';
import type { SpendSummary, TicketDetail, VoucherQuote, VoucherRequestResult, VoucherView } from '../core/contract/views-cases';
import { DEFAULT_CASE_SETTINGS } from '../core/cases/settings';
import { cleanup, contentHash, count, createUser, DAY, HOUR, makeHarness, rows, seedCustomer, setUpEmpty, switchTo, setUpAs } from './helpers';

afterEach(cleanup);

async function world() {
  const h = makeHarness();
  const agent = await setUpEmpty(h);
  const sup = await createUser(h, '周敏', 'supervisor');
  await switchTo(h, sup);
  const sup2 = await createUser(h, '孙丽', 'supervisor');
  await switchTo(h, agent);
  const cu = seedCustomer(h.db);
  const t = await h.ok<TicketDetail>('tickets.create', { customerId: cu.id, subject: '扣款异常', category: 'payments', priority: 'P2' });
  const request = (amountFen: number, over: Record<string, unknown> = {}) =>
    h.ok<VoucherRequestResult>('vouchers.request', {
      requestKey: crypto.randomUUID(),
      customerId: cu.id,
      ticketId: t.ticket.id,
      kind: 'cashback',
      amountFen,
      reasonCode: 'payment_error',
      ...over,
    });
  return { h, agent, sup, sup2, cu, ticket: t.ticket, request };
}

describe('voucher limits', () => {
  it('issues within the per-voucher limit at once; above it waits for approval with the reason', async () => {
    const { request } = await world();
    const small = await request(DEFAULT_CASE_SETTINGS.agentVoucherLimitFen);
    expect(small.voucher).toMatchObject({ state: 'issued', approvalReasons: [] });
    expect(small.voucher.code).toMatch(/^CV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const big = await request(DEFAULT_CASE_SETTINGS.agentVoucherLimitFen + 1);
    expect(big.voucher).toMatchObject({ state: 'pending_approval', approvalReasons: ['over_voucher_limit'] });
  });

  it('the daily total: the fifth ¥50 voucher of the day needs approval, the next Beijing day starts afresh', async () => {
    const { h, request } = await world();
    // ¥200 a day in ¥50 vouchers: four on one's own, the fifth waits.
    for (let i = 0; i < 4; i++) expect((await request(50_00)).voucher.state).toBe('issued');
    const fifth = await request(50_00);
    expect(fifth.voucher).toMatchObject({ state: 'pending_approval', approvalReasons: ['over_daily_limit'] });
    h.advance(DAY);
    expect((await request(50_00)).voucher.state).toBe('issued');
  });

  it('the quote shows the allowance before issuing, and warns on the third voucher within 30 days', async () => {
    const { h, cu, request } = await world();
    await request(20_00);
    const q1 = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'cashback', amountFen: 20_00 });
    expect(q1.allowance).toMatchObject({ perVoucherLimitFen: 50_00, usedTodayFen: 20_00, remainingTodayFen: 180_00 });
    expect(q1.decision).toEqual({ action: 'issue', reasons: [], overBudget: false, noApprover: false });
    expect(q1.repeat).toEqual({ count: 1, windowDays: 30, warn: false });
    await request(20_00);
    const q2 = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'points', points: 6000 });
    expect(q2.repeat.warn).toBe(true);
    expect(q2.valueFen).toBe(6000);
    expect(q2.decision.reasons).toEqual(['over_voucher_limit']);
    const q3 = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'discount_percent', percentOff: 20 });
    expect(q3.problem).toMatch(/cap/);
  });

  it('approval: only a supervisor, never the requester; approving twice is an invalid transition', async () => {
    const { h, sup, sup2, request } = await world();
    const v = (await request(88_00)).voucher;
    expect((await h.err('vouchers.approve', { id: v.id })).code).toBe('FORBIDDEN');
    await switchTo(h, sup);
    // Above a supervisor's own limit (¥500 by default): another supervisor decides.
    const own = (await request(599_00)).voucher;
    const before = contentHash(h.db);
    expect((await h.err('vouchers.approve', { id: own.id })).code).toBe('FORBIDDEN');
    expect(contentHash(h.db)).toBe(before);
    expect((await h.ok<VoucherView>('vouchers.approve', { id: v.id })).state).toBe('issued');
    expect((await h.err('vouchers.approve', { id: v.id })).code).toBe('INVALID_TRANSITION');
    await switchTo(h, sup2);
    expect((await h.ok<VoucherView>('vouchers.reject', { id: own.id, reason: '金额过高' })).state).toBe('rejected');
    const actions = rows<{ action: string }>(h.db, `SELECT action FROM audit_log WHERE subject_type = 'voucher' ORDER BY at, id`).map((r) => r.action);
    expect(actions).toEqual(['voucher.requested', 'voucher.requested', 'voucher.approved', 'voucher.rejected']);
  });

  it('the team budget is never exceeded: refused at request and re-checked at approval', async () => {
    const { h, agent, sup, request } = await world();
    await switchTo(h, sup);
    await h.ok('cases.updateSettings', { ...DEFAULT_CASE_SETTINGS, teamMonthlyBudgetFen: 100_00 });
    await switchTo(h, agent);
    const pending = (await request(80_00)).voucher;
    expect(pending.state).toBe('pending_approval');
    await request(40_00); // issued: 40 of 100 spent
    const before = contentHash(h.db);
    const over = await h.err('vouchers.request', { requestKey: crypto.randomUUID(), customerId: pending.customerId, kind: 'cashback', amountFen: 61_00, reasonCode: 'goodwill' });
    expect(over.code).toBe('BUDGET_EXCEEDED');
    expect(contentHash(h.db)).toBe(before);
    await switchTo(h, sup);
    expect((await h.err('vouchers.approve', { id: pending.id })).code).toBe('BUDGET_EXCEEDED');
    expect(contentHash(h.db)).toBe(before);
    const spend = await h.ok<SpendSummary>('vouchers.spend', {});
    expect(spend).toMatchObject({ budgetFen: 100_00, spentFen: 40_00, pendingFen: 80_00 });
  });

  it('issuing is idempotent: the same request key yields one voucher, whatever is retried', async () => {
    const { h, cu, ticket } = await world();
    const input = { requestKey: crypto.randomUUID(), customerId: cu.id, ticketId: ticket.id, kind: 'cashback', amountFen: 10_00, reasonCode: 'goodwill' };
    const results = await Promise.all([h.ok<VoucherRequestResult>('vouchers.request', input), h.ok<VoucherRequestResult>('vouchers.request', input)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.voucher.id)).size).toBe(1);
    expect(count(h.db, 'vouchers')).toBe(1);
    expect(count(h.db, 'outbox', `name = 'vouchers.request'`)).toBe(1);
  });

  it('void needs a reason and gives the value back to the budget; expired vouchers cannot be voided or redeemed', async () => {
    const { h, request } = await world();
    const v = (await request(30_00)).voucher;
    expect((await h.err('vouchers.void', { id: v.id, reason: '  ' })).code).toBe('BAD_INPUT');
    expect((await h.ok<VoucherView>('vouchers.void', { id: v.id, reason: '重复补偿' })).state).toBe('voided');
    expect((await h.ok<SpendSummary>('vouchers.spend', {})).spentFen).toBe(0);
    const w = (await request(30_00, { expiresAt: h.now() + HOUR })).voucher;
    h.advance(2 * HOUR);
    const list = await h.ok<{ rows: VoucherView[] }>('vouchers.list', { state: 'expired' });
    expect(list.rows.map((r) => r.id)).toEqual([w.id]);
    expect((await h.err('vouchers.redeem', { id: w.id })).code).toBe('INVALID_TRANSITION');
    expect((await h.err('vouchers.void', { id: w.id, reason: 'x' })).code).toBe('INVALID_TRANSITION');
  });

  it('a voucher goes to the customer of the ticket it compensates', async () => {
    const { h, ticket } = await world();
    const other = seedCustomer(h.db);
    const e = await h.err('vouchers.request', { requestKey: crypto.randomUUID(), customerId: other.id, ticketId: ticket.id, kind: 'cashback', amountFen: 100, reasonCode: 'goodwill' });
    expect(e.code).toBe('BAD_INPUT');
  });
});

describe('limits per role (issue 11 #4)', () => {
  it("a supervisor issues within the supervisor's own limits: ¥88 at once, the quote shows the supervisor's allowance", async () => {
    const { h, sup, agent, cu, request } = await world();
    await switchTo(h, sup);
    const q = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'cashback', amountFen: 88_00 });
    expect(q.allowance).toMatchObject({ role: 'supervisor', perVoucherLimitFen: 500_00, dailyLimitFen: 2000_00, remainingTodayFen: 2000_00 });
    expect(q.decision).toEqual({ action: 'issue', reasons: [], overBudget: false, noApprover: false });
    expect((await request(88_00)).voucher.state).toBe('issued');
    // An agent's ¥88 still waits for a supervisor.
    await switchTo(h, agent);
    expect((await request(88_00)).voucher).toMatchObject({ state: 'pending_approval', approvalReasons: ['over_voucher_limit'] });
  });

  it('above its own limit with no other supervisor, the request is refused at once, saying what to do', async () => {
    const h = makeHarness();
    // The first run makes the team's first (and here only) supervisor, who stays signed in.
    const sup = (await setUpAs(h, '周敏')).currentUser!;
    const cu = seedCustomer(h.db);
    const before = contentHash(h.db);
    const input = { requestKey: crypto.randomUUID(), customerId: cu.id, kind: 'cashback', amountFen: 600_00, reasonCode: 'goodwill' };
    const q = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'cashback', amountFen: 600_00 });
    expect(q.decision).toMatchObject({ action: 'approval', noApprover: true });
    const e = await h.err('vouchers.request', input);
    expect(e).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'no_approver', role: 'supervisor', valueFen: 600_00, perVoucherLimitFen: 500_00, remainingTodayFen: 2000_00 },
    });
    expect(e.message).toMatch(/add another supervisor/);
    expect(contentHash(h.db)).toBe(before);
    // Within the limit it goes through; with a second supervisor the large one waits for them.
    expect((await h.ok<VoucherRequestResult>('vouchers.request', { ...input, requestKey: crypto.randomUUID(), amountFen: 500_00 })).voucher.state).toBe('issued');
    await createUser(h, '孙丽', 'supervisor');
    await switchTo(h, sup);
    expect((await h.ok<VoucherRequestResult>('vouchers.request', input)).voucher.state).toBe('pending_approval');
  });

  it('old settings without the supervisor limits read the defaults; the limits are settings', async () => {
    const { h, sup, cu } = await world();
    const { agentVoucherLimitFen, supervisorVoucherLimitFen: _a, supervisorDailyLimitFen: _b, ...rest } = DEFAULT_CASE_SETTINGS;
    h.db.$client.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('cases', ?, 0) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify({ ...rest, agentVoucherLimitFen }));
    await switchTo(h, sup);
    const settings = await h.ok<typeof DEFAULT_CASE_SETTINGS>('cases.getSettings', {});
    expect(settings).toMatchObject({ supervisorVoucherLimitFen: 500_00, supervisorDailyLimitFen: 2000_00 });
    await h.ok('cases.updateSettings', { ...settings, supervisorVoucherLimitFen: 80_00, supervisorDailyLimitFen: 300_00 });
    const q = await h.ok<VoucherQuote>('vouchers.quote', { customerId: cu.id, kind: 'cashback', amountFen: 88_00 });
    expect(q.allowance).toMatchObject({ role: 'supervisor', perVoucherLimitFen: 80_00, dailyLimitFen: 300_00 });
    expect(q.decision).toMatchObject({ action: 'approval', reasons: ['over_voucher_limit'], noApprover: false });
    expect((await h.err('cases.updateSettings', { ...settings, supervisorVoucherLimitFen: 400_00, supervisorDailyLimitFen: 300_00 })).code).toBe('BAD_INPUT');
  });
});

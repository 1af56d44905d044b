import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintsReport } from '../core/contract/views-reports';
import { cleanup } from './helpers';
import { addTicket, addVoucher, bj, reportWorld, type ReportWorld } from './reports-helpers';

/*
 * reports.complaints over two weeks (Mon 9 and Mon 16 November 2026, Beijing): five tickets in three
 * categories with known clocks, and vouchers in every state.
 */

const RANGE = { from: bj('2026-11-09T00:00:00'), to: bj('2026-11-23T00:00:00') };
let w: ReportWorld;

beforeEach(async () => {
  w = await reportWorld();
  const { db } = w.h;
  const [me, li] = [w.agent.id, w.colleague.id];
  const t1 = addTicket(db, { category: 'payments', createdAt: bj('2026-11-10T09:00:00'), assigneeId: me, fr: 'met', frMin: 30, res: 'met', resMin: 300 });
  const t2 = addTicket(db, { category: 'payments', createdAt: bj('2026-11-11T09:00:00'), assigneeId: li, fr: 'missed', frMin: 200, res: 'missed', resMin: 3000 });
  addTicket(db, { category: 'payments', createdAt: bj('2026-11-17T09:00:00'), assigneeId: me, fr: 'met', frMin: 60, res: 'running' });
  const t4 = addTicket(db, { category: 'account_security', createdAt: bj('2026-11-18T09:00:00'), assigneeId: li, fr: 'met', frMin: 10, res: 'met', resMin: 100 });
  addTicket(db, { category: 'other', createdAt: bj('2026-11-19T09:00:00'), assigneeId: me, fr: 'running', res: 'running' });
  addTicket(db, { category: 'payments', createdAt: bj('2026-11-02T09:00:00'), assigneeId: me, fr: 'met', frMin: 1, res: 'met', resMin: 1 });

  const c = w.customerId;
  addVoucher(db, { customerId: c, ticketId: t1, requestedBy: me, reasonCode: 'service_failure', valueFen: 1000, state: 'issued', issuedAt: bj('2026-11-10T10:00:00') });
  addVoucher(db, { customerId: c, ticketId: t2, requestedBy: li, reasonCode: 'service_failure', valueFen: 2000, state: 'redeemed', issuedAt: bj('2026-11-12T10:00:00') });
  addVoucher(db, { customerId: c, ticketId: t4, requestedBy: me, reasonCode: 'delay', valueFen: 500, state: 'voided', issuedAt: bj('2026-11-18T10:00:00') });
  addVoucher(db, { customerId: c, ticketId: null, requestedBy: me, reasonCode: 'goodwill', valueFen: 800, state: 'pending_approval', issuedAt: null });
  addVoucher(db, { customerId: c, ticketId: null, requestedBy: me, reasonCode: 'goodwill', valueFen: 900, state: 'issued', issuedAt: bj('2026-11-01T10:00:00') });
});
afterEach(cleanup);

const report = (input: Record<string, unknown> = {}) => w.h.ok<ComplaintsReport>('reports.complaints', { ...RANGE, ...input });

describe('reports.complaints', () => {
  it('counts tickets, SLA attainment and median business minutes over the stopped clocks', async () => {
    const r = await report();
    expect(r.totals).toEqual({
      tickets: 5,
      firstResponseDone: 4,
      firstResponseMet: 3,
      firstResponsePct: 75,
      resolutionDone: 3,
      resolutionMet: 2,
      resolutionPct: 66.7,
      // [10, 30, 60, 200] → the mean of the middle two; [100, 300, 3000] → the middle one.
      medianFirstResponseMinutes: 45,
      medianResolutionMinutes: 300,
      vouchersIssued: 3,
      vouchersVoided: 1,
      spendFen: 3000,
    });
  });

  it('ranks the categories and trends them by week', async () => {
    const r = await report();
    expect(r.categories.map((c) => [c.category, c.tickets, c.share, c.firstResponsePct, c.resolutionPct, c.medianFirstResponseMinutes, c.medianResolutionMinutes])).toEqual([
      ['payments', 3, 60, 66.7, 50, 60, 1650],
      ['account_security', 1, 20, 100, 100, 10, 100],
      ['other', 1, 20, null, null, null, null],
    ]);
    expect(r.categoryWeeks).toEqual(
      expect.arrayContaining([
        { week: '2026-11-09', category: 'payments', tickets: 2 },
        { week: '2026-11-16', category: 'payments', tickets: 1 },
        { week: '2026-11-16', category: 'account_security', tickets: 1 },
        { week: '2026-11-16', category: 'other', tickets: 1 },
      ]),
    );
    expect(r.categoryWeeks).toHaveLength(4);
    expect(r.byWeek.map((x) => [x.week, x.tickets, x.firstResponsePct, x.resolutionPct, x.medianFirstResponseMinutes, x.medianResolutionMinutes])).toEqual([
      ['2026-11-09', 2, 50, 50, 115, 1650],
      ['2026-11-16', 3, 100, 100, 35, 100],
    ]);
    expect(r.categoryLabels.find((l) => l.key === 'payments')).toEqual({ key: 'payments', zh: '支付/转账', en: 'Payments & transfers' });
  });

  it('counts vouchers issued in the range by reason; voided ones give their value back', async () => {
    expect((await report()).vouchers).toEqual([
      { reasonCode: 'service_failure', issued: 2, voided: 0, spendFen: 3000 },
      { reasonCode: 'delay', issued: 1, voided: 1, spendFen: 0 },
    ]);
  });

  it('narrows to a category (vouchers through their tickets) and to a team member', async () => {
    const payments = await report({ category: 'payments' });
    expect(payments.totals).toMatchObject({ tickets: 3, medianFirstResponseMinutes: 60, spendFen: 3000, vouchersIssued: 2 });
    expect(payments.categories.map((c) => c.category)).toEqual(['payments']);
    const mine = await report({ agentId: w.agent.id });
    expect(mine.totals).toMatchObject({ tickets: 3, firstResponseDone: 2, medianFirstResponseMinutes: 45, vouchersIssued: 2, spendFen: 1000 });
  });

  it('takes medians of business minutes to the minute', async () => {
    const { db } = w.h;
    const day = { from: bj('2026-11-24T00:00:00'), to: bj('2026-11-25T00:00:00') };
    for (const frMin of [10.4, 30.6, 12.2]) addTicket(db, { category: 'other', createdAt: bj('2026-11-24T09:00:00'), assigneeId: w.agent.id, fr: 'met', frMin, res: 'running' });
    expect((await report(day)).totals.medianFirstResponseMinutes).toBe(12);
    addTicket(db, { category: 'other', createdAt: bj('2026-11-24T10:00:00'), assigneeId: w.agent.id, fr: 'met', frMin: 45.5, res: 'running' });
    // 10, 12, 31, 46 (rounded): the mean of the middle two.
    expect((await report(day)).totals.medianFirstResponseMinutes).toBe(21.5);
  });

  it('is empty, with a row for every week, for a range with no tickets', async () => {
    const r = await report({ from: bj('2025-01-01T00:00:00'), to: bj('2025-01-08T00:00:00') });
    expect(r.totals).toMatchObject({ tickets: 0, firstResponsePct: null, medianFirstResponseMinutes: null, spendFen: 0 });
    expect(r.categories).toEqual([]);
    expect(r.vouchers).toEqual([]);
    expect(r.byWeek.map((x) => [x.week, x.tickets])).toEqual([
      ['2024-12-30', 0],
      ['2025-01-06', 0],
    ]);
  });
});

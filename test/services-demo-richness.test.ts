import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SurveyFigures } from '../core/contract/views';
import type { CallbacksReport, ComplaintsReport, OutcomesReport, SatisfactionReport } from '../core/contract/views-reports';
import { dayIso, dayNumber } from '../core/reports/time';
import { cleanup, DAY, makeHarness, rows, switchTo, type Harness } from './helpers';

/*
 * Issue 11 #15: a first-run demo must give every report and figure something to show — calls on every
 * day of the last 30, questionnaire answers for a realistic share of reached calls, and tickets for
 * the customers whose complaint is being followed up.
 */

let h: Harness;
let info: SessionInfo;
const range = () => {
  // The last 30 whole Beijing days up to and including today.
  const today = dayNumber(h.now());
  const from = Date.parse(`${dayIso(today - 29)}T00:00:00+08:00`);
  return { from, to: Date.parse(`${dayIso(today)}T00:00:00+08:00`) + DAY };
};

beforeAll(async () => {
  h = makeHarness();
  info = await h.ok<SessionInfo>('session.setUp', { mode: 'demo', name: '组长', password: 'test-password-1', locale: 'zh-CN' });
  await switchTo(h, info.users.find((u) => u.role === 'supervisor')!);
}, 120_000);
afterAll(cleanup);

describe('first-run demo: every report has figures', () => {
  it('call outcomes: attempts on each of the last 30 days, weekdays busier, a realistic contact rate', async () => {
    const r = await h.ok<OutcomesReport>('reports.outcomes', range());
    if (process.env.DEMO_STATS) console.log(JSON.stringify({ totals: r.totals, byDay: r.byDay.map((d) => `${d.date}:${d.attempts}/${d.reached}`) }));
    expect(r.byDay).toHaveLength(30);
    for (const d of r.byDay) expect(d.attempts, d.date).toBeGreaterThan(0);
    expect(r.totals.contactRate).toBeGreaterThan(30);
    expect(r.totals.contactRate).toBeLessThan(60);
    const weekday = (iso: string) => new Date(`${iso}T12:00:00+08:00`).getUTCDay();
    const mean = (days: typeof r.byDay) => days.reduce((n, d) => n + d.attempts, 0) / days.length;
    const full = r.byDay.slice(0, -1);
    expect(mean(full.filter((d) => weekday(d.date) >= 1 && weekday(d.date) <= 5))).toBeGreaterThan(1.3 * mean(full.filter((d) => weekday(d.date) % 6 === 0)));
    for (const reason of r.byReason) expect(reason.attempts, reason.reason).toBeGreaterThan(0);
    expect(r.byAgent.length).toBe(3);
  });

  it('callbacks: closures on most days of the last 30', async () => {
    const r = await h.ok<CallbacksReport>('reports.callbacks', range());
    expect(r.byDay.filter((d) => d.closed > 0).length).toBeGreaterThanOrEqual(28);
    expect(r.totals.completionRate).toBeGreaterThan(50);
  });

  it('satisfaction: CSAT, NPS and the response rate from questionnaire answers, every week', async () => {
    const r = await h.ok<SatisfactionReport>('reports.satisfaction', range());
    expect(r.totals.started).toBeGreaterThan(300);
    expect(r.totals.responseRate).toBeGreaterThanOrEqual(30);
    expect(r.totals.responseRate).toBeLessThanOrEqual(50);
    expect(r.totals.completionRate).toBeGreaterThan(60);
    expect(r.totals.csat).toBeGreaterThan(50);
    expect(r.totals.csat).toBeLessThan(95);
    expect(r.totals.nps).toBeGreaterThan(-20);
    expect(r.totals.nps).toBeLessThan(70);
    for (const w of r.byWeek) expect(w.csatAnswers, w.week).toBeGreaterThan(0);
    for (const p of r.byPurpose) expect(p.started, p.purpose).toBeGreaterThan(0);
    expect(r.question).not.toBeNull();
    expect(r.question!.counts.filter((c) => c.count > 0).length).toBeGreaterThan(2);
  });

  it('complaints: tickets and vouchers over the range', async () => {
    const r = await h.ok<ComplaintsReport>('reports.complaints', range());
    expect(r.totals.tickets).toBeGreaterThan(200);
    expect(r.totals.vouchersIssued).toBeGreaterThan(20);
    expect(r.categories.length).toBeGreaterThan(4);
  });

  it('survey figures: response and completion rates, CSAT, NPS and answer distributions for the built-in scripts', async () => {
    const f = await h.ok<SurveyFigures>('reports.survey', {});
    if (process.env.DEMO_STATS) console.log(JSON.stringify({ ...f, questions: f.questions.length, byVersion: f.byVersion.map((v) => [v.purpose, v.started, v.completed, v.csat, v.nps]) }));
    expect(f.responseRate).toBeGreaterThanOrEqual(30);
    expect(f.responseRate).toBeLessThanOrEqual(50);
    expect(f.completionRate).toBeGreaterThan(60);
    expect(f.csat).not.toBeNull();
    expect(f.nps).not.toBeNull();
    // Only the mapped (zh-CN) built-in scripts, version 1 each.
    expect(f.byVersion.map((v) => v.purpose).sort()).toEqual(['care', 'complaint_followup', 'onboarding', 'satisfaction', 'winback']);
    for (const v of f.byVersion) {
      expect(v.version).toBe(1);
      expect(v.completed, v.scriptTitle).toBeGreaterThan(0);
    }
    expect(f.questions.filter((q) => q.answers > 0).length).toBeGreaterThan(20);
  });

  it('a customer tagged 曾投诉 with a complaint follow-up has a recent ticket, which the follow-up follows', () => {
    const followUps = rows<{ customerId: string; ticketId: string | null; tickets: number }>(
      h.db,
      `SELECT cb.customer_id AS customerId, cb.ticket_id AS ticketId,
              (SELECT count(*) FROM tickets t WHERE t.customer_id = cb.customer_id AND t.created_at >= ?) AS tickets
         FROM callbacks cb JOIN customers c ON c.id = cb.customer_id
        WHERE cb.reason = 'complaint_followup' AND c.tags LIKE '%"曾投诉"%'`,
      h.now() - 90 * DAY,
    );
    expect(followUps.length).toBeGreaterThan(500);
    for (const f of followUps) {
      expect(f.tickets, f.customerId).toBeGreaterThan(0);
      expect(f.ticketId).not.toBeNull();
    }
  });
});

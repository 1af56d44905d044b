import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbacksReport, OutcomesReport } from '../core/contract/views-reports';
import { cleanup } from './helpers';
import { addAttempt, bj, reportWorld, seedCallback, switchTo, type ReportWorld } from './reports-helpers';

/*
 * reports.outcomes (calls) and reports.callbacks (closures, backlog) on a handful of callbacks and
 * attempts whose figures are worked out by hand. The range is the week Mon 16 – Sun 22 November 2026
 * (Beijing); the clock is Mon 23 November 10:00.
 */

const WEEK = { from: bj('2026-11-16T00:00:00'), to: bj('2026-11-23T00:00:00') };
let w: ReportWorld;

beforeEach(async () => {
  w = await reportWorld();
  const { db } = w.h;
  const cb = (over: Parameters<typeof seedCallback>[2]) => seedCallback(db, w.customerId, over);
  // Created before the range, past due before it, completed on the 17th.
  const a = cb({ reason: 'complaint_followup', createdAt: bj('2026-11-10T09:00:00'), dueAt: bj('2026-11-15T12:00:00'), state: 'closed', outcome: 'completed', closedAt: bj('2026-11-17T11:00:00') });
  const b = cb({ reason: 'satisfaction', createdAt: bj('2026-11-16T09:00:00'), dueAt: null });
  // Due on the 18th and still open: overdue from then on.
  const c = cb({ reason: 'satisfaction', createdAt: bj('2026-11-16T10:00:00'), dueAt: bj('2026-11-18T10:00:00') });
  // Overdue at 09:00 and closed the same afternoon: never overdue at a day's end.
  const d = cb({ reason: 'complaint_followup', createdAt: bj('2026-11-17T08:00:00'), dueAt: bj('2026-11-17T09:00:00'), state: 'closed', outcome: 'unreachable', closedAt: bj('2026-11-17T15:00:00') });
  // Closed before the range: no part of it.
  const e = cb({ reason: 'winback', createdAt: bj('2026-11-01T09:00:00'), state: 'closed', outcome: 'refused', closedAt: bj('2026-11-05T09:00:00') });
  // Due after `now`: open but not overdue.
  cb({ reason: 'care', createdAt: bj('2026-11-20T09:00:00'), dueAt: bj('2026-11-25T10:00:00') });

  const [me, li] = [w.agent.id, w.colleague.id];
  addAttempt(db, a, me, bj('2026-11-17T10:50:00'), 'reached');
  addAttempt(db, d, li, bj('2026-11-17T09:30:00'), 'no_answer');
  addAttempt(db, d, li, bj('2026-11-17T12:00:00'), 'busy');
  addAttempt(db, d, me, bj('2026-11-17T14:50:00'), 'voicemail');
  addAttempt(db, c, li, bj('2026-11-18T10:30:00'), 'callback_later');
  addAttempt(db, b, me, bj('2026-11-16T23:59:59.999'), 'no_answer'); // last instant of the 16th
  addAttempt(db, e, me, bj('2026-11-15T23:59:59.999'), 'refused'); // before the range
  addAttempt(db, b, me, bj('2026-11-23T00:00:00'), 'no_answer'); // the range's end is exclusive
});
afterEach(cleanup);

const report = (input: Record<string, unknown> = {}) => w.h.ok<OutcomesReport>('reports.outcomes', { ...WEEK, ...input });
const callbacks = (input: Record<string, unknown> = {}) => w.h.ok<CallbacksReport>('reports.callbacks', { ...WEEK, ...input });

describe('reports.outcomes', () => {
  it('counts attempts and contact over the range', async () => {
    const r = await report();
    expect(r.totals).toEqual({ attempts: 6, reached: 1, contactRate: 16.7 });
    expect(Object.fromEntries(r.dispositions.map((d) => [d.disposition, d.count]))).toEqual({
      reached: 1,
      no_answer: 2,
      busy: 1,
      voicemail: 1,
      wrong_number: 0,
      callback_later: 1,
      refused: 0,
      dnc_requested: 0,
    });
    expect(r.dispositions.find((d) => d.disposition === 'no_answer')!.share).toBe(33.3);
  });

  it('breaks the calls down by reason, by agent and by day (every day of the range)', async () => {
    const r = await report();
    expect(Object.fromEntries(r.byReason.map((x) => [x.reason, [x.attempts, x.reached, x.contactRate]]))).toEqual({
      complaint_followup: [4, 1, 25],
      satisfaction: [2, 0, 0],
      winback: [0, 0, null],
      onboarding: [0, 0, null],
      care: [0, 0, null],
    });
    expect(Object.fromEntries(r.byAgent.map((x) => [x.name, [x.attempts, x.reached, x.contactRate]]))).toEqual({ 王芳: [3, 1, 33.3], 李静: [3, 0, 0] });
    expect(r.byDay.map((d) => [d.date, d.attempts, d.reached])).toEqual([
      ['2026-11-16', 1, 0],
      ['2026-11-17', 4, 1],
      ['2026-11-18', 1, 0],
      ['2026-11-19', 0, 0],
      ['2026-11-20', 0, 0],
      ['2026-11-21', 0, 0],
      ['2026-11-22', 0, 0],
    ]);
  });

  it('narrows to one team member and to one reason', async () => {
    const mine = await report({ agentId: w.colleague.id });
    expect(mine.totals).toEqual({ attempts: 3, reached: 0, contactRate: 0 });
    expect(mine.byAgent.map((a) => a.name)).toEqual(['李静']);
    expect((await report({ reason: 'satisfaction' })).totals).toEqual({ attempts: 2, reached: 0, contactRate: 0 });
  });

  it('is all zeros, not an error, for a range with no calls', async () => {
    const r = await report({ from: bj('2025-01-01T00:00:00'), to: bj('2025-01-04T00:00:00') });
    expect(r.totals).toEqual({ attempts: 0, reached: 0, contactRate: null });
    expect(r.byDay.map((d) => [d.date, d.attempts])).toEqual([
      ['2025-01-01', 0],
      ['2025-01-02', 0],
      ['2025-01-03', 0],
    ]);
    expect(r.byAgent).toEqual([]);
    expect(r.dispositions.every((d) => d.count === 0 && d.share === null)).toBe(true);
  });

  it('is for supervisors, and refuses a reversed or too long range', async () => {
    await switchTo(w.h, w.agent);
    expect((await w.h.err('reports.outcomes', WEEK)).code).toBe('FORBIDDEN');
    expect((await w.h.err('reports.callbacks', WEEK)).code).toBe('FORBIDDEN');
    await switchTo(w.h, w.supervisor);
    expect((await w.h.err('reports.outcomes', { from: WEEK.to, to: WEEK.from })).code).toBe('BAD_INPUT');
    expect((await w.h.err('reports.outcomes', { from: 0, to: WEEK.to })).code).toBe('BAD_INPUT');
    expect((await w.h.err('reports.outcomes', { ...WEEK, reason: 'nope' })).code).toBe('BAD_INPUT');
  });

  it('writes nothing', async () => {
    const before = w.h.db.$client.prepare('SELECT count(*) AS n FROM outbox').get();
    await report();
    await callbacks();
    expect(w.h.db.$client.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(before);
  });
});

describe('reports.callbacks', () => {
  it('counts closures and completion, by reason and by day, with backlog and overdue at each day’s end', async () => {
    const r = await callbacks();
    expect(r.totals).toEqual({ closed: 2, completed: 1, completionRate: 50, backlog: 3, overdue: 1 });
    expect(Object.fromEntries(r.byReason.map((x) => [x.reason, [x.closed, x.completed, x.completionRate]]))).toEqual({
      complaint_followup: [2, 1, 50],
      satisfaction: [0, 0, null],
      winback: [0, 0, null],
      onboarding: [0, 0, null],
      care: [0, 0, null],
    });
    expect(r.byDay.map((d) => [d.date, d.closed, d.completed, d.backlog, d.overdue])).toEqual([
      ['2026-11-16', 0, 0, 3, 1],
      ['2026-11-17', 2, 1, 2, 0],
      ['2026-11-18', 0, 0, 2, 1],
      ['2026-11-19', 0, 0, 2, 1],
      ['2026-11-20', 0, 0, 3, 1],
      ['2026-11-21', 0, 0, 3, 1],
      ['2026-11-22', 0, 0, 3, 1],
    ]);
  });

  it('shows today’s backlog as of now and none for days still to come', async () => {
    const r = await callbacks({ from: bj('2026-11-22T00:00:00'), to: bj('2026-11-25T00:00:00') });
    expect(r.byDay.map((d) => [d.date, d.backlog, d.overdue])).toEqual([
      ['2026-11-22', 3, 1],
      ['2026-11-23', 3, 1],
      ['2026-11-24', null, null],
    ]);
    expect(r.totals).toMatchObject({ backlog: 3, overdue: 1 });
    const future = await callbacks({ from: bj('2026-12-01T00:00:00'), to: bj('2026-12-03T00:00:00') });
    expect(future.totals).toEqual({ closed: 0, completed: 0, completionRate: null, backlog: null, overdue: null });
  });

  it('counts a closure after the range as open during it', async () => {
    const r = await callbacks({ from: bj('2026-11-16T00:00:00'), to: bj('2026-11-17T00:00:00') });
    expect(r.totals).toEqual({ closed: 0, completed: 0, completionRate: null, backlog: 3, overdue: 1 });
  });

  it('narrows to one reason (the backlog too); a team member does not narrow callbacks', async () => {
    const r = await callbacks({ reason: 'satisfaction' });
    expect(r.totals).toEqual({ closed: 0, completed: 0, completionRate: null, backlog: 2, overdue: 1 });
    expect(r.byDay.map((d) => [d.backlog, d.overdue])).toEqual([
      [2, 0],
      [2, 0],
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    const complaints = await callbacks({ reason: 'complaint_followup' });
    expect(complaints.byDay.map((d) => [d.closed, d.backlog, d.overdue])).toEqual([
      [0, 1, 1],
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(await callbacks({ agentId: w.colleague.id })).toEqual(await callbacks());
  });

  it('is empty for a range before any callback', async () => {
    const r = await callbacks({ from: bj('2025-01-01T00:00:00'), to: bj('2025-01-03T00:00:00') });
    expect(r.totals).toEqual({ closed: 0, completed: 0, completionRate: null, backlog: 0, overdue: 0 });
    expect(r.byDay.map((d) => [d.date, d.closed, d.backlog])).toEqual([
      ['2025-01-01', 0, 0],
      ['2025-01-02', 0, 0],
    ]);
  });
});

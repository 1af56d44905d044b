import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyFigures } from '../core/contract/views';
import type { SatisfactionReport } from '../core/contract/views-reports';
import { cleanup } from './helpers';
import { addAttempt, addResponse, addScriptVersion, bj, reportWorld, seedCallback, type ReportWorld } from './reports-helpers';

/*
 * reports.satisfaction over two weeks (Mon 9 and Mon 16 November 2026, Beijing): a satisfaction script
 * in two versions and a complaint follow-up script that shares the question key `csat`.
 */

const RANGE = { from: bj('2026-11-09T00:00:00'), to: bj('2026-11-23T00:00:00') };
let w: ReportWorld;

beforeEach(async () => {
  w = await reportWorld();
  const { db } = w.h;
  const [me, li] = [w.agent.id, w.colleague.id];
  const sat1 = addScriptVersion(db, {
    purpose: 'satisfaction',
    version: 1,
    createdAt: bj('2026-10-01T09:00:00'),
    questions: [
      { key: 'csat', type: 'rating', text: '您对本次服务满意吗？' },
      { key: 'rec', type: 'nps' },
      { key: 'channel', type: 'multi', choices: [{ value: 'app', label: '手机应用' }, { value: 'web', label: '网页' }, { value: 'phone', label: '电话' }] },
      { key: 'why', type: 'long_text' },
      { key: 'ok', type: 'yes_no' },
    ],
  });
  const sat2 = addScriptVersion(db, {
    scriptId: sat1.scriptId,
    purpose: 'satisfaction',
    version: 2,
    createdAt: bj('2026-11-12T09:00:00'),
    questions: [
      { key: 'csat', type: 'rating', text: '整体而言，您对本次服务的满意程度？' },
      { key: 'rec', type: 'nps' },
      { key: 'channel', type: 'multi', choices: [{ value: 'phone', label: '客服电话' }, { value: 'app', label: '钱包 App' }, { value: 'web', label: '网页版' }, { value: 'mini', label: '小程序' }] },
      { key: 'why', type: 'long_text' },
      { key: 'ok', type: 'yes_no' },
    ],
  });
  const comp = addScriptVersion(db, { purpose: 'complaint_followup', version: 1, createdAt: bj('2026-11-01T09:00:00'), questions: [{ key: 'csat', type: 'rating', text: '问题解决得满意吗？' }] });

  const satCb = seedCallback(db, w.customerId, { reason: 'satisfaction', createdAt: bj('2026-11-01T09:00:00') });
  const compCb = seedCallback(db, w.customerId, { reason: 'complaint_followup', createdAt: bj('2026-11-01T09:00:00') });
  // The base of the response rate: reached calls, per week.
  addAttempt(db, satCb, me, bj('2026-11-10T10:00:00'), 'reached');
  addAttempt(db, satCb, me, bj('2026-11-11T10:00:00'), 'reached');
  addAttempt(db, satCb, li, bj('2026-11-17T10:00:00'), 'reached');
  addAttempt(db, satCb, li, bj('2026-11-18T10:00:00'), 'reached');
  addAttempt(db, satCb, li, bj('2026-11-18T11:00:00'), 'no_answer');
  addAttempt(db, compCb, me, bj('2026-11-19T10:00:00'), 'reached');

  const on = (cb: { id: string; customerId: string }) => ({ callbackId: cb.id, customerId: cb.customerId });
  addResponse(db, { ...on(satCb), agentId: me, versionId: sat1.versionId, status: 'completed', startedAt: bj('2026-11-10T10:05:00'), answers: [['csat', 5], ['rec', 10], ['channel', ['app', 'web']], ['why', '很好'], ['ok', true]] });
  // A corrected answer: only the latest counts.
  addResponse(db, { ...on(satCb), agentId: me, versionId: sat1.versionId, status: 'partial', startedAt: bj('2026-11-11T10:05:00'), answers: [['csat', 3], ['rec', 6], ['csat', 4]] });
  addResponse(db, { ...on(satCb), agentId: li, versionId: sat2.versionId, status: 'completed', startedAt: bj('2026-11-17T10:05:00'), answers: [['csat', 2], ['rec', 9], ['channel', ['phone']], ['ok', false]] });
  addResponse(db, { ...on(compCb), agentId: me, versionId: comp.versionId, status: 'completed', startedAt: bj('2026-11-19T10:05:00'), answers: [['csat', 5]] });
  addResponse(db, { ...on(satCb), agentId: li, versionId: sat2.versionId, status: 'declined', startedAt: bj('2026-11-18T10:05:00'), answers: [] });
  // A cleared answer does not count.
  addResponse(db, { ...on(satCb), agentId: li, versionId: sat2.versionId, status: 'partial', startedAt: bj('2026-11-18T11:05:00'), answers: [['csat', 4], ['csat', null]] });
  // Before the range.
  addResponse(db, { ...on(satCb), agentId: me, versionId: sat1.versionId, status: 'completed', startedAt: bj('2026-11-05T10:05:00'), answers: [['csat', 1]] });
});
afterEach(cleanup);

const report = (input: Record<string, unknown> = {}) => w.h.ok<SatisfactionReport>('reports.satisfaction', { ...RANGE, ...input });

describe('reports.satisfaction', () => {
  it('counts response and completion rates, CSAT and NPS from the latest answers', async () => {
    const r = await report();
    expect(r.totals).toEqual({
      reached: 5,
      started: 6,
      completed: 3,
      responseRate: 120,
      completionRate: 50,
      csatAnswers: 4,
      csatPositive: 3,
      csat: 75,
      npsAnswers: 3,
      promoters: 2,
      detractors: 1,
      nps: 33.3,
    });
  });

  it('trends by week and by week and purpose', async () => {
    const r = await report();
    expect(r.byWeek.map((x) => [x.week, x.reached, x.started, x.completed, x.responseRate, x.csat, x.nps])).toEqual([
      ['2026-11-09', 2, 2, 1, 100, 100, 0],
      ['2026-11-16', 3, 4, 2, 133.3, 50, 100],
    ]);
    const wp = r.byWeekPurpose.map((x) => [x.week, x.purpose, x.csatAnswers, x.csat, x.npsAnswers, x.nps]);
    expect(wp).toEqual(
      expect.arrayContaining([
        ['2026-11-09', 'satisfaction', 2, 100, 2, 0],
        ['2026-11-16', 'satisfaction', 1, 0, 1, 100],
        ['2026-11-16', 'complaint_followup', 1, 100, 0, null],
      ]),
    );
    expect(wp).toHaveLength(3);
    expect(r.byPurpose.map((x) => [x.purpose, x.started, x.csat])).toEqual([
      ['complaint_followup', 1, 100],
      ['satisfaction', 5, 66.7],
    ]);
  });

  it('lists the answered question keys in their newest wording and shows the first rating by default', async () => {
    const r = await report();
    expect(r.questions.map((q) => q.key).sort()).toEqual(['channel', 'csat', 'ok', 'rec', 'why']);
    expect(r.questions.find((q) => q.key === 'csat')!.text).toBe('整体而言，您对本次服务的满意程度？');
    expect(r.question).toMatchObject({ key: 'csat', type: 'rating', answers: 4, omitted: 0 });
    expect(r.question!.counts.map((c) => [c.value, c.count])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 0],
      ['4', 1],
      ['5', 2],
    ]);
  });

  it('counts each choice of a multiple choice across versions, labelled as the newest version', async () => {
    const r = await report({ questionKey: 'channel' });
    expect(r.question!.answers).toBe(2);
    expect(r.question!.counts).toEqual([
      { value: 'phone', label: '客服电话', count: 1 },
      { value: 'app', label: '钱包 App', count: 1 },
      { value: 'web', label: '网页版', count: 1 },
      { value: 'mini', label: '小程序', count: 0 },
    ]);
  });

  it('counts yes/no answers, and text answers without listing them', async () => {
    expect((await report({ questionKey: 'ok' })).question!.counts.map((c) => [c.value, c.count])).toEqual([
      ['true', 1],
      ['false', 1],
    ]);
    const text = (await report({ questionKey: 'why' })).question!;
    expect(text).toMatchObject({ key: 'why', type: 'long_text', answers: 1, counts: [] });
  });

  it('narrows to one purpose and to one team member', async () => {
    const byPurpose = await report({ purpose: 'complaint_followup' });
    expect(byPurpose.totals).toMatchObject({ reached: 1, started: 1, csat: 100, nps: null });
    expect(byPurpose.questions.map((q) => q.key)).toEqual(['csat']);
    expect(byPurpose.question!.text).toBe('问题解决得满意吗？');
    const byAgent = await report({ agentId: w.colleague.id });
    expect(byAgent.totals).toMatchObject({ reached: 2, started: 3, completed: 1, csatAnswers: 1, csat: 0, nps: 100 });
  });

  it('is empty, with no question, for a range with no questionnaires', async () => {
    const r = await report({ from: bj('2025-01-01T00:00:00'), to: bj('2025-01-15T00:00:00') });
    expect(r.totals).toMatchObject({ reached: 0, started: 0, responseRate: null, csat: null, nps: null });
    expect(r.byWeek.map((x) => [x.week, x.started])).toEqual([
      ['2024-12-30', 0],
      ['2025-01-06', 0],
      ['2025-01-13', 0],
    ]);
    expect(r.questions).toEqual([]);
    expect(r.question).toBeNull();
    expect(r.byWeekPurpose).toEqual([]);
  });

  it('agrees with the survey figures page on the same range and filters', async () => {
    for (const filter of [{}, { purpose: 'satisfaction' }, { agentId: w.colleague.id }]) {
      const mine = (await report(filter)).totals;
      const page = await w.h.ok<SurveyFigures>('reports.survey', { ...RANGE, ...filter });
      expect([mine.csat, mine.nps, mine.reached, mine.started, mine.completed, mine.responseRate]).toEqual([
        page.csat,
        page.nps,
        page.reachedCalls,
        page.started,
        page.completed,
        page.responseRate,
      ]);
    }
  });

  it('refuses a question key that is not one', async () => {
    expect((await w.h.err('reports.satisfaction', { ...RANGE, questionKey: 'Bad Key' })).code).toBe('BAD_INPUT');
  });
});

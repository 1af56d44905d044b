import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, ResponseView, ScriptDetail, ScriptSummary, SurveyFigures } from '../core/contract/views';
import { choices, makeScript } from '../core/questionnaire/testing';
import { cleanup, contentHash, MIN, row, switchTo, T0 } from './helpers';
import { as, builtinId, callback, outcome, publishMapped, responseRow, team } from './questionnaire-helpers';

afterEach(cleanup);

describe('a new version while a call is in progress', () => {
  const extra = { purpose: 'satisfaction' as const, locale: 'zh-CN' as const, title: '满意度 S' };
  const V1 = makeScript(
    [
      { key: 'overall', type: 'rating', required: true, text: '整体满意度，1到5分您打几分？' },
      { key: 'reason', type: 'single', choices: choices('slow', 'price', 'other_issue'), showIf: { q: 'overall', op: 'between', min: 1, max: 3 }, text: '主要原因是？' },
      { key: 'recommend', type: 'nps', required: true, text: '您有多大可能推荐我们？' },
    ],
    extra,
  );
  const V2 = makeScript(
    [
      { key: 'overall', type: 'rating', required: true, text: '对我们这次服务的整体满意度打几分？（新）' },
      { key: 'reason', type: 'single', choices: choices('slow', 'price', 'other_issue'), showIf: { q: 'overall', op: 'between', min: 1, max: 3 }, text: '主要原因是？' },
      { key: 'recommend', type: 'nps', required: true, text: '您有多大可能推荐我们？' },
      { key: 'channel', type: 'single', required: true, choices: choices('app', 'web'), text: '您主要通过哪个渠道使用？' },
    ],
    extra,
  );

  it('the call finishes on the version it started with; new calls use the new one; the report keeps both', async () => {
    const t = await team();
    const { h } = t;
    const s = await publishMapped(t, V1);
    const sId = s.script.id;
    const v1Id = s.versions[0]!.id;
    const cbs = Array.from({ length: 6 }, () => callback(h, 'satisfaction'));
    const answer = (responseId: string, key: string, value: unknown) => h.ok<ResponseView>('responses.answer', { responseId, key, answer: { value } });
    const reached = async (cb: string, reason?: string) => {
      const r = await outcome(h, cb, 'reached', reason ? { surveySkipReason: reason } : {});
      expect(r.ok, JSON.stringify(r)).toBe(true);
    };

    // Two calls begin on v1.
    const r1 = await h.ok<ResponseView>('responses.start', { callbackId: cbs[0] });
    expect(r1).toMatchObject({ versionId: v1Id, version: 1, scriptId: sId, content: V1, answers: {} });
    await answer(r1.id, 'overall', 5);
    const r2 = await h.ok<ResponseView>('responses.start', { callbackId: cbs[1] });
    await answer(r2.id, 'overall', 2);
    await answer(r2.id, 'reason', 'slow');

    // Meanwhile the supervisor publishes v2.
    h.advance(MIN);
    const p2 = await as(t, t.sup, async () => {
      await h.ok('scripts.saveDraft', { id: sId, content: V2 });
      return h.ok<ScriptDetail>('scripts.publish', { id: sId });
    });
    const v2Id = p2.versions[0]!.id;
    expect(p2.versions.map((v) => [v.version, v.id])).toEqual([
      [2, v2Id],
      [1, v1Id],
    ]);

    // The calls in progress continue on v1: v2's new question is not theirs.
    const fc1 = await h.ok<CallScriptState>('responses.forCallback', { callbackId: cbs[0] });
    expect(fc1.applies).toMatchObject({ scriptId: sId, title: '满意度 S', version: 2 });
    expect(fc1.response).toMatchObject({ id: r1.id, versionId: v1Id, version: 1, content: V1, answers: { overall: { value: 5 } } });
    let before = contentHash(h.db);
    const e = await h.err('responses.answer', { responseId: r1.id, key: 'channel', answer: { value: 'app' } });
    expect(e).toMatchObject({ code: 'BAD_INPUT', details: { code: 'unknown_question', key: 'channel' } });
    expect(contentHash(h.db)).toBe(before);
    const a1 = await answer(r1.id, 'recommend', 9);
    expect(a1).toMatchObject({ versionId: v1Id, version: 1, content: V1 });
    // Resuming does not move it to v2 either.
    expect((await h.ok<ResponseView>('responses.start', { callbackId: cbs[0] })).versionId).toBe(v1Id);
    const f1 = await h.ok<ResponseView>('responses.finish', { responseId: r1.id, status: 'completed' });
    expect(f1).toMatchObject({ status: 'completed', versionId: v1Id, version: 1, answers: { overall: { value: 5 }, recommend: { value: 9 } } });
    await reached(cbs[0]!); // completed: no reason needed

    await answer(r2.id, 'recommend', 6);
    await h.ok('callbacks.startCall', { id: cbs[1]! });
    before = contentHash(h.db);
    const noReason = await outcome(h, cbs[1]!, 'reached');
    expect(noReason).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { field: 'surveySkipReason' } } });
    expect(contentHash(h.db)).toBe(before);
    await reached(cbs[1]!, '客户赶时间');
    expect(responseRow(h, r2.id)).toEqual({ status: 'partial', ended_at: T0 + MIN, script_version_id: v1Id });

    // New calls start on v2.
    const takeV2 = async (cb: string, answers: [string, unknown][], status: 'completed' | 'declined') => {
      const r = await h.ok<ResponseView>('responses.start', { callbackId: cb });
      expect(r).toMatchObject({ versionId: v2Id, version: 2, content: V2 });
      for (const [k, v] of answers) await answer(r.id, k, v);
      await h.ok('responses.finish', { responseId: r.id, status });
      return r;
    };
    await takeV2(cbs[2]!, [['overall', 4], ['recommend', 10], ['channel', 'app']], 'completed');
    await reached(cbs[2]!);
    await takeV2(cbs[3]!, [['overall', 3], ['reason', 'price'], ['recommend', 8], ['channel', 'web']], 'completed');
    await reached(cbs[3]!);
    await takeV2(cbs[4]!, [], 'declined');
    await reached(cbs[4]!, '客户不愿回答');
    await takeV2(cbs[5]!, [['overall', 5], ['recommend', 9], ['channel', 'app']], 'completed');
    await reached(cbs[5]!);

    /*
     * By hand. v1: ratings 5, 2 → CSAT 1/2 = 50; NPS 9, 6 → (1 − 1)/2 = 0.
     * v2: ratings 4, 3, 5 → CSAT 2/3 = 66.7; NPS 10, 8, 9 → (2 − 0)/3 = 66.7.
     * All: ratings 5, 2, 4, 3, 5 → 3/5 = 60; NPS 9, 6, 10, 8, 9 → (3 − 1)/5 = 40.
     * 6 reached calls, 6 started, 4 completed → response rate 100, completion 66.7.
     */
    const report = await h.ok<SurveyFigures>('reports.survey', { purpose: 'satisfaction' });
    expect(report).toMatchObject({ reachedCalls: 6, started: 6, completed: 4, responseRate: 100, completionRate: 66.7, csat: 60, nps: 40 });
    const common = { scriptId: sId, scriptTitle: '满意度 S', purpose: 'satisfaction' };
    expect(report.byVersion).toEqual([
      { ...common, version: 1, versionId: v1Id, started: 2, completed: 1, partial: 1, declined: 0, csat: 50, csatAnswers: 2, nps: 0, npsAnswers: 2 },
      { ...common, version: 2, versionId: v2Id, started: 4, completed: 3, partial: 0, declined: 1, csat: 66.7, csatAnswers: 3, nps: 66.7, npsAnswers: 3 },
    ]);
    const byValue = (c: { value: string }[]) => [...c].sort((a, b) => a.value.localeCompare(b.value));
    const q = Object.fromEntries(report.questions.map((x) => [x.key, x]));
    // One row per key across versions, newest wording first.
    expect(report.questions.map((x) => x.key)).toEqual(['overall', 'reason', 'recommend', 'channel']);
    expect(q.overall).toEqual({
      key: 'overall',
      type: 'rating',
      text: V2.questions[0]!.text,
      answers: 5,
      counts: [
        { value: '2', label: '2', count: 1 },
        { value: '3', label: '3', count: 1 },
        { value: '4', label: '4', count: 1 },
        { value: '5', label: '5', count: 2 },
      ],
    });
    expect(q.recommend!.answers).toBe(5);
    expect(q.recommend!.counts.map((c) => [c.value, c.count])).toEqual([
      ['6', 1],
      ['8', 1],
      ['9', 2],
      ['10', 1],
    ]);
    expect(q.reason!.answers).toBe(2);
    expect(byValue(q.reason!.counts)).toEqual([
      { value: 'price', label: 'PRICE', count: 1 },
      { value: 'slow', label: 'SLOW', count: 1 },
    ]);
    expect(q.channel).toEqual({
      key: 'channel',
      type: 'single',
      text: V2.questions[3]!.text,
      answers: 3,
      counts: [
        { value: 'app', label: 'APP', count: 2 },
        { value: 'web', label: 'WEB', count: 1 },
      ],
    });

    // Filters: one version; one agent; another agent sees nothing.
    const onlyV1 = await h.ok<SurveyFigures>('reports.survey', { scriptId: sId, version: 1 });
    expect(onlyV1).toMatchObject({ started: 2, completed: 1, csat: 50, nps: 0 });
    expect(onlyV1.byVersion.map((v) => v.version)).toEqual([1]);
    expect((await h.ok<SurveyFigures>('reports.survey', { agentId: t.me.id })).byVersion).toEqual(report.byVersion);
    expect(await h.ok<SurveyFigures>('reports.survey', { agentId: t.other.id })).toMatchObject({
      reachedCalls: 0,
      started: 0,
      completed: 0,
      responseRate: null,
      completionRate: null,
      csat: null,
      nps: null,
      byVersion: [],
      questions: [],
    });
    // Response counts on the versions.
    const detail = await h.ok<ScriptDetail>('scripts.get', { id: sId });
    expect(detail.versions.map((v) => [v.version, v.responses])).toEqual([
      [2, 4],
      [1, 2],
    ]);
    // …and their sum on the script's summary, in the list and in the detail.
    expect(detail.script.responses).toBe(6);
    expect((await h.ok<ScriptSummary[]>('scripts.list')).find((x) => x.id === sId)!.responses).toBe(6);
    // v1's stored content is still what the v1 calls saw.
    expect(JSON.parse(row<{ content: string }>(h.db, 'SELECT content FROM script_versions WHERE id = ?', v1Id)!.content)).toEqual(V1);
  });
});

describe('hand-over and the response-rate base', () => {
  it('a callback rescheduled mid-questionnaire: the next agent starts afresh, the colleague’s response ends partial', async () => {
    const t = await team();
    const { h } = t;
    const cb = callback(h, 'satisfaction');
    // Agent A starts the questionnaire; the customer asks to be called back in two hours.
    const ra = await h.ok<ResponseView>('responses.start', { callbackId: cb });
    await h.ok('responses.answer', { responseId: ra.id, key: 'can_talk', answer: { value: true } });
    expect((await outcome(h, cb, 'callback_later', { callbackAt: T0 + 120 * MIN })).ok).toBe(true);
    expect(responseRow(h, ra.id).status).toBe('in_progress');

    // Agent B makes the next call and can take the questionnaire.
    h.advance(125 * MIN);
    await switchTo(h, t.other);
    await h.ok('callbacks.take', { id: cb });
    const rb = await h.ok<ResponseView>('responses.start', { callbackId: cb });
    expect(rb.id).not.toBe(ra.id);
    expect(rb.answers).toEqual({});
    expect(responseRow(h, ra.id)).toMatchObject({ status: 'partial', ended_at: T0 + 125 * MIN });
    await h.ok('responses.answer', { responseId: rb.id, key: 'can_talk', answer: { value: false } });
    await h.ok('responses.finish', { responseId: rb.id, status: 'completed' });
    const done = await outcome(h, cb, 'reached');
    expect(done.ok, JSON.stringify(done)).toBe(true);
    // A's response is still A's.
    expect((await h.err('responses.answer', { responseId: ra.id, key: 'can_talk', answer: { value: true } })).code).toBe('FORBIDDEN');
  });

  it('the response-rate base of a script counts only reached calls of its purpose', async () => {
    const t = await team();
    const { h } = t;
    const sat = builtinId(await h.ok<ScriptSummary[]>('scripts.list'), 'satisfaction', 'zh-CN');
    const s = callback(h, 'satisfaction');
    const r = await h.ok<ResponseView>('responses.start', { callbackId: s });
    await h.ok('responses.answer', { responseId: r.id, key: 'can_talk', answer: { value: false } });
    await h.ok('responses.finish', { responseId: r.id, status: 'completed' });
    expect((await outcome(h, s, 'reached')).ok).toBe(true);
    // Three reached complaint follow-ups: another script, another purpose.
    for (let i = 0; i < 3; i++) expect((await outcome(h, callback(h, 'complaint_followup'), 'reached', { surveySkipReason: '客户忙' })).ok).toBe(true);

    expect(await h.ok<SurveyFigures>('reports.survey', { purpose: 'satisfaction' })).toMatchObject({ reachedCalls: 1, started: 1, responseRate: 100 });
    // The report page filters by script without a purpose; the base must not take in other purposes' calls.
    expect(await h.ok<SurveyFigures>('reports.survey', { scriptId: sat })).toMatchObject({ reachedCalls: 1, started: 1, responseRate: 100 });
    expect(await h.ok<SurveyFigures>('reports.survey', {})).toMatchObject({ reachedCalls: 4, started: 1, responseRate: 25 });
  });
});

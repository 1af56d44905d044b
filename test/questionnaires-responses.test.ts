import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, ResponseView } from '../core/contract/views';
import { choices, makeScript } from '../core/questionnaire/testing';
import { cleanup, contentHash, makeHarness, MIN, row, rows, switchTo, T0, TEST_PASSWORD, type Harness } from './helpers';
import { as, attemptOf, callback, mapping, outcome, publishMapped, responseRow, team } from './questionnaire-helpers';

afterEach(cleanup);

describe('answers', () => {
  const CARE = makeScript(
    [
      { key: 'happy', type: 'yes_no', required: true, text: '您最近用得还满意吗？' },
      { key: 'why_not', type: 'short_text', required: true, showIf: { q: 'happy', op: 'eq', value: false }, text: '哪里不满意？' },
      { key: 'score', type: 'rating', required: true, text: '打几分？' },
      { key: 'visits', type: 'number', min: 0, max: 10, text: '本月用了几次？' },
      { key: 'topics', type: 'multi', choices: choices('fees', 'speed', 'support'), allowOther: true, text: '关心哪些方面？' },
    ],
    { purpose: 'care', locale: 'zh-CN', title: '关怀回访' },
  );

  it('are saved as given (normalised), survive a restart, and a change that hides a question clears its answer', async () => {
    const t = await team();
    await publishMapped(t, CARE);
    const cb = callback(t.h, 'care');
    const r = await t.h.ok<ResponseView>('responses.start', { callbackId: cb });
    expect(r).toMatchObject({ callbackId: cb, status: 'in_progress', startedAt: T0, endedAt: null, content: CARE, answers: {} });
    expect(r.context).toMatchObject({ agentName: '王芳', locale: 'zh-CN', ticketSubject: null, voucher: null });
    const give = (h: Harness, key: string, answer: unknown) => h.ok<ResponseView>('responses.answer', { responseId: r.id, key, answer });
    await give(t.h, 'happy', { value: false });
    t.h.advance(MIN);
    await give(t.h, 'why_not', { value: '  到账太慢  ' });
    await give(t.h, 'visits', { value: 3 });
    const last = await give(t.h, 'topics', { value: ['support', '_other', 'fees'], otherText: ' 积分 ' });
    const expected = {
      happy: { value: false },
      why_not: { value: '到账太慢' },
      visits: { value: 3 },
      topics: { value: ['fees', 'support', '_other'], otherText: '积分' },
    };
    expect(last.answers).toEqual(expected);
    expect(rows(t.h.db, 'SELECT question_key AS k, value, other_text AS o FROM survey_answers WHERE response_id = ? ORDER BY answered_at, id', r.id)).toEqual([
      { k: 'happy', value: 'false', o: null },
      { k: 'why_not', value: '"到账太慢"', o: null },
      { k: 'visits', value: '3', o: null },
      { k: 'topics', value: '["fees","support","_other"]', o: '积分' },
    ]);

    // Another back end on the same data (the app restarted): the questionnaire resumes as it was.
    t.h.backend.close();
    const h = makeHarness({ dataDir: t.h.dataDir, now: t.h.now() });
    // A restart signs everyone out: the agent (setUpEmpty's 王芳) signs in again.
    await h.ok('session.signIn', { login: '王芳', password: TEST_PASSWORD });
    const resumed = await h.ok<CallScriptState>('responses.forCallback', { callbackId: cb });
    expect(resumed.response).toMatchObject({ id: r.id, status: 'in_progress', versionId: r.versionId, answers: expected });
    expect((await h.ok<ResponseView>('responses.start', { callbackId: cb })).id).toBe(r.id);

    // Changing an earlier answer hides why_not: its answer is cleared by an appended null fact.
    h.advance(MIN);
    const changed = await give(h, 'happy', { value: true });
    expect(changed.answers).toEqual({ happy: { value: true }, visits: { value: 3 }, topics: expected.topics });
    expect(rows(h.db, `SELECT value, answered_at AS at FROM survey_answers WHERE response_id = ? AND question_key = 'why_not' ORDER BY answered_at, id`, r.id)).toEqual([
      { value: '"到账太慢"', at: T0 + MIN },
      { value: null, at: T0 + 2 * MIN },
    ]);
    const outbox = JSON.parse(row<{ args: string }>(h.db, 'SELECT args FROM outbox ORDER BY seq DESC LIMIT 1')!.args) as { cleared: { key: string }[] };
    expect(outbox.cleared.map((c) => c.key)).toEqual(['why_not']);

    // Refused answers write nothing.
    const before = contentHash(h.db);
    const refused: [string, unknown, string][] = [
      ['why_not', { value: '还是慢' }, 'not_visible'],
      ['score', { value: '5' }, 'wrong_type'],
      ['score', { value: 6 }, 'out_of_range'],
      ['score', { value: 0 }, 'out_of_range'],
      ['score', { value: 4.5 }, 'not_integer'],
      ['visits', { value: 11 }, 'out_of_range'],
      ['visits', { value: -1 }, 'out_of_range'],
      ['happy', { value: 'yes' }, 'wrong_type'],
      ['topics', { value: ['nope'] }, 'not_a_choice'],
      ['topics', { value: [] }, 'empty'],
      ['topics', { value: ['_other'] }, 'other_text_missing'],
      ['nope', { value: 1 }, 'unknown_question'],
    ];
    for (const [key, answer, code] of refused) {
      const e = await h.err('responses.answer', { responseId: r.id, key, answer });
      expect({ key, answer, e: e.code, code: e.details?.code }).toEqual({ key, answer, e: 'BAD_INPUT', code });
    }
    expect(contentHash(h.db)).toBe(before);

    // Clearing an answer.
    const cleared = await give(h, 'visits', null);
    expect(cleared.answers).toEqual({ happy: { value: true }, topics: expected.topics });
    expect(row(h.db, `SELECT value FROM survey_answers WHERE response_id = ? AND question_key = 'visits' ORDER BY answered_at DESC, id DESC LIMIT 1`, r.id)).toEqual({ value: null });
  });

  it('finishing: completed needs every visible required answer; partial and declined do not; only the taking agent may act', async () => {
    const t = await team();
    const { h } = t;
    await publishMapped(t, CARE);
    const start = async () => h.ok<ResponseView>('responses.start', { callbackId: callback(h, 'care') });
    const r = await start();
    await h.ok('responses.answer', { responseId: r.id, key: 'happy', answer: { value: false } });

    let before = contentHash(h.db);
    const e = await h.err('responses.finish', { responseId: r.id, status: 'completed' });
    expect(e).toMatchObject({ code: 'BAD_INPUT', details: { missingRequired: ['why_not', 'score'] } });
    expect(contentHash(h.db)).toBe(before);

    // Another agent, or the supervisor, may not answer or finish it.
    for (const user of [t.other, t.sup]) {
      await as(t, user, async () => {
        expect((await h.err('responses.answer', { responseId: r.id, key: 'score', answer: { value: 4 } })).code).toBe('FORBIDDEN');
        expect((await h.err('responses.finish', { responseId: r.id, status: 'declined' })).code).toBe('FORBIDDEN');
      });
    }
    expect(contentHash(h.db)).toBe(before);
    expect((await h.err('responses.answer', { responseId: '0190f5c0-0000-7000-8000-000000000001', key: 'happy', answer: { value: true } })).code).toBe('NOT_FOUND');

    h.advance(MIN);
    const partial = await h.ok<ResponseView>('responses.finish', { responseId: r.id, status: 'partial' });
    expect(partial).toMatchObject({ status: 'partial', endedAt: T0 + MIN, answers: { happy: { value: false } } });
    // Ended is ended.
    before = contentHash(h.db);
    expect((await h.err('responses.answer', { responseId: r.id, key: 'score', answer: { value: 4 } })).code).toBe('CONFLICT');
    expect((await h.err('responses.finish', { responseId: r.id, status: 'completed' })).code).toBe('CONFLICT');
    expect(contentHash(h.db)).toBe(before);

    const d = await start();
    expect(await h.ok<ResponseView>('responses.finish', { responseId: d.id, status: 'declined' })).toMatchObject({ status: 'declined', answers: {} });

    // Required means "required when shown": with happy = yes, why_not is not needed.
    const c = await start();
    await h.ok('responses.answer', { responseId: c.id, key: 'happy', answer: { value: true } });
    await h.ok('responses.answer', { responseId: c.id, key: 'score', answer: { value: 5 } });
    expect(await h.ok<ResponseView>('responses.finish', { responseId: c.id, status: 'completed' })).toMatchObject({ status: 'completed' });
  });
});

describe('a reached call without a completed questionnaire needs a reason', () => {
  it('asks for surveySkipReason only where a script applies and none was completed', async () => {
    const t = await team();
    const { h } = t;
    const reasonIsRequired = async (cb: string) => {
      await h.call('callbacks.startCall', { id: cb });
      const before = contentHash(h.db);
      const r = await outcome(h, cb, 'reached');
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { field: 'surveySkipReason' } } });
      expect(contentHash(h.db)).toBe(before);
    };

    // No response at all.
    const a = callback(h, 'satisfaction');
    await reasonIsRequired(a);
    expect((await outcome(h, a, 'reached', { surveySkipReason: '  客户说没时间  ' })).ok).toBe(true);
    expect(attemptOf(h, a)).toEqual({ disposition: 'reached', survey_skip_reason: '客户说没时间' });
    // A blank reason is no reason.
    const blank = callback(h, 'satisfaction');
    expect((await h.err('callbacks.recordOutcome', { callbackId: blank, disposition: 'reached', notes: '', startedAt: T0 - MIN, endedAt: T0, surveySkipReason: '   ' })).code).toBe('BAD_INPUT');

    // In progress: the refusal leaves it in progress; with a reason it ends partial.
    const b = callback(h, 'satisfaction');
    const rb = await h.ok<ResponseView>('responses.start', { callbackId: b });
    await h.ok('responses.answer', { responseId: rb.id, key: 'can_talk', answer: { value: true } });
    h.advance(MIN);
    await reasonIsRequired(b);
    expect(responseRow(h, rb.id).status).toBe('in_progress');
    expect((await outcome(h, b, 'reached', { surveySkipReason: '通话中断' })).ok).toBe(true);
    expect(responseRow(h, rb.id)).toMatchObject({ status: 'partial', ended_at: T0 + MIN });
    expect(attemptOf(h, b)!.survey_skip_reason).toBe('通话中断');

    // Declined is not completed: still needs a reason.
    const dcb = callback(h, 'satisfaction');
    const rd = await h.ok<ResponseView>('responses.start', { callbackId: dcb });
    await h.ok('responses.finish', { responseId: rd.id, status: 'declined' });
    await reasonIsRequired(dcb);
    expect((await outcome(h, dcb, 'reached', { surveySkipReason: '客户拒绝' })).ok).toBe(true);
    expect(responseRow(h, rd.id).status).toBe('declined');

    // Completed: no reason needed (and none is stored).
    const c = callback(h, 'satisfaction');
    const rc = await h.ok<ResponseView>('responses.start', { callbackId: c });
    await h.ok('responses.answer', { responseId: rc.id, key: 'can_talk', answer: { value: false } }); // ends the script
    await h.ok('responses.finish', { responseId: rc.id, status: 'completed' });
    expect((await outcome(h, c, 'reached')).ok).toBe(true);
    expect(attemptOf(h, c)).toEqual({ disposition: 'reached', survey_skip_reason: null });

    // A purpose with no script: no reason needed.
    await as(t, t.sup, () => h.ok('scripts.setMapping', { mapping: { care: null } }));
    expect(mapping(h).care).toBeNull();
    const d = callback(h, 'care');
    expect(await h.ok<CallScriptState>('responses.forCallback', { callbackId: d })).toEqual({ applies: null, response: null });
    expect((await h.err('responses.start', { callbackId: d })).code).toBe('NOT_FOUND');
    expect((await outcome(h, d, 'reached')).ok).toBe(true);

    // Other dispositions never need one, and a reason given with them is not kept; a response stays open.
    const e = callback(h, 'satisfaction');
    const re = await h.ok<ResponseView>('responses.start', { callbackId: e });
    for (const disposition of ['no_answer', 'busy', 'voicemail'] as const) {
      const cb = disposition === 'no_answer' ? e : callback(h, 'satisfaction');
      expect((await outcome(h, cb, disposition)).ok, disposition).toBe(true);
    }
    expect(responseRow(h, re.id).status).toBe('in_progress');
    const f = callback(h, 'satisfaction');
    expect((await outcome(h, f, 'refused', { surveySkipReason: '客户拒绝' })).ok).toBe(true);
    expect(attemptOf(h, f)).toEqual({ disposition: 'refused', survey_skip_reason: null });
    const g = callback(h, 'satisfaction');
    expect((await outcome(h, g, 'wrong_number')).ok).toBe(true);
  });
});

describe('finding (see the report): fails on the code as written', () => {
  it('another agent cannot end a questionnaire under way on a callback someone else holds', async () => {
    const t = await team();
    const { h } = t;
    const cb = callback(h, 'satisfaction');
    await h.ok('callbacks.take', { id: cb });
    const ra = await h.ok<ResponseView>('responses.start', { callbackId: cb });
    await h.ok('responses.answer', { responseId: ra.id, key: 'can_talk', answer: { value: true } });
    // A colleague opens the same callback (still leased to A, so they cannot take or call it) and presses start.
    await switchTo(h, t.other);
    expect((await h.err('callbacks.take', { id: cb })).code).toBe('LEASE_LOST');
    const before = contentHash(h.db);
    const r = await h.call('responses.start', { callbackId: cb });
    expect(r.ok).toBe(false);
    expect(contentHash(h.db)).toBe(before);
    expect(responseRow(h, ra.id).status).toBe('in_progress');
  });
});

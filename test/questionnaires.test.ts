import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, ResponseView, ScriptDetail, ScriptSummary, SessionInfo, SurveyFigures } from '../core/contract/views';
import { REASONS, type Disposition, type Reason } from '../core/domain/model';
import type { UserRecord } from '../core/domain/records';
import { BUILTIN_SCRIPTS, builtinKey, builtinScript } from '../core/questionnaire/builtin';
import type { ScriptContent } from '../core/questionnaire/model';
import { choices, makeScript } from '../core/questionnaire/testing';
import { updateDraftContent } from '../db/repos/scripts';
import {
  cleanup,
  contentHash,
  count,
  createUser,
  makeHarness,
  MIN,
  row,
  rows,
  seedCallback,
  seedCustomer,
  setUpEmpty,
  switchTo,
  T0,
  type Harness,
} from './helpers';

afterEach(cleanup);

interface Team {
  h: Harness;
  me: UserRecord;
  other: UserRecord;
  sup: UserRecord;
}

/** An empty zh-CN console with its agent (signed in), a second agent and a supervisor. */
async function team(): Promise<Team> {
  const h = makeHarness();
  const me = await setUpEmpty(h);
  const other = await createUser(h, '李静', 'agent');
  const sup = await createUser(h, '周敏', 'supervisor');
  return { h, me, other, sup };
}

/** Runs `fn` as `user`, then signs the agent back in. */
async function as<T>(t: Team, user: UserRecord, fn: () => Promise<T>): Promise<T> {
  await switchTo(t.h, user);
  try {
    return await fn();
  } finally {
    await switchTo(t.h, t.me);
  }
}

/** A fresh customer with one open callback of this purpose (seeded, no outbox). */
function callback(h: Harness, reason: Reason): string {
  const customer = seedCustomer(h.db);
  return seedCallback(h.db, customer.id, { reason }).id;
}

function mapping(h: Harness): Record<string, string | null> {
  const r = row<{ value: string }>(h.db, `SELECT value FROM settings WHERE key = 'script_mapping'`);
  return r ? (JSON.parse(r.value) as Record<string, string | null>) : {};
}

function outcome(h: Harness, callbackId: string, disposition: Disposition, extra: Record<string, unknown> = {}) {
  return h.call('callbacks.recordOutcome', { callbackId, disposition, notes: '', startedAt: h.now() - 3 * MIN, endedAt: h.now() - MIN, ...extra });
}

const attemptOf = (h: Harness, callbackId: string) =>
  row<{ disposition: string; survey_skip_reason: string | null }>(
    h.db,
    'SELECT disposition, survey_skip_reason FROM call_attempts WHERE callback_id = ? ORDER BY started_at DESC LIMIT 1',
    callbackId,
  );

const responseRow = (h: Harness, id: string) =>
  row<{ status: string; ended_at: number | null; script_version_id: string }>(h.db, 'SELECT status, ended_at, script_version_id FROM survey_responses WHERE id = ?', id)!;

/** Makes, fills, publishes and maps a script of its content's purpose; returns the detail after publishing. */
async function publishMapped(t: Team, content: ScriptContent): Promise<ScriptDetail> {
  return as(t, t.sup, async () => {
    const created = await t.h.ok<ScriptDetail>('scripts.create', { purpose: content.purpose, locale: content.locale, title: content.title });
    await t.h.ok('scripts.saveDraft', { id: created.script.id, content });
    const published = await t.h.ok<ScriptDetail>('scripts.publish', { id: created.script.id });
    await t.h.ok('scripts.setMapping', { mapping: { [content.purpose]: created.script.id } });
    return published;
  });
}

const builtinId = (list: ScriptSummary[], purpose: Reason, locale: 'zh-CN' | 'en') => list.find((s) => s.purpose === purpose && s.locale === locale)!.id;

describe('built-in scripts and who may change scripts', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`setUp (${locale}) installs ten published v1 scripts and maps each purpose to the ${locale} one`, async () => {
      const h = makeHarness();
      await h.ok('session.setUp', { mode: 'empty', agentName: '王芳', locale });
      const list = await h.ok<ScriptSummary[]>('scripts.list');
      expect(list).toHaveLength(10);
      expect(BUILTIN_SCRIPTS).toHaveLength(10);
      // Listed by purpose, then locale.
      expect(list.map((s) => `${s.purpose}/${s.locale}`)).toEqual([...REASONS].sort().flatMap((p) => [`${p}/en`, `${p}/zh-CN`]));
      for (const s of list) {
        expect(s).toEqual({
          id: expect.any(String),
          purpose: s.purpose,
          locale: s.locale,
          title: builtinScript(s.purpose, s.locale).title,
          builtinKey: builtinKey(s.purpose, s.locale),
          retiredAt: null,
          latestVersion: 1,
          publishedVersion: 1,
          hasDraft: false,
          mappedFor: s.locale === locale ? [s.purpose] : [],
        });
        const detail = await h.ok<ScriptDetail>('scripts.get', { id: s.id });
        expect(detail.script).toEqual(s);
        expect(detail.versions).toEqual([
          {
            id: expect.any(String),
            version: 1,
            status: 'published',
            content: builtinScript(s.purpose, s.locale),
            createdAt: T0,
            publishedAt: T0,
            // Built in: published by no one in particular.
            publishedByName: null,
            responses: 0,
          },
        ]);
      }
      const m = mapping(h);
      expect(Object.keys(m).sort()).toEqual([...REASONS].sort());
      for (const purpose of REASONS) expect(m[purpose]).toBe(builtinId(list, purpose, locale));
      // A callback of any purpose opens the locale's script.
      for (const purpose of REASONS) {
        const cb = callback(h, purpose);
        expect(await h.ok<CallScriptState>('responses.forCallback', { callbackId: cb })).toMatchObject({
          applies: { scriptId: builtinId(list, purpose, locale), title: builtinScript(purpose, locale).title, version: 1 },
          response: null,
        });
      }
    });
  }

  it('agents may read scripts but not create, edit, publish, retire, import or map them; nothing is written', async () => {
    const t = await team();
    const { h } = t;
    const list = await h.ok<ScriptSummary[]>('scripts.list');
    const sat = builtinId(list, 'satisfaction', 'zh-CN');
    const content = builtinScript('satisfaction', 'zh-CN');
    const writes: [Parameters<Harness['ok']>[0], Record<string, unknown>][] = [
      ['scripts.create', { copyFrom: sat }],
      ['scripts.create', { purpose: 'care', locale: 'zh-CN', title: '新脚本' }],
      ['scripts.saveDraft', { id: sat, content: { ...content, title: '改' } }],
      ['scripts.publish', { id: sat }],
      ['scripts.retire', { id: sat }],
      ['scripts.import', { json: JSON.stringify(content) }],
      ['scripts.setMapping', { mapping: { satisfaction: null } }],
    ];
    const before = contentHash(h.db);
    for (const agent of [t.me, t.other]) {
      await switchTo(h, agent);
      for (const [method, input] of writes) {
        const e = await h.err(method, input);
        expect({ method, code: e.code }).toEqual({ method, code: 'FORBIDDEN' });
      }
    }
    expect(contentHash(h.db)).toBe(before);
    await switchTo(h, t.me);
    // Reading is for everyone.
    expect(await h.ok<ScriptSummary[]>('scripts.list')).toEqual(list);
    expect((await h.ok<ScriptDetail>('scripts.get', { id: sat })).script.id).toBe(sat);
    expect(JSON.parse((await h.ok<{ json: string }>('scripts.export', { id: sat })).json)).toEqual(content);
    expect(contentHash(h.db)).toBe(before);

    // The supervisor can do each of them.
    await as(t, t.sup, async () => {
      const copy = await h.ok<ScriptDetail>('scripts.create', { copyFrom: sat });
      const blank = await h.ok<ScriptDetail>('scripts.create', { purpose: 'care', locale: 'zh-CN', title: '新脚本' });
      expect(blank.versions).toMatchObject([{ version: 1, status: 'draft', content: { purpose: 'care', title: '新脚本', questions: [] } }]);
      await h.ok('scripts.saveDraft', { id: copy.script.id, content: { ...content, title: '改' } });
      expect((await h.ok<ScriptDetail>('scripts.publish', { id: copy.script.id })).script.publishedVersion).toBe(1);
      const imported = await h.ok<ScriptDetail>('scripts.import', { json: JSON.stringify(content) });
      expect(imported.versions[0]!.status).toBe('draft');
      const mapped = await h.ok<ScriptSummary[]>('scripts.setMapping', { mapping: { satisfaction: copy.script.id } });
      expect(mapped.find((s) => s.id === copy.script.id)!.mappedFor).toEqual(['satisfaction']);
      expect(mapped.find((s) => s.id === sat)!.mappedFor).toEqual([]);
      expect((await h.ok<ScriptDetail>('scripts.retire', { id: blank.script.id })).script.retiredAt).toBe(T0);
    });
    expect(count(h.db, 'scripts')).toBe(13);
  });

  it('a console set up before questionnaires gets the built-ins on its next start (once), mapped in its locale', async () => {
    const first = makeHarness();
    await first.ok('session.setUp', { mode: 'empty', agentName: 'Wang Fang', locale: 'en' });
    // Make it look like a console from before questionnaires: no scripts, no versions, no mapping.
    first.db.$client.exec(`DELETE FROM script_versions; DELETE FROM scripts; DELETE FROM settings WHERE key = 'script_mapping';`);
    expect(count(first.db, 'scripts')).toBe(0);
    first.backend.close();

    const h = makeHarness({ dataDir: first.dataDir });
    const list = await h.ok<ScriptSummary[]>('scripts.list');
    expect(list).toHaveLength(10);
    expect(list.every((s) => s.publishedVersion === 1 && s.builtinKey === builtinKey(s.purpose, s.locale))).toBe(true);
    for (const purpose of REASONS) expect(mapping(h)[purpose]).toBe(builtinId(list, purpose, 'en'));
    const satId = builtinId(list, 'satisfaction', 'en');
    expect((await h.ok<CallScriptState>('responses.forCallback', { callbackId: callback(h, 'satisfaction') })).applies?.scriptId).toBe(satId);
    const hash = contentHash(h.db);
    h.backend.close();

    // A further start installs nothing more.
    const again = makeHarness({ dataDir: first.dataDir });
    expect(count(again.db, 'scripts')).toBe(10);
    expect(contentHash(again.db)).toBe(hash);
  });

  it('a console that is not set up gets no scripts at start', async () => {
    const h = makeHarness();
    expect(count(h.db, 'scripts')).toBe(0);
    expect((await h.err('scripts.list')).code).toBe('NOT_SET_UP');
    expect((await h.ok<SessionInfo>('session.get')).setUp).toBe(false);
  });
});

describe('versions: drafts change, published versions never do', () => {
  it('copy → draft v1 → saveDraft twice → publish → saveDraft starts v2, v1 untouched', async () => {
    const t = await team();
    const { h } = t;
    await switchTo(h, t.sup);
    const sat = builtinId(await h.ok<ScriptSummary[]>('scripts.list'), 'satisfaction', 'zh-CN');
    const base = builtinScript('satisfaction', 'zh-CN');

    const copy = await h.ok<ScriptDetail>('scripts.create', { copyFrom: sat });
    const id = copy.script.id;
    expect(copy.script).toEqual({
      id: expect.any(String),
      purpose: 'satisfaction',
      locale: 'zh-CN',
      title: `${base.title}（副本）`,
      builtinKey: null,
      retiredAt: null,
      latestVersion: 1,
      publishedVersion: null,
      hasDraft: true,
      mappedFor: [],
    });
    expect(copy.versions).toEqual([
      { id: expect.any(String), version: 1, status: 'draft', content: { ...base, title: `${base.title}（副本）` }, createdAt: T0, publishedAt: null, publishedByName: null, responses: 0 },
    ]);
    const draftId = copy.versions[0]!.id;
    // A draft cannot be used in calls.
    expect((await h.err('scripts.setMapping', { mapping: { satisfaction: id } })).code).toBe('BAD_INPUT');

    h.advance(MIN);
    const c1 = { ...base, title: '满意度 A', opening: '您好{customer_name}' };
    const d1 = await h.ok<ScriptDetail>('scripts.saveDraft', { id, content: c1 });
    expect(d1.versions).toHaveLength(1);
    expect(d1.versions[0]).toMatchObject({ id: draftId, version: 1, status: 'draft', content: c1 });
    const c2 = { ...c1, title: '满意度 B', questions: c1.questions.slice(0, 5) };
    const d2 = await h.ok<ScriptDetail>('scripts.saveDraft', { id, content: c2 });
    expect(d2.versions).toHaveLength(1);
    expect(d2.versions[0]).toMatchObject({ id: draftId, version: 1, status: 'draft', content: c2 });
    expect(count(h.db, 'script_versions', 'script_id = ?', id)).toBe(1);

    h.advance(MIN);
    const p1 = await h.ok<ScriptDetail>('scripts.publish', { id });
    expect(p1.script).toMatchObject({ title: '满意度 B', latestVersion: 1, publishedVersion: 1, hasDraft: false });
    expect(p1.versions).toEqual([
      { id: draftId, version: 1, status: 'published', content: c2, createdAt: T0, publishedAt: T0 + 2 * MIN, publishedByName: '周敏', responses: 0 },
    ]);
    const v1Raw = row<Record<string, unknown>>(h.db, 'SELECT * FROM script_versions WHERE id = ?', draftId);
    // Nothing left to publish.
    expect((await h.err('scripts.publish', { id })).code).toBe('CONFLICT');
    // Even the repo refuses to rewrite a published version.
    updateDraftContent(h.db, draftId, base);
    expect(row(h.db, 'SELECT * FROM script_versions WHERE id = ?', draftId)).toEqual(v1Raw);

    h.advance(MIN);
    const c3 = { ...c2, title: '满意度 C' };
    const d3 = await h.ok<ScriptDetail>('scripts.saveDraft', { id, content: c3 });
    expect(d3.script).toMatchObject({ title: '满意度 B', latestVersion: 2, publishedVersion: 1, hasDraft: true });
    expect(d3.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    const v2Id = d3.versions[0]!.id;
    expect(v2Id).not.toBe(draftId);
    expect(d3.versions[0]).toMatchObject({ content: c3, createdAt: T0 + 3 * MIN, publishedAt: null });
    const c4 = { ...c3, closing: '再见' };
    const d4 = await h.ok<ScriptDetail>('scripts.saveDraft', { id, content: c4 });
    expect(d4.versions[0]).toMatchObject({ id: v2Id, version: 2, status: 'draft', content: c4 });
    expect(row(h.db, 'SELECT * FROM script_versions WHERE id = ?', draftId)).toEqual(v1Raw);
    // A script keeps its purpose.
    const before = contentHash(h.db);
    expect((await h.err('scripts.saveDraft', { id, content: { ...c4, purpose: 'care' } })).code).toBe('BAD_INPUT');
    expect(contentHash(h.db)).toBe(before);

    const p2 = await h.ok<ScriptDetail>('scripts.publish', { id });
    expect(p2.script).toMatchObject({ title: '满意度 C', latestVersion: 2, publishedVersion: 2, hasDraft: false });
    expect(p2.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(row(h.db, 'SELECT * FROM script_versions WHERE id = ?', draftId)).toEqual(v1Raw);
    // Unknown ids.
    expect((await h.err('scripts.publish', { id: '0190f5c0-0000-7000-8000-000000000001' })).code).toBe('NOT_FOUND');
    expect((await h.err('scripts.saveDraft', { id: '0190f5c0-0000-7000-8000-000000000001', content: c4 })).code).toBe('NOT_FOUND');
  });

  it('publishing a draft with problems is refused with the problems listed, and nothing changes', async () => {
    const t = await team();
    const { h } = t;
    await switchTo(h, t.sup);
    const extra = { purpose: 'care' as const, locale: 'zh-CN' as const, title: '有问题的脚本' };
    const cases: { name: string; content: ScriptContent; code: string; path: string }[] = [
      {
        name: 'forward reference',
        content: makeScript([{ key: 'a', type: 'yes_no', showIf: { q: 'b', op: 'answered' } }, { key: 'b', type: 'yes_no' }], extra),
        code: 'condition_forward_reference',
        path: 'questions[0].showIf.q',
      },
      {
        name: 'unknown placeholder',
        content: makeScript([{ key: 'a', type: 'yes_no', text: '您好{客户姓名}，方便吗？' }], extra),
        code: 'unknown_placeholder',
        path: 'questions[0].text',
      },
      {
        name: 'empty choices',
        content: makeScript([{ key: 'a', type: 'single', choices: [] }], extra),
        code: 'empty_choices',
        path: 'questions[0].choices',
      },
      { name: 'no questions', content: makeScript([], extra), code: 'no_questions', path: 'questions' },
    ];
    for (const c of cases) {
      const created = await h.ok<ScriptDetail>('scripts.create', { purpose: 'care', locale: 'zh-CN', title: c.name });
      // A draft may hold problems; only publishing refuses them.
      await h.ok('scripts.saveDraft', { id: created.script.id, content: c.content });
      const before = contentHash(h.db);
      const e = await h.err('scripts.publish', { id: created.script.id });
      expect(e.code, c.name).toBe('BAD_INPUT');
      const problems = e.details!.problems as { code: string; detail: { path: string } }[];
      expect(problems.map((p) => [p.code, p.detail.path]), c.name).toContainEqual([c.code, c.path]);
      expect(contentHash(h.db), c.name).toBe(before);
      const after = await h.ok<ScriptDetail>('scripts.get', { id: created.script.id });
      expect(after.versions.map((v) => v.status)).toEqual(['draft']);
      expect(after.script.publishedVersion).toBeNull();
    }
  });

  it('retiring unmaps the script: new responses cannot start, one in progress still finishes', async () => {
    const t = await team();
    const { h } = t;
    const base = builtinScript('satisfaction', 'zh-CN');
    const s = await as(t, t.sup, async () => {
      const copy = await h.ok<ScriptDetail>('scripts.create', { copyFrom: builtinId(await h.ok<ScriptSummary[]>('scripts.list'), 'satisfaction', 'zh-CN') });
      await h.ok('scripts.publish', { id: copy.script.id });
      await h.ok('scripts.setMapping', { mapping: { satisfaction: copy.script.id } });
      return copy;
    });
    const others = mapping(h);
    const cb1 = callback(h, 'satisfaction');
    const r = await h.ok<ResponseView>('responses.start', { callbackId: cb1 });
    expect(r).toMatchObject({ scriptId: s.script.id, version: 1, status: 'in_progress' });
    await h.ok('responses.answer', { responseId: r.id, key: 'can_talk', answer: { value: true } });

    h.advance(MIN);
    const retired = await as(t, t.sup, () => h.ok<ScriptDetail>('scripts.retire', { id: s.script.id }));
    expect(retired.script).toMatchObject({ retiredAt: T0 + MIN, mappedFor: [] });
    expect(mapping(h)).toEqual({ ...others, satisfaction: null });
    const listed = (await h.ok<ScriptSummary[]>('scripts.list')).at(-1)!;
    expect(listed.id).toBe(s.script.id); // retired scripts are listed last

    const cb2 = callback(h, 'satisfaction');
    let before = contentHash(h.db);
    expect((await h.err('responses.start', { callbackId: cb2 })).code).toBe('NOT_FOUND');
    expect(contentHash(h.db)).toBe(before);
    expect(await h.ok<CallScriptState>('responses.forCallback', { callbackId: cb2 })).toEqual({ applies: null, response: null });

    // The response in progress resumes on the version it pinned and can be finished.
    const resumed = await h.ok<ResponseView>('responses.start', { callbackId: cb1 });
    expect(resumed).toMatchObject({ id: r.id, versionId: r.versionId, answers: { can_talk: { value: true } } });
    for (const [key, value] of [
      ['payment_smooth', 'very_smooth'],
      ['app_ease', 4],
      ['nps', 9],
    ] as const) {
      await h.ok('responses.answer', { responseId: r.id, key, answer: { value } });
    }
    const done = await h.ok<ResponseView>('responses.finish', { responseId: r.id, status: 'completed' });
    expect(done).toMatchObject({ status: 'completed', endedAt: T0 + MIN, versionId: r.versionId });

    // A retired script is frozen.
    await as(t, t.sup, async () => {
      before = contentHash(h.db);
      expect((await h.err('scripts.saveDraft', { id: s.script.id, content: base })).code).toBe('CONFLICT');
      expect((await h.err('scripts.publish', { id: s.script.id })).code).toBe('CONFLICT');
      expect((await h.err('scripts.retire', { id: s.script.id })).code).toBe('CONFLICT');
      expect((await h.err('scripts.setMapping', { mapping: { satisfaction: s.script.id } })).code).toBe('BAD_INPUT');
      expect(contentHash(h.db)).toBe(before);
      // ... but can be copied.
      const again = await h.ok<ScriptDetail>('scripts.create', { copyFrom: s.script.id });
      expect(again.versions[0]!.status).toBe('draft');
    });
  });
});

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
    // v1's stored content is still what the v1 calls saw.
    expect(JSON.parse(row<{ content: string }>(h.db, 'SELECT content FROM script_versions WHERE id = ?', v1Id)!.content)).toEqual(V1);
  });
});

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

describe('export and import', () => {
  it('round-trips a script: same content, a new draft script', async () => {
    const t = await team();
    const { h } = t;
    const list = await h.ok<ScriptSummary[]>('scripts.list');
    for (const [purpose, locale] of [
      ['complaint_followup', 'zh-CN'],
      ['onboarding', 'en'],
    ] as const) {
      const id = builtinId(list, purpose, locale);
      const exported = await h.ok<{ fileName: string; json: string }>('scripts.export', { id });
      expect(exported.fileName).toMatch(/-v1\.json$/);
      expect(JSON.parse(exported.json)).toEqual(builtinScript(purpose, locale));
      const imported = await as(t, t.sup, () => h.ok<ScriptDetail>('scripts.import', { json: exported.json }));
      expect(imported.script).toMatchObject({ purpose, locale, builtinKey: null, latestVersion: 1, publishedVersion: null, hasDraft: true, mappedFor: [] });
      expect(imported.script.id).not.toBe(id);
      expect(imported.versions).toHaveLength(1);
      expect(imported.versions[0]).toMatchObject({ status: 'draft', content: builtinScript(purpose, locale) });
      // And exporting the import gives the same document back.
      expect((await h.ok<{ json: string }>('scripts.export', { id: imported.script.id })).json).toBe(exported.json);
    }
    // A chosen version; a version of another script is not found.
    const sat = builtinId(list, 'satisfaction', 'zh-CN');
    const satVersion = (await h.ok<ScriptDetail>('scripts.get', { id: sat })).versions[0]!.id;
    expect((await h.ok<{ json: string }>('scripts.export', { id: sat, versionId: satVersion })).json).toContain('"purpose": "satisfaction"');
    expect((await h.err('scripts.export', { id: builtinId(list, 'care', 'en'), versionId: satVersion })).code).toBe('NOT_FOUND');
  });

  it('refuses malformed JSON, wrong types and forward references with the paths of the errors', async () => {
    const t = await team();
    const { h } = t;
    await switchTo(h, t.sup);
    const good = builtinScript('satisfaction', 'en');
    const q0 = good.questions[0]!;
    const cases: { name: string; json: string; paths: string[] }[] = [
      { name: 'not JSON', json: '{"purpose": "satisfaction",', paths: ['(root)'] },
      { name: 'not an object', json: '[1, 2]', paths: ['(root)'] },
      { name: 'wrong question type', json: JSON.stringify({ ...good, questions: [{ ...q0, type: 'dropdown' }] }), paths: ['questions[0].type'] },
      { name: 'text is a number', json: JSON.stringify({ ...good, title: 42 }), paths: ['title'] },
      { name: 'required is a string', json: JSON.stringify({ ...good, questions: [{ ...q0, required: 'yes' }] }), paths: ['questions[0].required'] },
      { name: 'unknown field', json: JSON.stringify({ ...good, author: 'me' }), paths: ['author'] },
      {
        name: 'forward reference',
        json: JSON.stringify({ ...good, questions: [{ ...q0, key: 'a', endIf: null, showIf: { q: 'b', op: 'answered' } }, { ...q0, key: 'b', endIf: null }] }),
        paths: ['questions[0].showIf.q'],
      },
    ];
    const before = contentHash(h.db);
    for (const c of cases) {
      const e = await h.err('scripts.import', { json: c.json });
      expect(e.code, c.name).toBe('BAD_INPUT');
      const errors = e.details!.errors as { path: string; message: string }[];
      expect(errors.length, c.name).toBeGreaterThan(0);
      for (const p of c.paths) expect(errors.map((x) => x.path), c.name).toContain(p);
      for (const x of errors) expect(x.message.length).toBeGreaterThan(0);
    }
    expect(contentHash(h.db)).toBe(before);
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

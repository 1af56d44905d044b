import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, ResponseView, ScriptDetail, ScriptSummary } from '../core/contract/views';
import { builtinScript } from '../core/questionnaire/builtin';
import type { ScriptContent } from '../core/questionnaire/model';
import { makeScript } from '../core/questionnaire/testing';
import { updateDraftContent } from '../db/repos/scripts';
import { cleanup, contentHash, count, MIN, row, switchTo, T0 } from './helpers';
import { as, builtinId, callback, mapping, team } from './questionnaire-helpers';

afterEach(cleanup);

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
      responses: 0,
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

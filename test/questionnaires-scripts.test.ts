import { afterEach, describe, expect, it } from 'vitest';
import type { CallScriptState, ScriptDetail, ScriptSummary, SessionInfo } from '../core/contract/views';
import { REASONS } from '../core/domain/model';
import { BUILTIN_SCRIPTS, builtinKey, builtinScript } from '../core/questionnaire/builtin';
import { cleanup, contentHash, count, makeHarness, switchTo, T0, type Harness } from './helpers';
import { as, builtinId, callback, mapping, team } from './questionnaire-helpers';

afterEach(cleanup);

describe('built-in scripts and who may change scripts', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`setUp (${locale}) installs ten published v1 scripts and maps each purpose to the ${locale} one`, async () => {
      const h = makeHarness();
      await h.ok('session.setUp', { mode: 'empty', name: '王芳', password: 'test-password-1', locale });
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
          responses: 0,
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
    await first.ok('session.setUp', { mode: 'empty', name: 'Wang Fang', password: 'test-password-1', locale: 'en' });
    // Make it look like a console from before questionnaires: no scripts, no versions, no mapping.
    first.db.$client.exec(`DELETE FROM script_versions; DELETE FROM scripts; DELETE FROM settings WHERE key = 'script_mapping';`);
    expect(count(first.db, 'scripts')).toBe(0);
    first.backend.close();

    const h = makeHarness({ dataDir: first.dataDir });
    await h.ok('session.signIn', { login: 'Wang Fang', password: 'test-password-1' });
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

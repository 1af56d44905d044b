import { describe, expect, it } from 'vitest';
import { BUILTIN_SCRIPTS } from './builtin';
import { parseScriptJson } from './checks';

const doc = (questions: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ purpose: 'satisfaction', locale: 'zh-CN', title: '满意度回访', questions, ...extra });

describe('parseScriptJson', () => {
  it('accepts a valid document and fills defaults', () => {
    const r = parseScriptJson(doc([{ key: 'csat', type: 'rating', text: '打几分？' }]));
    expect(r).toEqual({
      ok: true,
      content: {
        purpose: 'satisfaction',
        locale: 'zh-CN',
        title: '满意度回访',
        opening: '',
        closing: '',
        questions: [{ key: 'csat', type: 'rating', text: '打几分？', help: '', required: false, choices: [], allowOther: false, min: null, max: null, showIf: null, endIf: null }],
      },
    });
  });

  it('round-trips every built-in script', () => {
    for (const s of BUILTIN_SCRIPTS) expect(parseScriptJson(JSON.stringify(s))).toEqual({ ok: true, content: s });
  });

  it('reports malformed JSON', () => {
    expect(parseScriptJson('{"purpose": "satisfaction",')).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
    const r = parseScriptJson('not json');
    expect(!r.ok && r.errors[0]!.message.startsWith('Not valid JSON: ')).toBe(true);
    expect(parseScriptJson('[]')).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected an object, got a list' }] });
  });

  it('reports wrong types and values as path + message', () => {
    const r = parseScriptJson(
      JSON.stringify({
        purpose: 'survey',
        locale: 'zh-CN',
        title: '  ',
        extra: true,
        questions: [
          { key: 'Bad Key', type: 'rating', text: 'x' },
          { key: 'b', type: 'stars', text: 'x', required: 'yes', choices: [{ value: 'a' }] },
          { key: 'c', type: 'yes_no' },
        ],
      }),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'purpose', message: 'must be one of: "complaint_followup", "satisfaction", "winback", "onboarding", "care"' },
        { path: 'title', message: 'must not be empty' },
        { path: 'questions[0].key', message: 'a question key is lower-case letters, digits and _ (starting with a letter), at most 40 long' },
        { path: 'questions[1].type', message: 'must be one of: "single", "multi", "yes_no", "rating", "nps", "number", "short_text", "long_text"' },
        { path: 'questions[1].required', message: 'expected true or false, got text' },
        { path: 'questions[1].choices[0].label', message: 'missing (expected text)' },
        { path: 'questions[2].text', message: 'missing (expected text)' },
        { path: 'extra', message: 'unknown field' },
      ],
    });
  });

  it('explains a bad condition by the alternative its author meant', () => {
    const r = parseScriptJson(
      doc([
        { key: 'a', type: 'rating', text: 'x' },
        { key: 'b', type: 'yes_no', text: 'x', showIf: { q: 'a', op: 'gt', value: 3 } },
        { key: 'c', type: 'yes_no', text: 'x', showIf: { q: 'a', op: 'between', min: 1 } },
        { key: 'd', type: 'yes_no', text: 'x', showIf: { all: [{ q: 'a', op: 'in', values: [] }, 'a'] } },
        { key: 'e', type: 'yes_no', text: 'x', endIf: { q: 'e', op: 'eq' } },
        { key: 'f', type: 'yes_no', text: 'x', endIf: { when: 'a' } },
      ]),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'questions[1].showIf.op', message: 'must be one of: eq, neq, in, between, answered, unanswered' },
        { path: 'questions[2].showIf.max', message: 'missing (expected a number)' },
        { path: 'questions[3].showIf.all[0].values', message: 'needs at least 1 item' },
        { path: 'questions[3].showIf.all[1]', message: 'expected a condition object (a condition is {"all": [...]}, {"any": [...]} or {"q": key, "op": ...}), got text' },
        { path: 'questions[4].endIf.value', message: 'missing (expected text or a number or true or false)' },
        { path: 'questions[5].endIf', message: 'a condition is {"all": [...]}, {"any": [...]} or {"q": key, "op": ...}' },
      ],
    });
  });

  it('refuses forward and unknown references and duplicate keys', () => {
    const r = parseScriptJson(
      doc([
        { key: 'a', type: 'yes_no', text: 'x', showIf: { q: 'b', op: 'eq', value: true } },
        { key: 'b', type: 'yes_no', text: 'x', endIf: { any: [{ q: 'b', op: 'eq', value: false }, { q: 'c', op: 'answered' }] } },
        { key: 'c', type: 'yes_no', text: 'x', showIf: { q: 'ghost', op: 'answered' } },
        { key: 'a', type: 'rating', text: 'x' },
      ]),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'questions[3].key', message: 'Question key "a" is used by questions 1 and 4; keys must be unique.' },
        {
          path: 'questions[0].showIf.q',
          message: 'showIf of "a" refers to "b", which is not asked before it; a question can only depend on earlier ones.',
        },
        {
          path: 'questions[1].endIf.any[1].q',
          message: 'endIf of "b" refers to "c", which comes after it; endIf may refer only to this or earlier questions.',
        },
        { path: 'questions[2].showIf.q', message: 'showIf of "c" refers to "ghost", which is not a question of this script.' },
      ],
    });
  });
});

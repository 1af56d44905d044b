import { describe, expect, it } from 'vitest';
import { BUILTIN_SCRIPTS, builtinKey, builtinScript } from './builtin';
import { publishProblems } from './checks';
import { answer, completion, walk } from './engine';
import { scriptContentSchema, SCRIPT_PURPOSES } from './model';
import type { Answers, ScriptContent } from './model';
import { findPlaceholders } from './placeholders';

const shape = (s: ScriptContent) =>
  s.questions.map((q) => ({ key: q.key, type: q.type, required: q.required, choices: q.choices.map((c) => c.value), showIf: q.showIf, endIf: q.endIf }));

function run(s: ScriptContent, steps: [string, unknown][]): Answers {
  let answers: Answers = {};
  for (const [key, value] of steps) {
    const r = answer(s, answers, key, { value, otherText: 'x' });
    if (!r.ok) throw new Error(`${key}: ${r.message}`);
    answers = r.answers;
  }
  return answers;
}

describe('built-in scripts', () => {
  it('one per purpose and locale, named by builtinKey', () => {
    expect(BUILTIN_SCRIPTS.map((s) => builtinKey(s.purpose, s.locale))).toEqual(
      SCRIPT_PURPOSES.flatMap((p) => [`builtin.${p}.zh-CN`, `builtin.${p}.en`]),
    );
    expect(builtinScript('winback', 'en').title).toBe('Win-back call');
  });

  for (const s of BUILTIN_SCRIPTS) {
    describe(builtinKey(s.purpose, s.locale), () => {
      it('is schema-valid and has no publish problems', () => {
        expect(scriptContentSchema.parse(s)).toEqual(s);
        expect(publishProblems(s)).toEqual([]);
      });
      it('has 6–12 questions, branching, and greets by name', () => {
        expect(s.questions.length).toBeGreaterThanOrEqual(6);
        expect(s.questions.length).toBeLessThanOrEqual(12);
        expect(s.questions.some((q) => q.showIf !== null)).toBe(true);
        expect(findPlaceholders(s.opening)).toContain('customer_name');
        expect(findPlaceholders(s.opening)).toContain('agent_name');
        expect(findPlaceholders(s.closing)).toContain('customer_name');
      });
      it('is readable in its own language', () => {
        const text = [s.title, s.opening, ...s.questions.map((q) => q.text)].join('');
        expect(/\p{Script=Han}/u.test(text)).toBe(s.locale === 'zh-CN');
      });
    });
  }

  it('zh-CN and en versions of a purpose have the same keys, types, choices and branching', () => {
    for (const p of SCRIPT_PURPOSES) expect(shape(builtinScript(p, 'en'))).toEqual(shape(builtinScript(p, 'zh-CN')));
  });

  it('complaint follow-up mentions the ticket; win-back and care offer the voucher', () => {
    expect(findPlaceholders(builtinScript('complaint_followup', 'zh-CN').opening)).toContain('ticket_subject');
    expect(findPlaceholders(builtinScript('winback', 'en').opening)).toContain('voucher');
    expect(findPlaceholders(builtinScript('care', 'zh-CN').opening)).toContain('voucher');
  });

  it('complaint follow-up: low CSAT asks what went wrong, then offers a supervisor call', () => {
    const s = builtinScript('complaint_followup', 'zh-CN');
    const a = run(s, [['can_talk', true], ['resolved', 'fully'], ['csat', 2]]);
    expect(walk(s, a).visible).toEqual(['can_talk', 'resolved', 'handling_speed', 'csat', 'what_went_wrong', 'supervisor_callback', 'security_worry', 'comments']);
    expect(completion(s, a).missingRequired).toEqual(['what_went_wrong', 'supervisor_callback']);
    const b = run(s, [['can_talk', true], ['resolved', 'fully'], ['csat', 5]]);
    expect(completion(s, b)).toMatchObject({ canComplete: true, missingRequired: [] });
  });

  it('win-back: "not interested" ends the call at once', () => {
    const s = builtinScript('winback', 'en');
    const a = run(s, [['willing', 'not_interested']]);
    expect(walk(s, a)).toEqual({ visible: ['willing'], endedAt: 'willing' });
    expect(completion(s, a).canComplete).toBe(true);
  });

  it('every service and care script ends when the customer cannot talk', () => {
    for (const p of ['complaint_followup', 'satisfaction', 'onboarding', 'care'] as const) {
      const s = builtinScript(p, 'zh-CN');
      expect(walk(s, run(s, [['can_talk', false]]))).toEqual({ visible: ['can_talk'], endedAt: 'can_talk' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { answer, completion, evaluate, prune, unanswer, validateAnswer, visibleKeys, walk } from './engine';
import type { AnswerStep } from './engine';
import { OTHER } from './model';
import type { Answers, Condition } from './model';
import { choices, makeScript } from './testing';

const A: Answers = {
  single: { value: 'b' },
  multi: { value: ['x', 'y'] },
  yes: { value: true },
  no: { value: false },
  rating: { value: 4 },
  num: { value: 2.5 },
  text: { value: 'hello' },
};

describe('evaluate', () => {
  const cases: [Condition, boolean][] = [
    [{ q: 'single', op: 'eq', value: 'b' }, true],
    [{ q: 'single', op: 'eq', value: 'a' }, false],
    [{ q: 'single', op: 'neq', value: 'a' }, true],
    [{ q: 'single', op: 'neq', value: 'b' }, false],
    [{ q: 'single', op: 'in', values: ['a', 'b'] }, true],
    [{ q: 'single', op: 'in', values: ['a', 'c'] }, false],
    [{ q: 'single', op: 'between', min: 0, max: 10 }, false],
    [{ q: 'single', op: 'answered' }, true],
    [{ q: 'single', op: 'unanswered' }, false],
    // multi: eq = includes, neq = does not include, in = any overlap
    [{ q: 'multi', op: 'eq', value: 'y' }, true],
    [{ q: 'multi', op: 'eq', value: 'z' }, false],
    [{ q: 'multi', op: 'neq', value: 'z' }, true],
    [{ q: 'multi', op: 'neq', value: 'x' }, false],
    [{ q: 'multi', op: 'in', values: ['z', 'y'] }, true],
    [{ q: 'multi', op: 'in', values: ['z', 'w'] }, false],
    [{ q: 'multi', op: 'eq', value: 1 }, false],
    [{ q: 'yes', op: 'eq', value: true }, true],
    [{ q: 'no', op: 'eq', value: true }, false],
    [{ q: 'no', op: 'neq', value: true }, true],
    [{ q: 'yes', op: 'in', values: [1, 'true'] }, false],
    // strict comparison: 4 is not '4'
    [{ q: 'rating', op: 'eq', value: '4' }, false],
    [{ q: 'rating', op: 'eq', value: 4 }, true],
    [{ q: 'rating', op: 'in', values: [3, 4] }, true],
    [{ q: 'rating', op: 'between', min: 4, max: 5 }, true],
    [{ q: 'rating', op: 'between', min: 1, max: 3 }, false],
    [{ q: 'num', op: 'between', min: 2.5, max: 2.5 }, true],
    [{ q: 'num', op: 'between', min: 2.6, max: 9 }, false],
    [{ q: 'text', op: 'eq', value: 'hello' }, true],
    [{ q: 'text', op: 'eq', value: 'Hello' }, false],
    // unanswered question: only 'unanswered' holds, 'neq' included in "false"
    [{ q: 'missing', op: 'eq', value: 'a' }, false],
    [{ q: 'missing', op: 'neq', value: 'a' }, false],
    [{ q: 'missing', op: 'in', values: ['a'] }, false],
    [{ q: 'missing', op: 'between', min: -1e9, max: 1e9 }, false],
    [{ q: 'missing', op: 'answered' }, false],
    [{ q: 'missing', op: 'unanswered' }, true],
    [{ q: 'constructor', op: 'answered' }, false],
    [{ all: [{ q: 'yes', op: 'eq', value: true }, { q: 'rating', op: 'between', min: 4, max: 5 }] }, true],
    [{ all: [{ q: 'yes', op: 'eq', value: true }, { q: 'rating', op: 'eq', value: 5 }] }, false],
    [{ any: [{ q: 'no', op: 'eq', value: true }, { q: 'rating', op: 'eq', value: 5 }] }, false],
    [{ any: [{ q: 'no', op: 'eq', value: true }, { all: [{ q: 'missing', op: 'unanswered' }, { q: 'multi', op: 'eq', value: 'x' }] }] }, true],
  ];
  for (const [c, expected] of cases) {
    it(`${JSON.stringify(c)} → ${expected}`, () => expect(evaluate(c, A)).toBe(expected));
  }
});

const branching = makeScript([
  { key: 'q1', type: 'single', choices: choices('a', 'b', 'c'), required: true },
  { key: 'q2', type: 'yes_no', showIf: { q: 'q1', op: 'eq', value: 'a' }, required: true },
  { key: 'q3', type: 'rating', showIf: { q: 'q2', op: 'eq', value: true } },
  { key: 'q4', type: 'short_text', showIf: { q: 'q3', op: 'between', min: 1, max: 2 }, required: true },
  { key: 'q5', type: 'nps' },
]);

function ok(step: AnswerStep): { answers: Answers; cleared: string[] } {
  if (!step.ok) throw new Error(`${step.code}: ${step.message}`);
  return step;
}

describe('walk: branching', () => {
  it('shows only questions whose showIf holds', () => {
    expect(visibleKeys(branching, {})).toEqual(['q1', 'q5']);
    expect(visibleKeys(branching, { q1: { value: 'a' } })).toEqual(['q1', 'q2', 'q5']);
    expect(walk(branching, { q1: { value: 'a' }, q2: { value: true }, q3: { value: 2 } })).toEqual({
      visible: ['q1', 'q2', 'q3', 'q4', 'q5'],
      endedAt: null,
    });
  });
  it('ignores answers of hidden questions even before they are pruned', () => {
    // q2 is hidden (q1 = b) so its stale "true" must not reveal q3.
    expect(visibleKeys(branching, { q1: { value: 'b' }, q2: { value: true }, q3: { value: 1 } })).toEqual(['q1', 'q5']);
  });
  it('treats a forward reference as unanswered and a duplicate key as never shown', () => {
    const s = makeScript([
      { key: 'a', type: 'yes_no', showIf: { q: 'b', op: 'answered' } },
      { key: 'b', type: 'yes_no' },
      { key: 'b', type: 'rating' },
      { key: 'c', type: 'yes_no', showIf: { q: 'b', op: 'unanswered' } },
    ]);
    expect(visibleKeys(s, { b: { value: true } })).toEqual(['b']);
    expect(visibleKeys(s, {})).toEqual(['b', 'c']);
  });
});

describe('walk: draft errors the engine must survive', () => {
  // A draft may repeat a key (checks.ts reports it); the first question with the key is the question.
  const duplicated = makeScript([
    { key: 'b', type: 'yes_no' },
    { key: 'c', type: 'rating' },
    { key: 'b', type: 'rating', required: true },
  ]);

  it('the first question with a key is the one shown, in its place', () => {
    expect(visibleKeys(duplicated, {})).toEqual(['b', 'c']);
    expect(visibleKeys(duplicated, { b: { value: true }, c: { value: 4 } })).toEqual(['b', 'c']);
  });

  it('answers are checked against the first question with the key, and only it can be required', () => {
    expect(answer(duplicated, {}, 'b', { value: true })).toEqual({ ok: true, answers: { b: { value: true } }, cleared: [] });
    expect(answer(duplicated, {}, 'b', { value: 3 })).toMatchObject({ ok: false, code: 'wrong_type' });
    expect(completion(duplicated, {})).toEqual({ canComplete: true, missingRequired: [], answered: 0, visible: 2, endedAt: null });
  });

  it('an end condition on a later question never ends the script', () => {
    const s = makeScript([
      { key: 'a', type: 'yes_no', endIf: { q: 'b', op: 'answered' } },
      { key: 'b', type: 'yes_no' },
    ]);
    expect(walk(s, { a: { value: true }, b: { value: true } })).toEqual({ visible: ['a', 'b'], endedAt: null });
  });
});

describe('answer', () => {
  it('refuses an unknown or hidden question, and invalid values', () => {
    expect(answer(branching, {}, 'nope', { value: 1 })).toMatchObject({ ok: false, code: 'unknown_question' });
    expect(answer(branching, {}, 'q2', { value: true })).toMatchObject({ ok: false, code: 'not_visible' });
    expect(answer(branching, {}, 'q1', { value: 'z' })).toMatchObject({ ok: false, code: 'not_a_choice' });
  });
  it('sets the normalised answer without touching the input', () => {
    const before = { q1: { value: 'a' } };
    const r = ok(answer(branching, before, 'q2', { value: true }));
    expect(r).toEqual({ ok: true, answers: { q1: { value: 'a' }, q2: { value: true } }, cleared: [] });
    expect(before).toEqual({ q1: { value: 'a' } });
  });
  it('changing an earlier answer clears hidden later answers, transitively', () => {
    let s = ok(answer(branching, {}, 'q1', { value: 'a' }));
    s = ok(answer(branching, s.answers, 'q2', { value: true }));
    s = ok(answer(branching, s.answers, 'q3', { value: 1 }));
    s = ok(answer(branching, s.answers, 'q4', { value: '  too slow  ' }));
    s = ok(answer(branching, s.answers, 'q5', { value: 3 }));
    expect(s.answers.q4).toEqual({ value: 'too slow' });
    const changed = ok(answer(branching, s.answers, 'q1', { value: 'c' }));
    expect(changed.cleared).toEqual(['q2', 'q3', 'q4']);
    expect(changed.answers).toEqual({ q1: { value: 'c' }, q5: { value: 3 } });
    // Changing the rating only hides q4.
    const rerated = ok(answer(branching, s.answers, 'q3', { value: 5 }));
    expect(rerated.cleared).toEqual(['q4']);
    expect(Object.keys(rerated.answers)).toEqual(['q1', 'q2', 'q3', 'q5']);
  });
  it('prunes stale answers passed in, including keys the script does not have', () => {
    const r = ok(answer(branching, { q1: { value: 'b' }, q3: { value: 1 }, old_key: { value: 'x' } }, 'q5', { value: 9 }));
    expect(r.cleared).toEqual(['q3', 'old_key']);
    expect(r.answers).toEqual({ q1: { value: 'b' }, q5: { value: 9 } });
  });
});

describe('endIf', () => {
  const s = makeScript([
    { key: 'willing', type: 'single', choices: choices('yes', 'no'), required: true, endIf: { q: 'willing', op: 'eq', value: 'no' } },
    { key: 'reason', type: 'long_text', required: true },
    { key: 'score', type: 'rating', endIf: { all: [{ q: 'willing', op: 'eq', value: 'yes' }, { q: 'score', op: 'eq', value: 1 }] } },
    { key: 'last', type: 'yes_no', required: true },
  ]);
  it('does not end before its question is answered', () => {
    expect(walk(s, {})).toEqual({ visible: ['willing', 'reason', 'score', 'last'], endedAt: null });
  });
  it('ends the script and clears later answers; un-ending restores visibility, not answers', () => {
    let st = ok(answer(s, {}, 'willing', { value: 'yes' }));
    st = ok(answer(s, st.answers, 'reason', { value: 'fees' }));
    st = ok(answer(s, st.answers, 'last', { value: true }));
    const ended = ok(answer(s, st.answers, 'willing', { value: 'no' }));
    expect(ended.cleared).toEqual(['reason', 'last']);
    expect(walk(s, ended.answers)).toEqual({ visible: ['willing'], endedAt: 'willing' });
    expect(answer(s, ended.answers, 'reason', { value: 'x' })).toMatchObject({ ok: false, code: 'not_visible' });
    const back = ok(answer(s, ended.answers, 'willing', { value: 'yes' }));
    expect(back.answers).toEqual({ willing: { value: 'yes' } });
    expect(walk(s, back.answers)).toEqual({ visible: ['willing', 'reason', 'score', 'last'], endedAt: null });
  });
  it('an endIf may combine its own answer with earlier ones', () => {
    const st = ok(answer(s, { willing: { value: 'yes' }, reason: { value: 'r' }, last: { value: false } }, 'score', { value: 1 }));
    expect(st.cleared).toEqual(['last']);
    expect(walk(s, st.answers).endedAt).toBe('score');
    expect(completion(s, st.answers)).toEqual({ canComplete: true, missingRequired: [], answered: 3, visible: 3, endedAt: 'score' });
  });
});

describe('unanswer', () => {
  it('removes the answer and prunes what depended on it', () => {
    const full = { q1: { value: 'a' }, q2: { value: true }, q3: { value: 2 }, q4: { value: 'x' }, q5: { value: 0 } };
    expect(unanswer(branching, full, 'q2')).toEqual({ ok: true, answers: { q1: { value: 'a' }, q5: { value: 0 } }, cleared: ['q3', 'q4'] });
    expect(unanswer(branching, full, 'q5')).toEqual({ ok: true, answers: { q1: { value: 'a' }, q2: { value: true }, q3: { value: 2 }, q4: { value: 'x' } }, cleared: [] });
    expect(unanswer(branching, {}, 'q3')).toEqual({ ok: true, answers: {}, cleared: [] });
    expect(unanswer(branching, {}, 'nope')).toMatchObject({ ok: false, code: 'unknown_question' });
    expect(unanswer(branching, { gone: { value: 1 } }, 'gone')).toEqual({ ok: true, answers: {}, cleared: [] });
  });
  it('lists what it cleared in script order, keys the script does not have last', () => {
    const stale: Answers = { old_key: { value: 'x' }, q4: { value: 'x' }, q3: { value: 1 }, q2: { value: true }, q1: { value: 'b' } };
    expect(prune(branching, stale)).toEqual({ answers: { q1: { value: 'b' } }, cleared: ['q2', 'q3', 'q4', 'old_key'] });
  });
  it('prune is idempotent', () => {
    const once = prune(branching, { q1: { value: 'b' }, q2: { value: true } });
    expect(once).toEqual({ answers: { q1: { value: 'b' } }, cleared: ['q2'] });
    expect(prune(branching, once.answers)).toEqual({ answers: once.answers, cleared: [] });
  });
});

describe('completion', () => {
  it('blocks on visible required questions only', () => {
    expect(completion(branching, {})).toEqual({ canComplete: false, missingRequired: ['q1'], answered: 0, visible: 2, endedAt: null });
    expect(completion(branching, { q1: { value: 'b' } })).toEqual({ canComplete: true, missingRequired: [], answered: 1, visible: 2, endedAt: null });
    expect(completion(branching, { q1: { value: 'a' } })).toMatchObject({ canComplete: false, missingRequired: ['q2'] });
    expect(completion(branching, { q1: { value: 'a' }, q2: { value: true }, q3: { value: 1 } })).toEqual({
      canComplete: false,
      missingRequired: ['q4'],
      answered: 3,
      visible: 5,
      endedAt: null,
    });
  });
  it('counts an early end as complete when everything shown and required is answered', () => {
    const s = makeScript([
      { key: 'talk', type: 'yes_no', required: true, endIf: { q: 'talk', op: 'eq', value: false } },
      { key: 'rest', type: 'rating', required: true },
    ]);
    expect(completion(s, { talk: { value: false } })).toEqual({ canComplete: true, missingRequired: [], answered: 1, visible: 1, endedAt: 'talk' });
    expect(completion(s, { talk: { value: true } })).toMatchObject({ canComplete: false, missingRequired: ['rest'] });
  });
  it('an empty script can be completed', () => {
    expect(completion(makeScript([]), {})).toEqual({ canComplete: true, missingRequired: [], answered: 0, visible: 0, endedAt: null });
  });
});

describe('validateAnswer', () => {
  const q = (input: Parameters<typeof makeScript>[0][number]) => makeScript([input]).questions[0]!;
  const single = q({ key: 's', type: 'single', choices: choices('a', 'b'), allowOther: true });
  const closed = q({ key: 's', type: 'single', choices: choices('a', 'b') });
  const multi = q({ key: 'm', type: 'multi', choices: choices('a', 'b', 'c'), allowOther: true });
  const num = q({ key: 'n', type: 'number', min: 0, max: 100 });
  const open = q({ key: 'n', type: 'number' });
  const cases: [string, ReturnType<typeof q>, unknown, unknown][] = [
    ['not an object', single, 'a', 'wrong_type'],
    ['no value', single, {}, 'wrong_type'],
    ['otherText not text', single, { value: 'a', otherText: 3 }, 'wrong_type'],
    ['single ok, stray otherText dropped', single, { value: 'a', otherText: 'x' }, { value: 'a' }],
    ['single other with text', single, { value: OTHER, otherText: ' via app ' }, { value: OTHER, otherText: 'via app' }],
    ['single other without text', single, { value: OTHER, otherText: '   ' }, 'other_text_missing'],
    ['single other not allowed', closed, { value: OTHER, otherText: 'x' }, 'not_a_choice'],
    ['single unknown', single, { value: 'z' }, 'not_a_choice'],
    ['single array', single, { value: ['a'] }, 'wrong_type'],
    ['other too long', single, { value: OTHER, otherText: 'x'.repeat(501) }, 'too_long'],
    ['other at the limit', single, { value: OTHER, otherText: 'x'.repeat(500) }, { value: OTHER, otherText: 'x'.repeat(500) }],
    ['multi ordered by choices', multi, { value: ['c', OTHER, 'a'], otherText: 'p' }, { value: ['a', 'c', OTHER], otherText: 'p' }],
    ['multi empty', multi, { value: [] }, 'empty'],
    ['multi duplicate', multi, { value: ['a', 'a'] }, 'duplicate_choice'],
    ['multi unknown', multi, { value: ['a', 'z'] }, 'not_a_choice'],
    ['multi other without text', multi, { value: [OTHER] }, 'other_text_missing'],
    ['multi not a list', multi, { value: 'a' }, 'wrong_type'],
    ['multi numbers', multi, { value: [1] }, 'wrong_type'],
    ['yes_no ok', q({ key: 'y', type: 'yes_no' }), { value: false }, { value: false }],
    ['yes_no string', q({ key: 'y', type: 'yes_no' }), { value: 'yes' }, 'wrong_type'],
    ['rating ok', q({ key: 'r', type: 'rating' }), { value: 5 }, { value: 5 }],
    ['rating 0', q({ key: 'r', type: 'rating' }), { value: 0 }, 'out_of_range'],
    ['rating 6', q({ key: 'r', type: 'rating' }), { value: 6 }, 'out_of_range'],
    ['rating 3.5', q({ key: 'r', type: 'rating' }), { value: 3.5 }, 'not_integer'],
    ['rating "3"', q({ key: 'r', type: 'rating' }), { value: '3' }, 'wrong_type'],
    ['nps 0', q({ key: 'p', type: 'nps' }), { value: 0 }, { value: 0 }],
    ['nps 10', q({ key: 'p', type: 'nps' }), { value: 10 }, { value: 10 }],
    ['nps 11', q({ key: 'p', type: 'nps' }), { value: 11 }, 'out_of_range'],
    ['nps NaN', q({ key: 'p', type: 'nps' }), { value: NaN }, 'wrong_type'],
    ['number in range', num, { value: 99.5 }, { value: 99.5 }],
    ['number below', num, { value: -0.1 }, 'out_of_range'],
    ['number above', num, { value: 100.01 }, 'out_of_range'],
    ['number unbounded', open, { value: -1e12 }, { value: -1e12 }],
    ['number infinite', open, { value: Infinity }, 'wrong_type'],
    ['short text trimmed', q({ key: 't', type: 'short_text' }), { value: ' 好 ' }, { value: '好' }],
    ['short text blank', q({ key: 't', type: 'short_text' }), { value: ' \n ' }, 'empty'],
    ['short text 200', q({ key: 't', type: 'short_text' }), { value: '字'.repeat(200) }, { value: '字'.repeat(200) }],
    ['short text 201', q({ key: 't', type: 'short_text' }), { value: '字'.repeat(201) }, 'too_long'],
    ['long text 4000', q({ key: 't', type: 'long_text' }), { value: 'x'.repeat(4000) }, { value: 'x'.repeat(4000) }],
    ['long text 4001', q({ key: 't', type: 'long_text' }), { value: 'x'.repeat(4001) }, 'too_long'],
    ['long text blank', q({ key: 't', type: 'long_text' }), { value: '' }, 'empty'],
    ['text number', q({ key: 't', type: 'long_text' }), { value: 5 }, 'wrong_type'],
  ];
  for (const [name, question, input, expected] of cases) {
    it(name, () => {
      const r = validateAnswer(question, input);
      if (typeof expected === 'string') {
        expect(r).toMatchObject({ ok: false, code: expected });
        // Every refusal tells the agent why.
        expect(r.ok ? '' : r.message.trim()).not.toBe('');
      } else expect(r).toEqual({ ok: true, answer: expected });
    });
  }

  // The limits an agent needs to correct the answer are in the message itself.
  const says: [string, ReturnType<typeof q>, unknown, RegExp][] = [
    ['a rating with a fraction', q({ key: 'r', type: 'rating' }), { value: 3.5 }, /whole number from 1 to 5/],
    ['an NPS out of range', q({ key: 'p', type: 'nps' }), { value: 11 }, /from 0 to 10/],
    ['a number below the minimum', num, { value: -1 }, /at least 0\b/],
    ['a number above the maximum', num, { value: 101 }, /at most 100\b/],
    ['a short text too long', q({ key: 't', type: 'short_text' }), { value: 'x'.repeat(201) }, /200 characters/],
    ['a long text too long', q({ key: 't', type: 'long_text' }), { value: 'x'.repeat(4001) }, /4000 characters/],
    ['"other" too long', single, { value: OTHER, otherText: 'x'.repeat(501) }, /500 characters/],
    ['an unknown single choice', single, { value: 'zz' }, /"zz"/],
    ['an unknown choice in a list', multi, { value: ['a', 'zz'] }, /"zz"/],
  ];
  it.each(says)('%s: the message says what is allowed', (_what, question, input, message) => {
    const r = validateAnswer(question, input);
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('answering a question that is not there, or not shown, names it', () => {
    expect(answer(branching, {}, 'nope', { value: 1 })).toMatchObject({ message: expect.stringContaining('"nope"') });
    expect(answer(branching, {}, 'q2', { value: true })).toMatchObject({ message: expect.stringContaining('"q2"') });
    expect(unanswer(branching, {}, 'nope')).toMatchObject({ message: expect.stringContaining('"nope"') });
  });
});

describe('a hidden question holding a stale answer', () => {
  // Found by the property test: q4 is hidden (it asks about q2, which q0's answer hides), yet it still
  // held an answer from before. Its end condition must not fire: a hidden question cannot end the
  // script, so q5 stays visible and keeps its answer.
  const script = makeScript([
    { key: 'q0', type: 'single', choices: choices('c0') },
    { key: 'q2', type: 'single', choices: choices('c0'), showIf: { q: 'q0', op: 'unanswered' } },
    { key: 'q4', type: 'single', choices: choices('c0'), showIf: { q: 'q2', op: 'neq', value: 'c1' }, endIf: { q: 'q0', op: 'neq', value: OTHER } },
    { key: 'q5', type: 'single', choices: choices('c0') },
  ]);

  it('clears the stale answers and keeps the one that still applies', () => {
    const stale: Answers = { q2: { value: 'c0' }, q4: { value: 'c0' }, q5: { value: 'c0' } };
    const r = answer(script, stale, 'q0', { value: 'c0' });
    expect(r).toEqual({ ok: true, answers: { q0: { value: 'c0' }, q5: { value: 'c0' } }, cleared: ['q2', 'q4'] });
  });
});

import { describe, expect, it } from 'vitest';
import { publishProblems } from './checks';
import { OTHER } from './model';
import type { Condition } from './model';
import { choices, makeScript } from './testing';
import type { QuestionInput } from './testing';

const codes = (qs: QuestionInput[], extra = {}) => publishProblems(makeScript(qs, extra)).map((p) => [p.code, p.questionKey]);

const base: QuestionInput[] = [
  { key: 'pick', type: 'single', choices: choices('a', 'b'), allowOther: true, required: true },
  { key: 'tags', type: 'multi', choices: choices('x', 'y') },
  { key: 'ok', type: 'yes_no' },
  { key: 'stars', type: 'rating' },
  { key: 'score', type: 'nps' },
  { key: 'amount', type: 'number', min: 0, max: 500 },
  { key: 'note', type: 'short_text' },
];
/** The base script plus one question shown when `showIf` holds. */
const shownIf = (showIf: Condition) => codes([...base, { key: 'probe', type: 'yes_no', showIf }]);

describe('publishProblems', () => {
  it('a sound script has none', () => {
    expect(
      codes(
        [
          ...base,
          { key: 'why', type: 'long_text', showIf: { q: 'stars', op: 'between', min: 1, max: 2 }, endIf: { q: 'why', op: 'answered' } },
          { key: 'more', type: 'yes_no', showIf: { all: [{ q: 'tags', op: 'eq', value: 'x' }, { q: 'tags', op: 'eq', value: 'y' }] } },
          { key: 'other', type: 'yes_no', showIf: { q: 'pick', op: 'eq', value: OTHER } },
          { key: 'big', type: 'yes_no', showIf: { q: 'amount', op: 'between', min: 499.5, max: 10_000 } },
        ],
        { opening: 'Hi {customer_name}, {agent_name} here.' },
      ),
    ).toEqual([]);
  });

  it('no_questions', () => {
    expect(codes([])).toEqual([['no_questions', null]]);
  });

  it('duplicate_key', () => {
    const p = publishProblems(makeScript([{ key: 'a', type: 'yes_no' }, { key: 'b', type: 'yes_no' }, { key: 'a', type: 'rating' }]));
    expect(p).toEqual([
      {
        code: 'duplicate_key',
        questionKey: 'a',
        message: 'Question key "a" is used by questions 1 and 3; keys must be unique.',
        detail: { path: 'questions[2].key', firstIndex: 0, index: 2 },
      },
    ]);
  });

  it('condition_unknown_question and condition_forward_reference, with paths', () => {
    const p = publishProblems(
      makeScript([
        { key: 'a', type: 'yes_no', showIf: { q: 'a', op: 'answered' }, endIf: { q: 'a', op: 'eq', value: true } },
        { key: 'b', type: 'yes_no', showIf: { any: [{ q: 'a', op: 'answered' }, { q: 'c', op: 'answered' }] }, endIf: { q: 'c', op: 'answered' } },
        { key: 'c', type: 'yes_no', showIf: { all: [{ q: 'zz', op: 'answered' }] } },
      ]),
    );
    expect(p.map((x) => [x.code, x.questionKey, x.detail.path])).toEqual([
      ['condition_forward_reference', 'a', 'questions[0].showIf.q'],
      ['condition_forward_reference', 'b', 'questions[1].showIf.any[1].q'],
      ['condition_forward_reference', 'b', 'questions[1].endIf.q'],
      ['condition_unknown_question', 'c', 'questions[2].showIf.all[0].q'],
    ]);
  });

  describe('never_shown: showIf that can never hold', () => {
    const never = [['never_shown', 'probe']];
    const cases: [string, Condition][] = [
      ['eq with a value that is not a choice', { q: 'pick', op: 'eq', value: 'c' }],
      ['eq with a number on a choice question', { q: 'pick', op: 'eq', value: 1 }],
      ['in with no valid choice', { q: 'tags', op: 'in', values: ['z', 'w'] }],
      ['rating 6', { q: 'stars', op: 'eq', value: 6 }],
      ['rating as text', { q: 'stars', op: 'eq', value: '5' }],
      ['rating 2.5', { q: 'stars', op: 'in', values: [2.5, 0] }],
      ['nps between 11 and 20', { q: 'score', op: 'between', min: 11, max: 20 }],
      ['between with min > max', { q: 'score', op: 'between', min: 8, max: 3 }],
      ['between on a choice question', { q: 'pick', op: 'between', min: 0, max: 10 }],
      ['yes/no compared with text', { q: 'ok', op: 'eq', value: 'true' }],
      ['in on yes/no (values cannot be booleans)', { q: 'ok', op: 'in', values: [1, 'yes'] }],
      ['number outside its bounds', { q: 'amount', op: 'eq', value: 501 }],
      ['between outside number bounds', { q: 'amount', op: 'between', min: 600, max: 700 }],
      ['text with padding can never equal a trimmed answer', { q: 'note', op: 'eq', value: ' yes ' }],
      ['two different eq on one single question', { all: [{ q: 'pick', op: 'eq', value: 'a' }, { q: 'pick', op: 'eq', value: 'b' }] }],
      ['eq and neq of the same value', { all: [{ q: 'stars', op: 'eq', value: 3 }, { all: [{ q: 'stars', op: 'neq', value: 3 }] }] }],
      ['answered and unanswered together', { all: [{ q: 'ok', op: 'answered' }, { q: 'ok', op: 'unanswered' }] }],
      ['disjoint ranges', { all: [{ q: 'stars', op: 'between', min: 1, max: 2 }, { q: 'stars', op: 'in', values: [4, 5] }] }],
      ['multi: includes x but excludes x', { all: [{ q: 'tags', op: 'eq', value: 'x' }, { q: 'tags', op: 'neq', value: 'x' }] }],
      ['multi: excludes every choice', { all: [{ q: 'tags', op: 'neq', value: 'x' }, { q: 'tags', op: 'neq', value: 'y' }] }],
      ['any of impossibles', { any: [{ q: 'stars', op: 'eq', value: 0 }, { q: 'score', op: 'eq', value: -1 }] }],
      ['OTHER on a question without allowOther', { q: 'tags', op: 'eq', value: OTHER }],
    ];
    for (const [name, c] of cases) it(name, () => expect(shownIf(c)).toEqual(never));

    const fine: [string, Condition][] = [
      ['multi: two different includes', { all: [{ q: 'tags', op: 'eq', value: 'x' }, { q: 'tags', op: 'eq', value: 'y' }] }],
      ['neq on text', { q: 'note', op: 'neq', value: 'x' }],
      ['unanswered', { q: 'pick', op: 'unanswered' }],
      ['number between touching its max', { q: 'amount', op: 'between', min: 500, max: 900 }],
      ['unbounded number', { q: 'amount', op: 'neq', value: 3 }],
      ['any with one possible', { any: [{ q: 'stars', op: 'eq', value: 0 }, { q: 'stars', op: 'eq', value: 1 }] }],
      ['condition on an unknown question is reported as such, not as never_shown', { q: 'nope', op: 'eq', value: 1 }],
    ];
    for (const [name, c] of fine.slice(0, -1)) it(`not: ${name}`, () => expect(shownIf(c)).toEqual([]));
    it(`not: ${fine.at(-1)![0]}`, () => expect(shownIf(fine.at(-1)![1])).toEqual([['condition_unknown_question', 'probe']]));

    it('neq on a single question with one choice', () => {
      expect(codes([{ key: 'a', type: 'single', choices: choices('only') }, { key: 'b', type: 'yes_no', showIf: { q: 'a', op: 'neq', value: 'only' } }])).toEqual([['never_shown', 'b']]);
    });
    it('propagates to questions that depend on a never-shown one, but not to "unanswered"', () => {
      expect(
        codes([
          { key: 'a', type: 'rating' },
          { key: 'b', type: 'yes_no', showIf: { q: 'a', op: 'eq', value: 9 } },
          { key: 'c', type: 'yes_no', showIf: { q: 'b', op: 'answered' } },
          { key: 'd', type: 'yes_no', showIf: { q: 'b', op: 'unanswered' } },
          { key: 'e', type: 'yes_no', showIf: { q: 'b', op: 'neq', value: true } },
        ]),
      ).toEqual([
        ['never_shown', 'b'],
        ['never_shown', 'c'],
        ['never_shown', 'e'],
      ]);
    });
  });

  describe('never_shown: after a required question that always ends the script', () => {
    const tail: QuestionInput[] = [{ key: 'x', type: 'yes_no' }, { key: 'y', type: 'rating' }];
    it('endIf answered on a required, always-shown question', () => {
      const p = publishProblems(makeScript([{ key: 'a', type: 'single', choices: choices('p', 'q'), required: true, endIf: { q: 'a', op: 'answered' } }, ...tail]));
      expect(p.map((x) => [x.code, x.questionKey, x.detail.reason])).toEqual([
        ['never_shown', 'x', 'always_ended'],
        ['never_shown', 'y', 'always_ended'],
      ]);
    });
    it('endIf covering every possible answer', () => {
      const ends: Condition[] = [
        { q: 'a', op: 'in', values: ['p', 'q'] },
        { any: [{ q: 'a', op: 'eq', value: 'p' }, { q: 'a', op: 'neq', value: 'p' }] },
        { q: 'a', op: 'neq', value: 'zzz' },
      ];
      for (const endIf of ends) {
        expect(codes([{ key: 'a', type: 'single', choices: choices('p', 'q'), required: true, endIf }, ...tail])).toEqual([
          ['never_shown', 'x'],
          ['never_shown', 'y'],
        ]);
      }
      expect(codes([{ key: 'n', type: 'nps', required: true, endIf: { q: 'n', op: 'between', min: 0, max: 10 } }, ...tail])).toHaveLength(2);
      expect(codes([{ key: 'n', type: 'number', min: 1, max: 3, required: true, endIf: { q: 'n', op: 'between', min: 0, max: 3 } }, ...tail])).toHaveLength(2);
      expect(codes([{ key: 'm', type: 'multi', choices: choices('p'), required: true, endIf: { q: 'm', op: 'eq', value: 'p' } }, ...tail])).toHaveLength(2);
    });
    it('is not claimed when the question is optional, conditional, or the end depends on the answer', () => {
      expect(codes([{ key: 'a', type: 'yes_no', endIf: { q: 'a', op: 'answered' } }, ...tail])).toEqual([]);
      expect(codes([{ key: 'z', type: 'yes_no' }, { key: 'a', type: 'yes_no', required: true, showIf: { q: 'z', op: 'eq', value: true }, endIf: { q: 'a', op: 'answered' } }, ...tail])).toEqual([]);
      expect(codes([{ key: 'a', type: 'yes_no', required: true, endIf: { q: 'a', op: 'eq', value: false } }, ...tail])).toEqual([]);
      expect(codes([{ key: 'z', type: 'yes_no' }, { key: 'a', type: 'yes_no', required: true, endIf: { q: 'z', op: 'answered' } }, ...tail])).toEqual([]);
      expect(codes([{ key: 'm', type: 'multi', choices: choices('p', 'q'), required: true, endIf: { q: 'm', op: 'eq', value: 'p' } }, ...tail])).toEqual([]);
      expect(codes([{ key: 'n', type: 'number', required: true, endIf: { q: 'n', op: 'between', min: 0, max: 3 } }, ...tail])).toEqual([]);
    });
  });

  it('never_ends: an endIf that can never hold', () => {
    expect(
      codes([
        { key: 'w', type: 'single', choices: choices('yes', 'not_interested'), endIf: { q: 'w', op: 'eq', value: 'not_intrested' } },
        { key: 'v', type: 'rating', endIf: { q: 'v', op: 'between', min: 1, max: 2 } },
      ]),
    ).toEqual([['never_ends', 'w']]);
  });

  it('empty_choices, duplicate_choice, reserved_choice, bad_range', () => {
    const p = publishProblems(
      makeScript([
        { key: 's', type: 'single' },
        { key: 'm', type: 'multi', choices: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }, { value: 'c', label: ' B ' }, { value: OTHER, label: 'Other' }] },
        { key: 'n', type: 'number', min: 10, max: 1 },
        { key: 'ok', type: 'number', min: 1, max: 1 },
      ]),
    );
    expect(p.map((x) => [x.code, x.questionKey, x.detail.path])).toEqual([
      ['empty_choices', 's', 'questions[0].choices'],
      ['duplicate_choice', 'm', 'questions[1].choices[1].value'],
      ['duplicate_choice', 'm', 'questions[1].choices[2].label'],
      ['reserved_choice', 'm', 'questions[1].choices[3].value'],
      ['bad_range', 'n', 'questions[2].min'],
    ]);
  });

  it('unknown_placeholder in opening, closing, text, help and choice labels', () => {
    const p = publishProblems(
      makeScript(
        [{ key: 'a', type: 'single', text: 'Hi {name}', help: '{voucher} and {Voucher}', choices: [{ value: 'x', label: 'about {ticket}' }] }],
        { opening: '{customer_name} {客户名}', closing: 'Bye {agent}{agent}' },
      ),
    );
    expect(p.map((x) => [x.questionKey, x.detail.path, x.detail.name])).toEqual([
      [null, 'opening', '客户名'],
      [null, 'closing', 'agent'],
      ['a', 'questions[0].text', 'name'],
      ['a', 'questions[0].help', 'Voucher'],
      ['a', 'questions[0].choices[0].label', 'ticket'],
    ]);
    expect(p.every((x) => x.code === 'unknown_placeholder')).toBe(true);
    expect(p[0]!.message).toBe('Unknown placeholder {客户名} in opening; known: {customer_name}, {agent_name}, {ticket_subject}, {voucher}.');
  });
});

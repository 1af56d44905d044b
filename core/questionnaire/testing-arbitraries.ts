import fc from 'fast-check';
import { OTHER, QUESTION_TYPES } from './model';
import type { Answer, Condition, Question } from './model';
import { choices, makeScript } from './testing';
import type { QuestionInput } from './testing';

/*
 * Random scripts for property tests: conditions refer only to earlier questions (endIf also to its own),
 * with values that are sometimes valid for the referenced question and sometimes not, so both the engine
 * and the publish checks meet reachable and unreachable branches.
 */

const leafSpec = fc.record({ ref: fc.nat(), op: fc.nat(5), pick: fc.nat(20), pick2: fc.nat(20) });
const condSpec = fc.record({ combine: fc.constantFrom('leaf', 'all', 'any'), leaves: fc.array(leafSpec, { minLength: 1, maxLength: 3 }) });
const questionSpec = fc.record({
  type: fc.constantFrom(...QUESTION_TYPES),
  nChoices: fc.integer({ min: 1, max: 4 }),
  allowOther: fc.boolean(),
  required: fc.boolean(),
  bounds: fc.option(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 10 })), { nil: null }),
  showIf: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: condSpec, weight: 3 }),
  endIf: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: condSpec, weight: 1 }),
});

/** A value that is sometimes right for the question, sometimes not, so both branches get exercised. */
function conditionValue(q: QuestionInput, pick: number): string | number | boolean {
  switch (q.type) {
    case 'single':
    case 'multi':
      return pick % 7 === 6 ? OTHER : `c${pick % 5}`;
    case 'yes_no':
      return pick % 2 === 0;
    case 'rating':
    case 'nps':
    case 'number':
      return (pick % 13) - 1;
    default:
      return `t${pick % 3}`;
  }
}

function buildCondition(spec: typeof condSpec extends fc.Arbitrary<infer T> ? T : never, earlier: QuestionInput[]): Condition {
  const leaves: Condition[] = spec.leaves.map((l) => {
    const target = earlier[l.ref % earlier.length]!;
    const q = target.key;
    switch (l.op) {
      case 0:
        return { q, op: 'eq', value: conditionValue(target, l.pick) };
      case 1:
        return { q, op: 'neq', value: conditionValue(target, l.pick) };
      case 2: {
        const values = [conditionValue(target, l.pick), conditionValue(target, l.pick2)].filter((v) => typeof v !== 'boolean') as (string | number)[];
        return values.length ? { q, op: 'in', values } : { q, op: 'answered' };
      }
      case 3:
        return { q, op: 'between', min: l.pick % 6, max: (l.pick % 6) + (l.pick2 % 6) };
      case 4:
        return { q, op: 'answered' };
      default:
        return { q, op: 'unanswered' };
    }
  });
  if (spec.combine === 'all') return { all: leaves };
  if (spec.combine === 'any') return { any: leaves };
  return leaves[0]!;
}

export const scriptArb = fc.array(questionSpec, { minLength: 1, maxLength: 12 }).map((specs) => {
  const qs: QuestionInput[] = [];
  specs.forEach((s, i) => {
    const q: QuestionInput = { key: `q${i}`, type: s.type, required: s.required };
    if (s.type === 'single' || s.type === 'multi') {
      q.choices = choices(...Array.from({ length: s.nChoices }, (_, j) => `c${j}`));
      q.allowOther = s.allowOther;
    }
    if (s.type === 'number' && s.bounds) [q.min, q.max] = [s.bounds[0], s.bounds[0] + s.bounds[1]];
    if (s.showIf && i > 0) q.showIf = buildCondition(s.showIf, qs);
    if (s.endIf) q.endIf = buildCondition(s.endIf, [...qs, q]);
    qs.push(q);
  });
  return makeScript(qs);
});

export const stepArb = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('answer'), weight: 4 }, { arbitrary: fc.constant('change'), weight: 3 }, { arbitrary: fc.constant('unanswer'), weight: 1 }),
  pick: fc.nat(),
  value: fc.nat(),
});

export function validValue(q: Question, n: number): Answer {
  const opts = [...q.choices.map((c) => c.value), ...(q.allowOther ? [OTHER] : [])];
  switch (q.type) {
    case 'single': {
      const v = opts[n % opts.length]!;
      return v === OTHER ? { value: v, otherText: `other ${n}` } : { value: v };
    }
    case 'multi': {
      const picked = opts.filter((_, i) => (n >> i) & 1);
      const value = picked.length ? picked : [opts[n % opts.length]!];
      return value.includes(OTHER) ? { value, otherText: 'o' } : { value };
    }
    case 'yes_no':
      return { value: n % 2 === 1 };
    case 'rating':
      return { value: 1 + (n % 5) };
    case 'nps':
      return { value: n % 11 };
    case 'number': {
      const lo = q.min ?? -3;
      const hi = q.max ?? 12;
      return { value: lo + (n % (hi - lo + 1)) };
    }
    default:
      return { value: `t${n % 3}` };
  }
}

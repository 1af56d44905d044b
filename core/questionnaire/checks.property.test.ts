import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishProblems } from './checks';
import { answer, completion, unanswer, walk } from './engine';
import type { Answers } from './model';
import { scriptArb, stepArb, validValue } from './testing-arbitraries';

/*
 * The publish checks must be sound: a question they call never shown is never visible, an endIf they
 * call dead never ends the script, and after an "always ends" question nothing reaches a finished call.
 * Random answer sequences cannot prove that, but they find counterexamples to a wrong claim quickly.
 */

describe('publish checks are sound', () => {
  it('claims about unreachable questions and dead endIfs survive random calls', () => {
    const seen = { neverShown: 0, neverEnds: 0, alwaysEnded: 0 };
    fc.assert(
      fc.property(scriptArb, fc.array(stepArb, { minLength: 5, maxLength: 60 }), (script, steps) => {
        const problems = publishProblems(script);
        const hidden = new Set(problems.filter((p) => p.code === 'never_shown' && p.detail.reason === 'condition').map((p) => p.questionKey));
        const deadEnd = new Set(problems.filter((p) => p.code === 'never_ends').map((p) => p.questionKey));
        const afterEnd = new Set(problems.filter((p) => p.code === 'never_shown' && p.detail.reason === 'always_ended').map((p) => p.questionKey));
        seen.neverShown += hidden.size;
        seen.neverEnds += deadEnd.size;
        seen.alwaysEnded += afterEnd.size;
        let answers: Answers = {};
        for (const step of steps) {
          const w = walk(script, answers);
          for (const key of w.visible) expect(hidden.has(key), `${key} was called never shown`).toBe(false);
          expect(deadEnd.has(w.endedAt), `${w.endedAt} was called never ending`).toBe(false);
          if (completion(script, answers).canComplete) for (const key of w.visible) expect(afterEnd.has(key)).toBe(false);
          const pool = step.kind === 'answer' ? w.visible : Object.keys(answers);
          if (pool.length === 0) continue;
          const key = pool[step.pick % pool.length]!;
          const q = script.questions.find((x) => x.key === key)!;
          const r = step.kind === 'unanswer' ? unanswer(script, answers, key) : answer(script, answers, key, validValue(q, step.value));
          if (r.ok) answers = r.answers;
        }
      }),
      { numRuns: 500 },
    );
    expect(seen.neverShown).toBeGreaterThan(100);
    expect(seen.neverEnds).toBeGreaterThan(30);
    expect(seen.alwaysEnded).toBeGreaterThan(20);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answer, completion, evaluate, unanswer, walk } from './engine';
import type { Answers, ScriptContent } from './model';
import { scriptArb, stepArb, validValue } from './testing-arbitraries';

/*
 * Random scripts and random answer sequences. The oracle states what a step must produce without an
 * algorithm: exactly the proposed answers whose questions are visible given the result itself.
 * (An earlier oracle pruned repeatedly on the whole map, stale answers included; a stale answer could
 * make a hidden question look visible, fire its end condition and drop a later answer for good — an
 * order-dependent reading the brief does not intend.)
 */

/** Visibility read off a whole answer map; meaningful on a map with no stale answers. */
function visibleGiven(script: ScriptContent, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of script.questions) {
    if (q.showIf && !evaluate(q.showIf, answers)) continue;
    visible.add(q.key);
    if (q.endIf && Object.hasOwn(answers, q.key) && evaluate(q.endIf, answers)) break;
  }
  return visible;
}

/**
 * Nothing stale stays and nothing that still applies is lost. Conditions only look back (and an end
 * condition at its own question), so exactly one answer set satisfies this.
 */
function expectExactlyTheApplicable(script: ScriptContent, proposed: Answers, result: Answers): void {
  const visible = visibleGiven(script, result);
  for (const [key, value] of Object.entries(proposed)) {
    if (visible.has(key)) expect(result[key], `${key} still applies and must be kept`).toEqual(value);
    else expect(Object.hasOwn(result, key), `${key} no longer applies and must be cleared`).toBe(false);
  }
  for (const key of Object.keys(result)) expect(Object.hasOwn(proposed, key), `${key} was never given`).toBe(true);
}

function checkInvariants(script: ScriptContent, answers: Answers): void {
  const { visible } = walk(script, answers);
  const shown = new Set(visible);
  // (1) + (2): nothing hidden keeps an answer; every answered key is visible.
  for (const key of Object.keys(answers)) expect(shown.has(key), `answered ${key} must be visible`).toBe(true);
  // (3): completion is exactly "every visible required question answered".
  const missing = script.questions.filter((q) => shown.has(q.key) && q.required && !Object.hasOwn(answers, q.key)).map((q) => q.key);
  const c = completion(script, answers);
  expect(c.missingRequired).toEqual(missing);
  expect(c.canComplete).toBe(missing.length === 0);
  expect(c.answered).toBe(Object.keys(answers).length);
  expect(c.visible).toBe(visible.length);
}

describe('engine properties', () => {
  it('after every answer / change / unanswer: exactly the applicable answers are kept, completion matches', () => {
    const seen = { steps: 0, cleared: 0, ended: 0, blocked: 0 };
    fc.assert(
      fc.property(scriptArb, fc.array(stepArb, { minLength: 5, maxLength: 60 }), (script, steps) => {
        let answers: Answers = {};
        for (const step of steps) {
          const { visible } = walk(script, answers);
          const pool = step.kind === 'answer' ? visible : Object.keys(answers);
          if (pool.length === 0) continue;
          const key = pool[step.pick % pool.length]!;
          const q = script.questions.find((x) => x.key === key)!;
          const r = step.kind === 'unanswer' ? unanswer(script, answers, key) : answer(script, answers, key, validValue(q, step.value));
          if (!r.ok) throw new Error(`${step.kind} ${key}: ${r.code} ${r.message}`);
          const proposed = step.kind === 'unanswer' ? Object.fromEntries(Object.entries(answers).filter(([k]) => k !== key)) : { ...answers, [key]: r.answers[key]! };
          expectExactlyTheApplicable(script, proposed, r.answers);
          expect(r.cleared.sort()).toEqual(Object.keys(proposed).filter((k) => !Object.hasOwn(r.answers, k)).sort());
          answers = r.answers;
          checkInvariants(script, answers);
          seen.steps++;
          if (r.cleared.length > 0) seen.cleared++;
          if (walk(script, answers).endedAt !== null) seen.ended++;
          if (!completion(script, answers).canComplete) seen.blocked++;
        }
      }),
      { numRuns: 500 },
    );
    // The generator must actually reach the interesting cases, or the property proves little.
    expect(seen.steps).toBeGreaterThan(3000);
    expect(seen.cleared).toBeGreaterThan(50);
    expect(seen.ended).toBeGreaterThan(100);
    expect(seen.blocked).toBeGreaterThan(100);
  });

  it('a hidden question is always refused', () => {
    fc.assert(
      fc.property(scriptArb, fc.array(fc.nat(), { maxLength: 10 }), (script, picks) => {
        let answers: Answers = {};
        for (const n of picks) {
          const { visible } = walk(script, answers);
          const hidden = script.questions.filter((q) => !visible.includes(q.key));
          if (hidden.length > 0) {
            const q = hidden[n % hidden.length]!;
            expect(answer(script, answers, q.key, validValue(q, n))).toMatchObject({ ok: false, code: 'not_visible' });
          }
          const key = visible[n % visible.length];
          if (key === undefined) return;
          const r = answer(script, answers, key, validValue(script.questions.find((x) => x.key === key)!, n));
          if (r.ok) answers = r.answers;
        }
      }),
      { numRuns: 200 },
    );
  });
});

import { OTHER, PLACEHOLDERS } from './model';
import type { Question, ScriptContent } from './model';
import { unknownPlaceholders } from './placeholders';
import { alwaysHoldsOnceAnswered, possible } from './reach';
import type { RefInfo } from './reach';
import { structureProblems } from './structure';
import type { Problem } from './structure';

/*
 * What stops a script version from being published. Every problem is certain, never a style hint: a
 * script with none can be read start to finish by the engine as its author meant.
 */

export { PROBLEM_CODES, structureProblems } from './structure';
export type { Problem, ProblemCode } from './structure';

const CHOICE_TYPES: ReadonlySet<Question['type']> = new Set(['single', 'multi']);

function choiceProblems(q: Question, i: number): Problem[] {
  const out: Problem[] = [];
  const at = (j: number) => `questions[${i}].choices[${j}]`;
  if (CHOICE_TYPES.has(q.type) && q.choices.length === 0) {
    out.push({ code: 'empty_choices', questionKey: q.key, message: `"${q.key}" is a ${q.type}-choice question without choices.`, detail: { path: `questions[${i}].choices` } });
  }
  const values = new Map<string, number>();
  const labels = new Map<string, number>();
  q.choices.forEach((c, j) => {
    const label = c.label.trim();
    if (c.value === OTHER) {
      out.push({
        code: 'reserved_choice',
        questionKey: q.key,
        message: `"${q.key}": the choice value "${OTHER}" is reserved for "other (please specify)"; use allowOther instead.`,
        detail: { path: `${at(j)}.value`, value: c.value },
      });
    }
    for (const [field, seen, v] of [['value', values, c.value], ['label', labels, label]] as const) {
      const k = seen.get(v);
      if (k === undefined) seen.set(v, j);
      else {
        out.push({
          code: 'duplicate_choice',
          questionKey: q.key,
          message: `"${q.key}": choices ${k + 1} and ${j + 1} have the same ${field} "${v}".`,
          detail: { path: `${at(j)}.${field}`, field, [field]: v },
        });
      }
    }
  });
  return out;
}

/** Reachability: which questions can be shown, which conditions can hold, and where a script always ends. */
function flowProblems(script: ScriptContent): Problem[] {
  const out: Problem[] = [];
  const qs = script.questions;
  const first = new Map<string, number>();
  qs.forEach((q, i) => (first.has(q.key) ? undefined : first.set(q.key, i)));
  const reachable: boolean[] = [];
  let endsAt: number | null = null;
  // References reported by structureProblems resolve to null here and count as "maybe".
  const resolver =
    (lastAllowed: number) =>
    (key: string): RefInfo | null => {
      const j = first.get(key);
      return j === undefined || j > lastAllowed ? null : { question: qs[j]!, reachable: reachable[j]! };
    };
  qs.forEach((q, i) => {
    reachable[i] = false;
    if (first.get(q.key) !== i) return;
    if (endsAt !== null) {
      const ender = qs[endsAt]!.key;
      out.push({
        code: 'never_shown',
        questionKey: q.key,
        message: `"${q.key}" can never be answered in a finished call: the required question "${ender}" always ends the script.`,
        detail: { path: `questions[${i}]`, reason: 'always_ended', ref: ender },
      });
      return;
    }
    if (q.showIf && !possible(q.showIf, resolver(i - 1))) {
      out.push({
        code: 'never_shown',
        questionKey: q.key,
        message: `"${q.key}" is never shown: its showIf can never hold for the questions and answers it refers to.`,
        detail: { path: `questions[${i}].showIf`, reason: 'condition' },
      });
      return;
    }
    reachable[i] = true;
    if (!q.endIf) return;
    if (!possible(q.endIf, resolver(i))) {
      out.push({
        code: 'never_ends',
        questionKey: q.key,
        message: `endIf of "${q.key}" can never hold, so it never ends the script; check its values.`,
        detail: { path: `questions[${i}].endIf` },
      });
    } else if (q.required && q.showIf === null && answerable(q) && alwaysHoldsOnceAnswered(q.endIf, q)) {
      // Always shown, must be answered, ends whatever the answer: nothing after it reaches a finished call.
      endsAt = i;
    }
  });
  return out;
}

const answerable = (q: Question) => possible({ q: q.key, op: 'answered' }, () => ({ question: q, reachable: true }));

export function publishProblems(script: ScriptContent): Problem[] {
  const out: Problem[] = [];
  if (script.questions.length === 0) {
    out.push({ code: 'no_questions', questionKey: null, message: 'The script has no questions.', detail: { path: 'questions' } });
  }
  out.push(...structureProblems(script));
  script.questions.forEach((q, i) => {
    out.push(...choiceProblems(q, i));
    if (q.type === 'number' && q.min !== null && q.max !== null && q.min > q.max) {
      out.push({
        code: 'bad_range',
        questionKey: q.key,
        message: `"${q.key}": the minimum ${q.min} is greater than the maximum ${q.max}.`,
        detail: { path: `questions[${i}].min`, min: q.min, max: q.max },
      });
    }
  });
  out.push(...flowProblems(script));
  for (const u of unknownPlaceholders(script)) {
    out.push({
      code: 'unknown_placeholder',
      questionKey: u.questionKey,
      message: `Unknown placeholder {${u.name}} in ${u.where}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
      detail: { path: u.where, name: u.name },
    });
  }
  return out;
}

export { parseScriptJson } from './parse';
export type { ParseError, ParsedScript } from './parse';

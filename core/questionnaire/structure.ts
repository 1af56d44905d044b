import type { Condition, ScriptContent } from './model';
import { leavesOf } from './reach';

/*
 * Problems that make a script ambiguous to the engine, not just unwise: a key used twice, a condition
 * naming a question that does not exist or is asked later. parseScriptJson refuses these outright;
 * publishProblems lists them with the rest.
 */

export const PROBLEM_CODES = [
  'no_questions',
  'duplicate_key',
  'condition_unknown_question',
  'condition_forward_reference',
  'never_shown',
  'never_ends',
  'empty_choices',
  'duplicate_choice',
  'reserved_choice',
  'bad_range',
  'unknown_placeholder',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  questionKey: string | null;
  /** English, for the supervisor; the renderer may translate by code and detail. */
  message: string;
  /** Always carries `path` (e.g. 'questions[3].showIf.all[1].q'), plus what the message names. */
  detail: Record<string, string | number | boolean | null>;
}

/** Condition references only: duplicate keys and references to unknown or later questions. */
export function structureProblems(script: ScriptContent): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, number>();
  script.questions.forEach((q, i) => {
    const seen = first.get(q.key);
    if (seen === undefined) first.set(q.key, i);
    else {
      out.push({
        code: 'duplicate_key',
        questionKey: q.key,
        message: `Question key "${q.key}" is used by questions ${seen + 1} and ${i + 1}; keys must be unique.`,
        detail: { path: `questions[${i}].key`, firstIndex: seen, index: i },
      });
    }
  });
  script.questions.forEach((q, i) => {
    const check = (c: Condition | null, field: 'showIf' | 'endIf') => {
      if (!c) return;
      // showIf looks only back; endIf runs after its own question is answered, so it may see itself.
      const lastAllowed = field === 'showIf' ? i - 1 : i;
      for (const { leaf, path } of leavesOf(c, `questions[${i}].${field}`)) {
        const j = first.get(leaf.q);
        if (j === undefined) {
          out.push({
            code: 'condition_unknown_question',
            questionKey: q.key,
            message: `${field} of "${q.key}" refers to "${leaf.q}", which is not a question of this script.`,
            detail: { path: `${path}.q`, field, ref: leaf.q },
          });
        } else if (j > lastAllowed) {
          out.push({
            code: 'condition_forward_reference',
            questionKey: q.key,
            message:
              field === 'showIf'
                ? `showIf of "${q.key}" refers to "${leaf.q}", which is not asked before it; a question can only depend on earlier ones.`
                : `endIf of "${q.key}" refers to "${leaf.q}", which comes after it; endIf may refer only to this or earlier questions.`,
            detail: { path: `${path}.q`, field, ref: leaf.q },
          });
        }
      }
    };
    check(q.showIf, 'showIf');
    check(q.endIf, 'endIf');
  });
  return out;
}


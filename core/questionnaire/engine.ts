import { OTHER } from './model';
import type { Answer, AnswerValue, Answers, Condition, Question, ScriptContent } from './model';

/*
 * The questionnaire engine: which questions are visible for a set of answers, and the only ways answers
 * change (answer / unanswer), each of which prunes answers to questions that are no longer visible, so a
 * stale branch is never kept. Everything is pure; a script object is treated as immutable once passed in.
 *
 * Condition semantics (decided here, relied on by checks.ts and the reports):
 *  - A condition never holds on missing data unless it asks for it: on an unanswered question every op
 *    except 'unanswered' is false — 'neq' included, because "is not X" is a statement about an answer.
 *  - Multi answers: 'eq' means "includes", 'neq' "does not include", 'in' "overlaps".
 *  - 'between' is numeric and inclusive; it is false on any non-number answer.
 *  - Values compare strictly (no coercion): the rating 5 is not the string '5'.
 *  - During a walk a condition only sees answers of earlier visible questions (endIf also sees its own
 *    question), so hidden or forward answers never influence anything even before they are pruned.
 */

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;
/** Same limit as answerSchema.otherText in model.ts. */
export const OTHER_TEXT_MAX = 500;

export const SCALE_RANGE = { rating: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

type Lookup = (key: string) => Answer | undefined;

function holds(c: Condition, get: Lookup): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, get));
  if ('any' in c) return c.any.some((x) => holds(x, get));
  const a = get(c.q);
  if (c.op === 'unanswered') return a === undefined;
  if (a === undefined) return false;
  const v = a.value;
  switch (c.op) {
    case 'answered':
      return true;
    case 'eq':
      return valueEquals(v, c.value);
    case 'neq':
      return !valueEquals(v, c.value);
    case 'in':
      return Array.isArray(v) ? v.some((x) => c.values.includes(x)) : typeof v !== 'boolean' && c.values.includes(v);
    case 'between':
      return typeof v === 'number' && v >= c.min && v <= c.max;
  }
}

function valueEquals(v: AnswerValue, target: string | number | boolean): boolean {
  return Array.isArray(v) ? typeof target === 'string' && v.includes(target) : v === target;
}

/** A condition on a plain set of answers, no visibility involved. */
export function evaluate(condition: Condition, answers: Answers): boolean {
  return holds(condition, (key) => (Object.hasOwn(answers, key) ? answers[key] : undefined));
}

interface ScriptIndex {
  /** First position of each key; a later duplicate (a draft error) is never visible. */
  byKey: Map<string, number>;
}
const indexes = new WeakMap<ScriptContent, ScriptIndex>();

function indexFor(script: ScriptContent): ScriptIndex {
  let ix = indexes.get(script);
  // Stryker disable next-line ConditionalExpression: a memo; building the index again gives the same index
  if (!ix) {
    const byKey = new Map<string, number>();
    script.questions.forEach((q, i) => {
      if (!byKey.has(q.key)) byKey.set(q.key, i);
    });
    ix = { byKey };
    // Stryker disable next-line CallExpression: a memo; building the index again gives the same index
    indexes.set(script, ix);
  }
  return ix;
}

export interface Walk {
  visible: string[];
  /** Key of the question whose endIf ended the script, or null when it runs to the end. */
  endedAt: string | null;
}

interface WalkState extends Walk {
  shown: Uint8Array;
  byKey: Map<string, number>;
}

function walkState(script: ScriptContent, answers: Answers): WalkState {
  const { byKey } = indexFor(script);
  const qs = script.questions;
  const shown = new Uint8Array(qs.length);
  const visible: string[] = [];
  // `limit` is a second guard: shown[j] is set only for questions already walked, so a later (or the current,
  // while its showIf is read) question is unseen either way. Mutating it alone changes nothing.
  // Stryker disable next-line UnaryOperator: see above
  let limit = -1;
  // One closure per walk; `limit` moves with the loop so each condition sees only what precedes it.
  const get: Lookup = (key) => {
    const j = byKey.get(key);
    // Stryker disable next-line ConditionalExpression: see `limit` above
    if (j === undefined || j > limit || shown[j] !== 1 || !Object.hasOwn(answers, key)) return undefined;
    return answers[key];
  };
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (byKey.get(q.key) !== i) continue;
    // Stryker disable next-line ArithmeticOperator: see `limit` above
    limit = i - 1;
    if (q.showIf && !holds(q.showIf, get)) continue;
    shown[i] = 1;
    visible.push(q.key);
    limit = i;
    if (q.endIf && Object.hasOwn(answers, q.key) && holds(q.endIf, get)) {
      return { visible, endedAt: q.key, shown, byKey };
    }
  }
  return { visible, endedAt: null, shown, byKey };
}

/** Visible questions in script order, and where the script ended early (if it did). */
export function walk(script: ScriptContent, answers: Answers): Walk {
  const { visible, endedAt } = walkState(script, answers);
  return { visible, endedAt };
}

export function visibleKeys(script: ScriptContent, answers: Answers): string[] {
  return walkState(script, answers).visible;
}

export type AnswerErrorCode =
  | 'wrong_type'
  | 'not_a_choice'
  | 'duplicate_choice'
  | 'other_text_missing'
  | 'not_integer'
  | 'out_of_range'
  | 'empty'
  | 'too_long';
export type AnswerStepErrorCode = AnswerErrorCode | 'unknown_question' | 'not_visible';

export type Validated = { ok: true; answer: Answer } | { ok: false; code: AnswerErrorCode; message: string };
const fail = (code: AnswerErrorCode, message: string): Validated => ({ ok: false, code, message });

/**
 * Checks an answer-shaped input ({ value, otherText? }, e.g. straight from IPC) against the question and
 * returns it normalised: text trimmed, multi values in choice order, otherText kept only with OTHER.
 */
export function validateAnswer(question: Question, input: unknown): Validated {
  if (typeof input !== 'object' || input === null || !('value' in input)) return fail('wrong_type', 'An answer is an object with a value.');
  const { value } = input;
  const rawOther = 'otherText' in input ? input.otherText : undefined;
  if (rawOther !== undefined && typeof rawOther !== 'string') return fail('wrong_type', 'otherText must be text.');
  switch (question.type) {
    case 'single':
    case 'multi':
      return validateChoice(question, value, rawOther?.trim() ?? '');
    case 'yes_no':
      return typeof value === 'boolean' ? ok({ value }) : fail('wrong_type', 'Expected yes or no (true/false).');
    case 'rating':
    case 'nps': {
      const { min, max } = SCALE_RANGE[question.type];
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('wrong_type', 'Expected a number.');
      if (!Number.isInteger(value)) return fail('not_integer', `Expected a whole number from ${min} to ${max}.`);
      if (value < min || value > max) return fail('out_of_range', `Expected a score from ${min} to ${max}.`);
      return ok({ value });
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('wrong_type', 'Expected a number.');
      if (question.min !== null && value < question.min) return fail('out_of_range', `Expected at least ${question.min}.`);
      if (question.max !== null && value > question.max) return fail('out_of_range', `Expected at most ${question.max}.`);
      return ok({ value });
    }
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return fail('wrong_type', 'Expected text.');
      // Whitespace-only text would satisfy a required question with nothing; long text is refused too.
      const text = value.trim();
      const limit = question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (text === '') return fail('empty', 'The answer is empty.');
      if (text.length > limit) return fail('too_long', `At most ${limit} characters.`);
      return ok({ value: text });
    }
  }
}

const ok = (answer: Answer): Validated => ({ ok: true, answer });

function validateChoice(question: Question, value: unknown, otherText: string): Validated {
  const allowed = (v: string) => (v === OTHER ? question.allowOther : question.choices.some((c) => c.value === v));
  const withOther = (picked: string[]): Validated | null => {
    if (!picked.includes(OTHER)) return null;
    if (otherText === '') return fail('other_text_missing', 'Say what "other" is.');
    if (otherText.length > OTHER_TEXT_MAX) return fail('too_long', `"Other" is at most ${OTHER_TEXT_MAX} characters.`);
    return null;
  };
  if (question.type === 'single') {
    if (typeof value !== 'string') return fail('wrong_type', 'Expected one choice.');
    if (!allowed(value)) return fail('not_a_choice', `"${value}" is not a choice of this question.`);
    return withOther([value]) ?? ok(value === OTHER ? { value, otherText } : { value });
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return fail('wrong_type', 'Expected a list of choices.');
  const picked = value as string[];
  if (picked.length === 0) return fail('empty', 'Pick at least one choice.');
  if (new Set(picked).size !== picked.length) return fail('duplicate_choice', 'A choice is picked twice.');
  const bad = picked.find((v) => !allowed(v));
  if (bad !== undefined) return fail('not_a_choice', `"${bad}" is not a choice of this question.`);
  const err = withOther(picked);
  if (err) return err;
  // Choice order makes equal selections equal values, whatever order the agent clicked them in.
  const ordered = question.choices.map((c) => c.value).filter((v) => picked.includes(v));
  if (picked.includes(OTHER)) return ok({ value: [...ordered, OTHER], otherText });
  return ok({ value: ordered });
}

export type AnswerStep =
  | { ok: true; answers: Answers; cleared: string[] }
  | { ok: false; code: AnswerStepErrorCode; message: string };

/**
 * Keeps only answers to visible questions, in script order. One pass is already stable: a walk ignores
 * answers of hidden questions, so removing them cannot change what is visible.
 */
export function prune(script: ScriptContent, answers: Answers): { answers: Answers; cleared: string[] } {
  const st = walkState(script, answers);
  const kept: Answers = {};
  for (const key of st.visible) if (Object.hasOwn(answers, key)) kept[key] = answers[key]!;
  const cleared = Object.keys(answers).filter((k) => !Object.hasOwn(kept, k));
  cleared.sort((a, b) => (st.byKey.get(a) ?? Infinity) - (st.byKey.get(b) ?? Infinity));
  return { answers: kept, cleared };
}

/** Sets one answer (never mutating `answers`) and clears every answer the change hid. */
export function answer(script: ScriptContent, answers: Answers, key: string, input: unknown): AnswerStep {
  const st = walkState(script, answers);
  const i = st.byKey.get(key);
  if (i === undefined) return { ok: false, code: 'unknown_question', message: `No question "${key}" in this script.` };
  if (st.shown[i] !== 1) return { ok: false, code: 'not_visible', message: `Question "${key}" is not shown for the current answers.` };
  const checked = validateAnswer(script.questions[i]!, input);
  if (!checked.ok) return checked;
  const next = prune(script, { ...answers, [key]: checked.answer });
  return { ok: true, ...next };
}

/** Removes one answer (the agent cleared it); `cleared` lists the other answers that went with it. */
export function unanswer(script: ScriptContent, answers: Answers, key: string): AnswerStep {
  if (!indexFor(script).byKey.has(key) && !Object.hasOwn(answers, key)) {
    return { ok: false, code: 'unknown_question', message: `No question "${key}" in this script.` };
  }
  const rest = { ...answers };
  delete rest[key];
  return { ok: true, ...prune(script, rest) };
}

export interface Completion {
  canComplete: boolean;
  /** Visible required questions without an answer, in script order. */
  missingRequired: string[];
  answered: number;
  visible: number;
  endedAt: string | null;
}

/** Required means "required when shown": hidden questions and those after an early end never block. */
export function completion(script: ScriptContent, answers: Answers): Completion {
  const st = walkState(script, answers);
  const missingRequired: string[] = [];
  let answered = 0;
  for (const key of st.visible) {
    if (Object.hasOwn(answers, key)) answered++;
    else if (script.questions[st.byKey.get(key)!]!.required) missingRequired.push(key);
  }
  return { canComplete: missingRequired.length === 0, missingRequired, answered, visible: st.visible.length, endedAt: st.endedAt };
}

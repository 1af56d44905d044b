import { evaluate, LONG_TEXT_MAX, SCALE_RANGE, SHORT_TEXT_MAX } from './engine';
import { OTHER } from './model';
import type { AnswerValue, Condition, Question } from './model';

/*
 * What a condition can and must do, judged from the question types alone, for publish checks. Every
 * answer "no, never" / "yes, always" here must be certain: a false alarm would block publishing a good
 * script, so anything the analysis cannot decide counts as "maybe" (possible, not always).
 *
 * A valid answer is what validateAnswer accepts. The trick for each type is a small set of candidate
 * answers such that if any answer satisfies the constraints, one of the candidates does.
 */

export type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] }>;

/** How a condition sees a referenced question: null = not one it may refer to (reported elsewhere). */
export interface RefInfo {
  question: Question;
  /** The question can be shown for some answers. */
  reachable: boolean;
}
export type Resolve = (key: string) => RefInfo | null;

const ask = (leaf: Leaf, value: AnswerValue) => evaluate(leaf, { [leaf.q]: { value } });

function range(q: Question): { lo: number; hi: number } {
  if (q.type === 'rating' || q.type === 'nps') return { lo: SCALE_RANGE[q.type].min, hi: SCALE_RANGE[q.type].max };
  return { lo: q.min ?? -Infinity, hi: q.max ?? Infinity };
}

function options(q: Question): string[] {
  const values = q.choices.map((c) => c.value);
  return q.allowOther ? [...values, OTHER] : values;
}

const validText = (q: Question, v: unknown) =>
  typeof v === 'string' && v !== '' && v.trim() === v && v.length <= (q.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);

function isValid(q: Question, v: AnswerValue): boolean {
  switch (q.type) {
    case 'single':
      return typeof v === 'string' && options(q).includes(v);
    case 'yes_no':
      return typeof v === 'boolean';
    case 'rating':
    case 'nps':
    case 'number': {
      const { lo, hi } = range(q);
      return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi && (q.type === 'number' || Number.isInteger(v));
    }
    case 'multi':
      return Array.isArray(v) && v.length > 0 && v.every((x) => options(q).includes(x));
    case 'short_text':
    case 'long_text':
      return validText(q, v);
  }
}

/** Finite answer sets, or null for number / text. */
function finiteDomain(q: Question): AnswerValue[] | null {
  switch (q.type) {
    case 'single':
      return options(q);
    case 'yes_no':
      return [true, false];
    case 'rating':
    case 'nps': {
      const { lo, hi } = range(q);
      return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    }
    default:
      return null;
  }
}

/**
 * Can one answer to `q` satisfy every leaf at once? All leaves refer to `q`; none is 'unanswered'.
 * Multi: if any selection works, "every option not excluded by a neq" works too (eq wants inclusion,
 * in wants overlap, both only easier with more options). Number/text: a satisfying answer must equal an
 * eq/in value when there is one; otherwise only between and neq constrain, and a non-degenerate
 * interval (or the infinite set of texts) survives finitely many neq.
 */
function someAnswer(q: Question, leaves: Leaf[]): boolean {
  const fits = (v: AnswerValue) => isValid(q, v) && leaves.every((l) => ask(l, v));
  const finite = finiteDomain(q);
  if (finite) return finite.some(fits);
  if (q.type === 'multi') {
    const excluded = new Set(leaves.flatMap((l) => (l.op === 'neq' && typeof l.value === 'string' ? [l.value] : [])));
    return fits(options(q).filter((o) => !excluded.has(o)));
  }
  const pinned = leaves.find((l) => l.op === 'eq' || l.op === 'in');
  if (pinned) return (pinned.op === 'eq' ? [pinned.value] : pinned.op === 'in' ? pinned.values : []).some(fits);
  if (q.type !== 'number') return !leaves.some((l) => l.op === 'between');
  let { lo, hi } = range(q);
  for (const l of leaves) {
    if (l.op !== 'between') continue;
    lo = Math.max(lo, l.min);
    hi = Math.min(hi, l.max);
  }
  if (lo < hi) return true;
  return lo === hi && fits(lo);
}

/** Leaves on one question that must all hold together. */
function groupPossible(info: RefInfo, leaves: Leaf[]): boolean {
  const wantsAnswer = leaves.filter((l) => l.op !== 'unanswered');
  if (wantsAnswer.length === 0) return true;
  if (wantsAnswer.length < leaves.length || !info.reachable) return false;
  return someAnswer(info.question, wantsAnswer);
}

/** False only when the condition certainly never holds. */
export function possible(c: Condition, resolve: Resolve): boolean {
  if ('any' in c) return c.any.some((x) => possible(x, resolve));
  const parts = flattenAll(c);
  const byQ = new Map<string, Leaf[]>();
  for (const p of parts) {
    if (!('q' in p)) {
      if (!possible(p, resolve)) return false;
      continue;
    }
    if (!resolve(p.q)) continue;
    byQ.set(p.q, [...(byQ.get(p.q) ?? []), p]);
  }
  for (const [key, leaves] of byQ) if (!groupPossible(resolve(key)!, leaves)) return false;
  return true;
}

/** An `all` inside an `all` is the same conjunction; other parts stay as they are. */
function flattenAll(c: Condition): Condition[] {
  return 'all' in c ? c.all.flatMap(flattenAll) : [c];
}

/**
 * True only when the endIf of `self` certainly holds once `self` is answered, whatever the answer. A
 * leaf on an earlier question never counts: that question may be hidden or skipped.
 */
export function alwaysHoldsOnceAnswered(c: Condition, self: Question): boolean {
  const onlySelf = leavesOf(c, '').every(({ leaf }) => leaf.q === self.key);
  const every = onlySelf ? everyAnswer(self) : null;
  if (every) return every.every((value) => evaluate(c, { [self.key]: { value } }));
  return holdsForAll(c, self);
}

/** Every valid answer, when there are few enough to try them all (multi: up to 10 options). */
function everyAnswer(q: Question): AnswerValue[] | null {
  const finite = finiteDomain(q);
  if (finite) return finite;
  if (q.type !== 'multi') return null;
  const opts = options(q);
  if (opts.length > 10) return null;
  return Array.from({ length: 2 ** opts.length - 1 }, (_, m) => opts.filter((_, i) => ((m + 1) >> i) & 1));
}

function holdsForAll(c: Condition, self: Question): boolean {
  if ('all' in c) return c.all.every((x) => holdsForAll(x, self));
  if ('any' in c) return c.any.some((x) => holdsForAll(x, self));
  if (c.q !== self.key || c.op === 'unanswered') return false;
  if (c.op === 'answered') return true;
  const finite = finiteDomain(self);
  if (finite) return finite.every((v) => ask(c, v));
  // Multi: for eq / neq / in, holding on every single pick means holding on every selection.
  if (self.type === 'multi') return options(self).every((o) => ask(c, [o]));
  if (self.type === 'number') {
    const { lo, hi } = range(self);
    if (lo === hi) return ask(c, lo);
    if (c.op === 'between') return c.min <= lo && hi <= c.max;
    return c.op === 'neq' && !isValid(self, c.value as AnswerValue);
  }
  return c.op === 'neq' && !validText(self, c.value);
}

/** Every leaf with where it sits, e.g. 'questions[3].showIf.all[1]'. */
export function leavesOf(c: Condition, path: string): { leaf: Leaf; path: string }[] {
  if ('all' in c) return c.all.flatMap((x, i) => leavesOf(x, `${path}.all[${i}]`));
  if ('any' in c) return c.any.flatMap((x, i) => leavesOf(x, `${path}.any[${i}]`));
  return [{ leaf: c, path }];
}

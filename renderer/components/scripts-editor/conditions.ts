import type { TFunction } from 'i18next';
import { SCALE_RANGE } from '../../../core/questionnaire/engine';
import { OTHER } from '../../../core/questionnaire/model';
import type { Condition, Question, QuestionType } from '../../../core/questionnaire/model';

/*
 * The condition builder edits the simple form of a condition: a list of "question – operator – value"
 * rows joined by all (全部满足) or any (任一满足). A nested condition (only possible from an imported
 * file) is shown in words and can be replaced, not edited row by row.
 */

export type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] }>;
export type Op = Leaf['op'];
export type Mode = 'all' | 'any';

export interface Simple {
  mode: Mode;
  leaves: Leaf[];
}

const isLeaf = (c: Condition): c is Leaf => 'q' in c;

export function toSimple(c: Condition | null): Simple | null | 'complex' {
  if (c === null) return null;
  if (isLeaf(c)) return { mode: 'all', leaves: [c] };
  const mode: Mode = 'all' in c ? 'all' : 'any';
  const parts = 'all' in c ? c.all : c.any;
  return parts.every(isLeaf) ? { mode, leaves: parts } : 'complex';
}

export function fromSimple(s: Simple): Condition | null {
  if (s.leaves.length === 0) return null;
  if (s.leaves.length === 1) return s.leaves[0]!;
  return s.mode === 'all' ? { all: s.leaves } : { any: s.leaves };
}

export function opsFor(type: QuestionType | undefined): Op[] {
  switch (type) {
    case 'single':
    case 'multi':
      return ['eq', 'neq', 'in', 'answered', 'unanswered'];
    case 'yes_no':
      return ['eq', 'neq', 'answered', 'unanswered'];
    case 'rating':
    case 'nps':
      return ['eq', 'neq', 'in', 'between', 'answered', 'unanswered'];
    case 'number':
      return ['eq', 'neq', 'between', 'answered', 'unanswered'];
    default:
      return ['answered', 'unanswered'];
  }
}

export interface ValueOption {
  value: string | number | boolean;
  label: string;
}

/** The values a condition on `q` can name, or null when it is typed in (number). */
export function valueOptions(q: Question | undefined, t: TFunction): ValueOption[] | null {
  if (!q) return [];
  switch (q.type) {
    case 'single':
    case 'multi': {
      const opts: ValueOption[] = q.choices.map((c) => ({ value: c.value, label: c.label.trim() || c.value }));
      if (q.allowOther) opts.push({ value: OTHER, label: t('editor.otherChoice') });
      return opts;
    }
    case 'yes_no':
      return [
        { value: true, label: t('preview.yes') },
        { value: false, label: t('preview.no') },
      ];
    case 'rating':
    case 'nps': {
      const { min, max } = SCALE_RANGE[q.type];
      return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
    }
    case 'number':
      return null;
    default:
      return [];
  }
}

export function scaleOf(q: Question | undefined): { min: number; max: number } | null {
  if (!q) return null;
  if (q.type === 'rating' || q.type === 'nps') return SCALE_RANGE[q.type];
  if (q.type === 'number') return { min: q.min ?? 0, max: q.max ?? q.min ?? 0 };
  return null;
}

/** A complete, valid leaf for `q` and `op`, keeping what it can of `prev`. */
export function leafFor(q: Question, op: Op, t: TFunction, prev?: Leaf): Leaf {
  const opts = valueOptions(q, t);
  const prevValues: (string | number | boolean)[] =
    prev && prev.q === q.key ? (prev.op === 'eq' || prev.op === 'neq' ? [prev.value] : prev.op === 'in' ? prev.values : []) : [];
  const known = (v: string | number | boolean) => (opts === null ? typeof v === 'number' : opts.some((o) => o.value === v));
  const firstValue = (): string | number | boolean => prevValues.find(known) ?? opts?.[0]?.value ?? scaleOf(q)?.min ?? 0;
  switch (op) {
    case 'eq':
    case 'neq':
      return { q: q.key, op, value: firstValue() };
    case 'in': {
      const kept = prevValues.filter((v): v is string | number => typeof v !== 'boolean' && known(v));
      const first = firstValue();
      return { q: q.key, op, values: kept.length > 0 ? kept : typeof first === 'boolean' ? [] : [first] };
    }
    case 'between': {
      if (prev && prev.q === q.key && prev.op === 'between') return { ...prev };
      const scale = scaleOf(q) ?? { min: 0, max: 0 };
      return { q: q.key, op, min: scale.min, max: scale.max };
    }
    case 'answered':
    case 'unanswered':
      return { q: q.key, op };
  }
}

export function defaultOp(q: Question | undefined): Op {
  return opsFor(q?.type)[0]!;
}

export function opLabel(op: Op, type: QuestionType | undefined, t: TFunction): string {
  if (type === 'multi' && (op === 'eq' || op === 'neq' || op === 'in')) return t(`ops.multi_${op}`);
  return t(`ops.${op}`);
}

function valueLabel(q: Question | undefined, v: string | number | boolean, t: TFunction): string {
  if (typeof v === 'boolean') return v ? t('preview.yes') : t('preview.no');
  if (v === OTHER) return t('editor.otherChoice');
  const c = q?.choices.find((x) => x.value === v);
  return c ? c.label.trim() || c.value : String(v);
}

/** A condition in words: 「满意度」等于「不满意」 且 … */
export function describeCondition(c: Condition, questions: readonly Question[], t: TFunction, selfKey?: string): string {
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    const joined = parts.map((p) => (isLeaf(p) ? describeCondition(p, questions, t, selfKey) : `（${describeCondition(p, questions, t, selfKey)}）`));
    return joined.join(t('all' in c ? 'cond.and' : 'cond.or'));
  }
  const idx = questions.findIndex((q) => q.key === c.q);
  const q = idx >= 0 ? questions[idx] : undefined;
  const name = c.q === selfKey ? t('cond.self') : q ? t('cond.questionRef', { n: idx + 1, key: c.q }) : t('cond.missingRef', { key: c.q });
  const op = opLabel(c.op, q?.type, t);
  switch (c.op) {
    case 'eq':
    case 'neq':
      return `${name} ${op}「${valueLabel(q, c.value, t)}」`;
    case 'in':
      return `${name} ${op}「${c.values.map((v) => valueLabel(q, v, t)).join('、')}」`;
    case 'between':
      return `${name} ${op} ${c.min}–${c.max}`;
    case 'answered':
    case 'unanswered':
      return `${name} ${op}`;
  }
}

/** Every leaf's question key, for "rename the key everywhere". */
export function renameInCondition(c: Condition | null, from: string, to: string): Condition | null {
  if (c === null) return null;
  if ('all' in c) return { all: c.all.map((x) => renameInCondition(x, from, to)!) };
  if ('any' in c) return { any: c.any.map((x) => renameInCondition(x, from, to)!) };
  return c.q === from ? { ...c, q: to } : c;
}

export function refersTo(c: Condition | null, key: string): boolean {
  if (c === null) return false;
  if ('all' in c) return c.all.some((x) => refersTo(x, key));
  if ('any' in c) return c.any.some((x) => refersTo(x, key));
  return c.q === key;
}

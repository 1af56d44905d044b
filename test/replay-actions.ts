import fc from 'fast-check';
import { DISPOSITIONS, REASONS, type Disposition } from '../core/domain/model';
import { OTHER, RESPONSE_STATUSES, type Answer, type Question, type ScriptContent } from '../core/questionnaire/model';
import { csv, HOUR } from './helpers';

/* The random walk's actions for replay.test.ts: their type, their arbitrary, and the inputs they build. */

export type Action =
  | { kind: 'takeNext' }
  | {
      kind: 'record';
      target: 'held' | 'any';
      pick: number;
      disposition: Disposition;
      startBackMin: number;
      laterHours: number;
      dncDays: number | null;
      /** Give a surveySkipReason (it matters only for 'reached'). */
      skip?: boolean;
    }
  | { kind: 'release' }
  | { kind: 'take'; pick: number }
  | { kind: 'startCall' }
  | { kind: 'reveal'; pick: number }
  | { kind: 'settings'; asSupervisor: boolean; start: number; end: number; cap24: number; cap7: number; retry: number; max: number; lease: number; sunday: boolean }
  | { kind: 'import'; rows: { phone: number; reason: number; due: number; priority: number; bad: boolean }[] }
  | { kind: 'switch'; user: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'script'; op: ScriptOp; pick: number; variant: number; asSupervisor: boolean }
  | { kind: 'survey'; op: SurveyOp; target: 'held' | 'any'; pick: number; variant: number; status: 'completed' | 'partial' | 'declined' }
  | { kind: 'case'; op: CaseOp; pick: number; variant: number }
  | { kind: 'faq'; op: FaqOp; pick: number; variant: number; asSupervisor: boolean };

/** Ticket and voucher work: the ops are drawn with these weights (repeats), each on a ticket or voucher picked by `pick`. */
export const CASE_OPS = [
  'open', 'open', 'open', 'open', 'reply', 'reply', 'note', 'pend', 'resume', 'resolve', 'resolve', 'close', 'reopen', 'update', 'assign',
  'voucher', 'voucher', 'approve', 'approve', 'reject', 'void', 'sweep', 'read',
] as const;
export type CaseOp = (typeof CASE_OPS)[number];

/** FAQ curation: drafts from resolved tickets, edits, the workflow (by the right role and, now and then, the wrong one), reopened sources. */
export const FAQ_OPS = [
  'draft', 'draft', 'draft', 'edit', 'edit', 'submit', 'submit', 'publish', 'publish', 'request_changes', 'retire', 'mark_reviewed',
  'reopen_source', 'reopen_source',
] as const;
export type FaqOp = (typeof FAQ_OPS)[number];

const SCRIPT_OPS = ['copy', 'edit', 'edit', 'edit', 'publish', 'publish', 'publish', 'map', 'map', 'unmap', 'retire'] as const;
type ScriptOp = (typeof SCRIPT_OPS)[number];
const SURVEY_OPS = ['start', 'start', 'answer', 'answer', 'answer', 'answer', 'answer', 'clear', 'finish', 'finish'] as const;
type SurveyOp = (typeof SURVEY_OPS)[number];

export const arbAction: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('faq' as const),
      op: fc.constantFrom(...FAQ_OPS),
      pick: fc.nat(),
      variant: fc.nat(),
      asSupervisor: fc.constantFrom(true, true, true, false),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({ kind: fc.constant('case' as const), op: fc.constantFrom(...CASE_OPS), pick: fc.nat(), variant: fc.nat() }),
  },
  { weight: 5, arbitrary: fc.constant({ kind: 'takeNext' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      target: fc.constantFrom('held' as const, 'held' as const, 'held' as const, 'any' as const),
      pick: fc.nat(),
      disposition: fc.constantFrom(...DISPOSITIONS),
      startBackMin: fc.integer({ min: 0, max: 20 }),
      laterHours: fc.integer({ min: -2, max: 80 }),
      dncDays: fc.option(fc.integer({ min: -1, max: 400 }), { nil: null }),
      skip: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('take' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'startCall' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reveal' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      asSupervisor: fc.boolean(),
      start: fc.constantFrom(8 * 60, 9 * 60, 10 * 60),
      end: fc.constantFrom(18 * 60, 21 * 60, 22 * 60),
      cap24: fc.integer({ min: 1, max: 3 }),
      cap7: fc.integer({ min: 3, max: 6 }),
      retry: fc.constantFrom(60, 27 * 60),
      max: fc.integer({ min: 1, max: 4 }),
      lease: fc.constantFrom(5, 15),
      sunday: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(
        fc.record({ phone: fc.integer({ min: 0, max: 30 }), reason: fc.nat(REASONS.length - 1), due: fc.integer({ min: -1, max: 4 }), priority: fc.integer({ min: 1, max: 5 }), bad: fc.boolean() }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), user: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.constantFrom(1, 7, 16, 60, 180, 8 * 60, 27 * 60, 3 * 24 * 60) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('script' as const),
      op: fc.constantFrom(...SCRIPT_OPS),
      pick: fc.nat(),
      variant: fc.nat(),
      // Now and then an agent tries, and is refused.
      asSupervisor: fc.constantFrom(true, true, true, true, false),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('survey' as const),
      op: fc.constantFrom(...SURVEY_OPS),
      target: fc.constantFrom('held' as const, 'held' as const, 'any' as const),
      pick: fc.nat(),
      variant: fc.nat(),
      status: fc.constantFrom(...RESPONSE_STATUSES.filter((x) => x !== 'in_progress')),
    }),
  },
);

/** A valid answer to `q`, chosen by `v` (every type, every choice, "other" with its text). */
export function validAnswer(q: Question, v: number): Answer {
  const options = [...q.choices.map((c) => c.value), ...(q.allowOther ? [OTHER] : [])];
  const withOther = (a: Answer): Answer => ((Array.isArray(a.value) ? a.value.includes(OTHER) : a.value === OTHER) ? { ...a, otherText: `其他${v % 3}` } : a);
  switch (q.type) {
    case 'single':
      return withOther({ value: options[v % Math.max(1, options.length)] ?? 'none' });
    case 'multi': {
      const picked = options.filter((_, i) => ((v + 1) >> i) & 1);
      return withOther({ value: picked.length > 0 ? picked : options.slice(0, 1) });
    }
    case 'yes_no':
      return { value: v % 2 === 0 };
    case 'rating':
      return { value: 1 + (v % 5) };
    case 'nps':
      return { value: v % 11 };
    case 'number': {
      const lo = q.min ?? 0;
      const hi = q.max ?? lo + 100;
      return { value: Math.min(hi, lo + (v % 10)) };
    }
    case 'short_text':
    case 'long_text':
      return { value: `  回答 ${v % 100}  ` };
  }
}

/** A different draft of `c`, chosen by `v`: reworded, shortened, extended, or (now and then) unpublishable. */
export function edited(c: ScriptContent, v: number): ScriptContent {
  const questions = [...c.questions];
  switch (v % 5) {
    case 0:
    case 1: {
      const i = v % Math.max(1, questions.length);
      if (questions[i]) questions[i] = { ...questions[i], text: `${questions[i].text.slice(0, 900)} (${v % 97})` };
      return { ...c, questions };
    }
    case 2:
      // The last question: nothing earlier may refer to it.
      return { ...c, questions: questions.length > 1 ? questions.slice(0, -1) : questions };
    case 3:
      return {
        ...c,
        questions: [...questions, { key: `extra_${v % 7}`, type: v % 2 ? 'rating' : 'nps', text: `附加问题 ${v % 7}`, help: '', required: v % 3 === 0, choices: [], allowOther: false, min: null, max: null, showIf: null, endIf: null }],
      };
    default:
      return { ...c, questions: [...questions, { key: `broken_${v % 7}`, type: 'single', text: '没有选项', help: '', required: false, choices: [], allowOther: false, min: null, max: null, showIf: null, endIf: null }] };
  }
}

const fmtLocal = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

export function importCsv(rows: Extract<Action, { kind: 'import' }>['rows'], now: number): string {
  return csv(
    ['phone', 'name', 'reason', 'due_at', 'priority', 'timezone', 'notes'],
    rows.map((r, i) => [
      r.bad && i % 2 === 0 ? '123' : `137${String(r.phone).padStart(8, '0')}`,
      `导入${r.phone}`,
      r.bad && i % 2 === 1 ? 'bogus' : REASONS[r.reason]!,
      r.due < 0 ? '' : fmtLocal(now + r.due * 24 * HOUR),
      String(r.priority),
      r.phone % 3 === 0 ? 'America/Los_Angeles' : '',
      `行${i}`,
    ]),
  );
}

import { OTHER } from './model';
import type { AnswerValue, Question } from './model';

/*
 * Report figures over plain rows. Every percentage here is a number from 0 to 100 (NPS: −100 to 100)
 * rounded to one decimal, half away from zero, computed in integers so 2/3 is 66.7 and never 66.69999.
 * A figure with nothing to count is null, never 0: "no data" and "nobody was satisfied" differ.
 */

/** round(100 · num / den, 1 decimal), half away from zero; exact for integer inputs. */
export function percent(num: number, den: number): number | null {
  if (den === 0) return null;
  const sign = Math.sign(num) * Math.sign(den);
  const n = Math.abs(num);
  const d = Math.abs(den);
  // tenths = round(1000·n/d) = floor((2000·n + d) / 2d)
  const tenths = Math.floor((2000 * n + d) / (2 * d));
  return tenths === 0 ? 0 : (sign * tenths) / 10;
}

const isScore = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/**
 * CSAT = 100 · (ratings of 4 or 5) / (ratings from 1 to 5). Anything that is not a whole number from
 * 1 to 5 (an unanswered or corrupt row) is left out of both counts. Null when no rating counts.
 */
export function csat(ratings: readonly unknown[]): number | null {
  const valid = ratings.filter((r) => isScore(r, 1, 5));
  return percent(valid.filter((r) => r >= 4).length, valid.length);
}

/**
 * NPS = 100 · (promoters − detractors) / respondents, where promoters score 9–10, detractors 0–6,
 * passives 7–8 count only in the denominator, and respondents are the whole-number scores 0–10.
 * Computed from the counts, not as the difference of two rounded percentages. Null with no respondents.
 */
export function nps(scores: readonly unknown[]): number | null {
  const valid = scores.filter((s) => isScore(s, 0, 10));
  const promoters = valid.filter((s) => s >= 9).length;
  const detractors = valid.filter((s) => s <= 6).length;
  return percent(promoters - detractors, valid.length);
}

export interface Funnel {
  /** Callbacks the script was meant for in the period. */
  eligible: number;
  /** Of those, callbacks where the questionnaire was started (first answer recorded). */
  started: number;
  /** Of those, questionnaires completed. */
  completed: number;
}

/**
 * responseRate = 100 · started / eligible; completionRate = 100 · completed / started. Null when the
 * denominator is 0. The counts are used as given: a figure over 100 means the caller counted
 * differently for numerator and denominator, and hiding that by clamping would be worse.
 */
export function rates(f: Funnel): { responseRate: number | null; completionRate: number | null } {
  for (const [k, v] of Object.entries(f)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a whole number ≥ 0, got ${v}`);
  }
  return { responseRate: percent(f.started, f.eligible), completionRate: percent(f.completed, f.started) };
}

export type Distribution =
  | {
      kind: 'choices';
      /** Answers counted; for multi, share of a choice = count / responses (shares add up past 100). */
      responses: number;
      counts: { value: string; label: string; count: number }[];
      /** Answers of the wrong shape, or naming a choice this version does not have. */
      invalid: number;
    }
  | { kind: 'scale'; responses: number; counts: { score: number; count: number }[]; mean: number | null; invalid: number }
  | { kind: 'yes_no'; responses: number; yes: number; no: number; invalid: number }
  | {
      kind: 'number';
      responses: number;
      min: number | null;
      max: number | null;
      mean: number | null;
      median: number | null;
      /** Five equal-width buckets over [question.min, question.max], last one closed; [] without both bounds. */
      buckets: { from: number; to: number; count: number }[];
      invalid: number;
    }
  | { kind: 'text'; responses: number; invalid: number };

/**
 * Tallies one question's answers (one value per response, as stored). Question keys are stable across
 * versions, so `answers` may hold values an older version allowed; those land in `invalid`, never in a
 * bucket they do not belong to.
 */
export function distribution(question: Question, answers: readonly AnswerValue[]): Distribution {
  switch (question.type) {
    case 'single':
    case 'multi': {
      const counts = question.choices.map((c) => ({ value: c.value, label: c.label, count: 0 }));
      if (question.allowOther) counts.push({ value: OTHER, label: OTHER, count: 0 });
      const slot = new Map(counts.map((c) => [c.value, c]));
      let responses = 0;
      let invalid = 0;
      for (const a of answers) {
        const picked = question.type === 'single' ? (typeof a === 'string' ? [a] : null) : Array.isArray(a) && a.length > 0 ? a : null;
        if (!picked || !picked.every((v) => slot.has(v)) || new Set(picked).size !== picked.length) {
          invalid++;
          continue;
        }
        responses++;
        for (const v of picked) slot.get(v)!.count++;
      }
      return { kind: 'choices', responses, counts, invalid };
    }
    case 'rating':
    case 'nps': {
      const [lo, hi] = question.type === 'rating' ? [1, 5] : [0, 10];
      const counts = Array.from({ length: hi - lo + 1 }, (_, i) => ({ score: lo + i, count: 0 }));
      const valid = answers.filter((a): a is number => isScore(a, lo, hi));
      for (const v of valid) counts[v - lo]!.count++;
      return { kind: 'scale', responses: valid.length, counts, mean: mean(valid), invalid: answers.length - valid.length };
    }
    case 'yes_no': {
      const yes = answers.filter((a) => a === true).length;
      const no = answers.filter((a) => a === false).length;
      return { kind: 'yes_no', responses: yes + no, yes, no, invalid: answers.length - yes - no };
    }
    case 'number': {
      const valid = answers.filter((a): a is number => typeof a === 'number' && Number.isFinite(a));
      const sorted = [...valid].sort((a, b) => a - b);
      const n = sorted.length;
      const median = n === 0 ? null : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      return {
        kind: 'number',
        responses: n,
        min: n === 0 ? null : sorted[0]!,
        max: n === 0 ? null : sorted[n - 1]!,
        mean: mean(valid),
        median,
        buckets: buckets(question.min, question.max, valid),
        invalid: answers.length - n,
      };
    }
    case 'short_text':
    case 'long_text': {
      const responses = answers.filter((a) => typeof a === 'string' && a.trim() !== '').length;
      return { kind: 'text', responses, invalid: answers.length - responses };
    }
  }
}

/** Arithmetic mean rounded to two decimals, null for none. */
function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

function buckets(lo: number | null, hi: number | null, values: readonly number[]): { from: number; to: number; count: number }[] {
  if (lo === null || hi === null || !(hi > lo)) return [];
  const width = (hi - lo) / 5;
  const out = Array.from({ length: 5 }, (_, i) => ({ from: lo + i * width, to: i === 4 ? hi : lo + (i + 1) * width, count: 0 }));
  for (const v of values) {
    if (v < lo || v > hi) continue;
    out[Math.min(4, Math.floor((v - lo) / width))]!.count++;
  }
  return out;
}

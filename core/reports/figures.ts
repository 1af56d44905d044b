import { percent } from '../questionnaire/metrics';

/*
 * Small, pure steps between the grouped rows SQL returns and the report shapes: rates, top-N folding
 * and the order of an answer distribution. Every percentage uses the questionnaire figures' rounding
 * (core/questionnaire/metrics.ts): 0–100 with one decimal, null when there is nothing to divide by.
 */

export { percent };

/** CSAT from counts: 4–5 ratings over all 1–5 ratings. */
export function csatOf(positive: number, answered: number): number | null {
  return percent(positive, answered);
}

/** NPS from counts: (promoters − detractors) over respondents, −100…100. */
export function npsOf(promoters: number, detractors: number, respondents: number): number | null {
  return percent(promoters - detractors, respondents);
}

/**
 * The `n` largest entries by `count` (ties by key, so the order is stable), and the sum of the rest;
 * charts of many categories stay readable while the table keeps every row.
 */
export function topN<T extends { key: string; count: number }>(items: readonly T[], n: number): { top: T[]; rest: number } {
  const sorted = [...items].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { top: sorted.slice(0, n), rest: sorted.slice(n).reduce((s, x) => s + x.count, 0) };
}

export type ScaleType = 'rating' | 'nps';

/** Every score of a scale, lowest first: a distribution shows the scores nobody gave as 0. */
export function scaleValues(type: ScaleType): string[] {
  const [lo, hi] = type === 'rating' ? [1, 5] : [0, 10];
  return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i));
}

/**
 * Orders counted answer values for display: a scale as all its scores, choices in the order the
 * newest version lists them, then values only older versions had (most frequent first); numbers in
 * numeric order.
 */
export function orderAnswerValues(
  type: string,
  counted: readonly { value: string; count: number }[],
  choiceOrder: readonly string[],
): { value: string; count: number }[] {
  const countOf = new Map(counted.map((c) => [c.value, c.count]));
  let head: string[];
  if (type === 'rating' || type === 'nps') head = scaleValues(type);
  else if (type === 'yes_no') head = ['true', 'false'];
  else head = [...choiceOrder];
  const seen = new Set(head);
  const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) => b.count - a.count || (a.value < b.value ? -1 : 1);
  const tail = counted.filter((c) => !seen.has(c.value)).sort(type === 'number' ? (a, b) => Number(a.value) - Number(b.value) : byCount);
  return [...head.map((value) => ({ value, count: countOf.get(value) ?? 0 })), ...tail.map((c) => ({ value: c.value, count: c.count }))];
}

import { pathToFileURL } from 'node:url';
import { answer, publishProblems, scriptContentSchema, walk } from '../core/questionnaire';
import type { Answer, Answers, Condition, Question, ScriptContent } from '../core/questionnaire';
import { fmtInt, fmtMs, log, mark, Samples, type Stat } from './lib/stats';

/*
 * npx tsx bench/questionnaire.ts [steps]
 *
 * The questionnaire engine on a 60-question branching script: every answer() call recomputes
 * visibility and prunes, so its latency is what an agent feels on each click. Goal: p99 ≤ 1 ms.
 * Pure CPU, no database; deterministic (seeded) so runs are comparable.
 */

export const GOAL_P99_MS = 1;

export interface QuestionnaireBench {
  questions: number;
  withShowIf: number;
  withEndIf: number;
  publishProblems: number;
  answerCall: Stat;
  /** walk() alone on the answers after each step: the visibility part of answer(). */
  walkCall: Stat;
  /** Steps whose change cleared at least one later answer, and steps that ended the script early. */
  clearingSteps: number;
  endingSteps: number;
  goalMet: boolean;
}

/** mulberry32: a tiny seeded PRNG, enough for reproducible workloads. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['single', 'multi', 'yes_no', 'rating', 'nps', 'number', 'short_text', 'long_text'] as const;
const CHOICES = ['alpha', 'beta', 'gamma', 'delta'].map((value) => ({ value, label: value }));

/** A condition on question `q` that holds for a fair share of its answers. */
function conditionOn(q: Question, r: () => number): Condition {
  switch (q.type) {
    case 'single':
      return r() < 0.5 ? { q: q.key, op: 'in', values: ['alpha', 'beta', 'gamma'] } : { q: q.key, op: 'neq', value: 'delta' };
    case 'multi':
      return { q: q.key, op: 'eq', value: 'alpha' };
    case 'yes_no':
      return { q: q.key, op: 'eq', value: r() < 0.7 };
    case 'rating':
      return { q: q.key, op: 'between', min: 2, max: 5 };
    case 'nps':
      return { q: q.key, op: 'between', min: 3, max: 10 };
    case 'number':
      return { q: q.key, op: 'between', min: 0, max: 70 };
    default:
      return { q: q.key, op: 'answered' };
  }
}

export function benchScript(seed = 7): ScriptContent {
  const r = rng(seed);
  const qs: Question[] = [];
  for (let i = 0; i < 60; i++) {
    const type = TYPES[i % TYPES.length]!;
    const q: Question = {
      key: `q${String(i).padStart(2, '0')}`,
      type,
      text: `Question ${i}?`,
      help: '',
      required: r() < 0.5,
      choices: type === 'single' || type === 'multi' ? CHOICES : [],
      allowOther: type === 'multi',
      min: type === 'number' ? 0 : null,
      max: type === 'number' ? 100 : null,
      showIf: null,
      endIf: null,
    };
    // 24 of 60 (40%) depend on earlier answers, some on either of two.
    if (i % 5 === 1 || i % 5 === 3) {
      const a = conditionOn(qs[Math.floor(r() * i)]!, r);
      q.showIf = r() < 0.3 && i > 1 ? { any: [a, conditionOn(qs[Math.floor(r() * i)]!, r)] } : a;
    }
    // A few rare exits: the script ends only for an unusual answer, as "not interested" does.
    if (i > 0 && i % 13 === 0) q.endIf = type === 'yes_no' ? { q: q.key, op: 'eq', value: false } : { all: [{ q: q.key, op: 'answered' }, conditionOn(qs[i - 1]!, r)] };
    qs.push(q);
  }
  return scriptContentSchema.parse({ purpose: 'satisfaction', locale: 'en', title: 'Bench script', questions: qs });
}

function randomAnswer(q: Question, r: () => number): Answer {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (q.type) {
    case 'single':
      return { value: pick(q.choices).value };
    case 'multi': {
      const value = q.choices.filter(() => r() < 0.5).map((c) => c.value);
      return r() < 0.1 ? { value: [...value, '_other'], otherText: 'something else' } : { value: value.length ? value : ['alpha'] };
    }
    case 'yes_no':
      return { value: r() < 0.8 };
    case 'rating':
      return { value: 1 + Math.floor(r() * 5) };
    case 'nps':
      return { value: Math.floor(r() * 11) };
    case 'number':
      return { value: Math.round(r() * 1000) / 10 };
    default:
      return { value: `answer ${Math.floor(r() * 100)}` };
  }
}

export function runQuestionnaireBench(steps = 10_000, warmup = 2_000): QuestionnaireBench {
  const script = benchScript();
  const byKey = new Map(script.questions.map((q) => [q.key, q]));
  const r = rng(42);
  const answerCall = new Samples('answer()');
  const walkCall = new Samples('walk()');
  let answers: Answers = {};
  let clearingSteps = 0;
  let endingSteps = 0;
  for (let i = -warmup; i < steps; ) {
    const w = walk(script, answers);
    const open = w.visible.filter((k) => !Object.hasOwn(answers, k));
    const answered = w.visible.filter((k) => Object.hasOwn(answers, k));
    // A finished call starts over; otherwise mostly the next question, sometimes going back to change one.
    if (open.length === 0 || (w.endedAt !== null && r() < 0.3)) {
      answers = {};
      continue;
    }
    const key = answered.length > 0 && r() < 0.3 ? answered[Math.floor(r() * answered.length)]! : open[Math.floor(r() * Math.min(3, open.length))]!;
    const input = randomAnswer(byKey.get(key)!, r);
    const t = performance.now();
    const res = answer(script, answers, key, input);
    const elapsed = performance.now() - t;
    if (!res.ok) throw new Error(`bench step refused: ${res.code} ${res.message}`);
    answers = res.answers;
    if (i >= 0) {
      answerCall.add(elapsed);
      walkCall.time(() => walk(script, answers));
      if (res.cleared.length > 0) clearingSteps++;
      if (walk(script, answers).endedAt !== null) endingSteps++;
    }
    i++;
  }
  const stat = answerCall.stat();
  return {
    questions: script.questions.length,
    withShowIf: script.questions.filter((q) => q.showIf).length,
    withEndIf: script.questions.filter((q) => q.endIf).length,
    publishProblems: publishProblems(script).length,
    answerCall: stat,
    walkCall: walkCall.stat(),
    clearingSteps,
    endingSteps,
    goalMet: stat.p99 <= GOAL_P99_MS,
  };
}

export function printQuestionnaireBench(b: QuestionnaireBench): void {
  const row = (label: string, s: Stat) => `  ${label.padEnd(10)} p50 ${fmtMs(s.p50).padStart(7)}  p99 ${fmtMs(s.p99).padStart(7)}  max ${fmtMs(s.max).padStart(8)}`;
  log(`Questionnaire engine: ${b.questions} questions (${b.withShowIf} with showIf, ${b.withEndIf} with endIf, ${b.publishProblems} publish problems)`);
  log(`  ${fmtInt(b.answerCall.count)} answer() steps; ${fmtInt(b.clearingSteps)} cleared later answers, ${fmtInt(b.endingSteps)} left the script ended early`);
  log(`${row('answer()', b.answerCall)}   goal p99 ≤ ${GOAL_P99_MS} ms ${mark(b.goalMet)}`);
  log(row('walk()', b.walkCall));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const steps = Number(process.argv[2] ?? 10_000);
  printQuestionnaireBench(runQuestionnaireBench(Number.isInteger(steps) && steps > 0 ? steps : 10_000));
}

import { v7 as uuidv7 } from 'uuid';
import type { Reason } from '../domain/model';
import { answer as answerStep, completion, visibleKeys } from '../questionnaire/engine';
import type { Answers, AnswerValue, Question, ResponseStatus, ScriptContent } from '../questionnaire/model';
import { createPrng, weighted, type Prng } from './prng';

/*
 * The demo's questionnaire answers: a share of the calls that reached the customer took the script of
 * the call's purpose, answered as people answer (mostly content, some lukewarm, a few unhappy, with the
 * branches that follow). Every answer set is built through the questionnaire engine, so it is one an
 * agent could have recorded. A pure function of its options, like generateDemoData: `demo.loadResponses`
 * replays to the same rows.
 */

export interface DemoReachedCall {
  attemptId: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  reason: Reason;
  startedAt: number;
  endedAt: number;
}

export interface DemoResponsesOptions {
  seed: number;
  /** Reached calls in a stable order (attempt id order). */
  calls: DemoReachedCall[];
  /** The published script version each purpose's calls open. */
  scripts: Partial<Record<Reason, { versionId: string; content: ScriptContent }>>;
}

export interface DemoResponse {
  id: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  scriptVersionId: string;
  status: ResponseStatus;
  startedAt: number;
  endedAt: number;
}

export interface DemoAnswer {
  id: string;
  responseId: string;
  questionKey: string;
  value: AnswerValue;
  answeredAt: number;
}

export interface DemoResponses {
  responses: DemoResponse[];
  answers: DemoAnswer[];
}

/** Share of reached calls where the agent started the questionnaire (the response rate's target band is 30–50%). */
export const DEMO_RESPONSE_RATE = 0.42;
const STATUS = weighted<'completed' | 'partial' | 'declined'>([['completed', 80], ['partial', 12], ['declined', 8]]);
type Mood = 'happy' | 'neutral' | 'unhappy';
const MOOD = weighted<Mood>([['happy', 64], ['neutral', 23], ['unhappy', 13]]);
/** Yes/no questions where "yes" is the worrying answer. */
const YES_IS_BAD = new Set(['security_worry', 'scam_contact', 'scam_acted', 'recent_issue', 'open_ticket', 'supervisor_callback']);
const SKIP_OPTIONAL = 0.15;

const TEXTS: Record<'zh-CN' | 'en', Record<Mood, readonly string[]>> = {
  'zh-CN': {
    happy: ['整体很满意，客服很耐心', '到账很快，没有其他意见', '操作挺方便的', '希望优惠活动多一些', '没有其他问题，谢谢'],
    neutral: ['还可以，希望到账再快一点', 'App 有些功能不好找', '等待时间有点长', '一般吧，能用', '希望客服电话更容易打通'],
    unhappy: ['问题拖了好几天才处理', '重复扣款的钱还没退回来', '说明了好几遍问题还是没解决', '手续费不合理', '对处理结果不满意，希望主管联系'],
  },
  en: {
    happy: ['Very happy overall; the agent was patient', 'Money arrived quickly, nothing else', 'Easy to use', 'More offers would be nice', 'No other questions, thanks'],
    neutral: ['Fine, but transfers could be faster', 'Some features are hard to find', 'The wait was a bit long', 'It works, nothing special', 'The hotline is hard to reach'],
    unhappy: ['It took days to sort out', 'The double charge has not been refunded yet', 'I explained it several times and it is still not fixed', 'The fee is unfair', 'Not happy with the outcome; please have a supervisor call'],
  },
};

/** An index into n ordered choices (best first), leaning to the start for content people, the end for unhappy ones. */
function leaning(rng: Prng, n: number, mood: Mood): number {
  if (n <= 1) return 0;
  const weights = Array.from({ length: n }, (_, i) => (mood === 'happy' ? n - i : mood === 'unhappy' ? i + 1 : 1) ** 2);
  return weighted(weights.map((w, i) => [i, w] as [number, number]))(rng);
}

function draw(rng: Prng, q: Question, mood: Mood, locale: 'zh-CN' | 'en'): AnswerValue {
  switch (q.type) {
    case 'yes_no': {
      const good = mood === 'happy' ? 0.85 : mood === 'neutral' ? 0.6 : 0.3;
      const yesGood = !YES_IS_BAD.has(q.key);
      return rng.chance(good) ? yesGood : !yesGood;
    }
    case 'rating':
      return mood === 'happy'
        ? weighted<number>([[5, 55], [4, 40], [3, 5]])(rng)
        : mood === 'neutral'
          ? weighted<number>([[4, 30], [3, 55], [2, 15]])(rng)
          : weighted<number>([[3, 25], [2, 40], [1, 35]])(rng);
    case 'nps':
      return mood === 'happy'
        ? weighted<number>([[10, 35], [9, 35], [8, 25], [7, 5]])(rng)
        : mood === 'neutral'
          ? weighted<number>([[8, 25], [7, 35], [6, 25], [5, 15]])(rng)
          : rng.int(0, 6);
    case 'single':
      return q.choices[leaning(rng, q.choices.length, mood)]!.value;
    case 'multi': {
      const picked = new Set<string>();
      const n = rng.chance(0.6) ? 1 : 2;
      while (picked.size < Math.min(n, q.choices.length)) picked.add(rng.pick(q.choices).value);
      return [...picked];
    }
    case 'number': {
      const lo = q.min ?? 0;
      const hi = q.max ?? Math.max(lo, 10);
      return rng.int(Math.ceil(lo), Math.floor(hi));
    }
    case 'short_text':
    case 'long_text':
      return rng.pick(TEXTS[locale][mood]);
  }
}

export function generateDemoResponses(opts: DemoResponsesOptions): DemoResponses {
  const rng = createPrng(opts.seed, 11);
  const idRng = createPrng(opts.seed, 12);
  const newId = (at: number) => uuidv7({ msecs: at, random: idRng.bytes16() });
  const out: DemoResponses = { responses: [], answers: [] };
  for (const call of opts.calls) {
    const script = opts.scripts[call.reason];
    if (!script || !rng.chance(DEMO_RESPONSE_RATE)) continue;
    const { content } = script;
    const status = STATUS(rng);
    const mood = MOOD(rng);
    // The questionnaire opens a little after the greeting; answers come at an even pace until the call ends.
    const startedAt = call.startedAt + rng.int(15, 40) * 1000;
    const endedAt = Math.max(startedAt + 1000, call.endedAt - rng.int(5, 15) * 1000);
    const given: { key: string; value: AnswerValue }[] = [];
    let answers: Answers = {};
    const skipped = new Set<string>();
    const stopAfter = status === 'partial' ? rng.int(1, 3) : Infinity;
    for (;;) {
      const next = visibleKeys(content, answers).find((k) => !Object.hasOwn(answers, k) && !skipped.has(k));
      if (next === undefined || given.length >= stopAfter) break;
      const q = content.questions.find((x) => x.key === next)!;
      if (status === 'declined') {
        // The customer said no at the first question; a script that does not ask first is simply not taken.
        if (q.type === 'yes_no' && q.endIf) {
          const step = answerStep(content, answers, q.key, { value: false });
          if (step.ok) {
            answers = step.answers;
            given.push({ key: q.key, value: false });
          }
        }
        break;
      }
      if (!q.required && rng.chance(SKIP_OPTIONAL)) {
        skipped.add(q.key);
        continue;
      }
      // A gate ("is now a good time?") is passed: those who said no are the declined ones.
      const value = q.type === 'yes_no' && q.endIf ? true : draw(rng, q, mood, content.locale);
      const step = answerStep(content, answers, q.key, { value });
      if (!step.ok) {
        skipped.add(q.key);
        continue;
      }
      answers = step.answers;
      given.push({ key: q.key, value: step.answers[q.key]!.value });
    }
    if (status === 'declined' && given.length === 0) continue;
    const finalStatus: ResponseStatus = status === 'completed' && !completion(content, answers).canComplete ? 'partial' : status;
    const id = newId(startedAt);
    out.responses.push({
      id,
      callbackId: call.callbackId,
      customerId: call.customerId,
      agentId: call.agentId,
      scriptVersionId: script.versionId,
      status: finalStatus,
      startedAt,
      endedAt,
    });
    const pace = (endedAt - startedAt) / (given.length + 1);
    given.forEach((g, i) => {
      const at = Math.floor(startedAt + pace * (i + 1));
      out.answers.push({ id: newId(at), responseId: id, questionKey: g.key, value: g.value, answeredAt: at });
    });
  }
  return out;
}

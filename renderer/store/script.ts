import i18n from 'i18next';
import type { ApiError } from '../../core/contract/result';
import type { CallScriptState, ResponseView } from '../../core/contract/views';
import { answer as engineAnswer, unanswer as engineUnanswer, walk } from '../../core/questionnaire/engine';
import type { AnswerStepErrorCode } from '../../core/questionnaire/engine';
import { OTHER } from '../../core/questionnaire/model';
import type { Answer, AnswerValue, Answers, Question, ScriptContent } from '../../core/questionnaire/model';
import { call } from '../api/client';
import type { Slice } from './types';

/*
 * The questionnaire of the open callback. Answers change here first, through the same pure engine the
 * back end uses (instant feedback, branch clearing included), and are saved one by one, in order, with
 * responses.answer; the back end's answers replace ours once every save in flight has come back.
 */

export type Step = { kind: 'intro' } | { kind: 'question'; key: string } | { kind: 'end' };
export type Tab = 'profile' | 'script';
export type Mode = 'work' | 'view';

export interface LocalProblem {
  key: string | null;
  code: AnswerStepErrorCode | 'not_a_number' | 'missing_required';
  params?: Record<string, string | number>;
}

export interface ScriptState {
  callbackId: string | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  applies: CallScriptState['applies'];
  /** The back end's latest word on the response. */
  response: ResponseView | null;
  /** The answers as shown: ours, ahead of the back end while saves are in flight. */
  answers: Answers;
  /** Content of the version that applies, for the opening before the questionnaire starts. */
  preview: ScriptContent | null;
  step: Step;
  tab: Tab;
  /** Number keys go to the questionnaire (else to the call panel's results). */
  keysActive: boolean;
  /** Typed text not yet saved: key → text; `${key}#other` → "other" text. */
  drafts: Record<string, string>;
  /** A choice picked that cannot be saved yet ("other" without its text). */
  picks: Record<string, AnswerValue>;
  pending: number;
  busy: 'start' | 'finish' | null;
  error: ApiError | null;
  problem: LocalProblem | null;
  /** Answers cleared by the last change (they no longer apply). */
  cleared: { count: number; seq: number } | null;

  load(callbackId: string): Promise<void>;
  reset(): void;
  setTab(tab: Tab): void;
  setKeysActive(on: boolean): void;
  setDraft(key: string, text: string): void;
  setPick(key: string, value: AnswerValue | null): void;
  goTo(step: Step): void;
  start(opts?: { declined?: boolean }): Promise<void>;
  /** Validates and saves one answer (null removes it). False when refused locally. */
  submit(key: string, input: Answer | null): boolean;
  finish(status: 'completed' | 'partial' | 'declined'): Promise<boolean>;
  clearProblem(): void;
  /** Saves whatever is typed or picked but not yet saved on the current question. False: not valid. */
  commitCurrent(): boolean;
  commitQuestion(q: Question): boolean;
  /** Before the call's result is saved: the current question is committed, then every save has landed. */
  settle(): Promise<void>;
  /**
   * Whether saving "reached" needs a reason for the questionnaire: true when a script applies to this
   * callback and its response is not completed; null when we do not know (not loaded, or another callback).
   */
  reasonNeeded(callbackId: string): boolean | null;
}

export interface ScriptSlice {
  /** The questionnaire of the open callback (one object, so its names never meet the other slices'). */
  script: ScriptState;
}

const OTHER_SUFFIX = '#other';
export const otherDraftKey = (key: string) => `${key}${OTHER_SUFFIX}`;

/** Where to resume: the first visible unanswered question, else the end. */
export function resumeStep(content: ScriptContent, answers: Answers): Step {
  const { visible, endedAt } = walk(content, answers);
  if (endedAt !== null) return { kind: 'end' };
  const key = visible.find((k) => !Object.hasOwn(answers, k));
  return key ? { kind: 'question', key } : { kind: 'end' };
}

let seq = 0;
/** Saves run one after another, in the order the agent gave the answers. */
let chain: Promise<unknown> = Promise.resolve();
/** Bumped on every load/reset: results of an older callback's saves are ignored. */
let generation = 0;

const without = <T>(rec: Record<string, T>, ...keys: string[]) => {
  const out = { ...rec };
  for (const k of keys) delete out[k];
  return out;
};

type ScriptData = Omit<ScriptState, { [K in keyof ScriptState]: ScriptState[K] extends (...args: never[]) => unknown ? K : never }[keyof ScriptState]>;

/** Nothing loaded: where a new callback starts and where reset returns. */
const INITIAL: ScriptData = {
  callbackId: null,
  phase: 'idle',
  applies: null,
  response: null,
  answers: {},
  preview: null,
  step: { kind: 'intro' },
  tab: 'profile',
  keysActive: false,
  drafts: {},
  picks: {},
  pending: 0,
  busy: null,
  error: null,
  problem: null,
  cleared: null,
};

export const createScriptSlice: Slice<ScriptSlice> = (setApp, getApp) => {
  // The questionnaire lives under `script` in the one store; these two read and patch just that part.
  const get = () => getApp().script;
  const set = (patch: Partial<ScriptState>) => setApp((st) => ({ script: { ...st.script, ...patch } }));

  const resync = async (gen: number) => {
    const callbackId = get().callbackId;
    if (!callbackId) return;
    const r = await call('responses.forCallback', { callbackId });
    if (gen !== generation || !r.ok) return;
    const response = r.value.response;
    set({ applies: r.value.applies, response, answers: response?.answers ?? {} });
  };

  return {
    script: {
      ...INITIAL,

      async load(callbackId) {
        const gen = ++generation;
        chain = Promise.resolve();
        set({ ...INITIAL, callbackId, phase: 'loading' });
        const r = await call('responses.forCallback', { callbackId });
        if (gen !== generation) return;
        if (!r.ok) {
          set({ phase: 'error', error: r.error });
          return;
        }
        const { applies, response } = r.value;
        const inProgress = response?.status === 'in_progress';
        set({
          phase: 'ready',
          applies,
          response,
          answers: response?.answers ?? {},
          step: response && inProgress ? resumeStep(response.content, response.answers) : { kind: 'intro' },
          // A questionnaire already under way opens on its own tab; otherwise the profile comes first.
          tab: inProgress ? 'script' : 'profile',
          keysActive: inProgress,
          // The opening is read before starting, from the version that applies.
          preview: applies && !response ? applies.content : null,
        });
      },

      reset() {
        generation++;
        chain = Promise.resolve();
        set(INITIAL);
      },

      setTab(tab) {
        const response = get().response;
        set({ tab, keysActive: tab === 'script' && response?.status === 'in_progress' });
      },

      setKeysActive(on) {
        if (get().keysActive !== on) set({ keysActive: on });
      },

      setDraft(key, text) {
        set({ drafts: { ...get().drafts, [key]: text }, problem: null });
      },

      setPick(key, value) {
        set({ picks: value === null ? without(get().picks, key) : { ...get().picks, [key]: value }, problem: null });
      },

      goTo(step) {
        set({ step, problem: null });
      },

      clearProblem() {
        set({ problem: null });
      },

      async start(opts) {
        const { callbackId, busy } = get();
        if (!callbackId || busy) return;
        set({ busy: 'start', error: null });
        const gen = generation;
        const r = await call('responses.start', { callbackId });
        if (gen !== generation) return;
        if (!r.ok) {
          set({ busy: null, error: r.error });
          return;
        }
        const response = r.value;
        set({
          busy: null,
          response,
          answers: response.answers,
          step: resumeStep(response.content, response.answers),
          tab: 'script',
          keysActive: true,
        });
        if (opts?.declined) await get().finish('declined');
      },

      submit(key, input) {
        const { response, answers } = get();
        if (!response || response.status !== 'in_progress') return false;
        const content = response.content;
        const step = input === null ? engineUnanswer(content, answers, key) : engineAnswer(content, answers, key, input);
        if (!step.ok) {
          const q = content.questions.find((x) => x.key === key);
          set({ problem: { key, code: step.code, params: rangeParams(q) } });
          return false;
        }
        // Nothing changed (the same answer again): no save, no history entry.
        const before = answers[key];
        const after = step.answers[key];
        if (step.cleared.length === 0 && sameAnswer(before, after)) {
          set({ drafts: without(get().drafts, key, otherDraftKey(key)), picks: without(get().picks, key), problem: null });
          return true;
        }
        const mySeq = ++seq;
        set({
          answers: step.answers,
          drafts: without(get().drafts, key, otherDraftKey(key)),
          picks: without(get().picks, key),
          problem: null,
          error: null,
          pending: get().pending + 1,
          cleared: step.cleared.length > 0 ? { count: step.cleared.length, seq: mySeq } : get().cleared,
        });
        const gen = generation;
        const responseId = response.id;
        const payload = input === null ? null : (step.answers[key] ?? null);
        chain = chain.then(async () => {
          if (gen !== generation) return;
          const serverBefore = get().response?.answers ?? {};
          const r = await call('responses.answer', { responseId, key, answer: payload });
          if (gen !== generation) return;
          const pending = get().pending - 1;
          if (!r.ok) {
            set({ pending, error: r.error });
            // Whatever we thought, the back end's answers are the truth: read them again.
            await resync(gen);
            return;
          }
          // The back end's count of what this change cleared (the same rule; it is the one that counts).
          const gone = Object.keys(serverBefore).filter((k) => k !== key && !Object.hasOwn(r.value.answers, k)).length;
          const patch: Partial<ScriptState> = { pending, response: r.value };
          if (gone > 0) patch.cleared = { count: gone, seq: mySeq };
          if (pending === 0) patch.answers = r.value.answers;
          set(patch);
        });
        return true;
      },

      async finish(status) {
        const { response, busy } = get();
        if (!response || busy || response.status !== 'in_progress') return false;
        set({ busy: 'finish', error: null, problem: null });
        const gen = generation;
        await chain; // every answer given is saved before the questionnaire ends
        if (gen !== generation) return false;
        const r = await call('responses.finish', { responseId: response.id, status });
        if (gen !== generation) return false;
        if (!r.ok) {
          set({ busy: null, error: r.error });
          await resync(gen);
          return false;
        }
        set({
          busy: null,
          response: r.value,
          answers: r.value.answers,
          keysActive: false,
          drafts: {},
          picks: {},
          cleared: null,
        });
        return true;
      },

      commitCurrent() {
        const s = get();
        if (s.step.kind !== 'question' || !s.response || s.response.status !== 'in_progress') return true;
        const key = s.step.key;
        const q = s.response.content.questions.find((x) => x.key === key);
        if (!q) return true;
        return get().commitQuestion(q);
      },

      commitQuestion(q) {
        const s = get();
        const answered = s.answers[q.key] !== undefined;
        switch (q.type) {
          case 'short_text':
          case 'long_text': {
            const draft = s.drafts[q.key];
            if (draft === undefined) return true;
            if (draft.trim() === '') {
              if (answered) return s.submit(q.key, null);
              s.setDraft(q.key, '');
              return true;
            }
            return s.submit(q.key, { value: draft });
          }
          case 'number': {
            const draft = s.drafts[q.key];
            if (draft === undefined) return true;
            const text = draft.trim().replace(/,/g, '').replace(/，/g, '').replace(/。/g, '.');
            if (text === '') {
              if (answered) return s.submit(q.key, null);
              return true;
            }
            const n = Number(text);
            if (!Number.isFinite(n)) {
              set({ problem: { key: q.key, code: 'not_a_number' } });
              return false;
            }
            return s.submit(q.key, { value: n });
          }
          case 'single':
          case 'multi': {
            const otherDraft = s.drafts[otherDraftKey(q.key)];
            const pending = Object.hasOwn(s.picks, q.key) ? s.picks[q.key] : undefined;
            if (pending === undefined && otherDraft === undefined) return true;
            const value = pending ?? s.answers[q.key]?.value;
            const picked = value === undefined ? [] : Array.isArray(value) ? value : [value];
            if (!picked.includes(OTHER)) {
              // The "other" text of a choice no longer picked: nothing to save.
              if (otherDraft !== undefined) set({ drafts: without(s.drafts, otherDraftKey(q.key)) });
              return true;
            }
            const text = (otherDraft ?? s.answers[q.key]?.otherText ?? '').trim();
            if (text === '') {
              set({ problem: { key: q.key, code: 'other_text_missing' } });
              focusSoon(otherInputId(q.key));
              return false;
            }
            const input: Answer = { value: value as Answer['value'], otherText: text };
            return s.submit(q.key, input);
          }
          default:
            return true;
        }
      },

      /**
       * Before the call's result is saved: what is typed on the current question is saved too (Ctrl+Enter
       * from a questionnaire text field does not blur it), then every answer save has landed.
       */
      async settle() {
        get().commitCurrent();
        await answersSaved();
      },

      reasonNeeded(callbackId) {
        const s = get();
        if (s.callbackId !== callbackId || s.phase !== 'ready') return null;
        return s.applies !== null && s.response?.status !== 'completed';
      },
    },
  };
};

function rangeParams(q: Question | undefined): Record<string, string | number> | undefined {
  if (!q) return undefined;
  if (q.type === 'rating') return { min: 1, max: 5 };
  if (q.type === 'nps') return { min: 0, max: 10 };
  if (q.type === 'number') return { min: q.min ?? '', max: q.max ?? '' };
  return undefined;
}

function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a.value) === JSON.stringify(b.value) && (a.otherText ?? '') === (b.otherText ?? '');
}

/** Resolves once every questionnaire answer given so far has been saved (or refused). */
function answersSaved(): Promise<void> {
  return chain.then(
    () => undefined,
    () => undefined,
  );
}

/** The message of a refused answer, in the agent's language. */
export function problemText(p: LocalProblem): string {
  return i18n.t(`survey:problem.${p.code}`, { ...p.params, defaultValue: i18n.t('survey:problem.wrong_type') });
}

// ------------------------------------------------------------------------------------------------
// The runner's inputs, by id: committing typed-but-unsaved answers is questionnaire logic the workspace
// needs before it saves the call's result (so it lives here, not in components/), and it focuses the
// "other" text when that is missing.

export const otherInputId = (key: string) => `sr-other-${key}`;
export const textInputId = (key: string) => `sr-text-${key}`;

/** Focuses an element by id once React has drawn it. */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}



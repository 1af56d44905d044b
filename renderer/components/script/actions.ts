import { OTHER } from '../../../core/questionnaire/model';
import type { Answer, Question } from '../../../core/questionnaire/model';
import { nextKey, prevKey, questionOf, type PickOption } from './format';
import { answersSaved, otherDraftKey, resumeStep, useScript, type Step } from './state';

/*
 * What the agent does in the questionnaire, shared by the mouse and the keyboard. Each works on the
 * store's current state, so a key handler and a click can never disagree about what is current.
 */

export const otherInputId = (key: string) => `sr-other-${key}`;
export const textInputId = (key: string) => `sr-text-${key}`;

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The "other" text as it stands: typed but unsaved, else saved. */
function otherTextOf(q: Question): string {
  const s = useScript.getState();
  return s.drafts[otherDraftKey(q.key)] ?? s.answers[q.key]?.otherText ?? '';
}

/** Choice values currently selected (a pick waiting for its "other" text counts). */
export function selectedValues(q: Question): unknown[] {
  const s = useScript.getState();
  const v = Object.hasOwn(s.picks, q.key) ? s.picks[q.key] : s.answers[q.key]?.value;
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function pickOption(q: Question, opt: PickOption): void {
  const s = useScript.getState();
  if (q.type === 'single') {
    if (opt.value === OTHER) {
      const text = otherTextOf(q).trim();
      if (text === '') {
        s.setPick(q.key, OTHER);
        focusSoon(otherInputId(q.key));
        return;
      }
      s.submit(q.key, { value: OTHER, otherText: text });
      return;
    }
    s.setPick(q.key, null);
    s.submit(q.key, { value: opt.value as string });
    return;
  }
  if (q.type === 'multi') {
    const current = selectedValues(q).filter((v): v is string => typeof v === 'string');
    const value = opt.value as string;
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    if (next.length === 0) {
      s.setPick(q.key, null);
      if (s.answers[q.key] !== undefined) s.submit(q.key, null);
      return;
    }
    if (next.includes(OTHER)) {
      const text = otherTextOf(q).trim();
      if (text === '') {
        s.setPick(q.key, next);
        focusSoon(otherInputId(q.key));
        return;
      }
      s.setPick(q.key, null);
      s.submit(q.key, { value: next, otherText: text });
      return;
    }
    s.setPick(q.key, null);
    s.submit(q.key, { value: next });
    return;
  }
  s.submit(q.key, { value: opt.value });
}

/** Saves whatever is typed or picked but not yet saved on the current question. False: not valid. */
export function commitCurrent(): boolean {
  const s = useScript.getState();
  if (s.step.kind !== 'question' || !s.response || s.response.status !== 'in_progress') return true;
  const q = questionOf(s.response.content, s.step.key);
  if (!q) return true;
  return commitQuestion(q);
}

export function commitQuestion(q: Question): boolean {
  const s = useScript.getState();
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
        useScript.setState({ problem: { key: q.key, code: 'not_a_number' } });
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
        if (otherDraft !== undefined) useScript.setState({ drafts: dropKey(s.drafts, otherDraftKey(q.key)) });
        return true;
      }
      const text = (otherDraft ?? s.answers[q.key]?.otherText ?? '').trim();
      if (text === '') {
        useScript.setState({ problem: { key: q.key, code: 'other_text_missing' } });
        focusSoon(otherInputId(q.key));
        return false;
      }
      const input: Answer = { value: value as Answer['value'], otherText: text };
      return s.submit(q.key, input);
    }
    default:
      return true;
  }
}

function dropKey<T>(rec: Record<string, T>, key: string): Record<string, T> {
  const out = { ...rec };
  delete out[key];
  return out;
}

function stepFocus(step: Step) {
  const s = useScript.getState();
  if (step.kind !== 'question' || !s.response) return;
  const q = questionOf(s.response.content, step.key);
  if (q && ['short_text', 'long_text', 'number'].includes(q.type) && s.keysActive) focusSoon(textInputId(q.key));
}

function go(step: Step) {
  useScript.getState().goTo(step);
  stepFocus(step);
}

/** On to the next visible question (saving what is pending first), or to the end. */
export function next(): void {
  const s = useScript.getState();
  const r = s.response;
  if (!r || r.status !== 'in_progress') return;
  if (s.step.kind === 'intro') {
    const resume = resumeStep(r.content, s.answers);
    const first = resume.kind === 'question' ? resume : firstQuestion();
    go(first);
    return;
  }
  if (s.step.kind !== 'question') return;
  if (!commitCurrent()) return;
  const after = useScript.getState().answers;
  const k = nextKey(r.content, after, s.step.key);
  go(k ? { kind: 'question', key: k } : { kind: 'end' });
}

function firstQuestion(): Step {
  const s = useScript.getState();
  const k = s.response ? nextKey(s.response.content, s.answers, '') : null;
  return k ? { kind: 'question', key: k } : { kind: 'end' };
}

export function back(): void {
  const s = useScript.getState();
  const r = s.response;
  if (!r || r.status !== 'in_progress' || s.step.kind === 'intro') return;
  if (s.step.kind === 'question' && !commitCurrent()) return;
  const after = useScript.getState().answers;
  const k = prevKey(r.content, after, s.step.kind === 'question' ? s.step.key : null);
  go(k ? { kind: 'question', key: k } : { kind: 'intro' });
}

export function jump(step: Step): void {
  const s = useScript.getState();
  if (s.step.kind === 'question' && s.response?.status === 'in_progress' && !commitCurrent()) return;
  go(step);
}

/**
 * Before the call's result is saved: what is typed on the current question is saved too (Ctrl+Enter
 * from a questionnaire text field does not blur it), then every answer save has landed.
 */
export async function settleQuestionnaire(): Promise<void> {
  commitCurrent();
  await answersSaved();
}

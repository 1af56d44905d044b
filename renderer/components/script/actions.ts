import { OTHER } from '../../../core/questionnaire/model';
import type { Question } from '../../../core/questionnaire/model';
import { nextKey, prevKey, questionOf, type PickOption } from './format';
import { focusSoon, otherDraftKey, otherInputId, resumeStep, textInputId, type Step } from '../../store/script';
import { useStore } from '../../store';

/*
 * What the agent does in the questionnaire, shared by the mouse and the keyboard. Each works on the
 * store's current state, so a key handler and a click can never disagree about what is current.
 */

/** The "other" text as it stands: typed but unsaved, else saved. */
function otherTextOf(q: Question): string {
  const s = useStore.getState().script;
  return s.drafts[otherDraftKey(q.key)] ?? s.answers[q.key]?.otherText ?? '';
}

/** Choice values currently selected (a pick waiting for its "other" text counts). */
export function selectedValues(q: Question): unknown[] {
  const s = useStore.getState().script;
  const v = Object.hasOwn(s.picks, q.key) ? s.picks[q.key] : s.answers[q.key]?.value;
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function pickOption(q: Question, opt: PickOption): void {
  const s = useStore.getState().script;
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

function stepFocus(step: Step) {
  const s = useStore.getState().script;
  if (step.kind !== 'question' || !s.response) return;
  const q = questionOf(s.response.content, step.key);
  if (q && ['short_text', 'long_text', 'number'].includes(q.type) && s.keysActive) focusSoon(textInputId(q.key));
}

function go(step: Step) {
  useStore.getState().script.goTo(step);
  stepFocus(step);
}

/** On to the next visible question (saving what is pending first), or to the end. */
export function next(): void {
  const s = useStore.getState().script;
  const r = s.response;
  if (!r || r.status !== 'in_progress') return;
  if (s.step.kind === 'intro') {
    const resume = resumeStep(r.content, s.answers);
    const first = resume.kind === 'question' ? resume : firstQuestion();
    go(first);
    return;
  }
  if (s.step.kind !== 'question') return;
  if (!useStore.getState().script.commitCurrent()) return;
  const after = useStore.getState().script.answers;
  const k = nextKey(r.content, after, s.step.key);
  go(k ? { kind: 'question', key: k } : { kind: 'end' });
}

function firstQuestion(): Step {
  const s = useStore.getState().script;
  const k = s.response ? nextKey(s.response.content, s.answers, '') : null;
  return k ? { kind: 'question', key: k } : { kind: 'end' };
}

export function back(): void {
  const s = useStore.getState().script;
  const r = s.response;
  if (!r || r.status !== 'in_progress' || s.step.kind === 'intro') return;
  if (s.step.kind === 'question' && !useStore.getState().script.commitCurrent()) return;
  const after = useStore.getState().script.answers;
  const k = prevKey(r.content, after, s.step.kind === 'question' ? s.step.key : null);
  go(k ? { kind: 'question', key: k } : { kind: 'intro' });
}

export function jump(step: Step): void {
  const s = useStore.getState().script;
  if (s.step.kind === 'question' && s.response?.status === 'in_progress' && !useStore.getState().script.commitCurrent()) return;
  go(step);
}


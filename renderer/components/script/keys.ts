import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../../core/questionnaire/model';
import type { RenderContext } from '../../../core/questionnaire/placeholders';
import { useStore } from '../../store';
import { isTypingTarget } from '../keys';
import { back, next, pickOption } from './actions';
import { textInputId } from '../../store/script';
import { optionsOf, questionOf } from './format';

/** Digits typed for a choice: "1" on a 0–10 scale waits a moment for "10"; otherwise picks at once. */
export function useDigitBuffer(ctx: RenderContext) {
  const [typed, setTyped] = useState('');
  const ref = useRef<{ buf: string; key: string; timer: number | undefined }>({ buf: '', key: '', timer: undefined });
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  });

  const [api] = useState(() => {
    const pickBuffered = () => {
      const r = ref.current;
      if (r.timer !== undefined) window.clearTimeout(r.timer);
      r.timer = undefined;
      const buf = r.buf;
      const key = r.key;
      r.buf = '';
      setTyped('');
      if (buf === '') return;
      const s = useStore.getState().script;
      if (s.step.kind !== 'question' || s.step.key !== key || !s.response) return;
      const q = questionOf(s.response.content, key);
      const o = q ? optionsOf(q, ctxRef.current).find((x) => x.digits === buf) : undefined;
      if (q && o) pickOption(q, o);
    };
    const onDigit = (q: NonNullable<ReturnType<typeof questionOf>>, d: string) => {
      const r = ref.current;
      if (r.key !== q.key) {
        if (r.timer !== undefined) window.clearTimeout(r.timer);
        r.buf = '';
        r.key = q.key;
      }
      const opts = optionsOf(q, ctxRef.current);
      let buf = r.buf + d;
      if (!opts.some((o) => o.digits.startsWith(buf))) buf = d;
      const exact = opts.some((o) => o.digits === buf);
      const longer = opts.some((o) => o.digits.length > buf.length && o.digits.startsWith(buf));
      if (r.timer !== undefined) window.clearTimeout(r.timer);
      r.timer = undefined;
      r.buf = buf;
      if (exact && !longer) {
        pickBuffered();
        return;
      }
      if (!exact && !longer) {
        r.buf = '';
        setTyped('');
        return;
      }
      setTyped(buf);
      r.timer = window.setTimeout(pickBuffered, 700);
    };
    return { onDigit, flush: pickBuffered };
  });
  useEffect(() => () => window.clearTimeout(ref.current.timer), []);
  return { typed, onDigit: api.onDigit, flush: api.flush };
}

/** The running questionnaire's keys: captured ahead of the call panel's result keys, which skip what is handled here. */
export function useRunnerKeys(onDigit: (q: Question, d: string) => void, flush: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState().script;
      const ws = useStore.getState().workspace;
      if (!ws || ws.mode !== 'work' || s.tab !== 'script' || s.response?.status !== 'in_progress') return;
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        if (e.key === 'ArrowLeft') {
          e.preventDefault();
          flush();
          back();
        } else if (e.key === 'ArrowRight') {
          e.preventDefault();
          flush();
          next();
        }
        return;
      }
      if (!s.keysActive || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(e.target)) return;
      if (e.key === 'Enter') {
        // A focused button other than a choice keeps its own Enter (Finish, Start…).
        if (e.target instanceof HTMLElement && e.target.closest('button, a') && !e.target.closest('[data-choice]')) return;
        e.preventDefault();
        flush();
        next();
        return;
      }
      if (e.key === 'Backspace') {
        e.preventDefault();
        flush();
        back();
        return;
      }
      if (/^[0-9]$/.test(e.key)) {
        // While the panel has the keys they never pick a call result, even on the opening or the end.
        e.preventDefault();
        if (s.step.kind !== 'question') return;
        const q = questionOf(s.response.content, s.step.key);
        if (!q) return;
        if (q.type === 'number' || q.type === 'short_text' || q.type === 'long_text') {
          // Typing a digit on a text question starts typing the answer.
          const saved = s.answers[q.key];
          s.setDraft(q.key, (s.drafts[q.key] ?? (saved === undefined ? '' : String(saved.value))) + e.key);
          document.getElementById(textInputId(q.key))?.focus();
          return;
        }
        onDigit(q, e.key);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onDigit, flush]);
}

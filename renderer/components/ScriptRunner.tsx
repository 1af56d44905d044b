import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackDetail, ResponseView } from '../../core/contract/views';
import { completion, walk } from '../../core/questionnaire/engine';
import type { Answers, ResponseStatus, ScriptContent } from '../../core/questionnaire/model';
import type { RenderContext } from '../../core/questionnaire/placeholders';
import { useStore } from '../store';
import { errorText } from '../store/workspace';
import { formatTime } from '../format';
import { CustomerProfile } from './CustomerProfile';
import { isTypingTarget } from './keys';
import { back, jump, next, pickOption, textInputId } from './script/actions';
import { answerText, optionsOf, questionOf, render, scriptContext } from './script/format';
import { QuestionView } from './script/QuestionView';
import { useScript, type Step } from './script/state';
import '../styles/survey.css';

/*
 * The questionnaire read during the call. It shares the left column with the customer profile (two
 * tabs, Alt+P / Alt+Q), so the profile is always one key away. While a questionnaire is under way and
 * its panel is active (ringed, "number keys → questionnaire"), number keys pick answers, Enter goes on
 * and Backspace / Alt+← goes back; a click in the call panel hands the number keys back to the results.
 */

type Mode = 'work' | 'view';

/** The workspace's left column: the profile, plus the questionnaire tab when a script applies. */
export function WorkspaceLeft({ detail, mode }: { detail: CallbackDetail; mode: Mode }) {
  const { t } = useTranslation('survey');
  const { t: tc } = useTranslation();
  const callbackId = detail.callback.id;
  const load = useScript((s) => s.load);
  const reset = useScript((s) => s.reset);
  const phase = useScript((s) => s.phase);
  const applies = useScript((s) => s.applies);
  const response = useScript((s) => s.response);
  const answers = useScript((s) => s.answers);
  const tab = useScript((s) => s.tab);
  const setTab = useScript((s) => s.setTab);
  const startedAt = useStore((s) => (s.workspace?.detail.callback.id === callbackId ? s.workspace.startedAt : null));

  useEffect(() => {
    void load(callbackId);
    return () => reset();
  }, [callbackId, load, reset]);

  // The call starts: the opening is what the agent reads first, so the questionnaire comes forward.
  const callStarted = startedAt !== null;
  useEffect(() => {
    if (!callStarted) return;
    const s = useScript.getState();
    if (s.applies && (s.response === null || s.response.status === 'in_progress')) s.setTab('script');
  }, [callStarted, phase]);

  const shown = phase === 'ready' && (applies !== null || response !== null);

  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyQ') {
        e.preventDefault();
        const s = useScript.getState();
        s.setTab('script');
        s.setKeysActive(s.response?.status === 'in_progress');
      } else if (e.code === 'KeyP') {
        e.preventDefault();
        useScript.getState().setTab('profile');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [shown]);

  if (!shown) return <CustomerProfile detail={detail} />;

  let badge: string;
  if (!response) badge = t('status.not_started');
  else if (response.status === 'in_progress') {
    const c = completion(response.content, answers);
    badge = `${c.answered}/${c.visible}`;
  } else badge = t(`status.${response.status}`);

  return (
    <div className="ws-left" data-tab={tab}>
      <div className="ws-tabs" role="tablist" aria-label={t('runner.tabsLabel')}>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'profile'}
          className={tab === 'profile' ? 'ws-tab active' : 'ws-tab'}
          data-testid="profile-tab"
          onClick={() => setTab('profile')}
        >
          {tc('workspace.profile')}
          <kbd>Alt+P</kbd>
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'script'}
          className={tab === 'script' ? 'ws-tab active' : 'ws-tab'}
          data-testid="script-tab"
          onClick={() => {
            setTab('script');
          }}
        >
          {t('runner.tab')}
          <span className={`ws-tab-badge sr-st-${response?.status ?? 'not_started'}`}>{badge}</span>
          <kbd>Alt+Q</kbd>
        </button>
      </div>
      <CustomerProfile detail={detail} />
      {tab === 'script' && <ScriptRunner mode={mode} />}
    </div>
  );
}

export function ScriptRunner({ mode }: { mode: Mode }) {
  const { t } = useTranslation('survey');
  const phase = useScript((s) => s.phase);
  const applies = useScript((s) => s.applies);
  const response = useScript((s) => s.response);
  const error = useScript((s) => s.error);
  const keysActive = useScript((s) => s.keysActive);
  const inProgress = response?.status === 'in_progress' && mode === 'work';
  const panelRef = useRef<HTMLElement>(null);

  // Number keys follow where the agent is working: a click or focus in the call panel takes them there.
  useEffect(() => {
    if (!inProgress) return;
    const onDown = (e: Event) => {
      const target = e.target as Node | null;
      if (!target) return;
      if (panelRef.current?.contains(target)) useScript.getState().setKeysActive(true);
      else if (target instanceof Element && target.closest('[data-testid="call-panel"], [data-testid="customer-profile"]')) {
        useScript.getState().setKeysActive(false);
      }
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('focusin', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('focusin', onDown, true);
    };
  }, [inProgress]);

  if (phase === 'loading' || phase === 'idle') {
    return (
      <section className="sr-panel" data-testid="script-panel" data-state="loading">
        <p className="muted">{t('runner.loading')}</p>
      </section>
    );
  }
  if (phase === 'error' && error) {
    return (
      <section className="sr-panel" data-testid="script-panel" data-state="error">
        <div className="banner banner-error" role="alert">
          <strong>{t('runner.loadFailed')}</strong>
          <span>{errorText(error)}</span>
        </div>
      </section>
    );
  }

  const version = response?.version ?? applies?.version ?? 0;
  const title = response?.content.title ?? applies?.title ?? '';
  const status: ResponseStatus | 'not_started' = response?.status ?? 'not_started';
  // A newer version published since this questionnaire began does not change it: it keeps its own.
  const newer = response && applies && applies.version !== response.version && response.status === 'in_progress' ? applies.version : null;

  return (
    <section
      ref={panelRef}
      className={`sr-panel${inProgress && keysActive ? ' sr-active' : ''}`}
      data-testid="script-panel"
      data-state={status}
      data-keys={inProgress && keysActive ? 'script' : 'call'}
      aria-label={t('runner.tab')}
    >
      <header className="sr-head">
        <div className="sr-title-row">
          <h3 className="sr-title">{title}</h3>
          <span className="sr-version" data-testid="script-version" data-version={version}>
            {t('runner.version', { n: version })}
          </span>
          <span className={`sr-status sr-st-${status}`} data-testid="script-status" data-status={status}>
            {t(`status.${status}`)}
          </span>
          {inProgress && <KeysChip active={keysActive} />}
        </div>
        {newer !== null && <p className="sr-note">{t('runner.pinned', { v: version, newer })}</p>}
      </header>
      {error && (
        <div className="banner banner-error sr-error" role="alert" data-testid="script-error" data-code={error.code}>
          <strong>{t('runner.saveFailed')}</strong>
          <span>{errorText(error)}</span>
        </div>
      )}
      {response === null ? (
        <Intro mode={mode} />
      ) : inProgress ? (
        <Runner response={response} />
      ) : (
        <Finished response={response} mode={mode} />
      )}
    </section>
  );
}

function KeysChip({ active }: { active: boolean }) {
  const { t } = useTranslation('survey');
  const setKeysActive = useScript((s) => s.setKeysActive);
  return (
    <button
      type="button"
      className={`sr-keys${active ? ' on' : ''}`}
      data-testid="script-keys"
      title={t('runner.keysTitle')}
      onClick={() => setKeysActive(!active)}
    >
      <span className="sr-keys-icon" aria-hidden="true">
        ⌨
      </span>
      {active ? t('runner.keysScript') : t('runner.keysCall')}
    </button>
  );
}

/** Before the questionnaire starts: the opening to read, and Start (or the customer declines). */
function Intro({ mode }: { mode: Mode }) {
  const { t } = useTranslation('survey');
  const preview = useScript((s) => s.preview);
  const busy = useScript((s) => s.busy);
  const start = useScript((s) => s.start);
  // The server fills the placeholders' values (customer, agent, ticket subject), as it will for the response.
  const applies = useScript((s) => s.applies);
  const ctx: RenderContext | null = preview && applies ? applies.context : null;
  return (
    <div className="sr-intro" data-testid="script-intro">
      {preview && ctx && preview.opening.trim() !== '' && <ReadAloud label={t('runner.opening')} text={render(preview.opening, ctx)} />}
      {preview && (
        <p className="muted sr-count">{t('runner.questionCount', { count: preview.questions.length })}</p>
      )}
      {mode === 'work' ? (
        <div className="sr-intro-actions">
          <button type="button" className="btn btn-primary" data-testid="script-start" disabled={busy !== null} onClick={() => void start()}>
            {busy === 'start' ? t('runner.starting') : t('runner.start')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="script-finish-declined"
            disabled={busy !== null}
            title={t('runner.declineHint')}
            onClick={() => void start({ declined: true })}
          >
            {t('finish.declined')}
          </button>
          <span className="muted tiny">{t('runner.startHint')}</span>
        </div>
      ) : (
        <p className="muted">{t('runner.notStartedView')}</p>
      )}
    </div>
  );
}

function ReadAloud({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div className="sr-read" data-testid={testId}>
      <div className="sr-read-label">{label}</div>
      <p className="sr-read-text">{text}</p>
    </div>
  );
}

/** The questionnaire under way: question list on the left, the current step, finish buttons below. */
function Runner({ response }: { response: ResponseView }) {
  const { t } = useTranslation('survey');
  const answers = useScript((s) => s.answers);
  const step = useScript((s) => s.step);
  const content = response.content;
  const ctx = scriptContext(response.context, content);
  const w = walk(content, answers);
  const done = completion(content, answers);
  const { typed, onDigit, flush } = useDigitBuffer(ctx);

  // Keys: captured ahead of the call panel's result keys, which skip what is handled here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useScript.getState();
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

  const currentKey = step.kind === 'question' ? step.key : null;
  // A question that a change has just hidden is not shown any more: on to the next visible one.
  const currentVisible = currentKey === null || w.visible.includes(currentKey);
  useEffect(() => {
    if (!currentVisible && currentKey !== null) {
      const s = useScript.getState();
      const r = s.response;
      if (!r) return;
      const pos = r.content.questions.findIndex((q) => q.key === currentKey);
      const order = (k: string) => r.content.questions.findIndex((q) => q.key === k);
      const visible = walk(r.content, s.answers).visible;
      const k = visible.find((x) => order(x) > pos) ?? null;
      s.goTo(k ? { kind: 'question', key: k } : { kind: 'end' });
    }
  }, [currentVisible, currentKey]);

  const q = currentKey ? questionOf(content, currentKey) : undefined;
  const index = currentKey ? w.visible.indexOf(currentKey) : -1;

  return (
    <>
      <Progress answered={done.answered} visible={done.visible} />
      <ClearedNote />
      <div className="sr-body">
        <QuestionList content={content} answers={answers} ctx={ctx} step={step} visible={w.visible} endedAt={w.endedAt} missing={done.missingRequired} />
        <div className="sr-main">
          {step.kind === 'intro' && (
            <div className="sr-intro">
              {content.opening.trim() !== '' && <ReadAloud label={t('runner.opening')} text={render(content.opening, ctx)} />}
            </div>
          )}
          {step.kind === 'question' && q && index >= 0 && (
            <QuestionView key={q.key} q={q} index={index} total={w.visible.length} ctx={ctx} typed={typed} />
          )}
          {step.kind === 'end' && <EndStep content={content} answers={answers} ctx={ctx} />}
          <StepButtons step={step} />
        </div>
      </div>
      <FinishBar canComplete={done.canComplete} missing={done.missingRequired.length} />
    </>
  );
}

/** Digits typed for a choice: "1" on a 0–10 scale waits a moment for "10"; otherwise picks at once. */
function useDigitBuffer(ctx: RenderContext) {
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
      const s = useScript.getState();
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

function Progress({ answered, visible }: { answered: number; visible: number }) {
  const { t } = useTranslation('survey');
  const pct = visible === 0 ? 0 : Math.round((answered / visible) * 100);
  return (
    <div className="sr-progress" data-testid="script-progress" data-answered={answered} data-visible={visible}>
      <div className="sr-progress-track" aria-hidden="true">
        <div className="sr-progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <span className="sr-progress-text">{t('runner.progress', { answered, visible })}</span>
    </div>
  );
}

function ClearedNote() {
  const { t } = useTranslation('survey');
  const cleared = useScript((s) => s.cleared);
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!cleared) return;
    const seq = cleared.seq;
    const timer = window.setTimeout(() => setHidden(seq), 8000);
    return () => window.clearTimeout(timer);
  }, [cleared]);
  if (!cleared || hidden === cleared.seq) return null;
  return (
    <p className="sr-cleared" role="status" data-testid="script-cleared" data-count={cleared.count}>
      {t('runner.cleared', { count: cleared.count })}
    </p>
  );
}

function QuestionList({
  content,
  answers,
  ctx,
  step,
  visible,
  endedAt,
  missing,
}: {
  content: ScriptContent;
  answers: Answers;
  ctx: RenderContext;
  step: Step;
  visible: string[];
  endedAt: string | null;
  missing: string[];
}) {
  const { t } = useTranslation('survey');
  const drafts = useScript((s) => s.drafts);
  const picks = useScript((s) => s.picks);
  const navRef = useRef<HTMLElement>(null);
  const stepId = step.kind === 'question' ? step.key : step.kind;
  useEffect(() => {
    navRef.current?.querySelector('.sr-nav-item.current')?.scrollIntoView({ block: 'nearest' });
  }, [stepId]);
  return (
    <nav className="sr-nav" ref={navRef} aria-label={t('runner.listLabel')}>
      <ol>
        <li>
          <button type="button" className={step.kind === 'intro' ? 'sr-nav-item current' : 'sr-nav-item'} onClick={() => jump({ kind: 'intro' })}>
            <span className="sr-nav-n">·</span>
            <span className="sr-nav-text">{t('runner.opening')}</span>
          </button>
        </li>
        {visible.map((key, i) => {
          const q = questionOf(content, key)!;
          // Required and unanswered is flagged once the agent has gone past it (skipped), not before.
          const passed = step.kind === 'end' || (step.kind === 'question' && visible.indexOf(step.key) > i);
          const a = answers[key];
          const current = step.kind === 'question' && step.key === key;
          const unsaved = drafts[key] !== undefined || drafts[`${key}#other`] !== undefined || Object.hasOwn(picks, key);
          const cls = ['sr-nav-item', current ? 'current' : '', a !== undefined ? 'answered' : '', passed && missing.includes(key) ? 'missing' : ''].filter(Boolean).join(' ');
          return (
            <li key={key}>
              <button
                type="button"
                className={cls}
                data-testid={`script-nav-${key}`}
                aria-current={current ? 'step' : undefined}
                title={render(q.text, ctx)}
                onClick={() => jump({ kind: 'question', key })}
              >
                <span className="sr-nav-n">{a !== undefined ? '✓' : i + 1}</span>
                <span className="sr-nav-body">
                  <span className="sr-nav-text">
                    {render(q.text, ctx)}
                    {q.required && <span className="sr-req-dot" aria-label={t('runner.required')} />}
                  </span>
                  {a !== undefined && <span className="sr-nav-answer">{answerText(q, a, ctx)}</span>}
                  {unsaved && <span className="sr-nav-answer sr-unsaved">{t('runner.unsaved')}</span>}
                </span>
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" className={step.kind === 'end' ? 'sr-nav-item current' : 'sr-nav-item'} data-testid="script-nav-end" onClick={() => jump({ kind: 'end' })}>
            <span className="sr-nav-n">·</span>
            <span className="sr-nav-text">{endedAt ? t('runner.endEarly') : t('runner.closing')}</span>
          </button>
        </li>
      </ol>
    </nav>
  );
}

function EndStep({ content, answers, ctx }: { content: ScriptContent; answers: Answers; ctx: RenderContext }) {
  const { t } = useTranslation('survey');
  const w = walk(content, answers);
  const done = completion(content, answers);
  const endedQ = w.endedAt ? questionOf(content, w.endedAt) : undefined;
  return (
    <div className="sr-end" data-testid="script-end" data-ended-early={w.endedAt ? 'true' : 'false'}>
      {endedQ && (
        <p className="sr-note sr-note-strong" data-testid="script-ended-early">
          {t('runner.endedEarly', { question: render(endedQ.text, ctx) })}
        </p>
      )}
      {content.closing.trim() !== '' && <ReadAloud label={t('runner.closing')} text={render(content.closing, ctx)} testId="script-closing" />}
      <p className="sr-summary">{t('runner.summary', { answered: done.answered, visible: done.visible })}</p>
      {done.missingRequired.length > 0 ? (
        <div className="sr-missing">
          <span>{t('runner.missingRequired', { count: done.missingRequired.length })}</span>
          {done.missingRequired.map((k) => (
            <button key={k} type="button" className="btn btn-ghost sr-link" onClick={() => jump({ kind: 'question', key: k })}>
              {t('runner.questionN', { n: w.visible.indexOf(k) + 1 })}
            </button>
          ))}
          <span className="muted">{t('runner.missingAdvice')}</span>
        </div>
      ) : (
        <p className="sr-ready">{t('runner.readyToComplete')}</p>
      )}
    </div>
  );
}

function StepButtons({ step }: { step: Step }) {
  const { t } = useTranslation('survey');
  return (
    <div className="sr-step-buttons">
      <button type="button" className="btn btn-secondary" data-testid="script-back" disabled={step.kind === 'intro'} onClick={() => back()}>
        ← {t('runner.back')}
        <kbd>Backspace</kbd>
      </button>
      {step.kind !== 'end' && (
        <button type="button" className="btn btn-primary" data-testid="script-next" onClick={() => next()}>
          {step.kind === 'intro' ? t('runner.continue') : t('runner.next')} →<kbd>Enter</kbd>
        </button>
      )}
    </div>
  );
}

function FinishBar({ canComplete, missing }: { canComplete: boolean; missing: number }) {
  const { t } = useTranslation('survey');
  const finish = useScript((s) => s.finish);
  const busy = useScript((s) => s.busy);
  const pending = useScript((s) => s.pending);
  const unsaved = useScript((s) => Object.keys(s.picks).length > 0);
  const completeOk = canComplete && !unsaved;
  return (
    <footer className="sr-foot">
      <span className="sr-saved muted tiny" data-testid="script-save-state" data-pending={pending}>
        {pending > 0 ? t('runner.saving') : t('runner.savedAuto')}
      </span>
      <div className="sr-foot-buttons">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="script-finish-declined"
          disabled={busy !== null}
          title={t('finish.declinedHint')}
          onClick={() => void finish('declined')}
        >
          {t('finish.declined')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="script-finish-partial"
          disabled={busy !== null}
          title={t('finish.partialHint')}
          onClick={() => void finish('partial')}
        >
          {t('finish.partial')}
        </button>
        <button
          type="button"
          className="btn btn-primary sr-complete"
          data-testid="script-finish-completed"
          disabled={busy !== null || !completeOk}
          title={completeOk ? t('finish.completedHint') : t('finish.cannotComplete', { count: missing })}
          onClick={() => void finish('completed')}
        >
          {busy === 'finish' ? t('runner.finishing') : t('finish.completed')}
        </button>
      </div>
    </footer>
  );
}

/** After the questionnaire: its outcome and answers, read-only. */
function Finished({ response, mode }: { response: ResponseView; mode: Mode }) {
  const { t } = useTranslation('survey');
  const applies = useScript((s) => s.applies);
  const busy = useScript((s) => s.busy);
  const start = useScript((s) => s.start);
  const content = response.content;
  const ctx = scriptContext(response.context, content);
  const w = walk(content, response.answers);
  const canRestart = mode === 'work' && applies !== null && response.status !== 'completed' && response.status !== 'in_progress';
  return (
    <div className="sr-finished" data-testid="script-finished">
      <p className="sr-finished-head">
        {response.status === 'in_progress'
          ? t('runner.inProgressView')
          : t('runner.finishedAt', { status: t(`status.${response.status}`), time: response.endedAt ? formatTime(response.endedAt) : '' })}
      </p>
      <ol className="sr-answers" data-testid="script-answers">
        {w.visible.map((key) => {
          const q = questionOf(content, key)!;
          const a = response.answers[key];
          return (
            <li key={key} data-key={key} className={a === undefined ? 'unanswered' : undefined}>
              <div className="sr-answers-q">{render(q.text, ctx)}</div>
              <div className="sr-answers-a">{a === undefined ? t('runner.noAnswer') : answerText(q, a, ctx)}</div>
            </li>
          );
        })}
      </ol>
      {canRestart && (
        <div className="sr-intro-actions">
          <button type="button" className="btn btn-secondary" data-testid="script-restart" disabled={busy !== null} onClick={() => void start()}>
            {t('runner.restart')}
          </button>
          <span className="muted tiny">{t('runner.restartHint')}</span>
        </div>
      )}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, ScriptContent } from '../../../core/questionnaire/model';
import type { RenderContext } from '../../../core/questionnaire/placeholders';
import { jump } from './actions';
import { answerText, questionOf, render } from './format';
import type { Step } from '../../store/script';
import { useStore } from '../../store';

export function QuestionList({
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
  const drafts = useStore(({ script: s }) => s.drafts);
  const picks = useStore(({ script: s }) => s.picks);
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

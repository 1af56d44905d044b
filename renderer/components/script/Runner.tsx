import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseView } from '../../../core/contract/views';
import { completion, walk } from '../../../core/questionnaire/engine';
import { FinishBar, StepButtons } from './Controls';
import { EndStep } from './EndStep';
import { questionOf, render, scriptContext } from './format';
import { useDigitBuffer, useRunnerKeys } from './keys';
import { QuestionList } from './QuestionList';
import { QuestionView } from './QuestionView';
import { ReadAloud } from './ReadAloud';
import { useStore } from '../../store';

/** The questionnaire under way: question list on the left, the current step, finish buttons below. */
export function Runner({ response }: { response: ResponseView }) {
  const { t } = useTranslation('survey');
  const answers = useStore(({ script: s }) => s.answers);
  const step = useStore(({ script: s }) => s.step);
  const content = response.content;
  const ctx = scriptContext(response.context, content);
  const w = walk(content, answers);
  const done = completion(content, answers);
  const { typed, onDigit, flush } = useDigitBuffer(ctx);
  useRunnerKeys(onDigit, flush);

  const currentKey = step.kind === 'question' ? step.key : null;
  // A question that a change has just hidden is not shown any more: on to the next visible one.
  const currentVisible = currentKey === null || w.visible.includes(currentKey);
  useEffect(() => {
    if (!currentVisible && currentKey !== null) {
      const s = useStore.getState().script;
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
  const cleared = useStore(({ script: s }) => s.cleared);
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

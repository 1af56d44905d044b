import { useTranslation } from 'react-i18next';
import type { ResponseView } from '../../../core/contract/views';
import { walk } from '../../../core/questionnaire/engine';
import { formatTime } from '../../format';
import { answerText, questionOf, render, scriptContext } from './format';
import type { Mode } from '../../store/script';
import { useStore } from '../../store';
import { Button } from '../../ui';

/** After the questionnaire: its outcome and answers, read-only. */
export function Finished({ response, mode }: { response: ResponseView; mode: Mode }) {
  const { t } = useTranslation('survey');
  const applies = useStore(({ script: s }) => s.applies);
  const busy = useStore(({ script: s }) => s.busy);
  const start = useStore(({ script: s }) => s.start);
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
          <Button data-testid="script-restart" disabled={busy !== null} onClick={() => void start()}>
            {t('runner.restart')}
          </Button>
          <span className="muted tiny">{t('runner.restartHint')}</span>
        </div>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { completion, walk } from '../../../core/questionnaire/engine';
import type { Answers, ScriptContent } from '../../../core/questionnaire/model';
import type { RenderContext } from '../../../core/questionnaire/placeholders';
import { jump } from './actions';
import { questionOf, render } from './format';
import { ReadAloud } from './ReadAloud';
import { Alert, Button } from '../../ui';

export function EndStep({ content, answers, ctx }: { content: ScriptContent; answers: Answers; ctx: RenderContext }) {
  const { t } = useTranslation('survey');
  const w = walk(content, answers);
  const done = completion(content, answers);
  const endedQ = w.endedAt ? questionOf(content, w.endedAt) : undefined;
  return (
    <div className="sr-end" data-testid="script-end" data-ended-early={w.endedAt ? 'true' : 'false'}>
      {endedQ && (
        <Alert tone="warn" data-testid="script-ended-early">
          {t('runner.endedEarly', { question: render(endedQ.text, ctx) })}
        </Alert>
      )}
      {content.closing.trim() !== '' && <ReadAloud label={t('runner.closing')} text={render(content.closing, ctx)} testId="script-closing" />}
      <p className="sr-summary">{t('runner.summary', { answered: done.answered, visible: done.visible })}</p>
      {done.missingRequired.length > 0 ? (
        <div className="sr-missing">
          <span>{t('runner.missingRequired', { count: done.missingRequired.length })}</span>
          {done.missingRequired.map((k) => (
            <Button variant="link" size="small" key={k} onClick={() => jump({ kind: 'question', key: k })}>
              {t('runner.questionN', { n: w.visible.indexOf(k) + 1 })}
            </Button>
          ))}
          <span className="muted">{t('runner.missingAdvice')}</span>
        </div>
      ) : (
        <p className="sr-ready">{t('runner.readyToComplete')}</p>
      )}
    </div>
  );
}

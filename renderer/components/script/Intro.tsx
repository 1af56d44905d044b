import { useTranslation } from 'react-i18next';
import type { RenderContext } from '../../../core/questionnaire/placeholders';
import { render } from './format';
import { ReadAloud } from './ReadAloud';
import type { Mode } from '../../store/script';
import { useStore } from '../../store';
import { Button } from '../../ui';

/** Before the questionnaire starts: the opening to read, and Start (or the customer declines). */
export function Intro({ mode }: { mode: Mode }) {
  const { t } = useTranslation('survey');
  const preview = useStore(({ script: s }) => s.preview);
  const busy = useStore(({ script: s }) => s.busy);
  const start = useStore(({ script: s }) => s.start);
  // The server fills the placeholders' values (customer, agent, ticket subject), as it will for the response.
  const applies = useStore(({ script: s }) => s.applies);
  const ctx: RenderContext | null = preview && applies ? applies.context : null;
  return (
    <div className="sr-intro" data-testid="script-intro">
      {preview && ctx && preview.opening.trim() !== '' && <ReadAloud label={t('runner.opening')} text={render(preview.opening, ctx)} />}
      {preview && (
        <p className="muted sr-count">{t('runner.questionCount', { count: preview.questions.length })}</p>
      )}
      {mode === 'work' ? (
        <div className="sr-intro-actions">
          <Button variant="primary" data-testid="script-start" disabled={busy !== null} onClick={() => void start()}>
            {busy === 'start' ? t('runner.starting') : t('runner.start')}
          </Button>
          <Button
            data-testid="script-finish-declined"
            disabled={busy !== null}
            title={t('runner.declineHint')}
            onClick={() => void start({ declined: true })}
          >
            {t('finish.declined')}
          </Button>
          <span className="muted tiny">{t('runner.startHint')}</span>
        </div>
      ) : (
        <p className="muted">{t('runner.notStartedView')}</p>
      )}
    </div>
  );
}

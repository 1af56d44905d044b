import { useTranslation } from 'react-i18next';
import { back, next } from './actions';
import type { Step } from '../../store/script';
import { useStore } from '../../store';
import { Button } from '../../ui';

export function StepButtons({ step }: { step: Step }) {
  const { t } = useTranslation('survey');
  return (
    <div className="sr-step-buttons">
      <Button data-testid="script-back" disabled={step.kind === 'intro'} onClick={() => back()}>
        ← {t('runner.back')}
        <kbd>Backspace</kbd>
      </Button>
      {step.kind !== 'end' && (
        <Button variant="primary" data-testid="script-next" onClick={() => next()}>
          {step.kind === 'intro' ? t('runner.continue') : t('runner.next')} →<kbd>Enter</kbd>
        </Button>
      )}
    </div>
  );
}

export function FinishBar({ canComplete, missing }: { canComplete: boolean; missing: number }) {
  const { t } = useTranslation('survey');
  const finish = useStore(({ script: s }) => s.finish);
  const busy = useStore(({ script: s }) => s.busy);
  const pending = useStore(({ script: s }) => s.pending);
  const unsaved = useStore(({ script: s }) => Object.keys(s.picks).length > 0);
  const completeOk = canComplete && !unsaved;
  return (
    <footer className="sr-foot">
      <span className="sr-saved muted tiny" data-testid="script-save-state" data-pending={pending}>
        {pending > 0 ? t('runner.saving') : t('runner.savedAuto')}
      </span>
      <div className="sr-foot-buttons">
        <Button
          data-testid="script-finish-declined"
          disabled={busy !== null}
          title={t('finish.declinedHint')}
          onClick={() => void finish('declined')}
        >
          {t('finish.declined')}
        </Button>
        <Button
          data-testid="script-finish-partial"
          disabled={busy !== null}
          title={t('finish.partialHint')}
          onClick={() => void finish('partial')}
        >
          {t('finish.partial')}
        </Button>
        <Button
          variant="primary"
          className="sr-complete"
          data-testid="script-finish-completed"
          disabled={busy !== null || !completeOk}
          title={completeOk ? t('finish.completedHint') : t('finish.cannotComplete', { count: missing })}
          onClick={() => void finish('completed')}
        >
          {busy === 'finish' ? t('runner.finishing') : t('finish.completed')}
        </Button>
      </div>
    </footer>
  );
}

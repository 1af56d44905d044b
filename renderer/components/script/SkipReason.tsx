import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { FieldMessage, TextInput } from '../../ui';
import './questionnaire.css';

const PICKS = ['inconvenient', 'unwilling', 'dropped', 'other'] as const;

/**
 * In the call panel, with the result "reached": when a questionnaire applied and was not completed,
 * the agent says why (required; sent as surveySkipReason). Also shown whenever the back end asks.
 */
export function SurveySkipReason() {
  const { t } = useTranslation('survey');
  const ws = useStore((s) => s.workspace);
  const draft = useStore((s) => s.draft);
  const updateDraft = useStore((s) => s.updateDraft);
  const scriptFor = useStore(({ script: s }) => s.callbackId);
  const phase = useStore(({ script: s }) => s.phase);
  const applies = useStore(({ script: s }) => s.applies);
  const status = useStore(({ script: s }) => s.response?.status ?? null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const callbackId = ws?.detail.callback.id ?? null;
  const asked = ws?.error?.details?.field === 'surveySkipReason';
  const known = scriptFor === callbackId && phase === 'ready';
  const needed = draft?.disposition === 'reached' && ((known && applies !== null && status !== 'completed') || asked);
  const reason = draft?.surveySkipReason ?? '';

  // The customer declined the questionnaire: that is the reason, unless the agent says otherwise.
  const declined = needed && status === 'declined' && reason === '';
  useEffect(() => {
    if (declined) updateDraft({ surveySkipReason: t('skip.picks.unwilling') });
  }, [declined, updateDraft, t]);

  useEffect(() => {
    if (asked) inputRef.current?.focus();
  }, [asked, ws?.error]);

  if (!needed || !draft) return null;
  const labels = PICKS.map((p) => (p === 'other' ? '' : t(`skip.picks.${p}`)));
  const missing = asked && reason.trim() === '';
  return (
    <div className={`subpanel sr-skip${missing ? ' sr-skip-missing' : ''}`} data-testid="survey-skip-panel">
      <label className="field-label" htmlFor="survey-skip-reason">
        {t('skip.title')} <span className="sr-req">*</span>
      </label>
      <FieldMessage tone="hint" id={hintId}>
        {status === 'in_progress' ? t('skip.inProgress') : status ? t('skip.ended', { status: t(`status.${status}`) }) : t('skip.notStarted')}
      </FieldMessage>
      <div className="segmented small sr-skip-picks">
        {PICKS.map((p, i) => {
          const label = labels[i]!;
          const active = p === 'other' ? reason !== '' && !labels.includes(reason) : reason === label;
          return (
            <button
              key={p}
              type="button"
              className={active ? 'seg active' : 'seg'}
              aria-pressed={active}
              data-testid={`survey-skip-pick-${p}`}
              onClick={() => {
                if (p === 'other') {
                  if (labels.includes(reason)) updateDraft({ surveySkipReason: '' });
                  inputRef.current?.focus();
                } else updateDraft({ surveySkipReason: label });
              }}
            >
              {t(`skip.picks.${p}`)}
            </button>
          );
        })}
      </div>
      <TextInput
        id="survey-skip-reason"
        ref={inputRef}
        data-testid="survey-skip-reason"
        maxLength={500}
        value={reason}
        aria-invalid={missing}
        aria-describedby={hintId}
        placeholder={t('skip.placeholder')}
        onChange={(e) => updateDraft({ surveySkipReason: e.target.value })}
      />
    </div>
  );
}

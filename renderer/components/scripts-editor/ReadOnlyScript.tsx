import { useTranslation } from 'react-i18next';
import { SCALE_RANGE } from '../../../core/questionnaire/engine';
import type { ScriptContent } from '../../../core/questionnaire/model';
import { describeCondition } from './conditions';
import { Card } from '../../ui';

/** A published version (or any version, for someone who cannot edit) laid out for reading. */
export function ReadOnlyScript({ content }: { content: ScriptContent }) {
  const { t } = useTranslation('scripts');
  return (
    <div className="scr-ro" data-testid="script-readonly">
      <Card>
        <div className="scr-ro-field">
          <span className="scr-label">{t('fields.title')}</span>
          <div className="scr-ro-title" data-testid="readonly-title">
            {content.title}
          </div>
        </div>
        <div className="scr-ro-field">
          <span className="scr-label">{t('fields.opening')}</span>
          <p className="scr-ro-text">{content.opening || <span className="muted">{t('editor.empty')}</span>}</p>
        </div>
        <div className="scr-ro-field">
          <span className="scr-label">{t('fields.closing')}</span>
          <p className="scr-ro-text">{content.closing || <span className="muted">{t('editor.empty')}</span>}</p>
        </div>
      </Card>
      <ol className="scr-ro-list">
        {content.questions.map((q, i) => (
          <li key={`${q.key}-${i}`} className="scr-q scr-q-ro" data-testid="readonly-question" data-key={q.key}>
            <header className="scr-q-head">
              <span className="scr-q-num">{i + 1}</span>
              <div className="scr-q-summary">
                <span className="scr-q-type">{t(`types.${q.type}`)}</span>
                <code className="scr-q-key">{q.key}</code>
                {q.required && <span className="scr-mini scr-mini-req">{t('editor.requiredShort')}</span>}
              </div>
            </header>
            <div className="scr-q-body">
              <p className="scr-ro-qtext">{q.text}</p>
              {q.help && <p className="scr-hint">{t('editor.helpPrefix', { help: q.help })}</p>}
              {(q.type === 'single' || q.type === 'multi') && (
                <ul className="scr-ro-choices">
                  {q.choices.map((c) => (
                    <li key={c.value}>
                      {c.label} <code className="muted">{c.value}</code>
                    </li>
                  ))}
                  {q.allowOther && <li>{t('editor.otherChoice')}</li>}
                </ul>
              )}
              {q.type === 'number' && (q.min !== null || q.max !== null) && <p className="scr-hint">{t('editor.rangeText', { min: q.min ?? '—', max: q.max ?? '—' })}</p>}
              {(q.type === 'rating' || q.type === 'nps') && <p className="scr-hint">{t(`editor.scale_${q.type}`, { min: SCALE_RANGE[q.type].min, max: SCALE_RANGE[q.type].max })}</p>}
              {q.showIf && (
                <p className="scr-cond-ro">
                  <span className="scr-cond-kind">{t('cond.showIfLabel')}</span> {describeCondition(q.showIf, content.questions, t)}
                </p>
              )}
              {q.endIf && (
                <p className="scr-cond-ro scr-cond-ro-end">
                  <span className="scr-cond-kind">{t('cond.endIfLabel')}</span> {describeCondition(q.endIf, content.questions, t, q.key)}
                  {t('cond.endIfSuffix')}
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

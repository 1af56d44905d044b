import { useTranslation } from 'react-i18next';
import { SCALE_RANGE } from '../../../core/questionnaire/engine';
import type { ScriptContent } from '../../../core/questionnaire/model';
import { describeCondition } from './conditions';
import { Badge, Card, FieldMessage } from '../../ui';

/** A published version (or any version, for someone who cannot edit) laid out for reading. */
export function ReadOnlyScript({ content }: { content: ScriptContent }) {
  const { t } = useTranslation('scripts');
  return (
    <div className="readonly-script" data-testid="script-readonly">
      <Card>
        <div className="readonly-field">
          <span className="ui-field-label">{t('fields.title')}</span>
          <div className="readonly-title" data-testid="readonly-title">
            {content.title}
          </div>
        </div>
        <div className="readonly-field">
          <span className="ui-field-label">{t('fields.opening')}</span>
          <p className="readonly-text">{content.opening || <span className="muted">{t('editor.empty')}</span>}</p>
        </div>
        <div className="readonly-field">
          <span className="ui-field-label">{t('fields.closing')}</span>
          <p className="readonly-text">{content.closing || <span className="muted">{t('editor.empty')}</span>}</p>
        </div>
      </Card>
      <ol className="readonly-list">
        {content.questions.map((q, i) => (
          <li key={`${q.key}-${i}`} className="question-card" data-testid="readonly-question" data-key={q.key}>
            <header className="question-head">
              <span className="question-num">{i + 1}</span>
              <div className="question-summary">
                <span className="question-type">{t(`types.${q.type}`)}</span>
                <code className="question-key">{q.key}</code>
                {q.required && <Badge tone="danger">{t('editor.requiredShort')}</Badge>}
              </div>
            </header>
            <div className="question-body">
              <p className="readonly-question-text">{q.text}</p>
              {q.help && <FieldMessage tone="hint">{t('editor.helpPrefix', { help: q.help })}</FieldMessage>}
              {(q.type === 'single' || q.type === 'multi') && (
                <ul className="readonly-choices">
                  {q.choices.map((c) => (
                    <li key={c.value}>
                      {c.label} <code className="muted">{c.value}</code>
                    </li>
                  ))}
                  {q.allowOther && <li>{t('editor.otherChoice')}</li>}
                </ul>
              )}
              {q.type === 'number' && (q.min !== null || q.max !== null) && <FieldMessage tone="hint">{t('editor.rangeText', { min: q.min ?? '—', max: q.max ?? '—' })}</FieldMessage>}
              {(q.type === 'rating' || q.type === 'nps') && <FieldMessage tone="hint">{t(`editor.scale_${q.type}`, { min: SCALE_RANGE[q.type].min, max: SCALE_RANGE[q.type].max })}</FieldMessage>}
              {q.showIf && (
                <p className="condition-text">
                  <span className="condition-kind">{t('cond.showIfLabel')}</span> {describeCondition(q.showIf, content.questions, t)}
                </p>
              )}
              {q.endIf && (
                <p className="condition-text condition-text-end">
                  <span className="condition-kind">{t('cond.endIfLabel')}</span> {describeCondition(q.endIf, content.questions, t, q.key)}
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

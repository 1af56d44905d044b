import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Checkbox, Field, FieldMessage, FieldRow, IconButton, NumberInput, Select, TextInput } from '../../ui';
import { SCALE_RANGE } from '../../../core/questionnaire/engine';
import { questionKeySchema, QUESTION_TYPES } from '../../../core/questionnaire/model';
import type { Choice, Condition, QuestionType } from '../../../core/questionnaire/model';
import { ConditionBuilder } from './ConditionBuilder';
import { describeCondition } from './conditions';
import { isChoiceType, nextChoiceValue, toQuestion, type EditorQuestion, type Issue } from './model';
import { InlineConfirm, PlaceholderTextArea } from './shared';

interface Props {
  q: EditorQuestion;
  index: number;
  questions: readonly EditorQuestion[];
  issues: Issue[];
  publishedKeys: ReadonlySet<string>;
  collapsed: boolean;
  onToggle(): void;
  onChange(patch: Partial<EditorQuestion>): void;
  onRenameKey(next: string): void;
  onMove(delta: -1 | 1): void;
  onDuplicate(): void;
  onDelete(): void;
  highlighted: boolean;
}

export function QuestionEditor({ q, index, questions, issues, publishedKeys, collapsed, onToggle, onChange, onRenameKey, onMove, onDuplicate, onDelete, highlighted }: Props) {
  const { t } = useTranslation('scripts');
  const [keyDraft, setKeyDraft] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const plain = questions.map(toQuestion);
  const shownKey = keyDraft ?? q.key;
  const keyValid = questionKeySchema.safeParse(shownKey).success;
  const duplicate = questions.some((x) => x.uid !== q.uid && x.key === shownKey);
  const renamedPublished = q.origKey !== null && q.origKey !== shownKey && publishedKeys.has(q.origKey);
  const usedBy = questions.filter((x) => x.uid !== q.uid && (refers(x.showIf, q.key) || refers(x.endIf, q.key)));
  const hasErrors = issues.length > 0;

  function commitKey() {
    if (keyDraft === null) return;
    const next = keyDraft.trim();
    setKeyDraft(null);
    if (next !== q.key) onRenameKey(next);
  }

  const earlier = questions.slice(0, index).map((x, i) => ({ q: toQuestion(x), index: i }));
  const upToSelf = [...earlier, { q: toQuestion(q), index }];

  return (
    <article
      className={`question-card${hasErrors ? ' question-card-bad' : ''}${highlighted ? ' question-card-flash' : ''}`}
      id={`question-${q.uid}`}
      data-testid="editor-question"
      data-key={q.key}
      aria-label={t('editor.questionN', { n: index + 1 })}
    >
      <header className="question-head">
        <button type="button" className="question-toggle" onClick={onToggle} aria-expanded={!collapsed} title={collapsed ? t('editor.expand') : t('editor.collapse')}>
          <span className={`question-caret${collapsed ? '' : ' question-caret-open'}`} aria-hidden="true">
            ▸
          </span>
          <span className="question-num">{index + 1}</span>
        </button>
        <div className="question-summary" onClick={collapsed ? onToggle : undefined}>
          <span className="question-type">{t(`types.${q.type}`)}</span>
          <code className="question-key">{q.key}</code>
          {collapsed && <span className="question-brief">{q.text.trim() || t('editor.noText')}</span>}
          {q.required && <Badge tone="danger">{t('editor.requiredShort')}</Badge>}
          {q.showIf && <Badge tone="info" title={describeCondition(q.showIf, plain, t)}>{t('editor.hasShowIf')}</Badge>}
          {q.endIf && <Badge className="question-badge-end" title={describeCondition(q.endIf, plain, t, q.key)}>{t('editor.hasEndIf')}</Badge>}
          {hasErrors && <Badge tone="danger" strong>{t('editor.issueCount', { count: issues.length })}</Badge>}
        </div>
        <div className="question-tools">
          <IconButton label={t('editor.moveUp')} onClick={() => onMove(-1)} disabled={index === 0} data-testid="question-up">
            ↑
          </IconButton>
          <IconButton label={t('editor.moveDown')} onClick={() => onMove(1)} disabled={index === questions.length - 1} data-testid="question-down">
            ↓
          </IconButton>
          <Button variant="ghost" size="small" onClick={onDuplicate} title={t('editor.duplicate')} data-testid="question-duplicate">
            {t('editor.duplicateShort')}
          </Button>
          <Button variant="ghost" size="small" onClick={() => setConfirmDelete(true)} title={t('editor.delete')} data-testid="question-delete">
            {t('editor.deleteShort')}
          </Button>
        </div>
      </header>

      {confirmDelete && (
        <InlineConfirm
          danger
          testId="question-delete-confirm"
          confirmLabel={t('editor.deleteConfirm')}
          onConfirm={() => {
            setConfirmDelete(false);
            onDelete();
          }}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t('editor.deleteQuestion', { n: index + 1 })}</p>
          {usedBy.length > 0 && <p>{t('editor.deleteUsedBy', { list: usedBy.map((x) => questions.indexOf(x) + 1).join('、') })}</p>}
          {publishedKeys.has(q.key) && <p>{t('editor.deletePublished')}</p>}
        </InlineConfirm>
      )}

      {!collapsed && (
        <div className="question-body">
          <FieldRow>
            <Field label={t('editor.key')}>
              <TextInput
                className="question-key-input"
                value={shownKey}
                maxLength={40}
                spellCheck={false}
                aria-invalid={!keyValid || duplicate}
                data-testid="question-key"
                onChange={(e) => setKeyDraft(e.target.value)}
                onBlur={commitKey}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    commitKey();
                  }
                  if (e.key === 'Escape') setKeyDraft(null);
                }}
              />
            </Field>
            <Field label={t('editor.type')}>
              <Select
                value={q.type}
                data-testid="question-type"
                onChange={(e) => {
                  const type = e.target.value as QuestionType;
                  const patch: Partial<EditorQuestion> = { type };
                  if (isChoiceType(type) && q.choices.length === 0) {
                    patch.choices = [
                      { value: 'opt1', label: '' },
                      { value: 'opt2', label: '' },
                    ];
                  }
                  onChange(patch);
                }}
              >
                {QUESTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox label={t('editor.required')} checked={q.required} onChange={(e) => onChange({ required: e.target.checked })} data-testid="question-required" />
          </FieldRow>
          {!keyValid && <FieldMessage tone="error">{t('issues.keyFormat')}</FieldMessage>}
          {keyValid && duplicate && <FieldMessage tone="error">{t('editor.keyDuplicate', { key: shownKey })}</FieldMessage>}
          {renamedPublished && (
            <Alert tone="warn" data-testid="key-rename-warning">
              {t('editor.keyRenamed', { from: q.origKey })}
            </Alert>
          )}
          {keyDraft === null && q.key === q.origKey && publishedKeys.has(q.key) && <FieldMessage tone="hint">{t('editor.keyHint')}</FieldMessage>}

          <Field label={t('editor.text')}>
            <PlaceholderTextArea value={q.text} rows={2} maxLength={1000} onChange={(text) => onChange({ text })} testId="editor-question-text" placeholder={t('editor.textPlaceholder')} />
          </Field>
          <Field label={<>{t('editor.help')} <span className="muted small">{t('editor.helpHint')}</span></>}>
            <PlaceholderTextArea value={q.help} rows={1} maxLength={500} onChange={(help) => onChange({ help })} testId="question-help" />
          </Field>

          {isChoiceType(q.type) && <ChoicesEditor choices={q.choices} allowOther={q.allowOther} onChange={onChange} />}
          {q.type === 'number' && (
            <FieldRow>
              <NumberField label={t('editor.min')} value={q.min} onChange={(min) => onChange({ min })} testId="question-min" />
              <NumberField label={t('editor.max')} value={q.max} onChange={(max) => onChange({ max })} testId="question-max" />
            </FieldRow>
          )}
          {(q.type === 'rating' || q.type === 'nps') && (
            <FieldMessage tone="hint">{t(`editor.scale_${q.type}`, { min: SCALE_RANGE[q.type].min, max: SCALE_RANGE[q.type].max })}</FieldMessage>
          )}

          <div className="question-conditions">
            <ConditionBuilder field="showIf" value={q.showIf} onChange={(showIf: Condition | null) => onChange({ showIf })} candidates={earlier} allQuestions={plain} selfKey={q.key} />
            <ConditionBuilder field="endIf" value={q.endIf} onChange={(endIf: Condition | null) => onChange({ endIf })} candidates={upToSelf} allQuestions={plain} selfKey={q.key} />
          </div>

          {issues.length > 0 && (
            <ul className="question-issues">
              {issues.map((i, n) => (
                <li key={n} className={i.level === 'save' ? 'question-issue-save' : undefined}>
                  {i.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </article>
  );
}

function refers(c: Condition | null, key: string): boolean {
  if (c === null) return false;
  if ('all' in c) return c.all.some((x) => refers(x, key));
  if ('any' in c) return c.any.some((x) => refers(x, key));
  return c.q === key;
}

function NumberField({ label, value, onChange, testId }: { label: string; value: number | null; onChange(v: number | null): void; testId: string }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <Field label={label}>
      <NumberInput
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.valueAsNumber;
          if (e.target.value.trim() === '') onChange(null);
          else if (Number.isFinite(n)) onChange(n);
        }}
      />
    </Field>
  );
}

function ChoicesEditor({ choices, allowOther, onChange }: { choices: Choice[]; allowOther: boolean; onChange(patch: Partial<EditorQuestion>): void }) {
  const { t } = useTranslation('scripts');
  const set = (next: Choice[]) => onChange({ choices: next });
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= choices.length) return;
    const next = [...choices];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set(next);
  };
  return (
    <fieldset className="choice-list" data-testid="question-choices">
      <legend className="ui-field-label">
        {t('editor.choices')} <span className="muted small">{t('editor.choicesHint')}</span>
      </legend>
      {choices.map((c, i) => (
        <div className="choice-row" key={i} data-testid="choice-row">
          <span className="choice-n">{i + 1}</span>
          <TextInput className="choice-label-input" value={c.label} maxLength={200} placeholder={t('editor.choiceLabel')} aria-label={t('editor.choiceLabel')} data-testid="choice-label" onChange={(e) => set(choices.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
          <TextInput
            className="choice-value-input"
            value={c.value}
            maxLength={40}
            spellCheck={false}
            title={t('editor.choiceValueHint')}
            aria-label={t('editor.choiceValue')}
            data-testid="choice-value"
            onChange={(e) => set(choices.map((x, j) => (j === i ? { ...x, value: e.target.value.toLowerCase() } : x)))}
          />
          <IconButton label={t('editor.moveUp')} onClick={() => move(i, -1)} disabled={i === 0}>
            ↑
          </IconButton>
          <IconButton label={t('editor.moveDown')} onClick={() => move(i, 1)} disabled={i === choices.length - 1}>
            ↓
          </IconButton>
          <IconButton label={t('editor.removeChoice')} tone="danger" onClick={() => set(choices.filter((_, j) => j !== i))} data-testid="choice-remove">
            ✕
          </IconButton>
        </div>
      ))}
      <div className="choice-actions">
        <Button variant="link" size="small" disabled={choices.length >= 30} onClick={() => set([...choices, { value: nextChoiceValue(choices), label: '' }])} data-testid="choice-add">
          + {t('editor.addChoice')}
        </Button>
        <Checkbox label={t('editor.allowOther')} checked={allowOther} onChange={(e) => onChange({ allowOther: e.target.checked })} data-testid="choice-allow-other" />
      </div>
    </fieldset>
  );
}

import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LONG_TEXT_MAX, OTHER_TEXT_MAX, SHORT_TEXT_MAX } from '../../../core/questionnaire/engine';
import { OTHER } from '../../../core/questionnaire/model';
import type { Question } from '../../../core/questionnaire/model';
import type { RenderContext } from '../../../core/questionnaire/placeholders';
import { next, pickOption, selectedValues } from './actions';
import { otherInputId, textInputId, otherDraftKey, problemText } from '../../store/script';
import { optionsOf, render } from './format';
import { useStore } from '../../store';
import { TextArea, TextInput } from '../../ui';

/** One question as the agent reads it out: the text, the hint, and the input for its type. */
export function QuestionView({
  q,
  index,
  total,
  ctx,
  typed,
}: {
  q: Question;
  index: number;
  total: number;
  ctx: RenderContext;
  /** Digits typed so far for a number that may go on (NPS "1" before "10"). */
  typed: string;
}) {
  const { t } = useTranslation('survey');
  const problem = useStore(({ script: s }) => (s.problem && s.problem.key === q.key ? s.problem : null));
  return (
    <div className="sr-question" data-testid="script-question" data-key={q.key} data-type={q.type}>
      <div className="sr-q-meta">
        <span>{t('runner.questionOf', { n: index + 1, total })}</span>
        <span className="sr-q-type">{t(`types.${q.type}`)}</span>
        {q.required && <span className="sr-required">{t('runner.required')}</span>}
      </div>
      <p className="sr-q-text" data-testid="script-question-text">
        {render(q.text, ctx)}
      </p>
      {q.help.trim() !== '' && (
        <p className="sr-help">
          <span className="sr-help-icon" aria-hidden="true">
            i
          </span>
          {render(q.help, ctx)}
        </p>
      )}
      <AnswerInput q={q} ctx={ctx} typed={typed} />
      {problem && (
        <p className="sr-problem" role="alert" data-testid="script-problem">
          {problemText(problem)}
        </p>
      )}
    </div>
  );
}

function AnswerInput({ q, ctx, typed }: { q: Question; ctx: RenderContext; typed: string }) {
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'yes_no':
      return <ChoiceList q={q} ctx={ctx} typed={typed} />;
    case 'rating':
    case 'nps':
      return <Scale q={q} ctx={ctx} typed={typed} />;
    case 'number':
    case 'short_text':
    case 'long_text':
      return <TextAnswer q={q} />;
  }
}

function useSelected(q: Question): unknown[] {
  // Subscribes to what selectedValues reads, then reads it.
  useStore(({ script: s }) => s.answers[q.key]);
  useStore(({ script: s }) => s.picks[q.key]);
  return selectedValues(q);
}

function ChoiceList({ q, ctx, typed }: { q: Question; ctx: RenderContext; typed: string }) {
  const { t } = useTranslation('survey');
  const selected = useSelected(q);
  const options = optionsOf(q, ctx);
  const multi = q.type === 'multi';
  const otherOn = selected.includes(OTHER);
  return (
    <div className="sr-input">
      <div className={`sr-choices${q.type === 'yes_no' ? ' sr-choices-yn' : ''}`} role={multi ? 'group' : 'radiogroup'}>
        {options.map((o) => {
          const on = selected.includes(o.value);
          return (
            <button
              key={o.id}
              type="button"
              role={multi ? 'checkbox' : 'radio'}
              aria-checked={on}
              className={`sr-choice${on ? ' on' : ''}${typed !== '' && o.digits.startsWith(typed) ? ' typed' : ''}`}
              data-choice=""
              data-testid={`script-choice-${o.id}`}
              onClick={() => pickOption(q, o)}
            >
              <kbd>{o.digits}</kbd>
              {multi && <span className="sr-check" aria-hidden="true" />}
              <span className="sr-choice-text">{o.text}</span>
            </button>
          );
        })}
      </div>
      {multi && <p className="sr-hint">{t('runner.multiHint')}</p>}
      {otherOn && <OtherText q={q} />}
    </div>
  );
}

function OtherText({ q }: { q: Question }) {
  const { t } = useTranslation('survey');
  const key = otherDraftKey(q.key);
  const draft = useStore(({ script: s }) => s.drafts[key]);
  const saved = useStore(({ script: s }) => s.answers[q.key]?.otherText ?? '');
  const setDraft = useStore(({ script: s }) => s.setDraft);
  return (
    <label className="sr-other">
      <span>{t('runner.otherLabel')}</span>
      <TextInput
        id={otherInputId(q.key)}
        data-testid="script-other-text"
        maxLength={OTHER_TEXT_MAX}
        value={draft ?? saved}
        placeholder={t('runner.otherPlaceholder')}
        onChange={(e) => setDraft(key, e.target.value)}
        onBlur={() => {
          if (useStore.getState().script.drafts[key] !== undefined) useStore.getState().script.commitQuestion(q);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            next();
          }
        }}
      />
    </label>
  );
}

function Scale({ q, ctx, typed }: { q: Question; ctx: RenderContext; typed: string }) {
  const { t } = useTranslation('survey');
  const selected = useSelected(q);
  const options = optionsOf(q, ctx);
  const nps = q.type === 'nps';
  return (
    <div className="sr-input">
      <div className={`sr-scale${nps ? ' sr-scale-nps' : ''}`} role="radiogroup">
        {options.map((o) => {
          const on = selected.includes(o.value);
          const n = o.value as number;
          const band = nps ? (n >= 9 ? 'hi' : n >= 7 ? 'mid' : 'lo') : n >= 4 ? 'hi' : n === 3 ? 'mid' : 'lo';
          return (
            <button
              key={o.id}
              type="button"
              role="radio"
              aria-checked={on}
              className={`sr-score sr-band-${band}${on ? ' on' : ''}${typed !== '' && o.digits.startsWith(typed) ? ' typed' : ''}`}
              data-choice=""
              data-testid={`script-choice-${o.id}`}
              onClick={() => pickOption(q, o)}
            >
              {o.text}
            </button>
          );
        })}
      </div>
      <div className="sr-scale-ends">
        <span>{nps ? t('runner.npsLow') : t('runner.ratingLow')}</span>
        <span>{nps ? t('runner.npsHigh') : t('runner.ratingHigh')}</span>
      </div>
      {nps && <p className="sr-hint">{t('runner.npsKeys')}</p>}
    </div>
  );
}

function TextAnswer({ q }: { q: Question }) {
  const { t } = useTranslation('survey');
  const draft = useStore(({ script: s }) => s.drafts[q.key]);
  const saved = useStore(({ script: s }) => s.answers[q.key]);
  const setDraft = useStore(({ script: s }) => s.setDraft);
  const value = draft ?? (saved === undefined ? '' : String(saved.value));
  const onBlur = () => {
    if (useStore.getState().script.drafts[q.key] !== undefined) useStore.getState().script.commitQuestion(q);
  };
  const onEnter = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      next();
    }
  };
  const unsaved = draft !== undefined && draft !== (saved === undefined ? '' : String(saved.value));
  if (q.type === 'long_text') {
    return (
      <div className="sr-input">
        <TextArea
          id={textInputId(q.key)}
          className="sr-text"
          data-testid="script-text"
          rows={4}
          maxLength={LONG_TEXT_MAX}
          value={value}
          placeholder={t('runner.longPlaceholder')}
          onChange={(e) => setDraft(q.key, e.target.value)}
          onBlur={onBlur}
        />
        <p className="sr-hint">
          {unsaved ? <span className="sr-unsaved">{t('runner.unsaved')} · </span> : null}
          {t('runner.longHint')}
        </p>
      </div>
    );
  }
  const number = q.type === 'number';
  const range =
    number && (q.min !== null || q.max !== null)
      ? q.min !== null && q.max !== null
        ? t('runner.rangeBoth', { min: q.min, max: q.max })
        : q.min !== null
          ? t('runner.rangeMin', { min: q.min })
          : t('runner.rangeMax', { max: q.max })
      : null;
  return (
    <div className="sr-input">
      <TextInput
        id={textInputId(q.key)}
        className={`sr-text${number ? ' sr-number' : ''}`}
        data-testid="script-text"
        inputMode={number ? 'decimal' : undefined}
        maxLength={number ? 32 : SHORT_TEXT_MAX}
        value={value}
        placeholder={number ? t('runner.numberPlaceholder') : t('runner.shortPlaceholder')}
        onChange={(e) => setDraft(q.key, e.target.value)}
        onBlur={onBlur}
        onKeyDown={onEnter}
      />
      <p className="sr-hint">
        {unsaved ? <span className="sr-unsaved">{t('runner.unsaved')} · </span> : null}
        {range ? `${range} · ` : ''}
        {t('runner.enterHint')}
      </p>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FAQ_ANSWER_MAX, FAQ_QUESTION_MAX } from '../../../core/contract/api-faq';
import type { FaqContent } from '../../../core/contract/views-faq';
import { KeywordChips } from './KeywordChips';
import { useCategories } from './shared';
import { Field, Select, TextArea, TextInput } from '../../ui';

/** The text of an entry as the editor holds it. */
export type Form = FaqContent;

export const formOf = (c: FaqContent): Form => ({
  category: c.category,
  question: c.question,
  answer: c.answer,
  questionEn: c.questionEn,
  answerEn: c.answerEn,
  keywords: [...c.keywords],
});

export const sameForm = (a: Form, b: Form) =>
  a.category === b.category &&
  a.question.trim() === b.question.trim() &&
  a.answer.trim() === b.answer.trim() &&
  a.questionEn.trim() === b.questionEn.trim() &&
  a.answerEn.trim() === b.answerEn.trim() &&
  a.keywords.join('\u0000') === b.keywords.join('\u0000');

export function FaqForm({ form, onChange, disabled }: { form: Form; onChange(next: Form): void; disabled: boolean }) {
  const { t, i18n } = useTranslation('faq');
  const categories = useCategories();
  const id = useId();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const inUse = categories.filter((c) => !c.retired || c.key === form.category);
  const hasEnglish = form.questionEn !== '' || form.answerEn !== '';

  return (
    <div className="faq-form">
      <Field label={t('editor.category')}>
        <Select id={`${id}-category`} className="faq-category" value={form.category} disabled={disabled} onChange={(e) => set('category', e.target.value)} data-testid="faq-category">
          {inUse.length === 0 && <option value={form.category}>{form.category}</option>}
          {inUse.map((c) => (
            <option key={c.key} value={c.key}>
              {i18n.language === 'en' ? c.en : c.zh}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('editor.question')}>
        <TextInput
          id={`${id}-q`}
          value={form.question}
          maxLength={FAQ_QUESTION_MAX}
          disabled={disabled}
          placeholder={t('editor.questionPlaceholder')}
          onChange={(e) => set('question', e.target.value)}
          data-testid="faq-question"
        />
      </Field>
      <Field label={t('editor.answer')}>
        <TextArea
          id={`${id}-a`}
          value={form.answer}
          maxLength={FAQ_ANSWER_MAX}
          rows={8}
          disabled={disabled}
          placeholder={t('editor.answerPlaceholder')}
          onChange={(e) => set('answer', e.target.value)}
          data-testid="faq-answer"
        />
      </Field>
      <div className="faq-field">
        <span className="faq-label">{t('editor.keywords')}</span>
        <KeywordChips value={form.keywords} onChange={(k) => set('keywords', k)} disabled={disabled} />
      </div>
      <details className="faq-english" open={hasEnglish}>
        <summary>{t('editor.english')}</summary>
        <div className="faq-english-body">
          <p className="faq-muted faq-small">{t('editor.englishHint')}</p>
          <Field label={t('editor.questionEn')}>
            <TextInput
              id={`${id}-qen`}
              lang="en"
              value={form.questionEn}
              maxLength={FAQ_QUESTION_MAX}
              disabled={disabled}
              onChange={(e) => set('questionEn', e.target.value)}
              data-testid="faq-question-en"
            />
          </Field>
          <Field label={t('editor.answerEn')}>
            <TextArea
              id={`${id}-aen`}
              lang="en"
              value={form.answerEn}
              maxLength={FAQ_ANSWER_MAX}
              rows={5}
              disabled={disabled}
              onChange={(e) => set('answerEn', e.target.value)}
              data-testid="faq-answer-en"
            />
          </Field>
        </div>
      </details>
    </div>
  );
}

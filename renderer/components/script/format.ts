import i18n from 'i18next';
import type { RenderContext as ViewContext } from '../../../core/contract/views';
import { walk } from '../../../core/questionnaire/engine';
import { OTHER } from '../../../core/questionnaire/model';
import type { Answer, Answers, Question, ScriptContent } from '../../../core/questionnaire/model';
import { renderText, type RenderContext } from '../../../core/questionnaire/placeholders';

/** One numbered thing the agent can pick with a number key. */
export interface PickOption {
  /** What the agent types: '1'…'N', or the score itself for rating / NPS. */
  digits: string;
  value: string | number | boolean;
  /** Test id suffix: the choice value, 'true'/'false', or the score. */
  id: string;
  text: string;
}

/**
 * The text is read aloud in the script's language, so placeholders are filled in that language (the
 * honorific, the neutral stand-ins), whatever language the console itself is shown in.
 */
export function scriptContext(context: ViewContext, content: ScriptContent): RenderContext {
  return { ...context, locale: content.locale };
}

export function render(text: string, ctx: RenderContext): string {
  return renderText(text, ctx);
}

export function optionsOf(q: Question, ctx: RenderContext): PickOption[] {
  const t = i18n.t.bind(i18n);
  switch (q.type) {
    case 'single':
    case 'multi': {
      const opts: PickOption[] = q.choices.map((c, i) => ({ digits: String(i + 1), value: c.value, id: c.value, text: render(c.label, ctx) }));
      if (q.allowOther) opts.push({ digits: String(opts.length + 1), value: OTHER, id: OTHER, text: t('survey:runner.other') });
      return opts;
    }
    case 'yes_no':
      return [
        { digits: '1', value: true, id: 'true', text: t('survey:runner.yes') },
        { digits: '2', value: false, id: 'false', text: t('survey:runner.no') },
      ];
    case 'rating':
      return [1, 2, 3, 4, 5].map((n) => ({ digits: String(n), value: n, id: String(n), text: String(n) }));
    case 'nps':
      return Array.from({ length: 11 }, (_, n) => ({ digits: String(n), value: n, id: String(n), text: String(n) }));
    default:
      return [];
  }
}

/** An answer in words, for the question list and the read-only view. */
export function answerText(q: Question, a: Answer | undefined, ctx: RenderContext): string {
  if (a === undefined) return '';
  const t = i18n.t.bind(i18n);
  const label = (v: string) =>
    v === OTHER ? `${t('survey:runner.other')}${a.otherText ? `：${a.otherText}` : ''}` : render(q.choices.find((c) => c.value === v)?.label ?? v, ctx);
  const v = a.value;
  if (q.type === 'yes_no') return v === true ? t('survey:runner.yes') : v === false ? t('survey:runner.no') : String(v);
  if (Array.isArray(v)) return v.map(label).join(i18n.language === 'en' ? ', ' : '、');
  if (q.type === 'single' && typeof v === 'string') return label(v);
  return String(v);
}

export function questionOf(content: ScriptContent, key: string): Question | undefined {
  return content.questions.find((q) => q.key === key);
}

/** The visible question after `key` in script order (key itself may have just become hidden). */
export function nextKey(content: ScriptContent, answers: Answers, key: string): string | null {
  const { visible, endedAt } = walk(content, answers);
  if (endedAt === key) return null;
  const pos = content.questions.findIndex((q) => q.key === key);
  const order = (k: string) => content.questions.findIndex((q) => q.key === k);
  return visible.find((k) => order(k) > pos) ?? null;
}

export function prevKey(content: ScriptContent, answers: Answers, key: string | null): string | null {
  const { visible } = walk(content, answers);
  if (key === null) return visible[visible.length - 1] ?? null;
  const pos = content.questions.findIndex((q) => q.key === key);
  const order = (k: string) => content.questions.findIndex((q) => q.key === k);
  const before = visible.filter((k) => order(k) < pos);
  return before[before.length - 1] ?? null;
}

import type { Condition, QuestionType, ScriptContent, ScriptPurpose } from './model';
import type { ScriptLocale } from './placeholders';

/** Built-in scripts are written once with both languages side by side; `localize` picks one. */

export type { ScriptLocale } from './placeholders';
export const SCRIPT_LOCALES: readonly ScriptLocale[] = ['zh-CN', 'en'];

export interface Bi {
  zh: string;
  en: string;
}
export interface BiQuestion {
  key: string;
  type: QuestionType;
  text: Bi;
  help?: Bi;
  required?: boolean;
  choices?: { value: string; zh: string; en: string }[];
  allowOther?: boolean;
  min?: number;
  max?: number;
  showIf?: Condition;
  endIf?: Condition;
}
export interface BiScript {
  purpose: ScriptPurpose;
  title: Bi;
  opening: Bi;
  closing: Bi;
  questions: BiQuestion[];
}

/** A choice in both languages. */
export const ch = (value: string, zh: string, en: string) => ({ value, zh, en });

function pick(b: Bi, locale: ScriptLocale): string {
  return locale === 'zh-CN' ? b.zh : b.en;
}

export function localize(s: BiScript, locale: ScriptLocale): ScriptContent {
  return {
    purpose: s.purpose,
    locale,
    title: pick(s.title, locale),
    opening: pick(s.opening, locale),
    closing: pick(s.closing, locale),
    questions: s.questions.map((q) => ({
      key: q.key,
      type: q.type,
      text: pick(q.text, locale),
      help: q.help ? pick(q.help, locale) : '',
      required: q.required ?? false,
      choices: (q.choices ?? []).map((c) => ({ value: c.value, label: locale === 'zh-CN' ? c.zh : c.en })),
      allowOther: q.allowOther ?? false,
      min: q.min ?? null,
      max: q.max ?? null,
      showIf: q.showIf ?? null,
      endIf: q.endIf ?? null,
    })),
  };
}

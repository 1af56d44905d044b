import type { z } from 'zod';
import { scriptContentSchema } from './model';
import type { questionSchema, ScriptContent } from './model';

/** Test scripts written the way a supervisor would (defaults filled by the schema; text optional here). */
export type QuestionInput = Omit<z.input<typeof questionSchema>, 'text'> & { text?: string };

export function makeScript(questions: QuestionInput[], extra: Partial<z.input<typeof scriptContentSchema>> = {}): ScriptContent {
  const withText = questions.map((q) => ({ text: `Question ${q.key}?`, ...q }));
  return scriptContentSchema.parse({ purpose: 'satisfaction', locale: 'en', title: 'Test script', ...extra, questions: withText });
}

export const choices = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

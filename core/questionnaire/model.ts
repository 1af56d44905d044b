import { z } from 'zod';
import { REASONS } from '../domain/model';

/*
 * A questionnaire script as supervisors write it and agents read it. The content of one version is a
 * plain JSON document (this schema), stored whole and never changed once published. Question keys are
 * stable across versions so reports can follow one question through edits.
 */

export const SCRIPT_PURPOSES = REASONS;
export type ScriptPurpose = (typeof SCRIPT_PURPOSES)[number];

export const QUESTION_TYPES = ['single', 'multi', 'yes_no', 'rating', 'nps', 'number', 'short_text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a question key is lower-case letters, digits and _ (starting with a letter), at most 40 long');

export const choiceSchema = z
  .object({
    value: z.string().regex(/^[a-z0-9_]{1,40}$/, 'a choice value is lower-case letters, digits and _'),
    label: z.string().trim().min(1).max(200),
  })
  .strict();
export type Choice = z.infer<typeof choiceSchema>;

/** The value "other (please specify)" is stored under; its text goes in Answer.otherText. */
export const OTHER = '_other';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { q: string; op: 'eq' | 'neq'; value: string | number | boolean }
  | { q: string; op: 'in'; values: (string | number)[] }
  | { q: string; op: 'between'; min: number; max: number }
  | { q: string; op: 'answered' | 'unanswered' };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ q: questionKeySchema, op: z.enum(['eq', 'neq']), value: z.union([z.string().max(200), z.number(), z.boolean()]) }).strict(),
    z.object({ q: questionKeySchema, op: z.literal('in'), values: z.array(z.union([z.string().max(200), z.number()])).min(1).max(50) }).strict(),
    z.object({ q: questionKeySchema, op: z.literal('between'), min: z.number(), max: z.number() }).strict(),
    z.object({ q: questionKeySchema, op: z.enum(['answered', 'unanswered']) }).strict(),
  ]),
);

export const questionSchema = z
  .object({
    key: questionKeySchema,
    type: z.enum(QUESTION_TYPES),
    text: z.string().trim().min(1).max(1000),
    /** A hint for the agent, not read aloud. */
    help: z.string().max(500).default(''),
    required: z.boolean().default(false),
    /** single / multi only. */
    choices: z.array(choiceSchema).max(30).default([]),
    /** single / multi only: offers "other (please specify)". */
    allowOther: z.boolean().default(false),
    /** number only. */
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    /** Shown only when this holds on earlier answers; null = always. */
    showIf: conditionSchema.nullable().default(null),
    /** When this holds after the question is answered, the script ends here. */
    endIf: conditionSchema.nullable().default(null),
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;

export const scriptContentSchema = z
  .object({
    purpose: z.enum(SCRIPT_PURPOSES),
    locale: z.enum(['zh-CN', 'en']),
    title: z.string().trim().min(1).max(120),
    opening: z.string().max(2000).default(''),
    closing: z.string().max(2000).default(''),
    questions: z.array(questionSchema).max(200),
  })
  .strict();
export type ScriptContent = z.infer<typeof scriptContentSchema>;

/** One answer as given. Text and numbers as typed; choices by value; multi as a list of values. */
export type AnswerValue = string | number | boolean | string[];
export interface Answer {
  value: AnswerValue;
  /** The text of "other (please specify)", when OTHER is chosen. */
  otherText?: string;
}
export type Answers = Record<string, Answer>;

export const answerSchema = z
  .object({
    value: z.union([z.string().max(4000), z.number(), z.boolean(), z.array(z.string().max(40)).max(31)]),
    otherText: z.string().max(500).optional(),
  })
  .strict();

export const RESPONSE_STATUSES = ['in_progress', 'completed', 'partial', 'declined'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** What a script's text may refer to; anything else is refused at publish time. */
export const PLACEHOLDERS = ['customer_name', 'agent_name', 'ticket_subject', 'voucher'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

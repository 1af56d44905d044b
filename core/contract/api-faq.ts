import { z } from 'zod';
import { REDACTION_KINDS } from '../faq/redact';
import { FAQ_ACTIONS, FAQ_STATUSES, MAX_KEYWORD_LENGTH, MAX_KEYWORDS } from '../faq/workflow';
import { byId, id, returns, type ContractFor } from './common';
import type { FaqMethod } from './methods';
import type { FaqCheck, FaqDetail, FaqExportFile, FaqPage, FaqPrefill } from './views-faq';

/* The FAQ methods of the contract (merged in api.ts): curation from resolved tickets, review, export. */

const categoryKey = z.string().trim().min(1).max(40);
export const FAQ_QUESTION_MAX = 300;
export const FAQ_ANSWER_MAX = 5000;
const FAQ_FIELDS = ['question', 'answer', 'questionEn', 'answerEn'] as const;

export const faqRedactionNoteSchema = z
  .object({ field: z.enum(FAQ_FIELDS), kind: z.enum(REDACTION_KINDS), replacement: z.string().min(1).max(20) })
  .strict();

export const faqFindingSchema = z
  .object({ field: z.enum(FAQ_FIELDS), kind: z.enum(REDACTION_KINDS), value: z.string().min(1).max(FAQ_ANSWER_MAX) })
  .strict();

const contentShape = {
  category: categoryKey,
  question: z.string().trim().min(1, 'the question is empty').max(FAQ_QUESTION_MAX),
  answer: z.string().trim().min(1, 'the answer is empty').max(FAQ_ANSWER_MAX),
  questionEn: z.string().trim().max(FAQ_QUESTION_MAX).default(''),
  answerEn: z.string().trim().max(FAQ_ANSWER_MAX).default(''),
  keywords: z.array(z.string().trim().max(MAX_KEYWORD_LENGTH)).max(MAX_KEYWORDS * 2).default([]),
  /** The resolved or closed tickets the entry is drawn from; at least one. */
  sourceTicketIds: z.array(id).min(1, 'link at least one source ticket').max(20),
};

// An English question without its answer would be dropped from every export without a word.
const englishTogether = <T extends { questionEn: string; answerEn: string }>(v: T) => (v.questionEn === '') === (v.answerEn === '');
const englishMessage = { message: 'give the English question and answer together, or neither', path: ['answerEn'] };

export const faqListSchema = z
  .object({
    /** 'active' = everything but retired. */
    status: z.enum(['active', 'all', ...FAQ_STATUSES]).default('active'),
    category: categoryKey.optional(),
    needsReview: z.boolean().default(false),
    search: z.string().trim().max(64).default(''),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export const faqContract = {
  'faq.list': returns<FaqPage>()(faqListSchema),
  'faq.get': returns<FaqDetail>()(byId),
  /** Read only: a redacted draft from a resolved or closed ticket, what was masked, and similar entries. */
  'faq.prefill': returns<FaqPrefill>()(z.object({ ticketId: id }).strict()),
  /** Read only, called as the user types: similar questions and personal data left in the text. */
  'faq.check': returns<FaqCheck>()(
    z
      .object({
        question: z.string().max(FAQ_QUESTION_MAX),
        answer: z.string().max(FAQ_ANSWER_MAX).default(''),
        questionEn: z.string().max(FAQ_QUESTION_MAX).default(''),
        answerEn: z.string().max(FAQ_ANSWER_MAX).default(''),
        excludeId: id.optional(),
        ticketIds: z.array(id).max(20).default([]),
      })
      .strict(),
  ),
  'faq.create': returns<FaqDetail>()(
    z
      .object({ ...contentShape, redactions: z.array(faqRedactionNoteSchema).max(500).default([]) })
      .strict()
      .refine(englishTogether, englishMessage),
  ),
  'faq.save': returns<FaqDetail>()(
    z
      .object({
        id,
        /** The newest revision when the editor opened it: a save over someone else's newer one is refused. */
        revision: z.number().int().min(1),
        ...contentShape,
      })
      .strict()
      .refine(englishTogether, englishMessage),
  ),
  'faq.transition': returns<FaqDetail>()(
    z
      .object({
        id,
        action: z.enum(FAQ_ACTIONS),
        note: z.string().trim().max(500).default(''),
        /** Publish: the personal-data findings the supervisor confirms, each one, as not personal. */
        confirmed: z.array(faqFindingSchema).max(200).default([]),
      })
      .strict(),
  ),
  'faq.markReviewed': returns<FaqDetail>()(z.object({ id, note: z.string().trim().max(500).default('') }).strict()),
  'faq.export': returns<FaqExportFile>()(
    z
      .object({
        /** md, html, csv or json (also "markdown", ".html"…); anything else is refused with the list. */
        format: z.string().trim().min(1).max(16),
        locales: z.array(z.enum(['zh-CN', 'en'])).min(1, 'choose at least one language').max(2),
        category: categoryKey.optional(),
      })
      .strict(),
  ),
} as const satisfies ContractFor<FaqMethod>;

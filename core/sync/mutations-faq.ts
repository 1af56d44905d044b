import { z } from 'zod';
import { faqRedactionNoteSchema } from '../contract/api-faq';
import { FAQ_TEXT_FIELDS } from '../faq/findings';
import { REDACTION_KINDS } from '../faq/redact';
import { FAQ_ACTIONS } from '../faq/workflow';

/*
 * Named mutations of FAQ curation. Ids (entry, revision, audit entry) are born on the console and
 * travel in the args; the applier re-checks every rule that depends on state or role (source tickets
 * resolved or closed, the workflow, who may publish), so the server re-running them decides the same way.
 */

const id = z.string().min(1);
const ms = z.number().int();
const actor = { at: ms, by: id };

const content = {
  category: z.string().min(1),
  questionZh: z.string().min(1),
  answerZh: z.string().min(1),
  questionEn: z.string(),
  answerEn: z.string(),
  keywords: z.array(z.string()),
  sourceTicketIds: z.array(id).min(1),
};

export const faqMutationSchemas = {
  'faq.create': z.object({
    entryId: id,
    revisionId: id,
    ...content,
    /** Kinds and placeholders of what the pre-fill masked; the schema has no room for the originals. */
    redactions: z.array(faqRedactionNoteSchema),
    ...actor,
  }),
  'faq.save': z.object({
    entryId: id,
    /** Used only when the save starts a new revision (the entry's newest one is published). */
    revisionId: id,
    baseRevision: z.number().int().min(1),
    ...content,
    ...actor,
  }),
  'faq.transition': z.object({
    entryId: id,
    auditId: id,
    action: z.enum(FAQ_ACTIONS),
    note: z.string(),
    /**
     * Publish only: the personal-data findings the supervisor confirmed, one by one, as not personal, each
     * with the id of its audit entry. The applier re-runs the check and refuses while any finding is not
     * here. Defaults to none, so outbox entries written before it existed still parse.
     */
    confirmed: z.array(z.object({ field: z.enum(FAQ_TEXT_FIELDS), kind: z.enum(REDACTION_KINDS), value: z.string().min(1), auditId: id })).default([]),
    ...actor,
  }),
  'faq.markReviewed': z.object({ entryId: id, auditId: id, note: z.string(), ...actor }),
} as const;

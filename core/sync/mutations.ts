import { z } from 'zod';
import { DISPOSITIONS, REASONS, ROLES } from '../domain/model';
import { settingsSchema } from '../settings';
import { casesMutationSchemas } from './mutations-cases';
import { faqMutationSchemas } from './mutations-faq';
import { answerSchema, RESPONSE_STATUSES, SCRIPT_PURPOSES, scriptContentSchema } from '../questionnaire/model';

/*
 * Every write is one of these named mutations with JSON args. Args carry everything the change needs
 * (ids born on this console, the instant it happened), so applying them in order to an empty database
 * rebuilds the same state here, and the server can re-run them under the same core rules.
 */

const id = z.string().min(1);
const ms = z.number().int();

const coreMutationSchemas = {
  'users.create': z.object({ id, name: z.string(), role: z.enum(ROLES), createdAt: ms, by: id.nullable().default(null) }),
  'settings.update': z.object({ settings: settingsSchema, updatedAt: ms, updatedBy: id.nullable(), auditId: id.optional() }),
  'demo.load': z.object({ seed: z.number().int(), now: ms, customers: z.number().int().min(0), agentIds: z.array(id) }),
  /** The demo's questionnaire answers, after the built-in scripts are installed (reads the mapped versions). */
  'demo.loadResponses': z.object({ seed: z.number().int(), now: ms }),
  'callbacks.lease': z.object({ callbackId: id, agentId: id, at: ms, expiresAt: ms }),
  'callbacks.release': z.object({ callbackId: id, agentId: id, at: ms }),
  'attempts.record': z.object({
    attemptId: id,
    callbackId: id,
    agentId: id,
    startedAt: ms,
    endedAt: ms,
    disposition: z.enum(DISPOSITIONS),
    notes: z.string(),
    callbackAt: ms.nullable(),
    dncEntryId: id.nullable(),
    dncExpiresAt: ms.nullable(),
    recordedAt: ms,
    surveySkipReason: z.string().nullable().default(null),
  }),
  'audit.phoneRevealed': z.object({ auditId: id, customerId: id, actorId: id, at: ms }),
  /** A sign-in, a refused sign-in (actor null when the login named no one) or a sign-out on a console. */
  /** A change the server refused, given up explicitly in "Needs attention" (what it was stays in the details). */
  'audit.syncDiscarded': z.object({
    auditId: id,
    at: ms,
    actorId: id,
    mutation: z.string().max(64),
    code: z.string().max(64),
    message: z.string().max(2000),
    changeId: z.string().max(64),
  }),
  'audit.signIn': z.object({
    auditId: id,
    at: ms,
    actorId: id.nullable(),
    event: z.enum(['sign_in', 'sign_in_failed', 'sign_out']),
    login: z.string().max(256),
    reason: z.enum(['unknown_login', 'wrong_password', 'disabled', 'rate_limited']).nullable().default(null),
  }),
  'imports.commit': z.object({
    batchId: id,
    fileName: z.string(),
    createdAt: ms,
    createdBy: id,
    totalRows: z.number().int(),
    invalid: z.number().int(),
    /**
     * A large file is committed as several mutations of at most IMPORT_PART_ROWS rows each (one local
     * transaction; each part a small push), the first part writing the batch row and the others adding
     * their counts to it.
     */
    part: z.object({ index: z.number().int().min(0), of: z.number().int().min(1) }).default({ index: 0, of: 1 }),
    rows: z.array(
      z.object({
        customerId: id,
        callbackId: id,
        phone: z.string(),
        name: z.string(),
        reason: z.enum(REASONS),
        priority: z.number().int().min(1).max(5),
        dueAt: ms.nullable(),
        timezone: z.string(),
        notes: z.string(),
      }),
    ),
  }),
  'scripts.create': z.object({
    scriptId: id,
    versionId: id,
    content: scriptContentSchema,
    builtinKey: z.string().nullable(),
    published: z.boolean(),
    at: ms,
    by: id.nullable(),
  }),
  'scripts.saveDraft': z.object({ scriptId: id, newVersionId: id, content: scriptContentSchema, at: ms, by: id }),
  'scripts.publish': z.object({ scriptId: id, at: ms, by: id }),
  'scripts.retire': z.object({ scriptId: id, at: ms, by: id }),
  // by null: the console's first run mapping purposes to the shipped scripts.
  'scripts.setMapping': z.object({ mapping: z.partialRecord(z.enum(SCRIPT_PURPOSES), id.nullable()), at: ms, by: id.nullable() }),
  'responses.start': z.object({ responseId: id, callbackId: id, scriptVersionId: id, agentId: id, at: ms }),
  'responses.answer': z.object({
    responseId: id,
    factId: id,
    key: z.string(),
    /** null clears the answer. */
    answer: answerSchema.nullable(),
    /** Answers of questions the change hides, cleared in the same step (the engine decides; re-checked on apply). */
    cleared: z.array(z.object({ key: z.string(), factId: id })),
    at: ms,
  }),
  'responses.finish': z.object({ responseId: id, status: z.enum(RESPONSE_STATUSES).exclude(['in_progress']), at: ms }),
} as const;

export const mutationSchemas = { ...coreMutationSchemas, ...casesMutationSchemas, ...faqMutationSchemas } as const;

export type MutationName = keyof typeof mutationSchemas;
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationSchemas)[N]>;
export const MUTATION_NAMES = Object.keys(mutationSchemas) as MutationName[];

/** The wire shape of one pushed mutation (see DESIGN.md, Sync). */
export interface PushedMutation {
  id: number;
  uuid: string;
  name: MutationName;
  version: 1;
  args: unknown;
  clientTime: number;
}

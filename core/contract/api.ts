import { z } from 'zod';
import { DISPOSITIONS, REASONS, ROLES } from '../domain/model';
import { settingsSchema, type Settings } from '../settings';
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from '../auth/password';
import type { MethodName } from './methods';
import { casesContract } from './api-cases';
import { faqContract } from './api-faq';
import { reportsContract } from './api-reports';
import { syncContract } from './api-sync';
import { answerSchema, RESPONSE_STATUSES, SCRIPT_PURPOSES, scriptContentSchema } from '../questionnaire/model';
import type {
  AuditView,
  CustomerHit,
  CallScriptState,
  ResponseView,
  ScriptDetail,
  ScriptSummary,
  SurveyFigures,
  CallbackDetail,
  CallDraftView,
  ImportBatchView,
  ImportJob,
  OutcomeResult,
  QueuePage,
  QueueSummary,
  SessionInfo,
  SetUpResult,
  SystemStatus,
} from './views';

/*
 * The one API contract. Each method: a zod schema for its input and a phantom output type. The
 * Electron preload, IPC handlers, web host, CLI and renderer client are all derived from this map.
 */

const id = z.uuid();
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const empty = z.object({}).strict();
const locale = z.enum(['zh-CN', 'en']);
const personName = z.string().trim().min(1).max(64);
const byId = z.object({ id }).strict();

export const queueFilterSchema = z
  .object({
    status: z.enum(['open', 'callable', 'blocked', 'closed', 'all']).default('open'),
    reasons: z.array(z.enum(REASONS)).max(REASONS.length).default([]),
    priorities: z.array(z.number().int().min(1).max(5)).max(5).default([]),
    search: z.string().trim().max(64).default(''),
    mine: z.boolean().default(false),
  })
  .strict();
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const QUEUE_SORTS = ['queue', 'due', 'priority', 'attempts', 'name', 'created'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueListSchema = z
  .object({
    filter: queueFilterSchema.default({ status: 'open', reasons: [], priorities: [], search: '', mine: false }),
    sort: z.enum(QUEUE_SORTS).default('queue'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /**
     * Keyset paging: the `nextCursor` of the page before, for the same sort and direction. The page
     * then starts right after that page's last row (`offset` only labels it), whatever the depth.
     */
    cursor: z.string().min(1).max(2_000).optional(),
  })
  .strict();

export const recordOutcomeSchema = z
  .object({
    callbackId: id,
    disposition: z.enum(DISPOSITIONS),
    notes: z.string().max(2000).default(''),
    startedAt: epochMs,
    endedAt: epochMs,
    /** For callback_later: the agreed time (picked in the customer's zone, sent as an instant). */
    callbackAt: epochMs.nullable().default(null),
    /** For dnc_requested: when the DNC entry lapses; null = never. */
    dncExpiresAt: epochMs.nullable().default(null),
    /** When a questionnaire applied to a reached call but was not completed: why. */
    surveySkipReason: z.string().trim().min(1).max(500).nullable().default(null),
  })
  .strict()
  .refine((v) => v.endedAt >= v.startedAt, { message: 'the call cannot end before it starts', path: ['endedAt'] })
  .refine((v) => v.disposition !== 'callback_later' || v.callbackAt !== null, {
    message: 'call back later needs a time',
    path: ['callbackAt'],
  });

export const auditQuerySchema = z
  .object({
    action: z.string().max(64).optional(),
    actorId: id.optional(),
    subjectId: id.optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** `returns<Output>()(inputSchema)`: the input type is inferred, the output type is declared. */
const returns =
  <O>() =>
  <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });

const coreContract = {
  'system.status': returns<SystemStatus>()(empty),
  'session.get': returns<SessionInfo>()(empty),
  // First run: the first supervisor (name and password), the data, the language; signs that supervisor in.
  'session.setUp': returns<SetUpResult>()(
    z.object({ mode: z.enum(['demo', 'empty']), name: personName, password: newPasswordSchema, locale }).strict(),
  ),
  // `login` is the user's name (any width, case or spacing); the answer is the calling session's.
  'session.signIn': returns<SessionInfo>()(
    z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict(),
  ),
  'session.signOut': returns<SessionInfo>()(empty),
  'session.setLocale': returns<SessionInfo>()(z.object({ locale }).strict()),
  'users.create': returns<SessionInfo>()(z.object({ name: personName, role: z.enum(ROLES), password: newPasswordSchema }).strict()),
  // A supervisor sets someone's password on this console (device-local; their sessions end), or anyone their own.
  'users.setPassword': returns<SessionInfo>()(z.object({ userId: id, password: newPasswordSchema }).strict()),
  'settings.get': returns<Settings>()(empty),
  'settings.update': returns<Settings>()(settingsSchema),
  'queue.list': returns<QueuePage>()(queueListSchema),
  'queue.summary': returns<QueueSummary>()(empty),
  'queue.takeNext': returns<CallbackDetail>()(empty),
  'callbacks.get': returns<CallbackDetail>()(byId),
  'callbacks.take': returns<CallbackDetail>()(byId),
  'callbacks.release': returns<{ released: boolean }>()(byId),
  'callbacks.startCall': returns<{ startedAt: number }>()(byId),
  'callbacks.recordOutcome': returns<OutcomeResult>()(recordOutcomeSchema),
  // The call in progress, saved as the agent types or picks (device-local, never synced): a reload restores it.
  'callbacks.saveDraft': returns<CallDraftView>()(
    z.object({ callbackId: id, disposition: z.enum(DISPOSITIONS).nullable().optional(), notes: z.string().max(2000).optional() }).strict(),
  ),
  'customers.revealPhone': returns<{ phone: string; formatted: string }>()(z.object({ customerId: id }).strict()),
  // Read only: by name, or by at least the last 4 digits of the phone; phones come back masked.
  'customers.search': returns<CustomerHit[]>()(
    z.object({ query: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
  'imports.start': returns<ImportJob>()(
    z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.base64().max(200_000_000) }).strict(),
  ),
  'imports.status': returns<ImportJob>()(z.object({ jobId: id }).strict()),
  'imports.commit': returns<ImportJob>()(z.object({ jobId: id }).strict()),
  'imports.cancel': returns<{ cancelled: boolean }>()(z.object({ jobId: id }).strict()),
  'imports.list': returns<ImportBatchView[]>()(empty),
  'audit.list': returns<{ rows: AuditView[]; total: number }>()(auditQuerySchema),
  'scripts.list': returns<ScriptSummary[]>()(empty),
  'scripts.get': returns<ScriptDetail>()(byId),
  'scripts.create': returns<ScriptDetail>()(
    z.union([
      z.object({ copyFrom: id, versionId: id.optional() }).strict(),
      z.object({ purpose: z.enum(SCRIPT_PURPOSES), locale, title: z.string().trim().min(1).max(120) }).strict(),
    ]),
  ),
  'scripts.saveDraft': returns<ScriptDetail>()(z.object({ id, content: scriptContentSchema }).strict()),
  'scripts.publish': returns<ScriptDetail>()(byId),
  'scripts.retire': returns<ScriptDetail>()(byId),
  'scripts.export': returns<{ fileName: string; json: string }>()(z.object({ id, versionId: id.optional() }).strict()),
  'scripts.import': returns<ScriptDetail>()(z.object({ json: z.string().min(1).max(2_000_000) }).strict()),
  'scripts.setMapping': returns<ScriptSummary[]>()(
    z.object({ mapping: z.partialRecord(z.enum(SCRIPT_PURPOSES), id.nullable()) }).strict(),
  ),
  'responses.forCallback': returns<CallScriptState>()(z.object({ callbackId: id }).strict()),
  'responses.start': returns<ResponseView>()(z.object({ callbackId: id }).strict()),
  'responses.answer': returns<ResponseView>()(
    z.object({ responseId: id, key: z.string().min(1).max(40), answer: answerSchema.nullable() }).strict(),
  ),
  'responses.finish': returns<ResponseView>()(
    z.object({ responseId: id, status: z.enum(RESPONSE_STATUSES).exclude(['in_progress']) }).strict(),
  ),
  'reports.survey': returns<SurveyFigures>()(
    z
      .object({
        purpose: z.enum(SCRIPT_PURPOSES).optional(),
        scriptId: id.optional(),
        version: z.number().int().min(1).optional(),
        agentId: id.optional(),
        from: epochMs.optional(),
        to: epochMs.optional(),
      })
      .strict(),
  ),
};

export const contract = { ...coreContract, ...casesContract, ...faqContract, ...reportsContract, ...syncContract } satisfies Record<MethodName, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];

import { z } from 'zod';
import { DISPOSITIONS, REASONS } from '../domain/model';
import { byId, empty, epochMs, id, returns, type ContractFor } from './common';
import type { CallsMethod } from './methods';
import type { CallbackDetail, CallDraftView, CustomerHit, OutcomeResult, QueuePage, QueueSummary } from './views';

/* The queue, the call in progress and customer look-ups (merged in api.ts). */

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

export const callsContract = {
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
} satisfies ContractFor<CallsMethod>;

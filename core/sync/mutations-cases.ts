import { z } from 'zod';
import { caseSettingsSchema, VOUCHER_REASON_CODES } from '../cases/settings';
import { calendarContentSchema, slaPolicyListSchema, TICKET_PRIORITIES } from '../sla';
import { TICKET_STATUSES } from '../tickets';
import { VOUCHER_KINDS } from '../vouchers/policy';

/*
 * Named mutations of tickets, SLA policy, the business calendar, vouchers and notifications. Ids of
 * everything a mutation creates (events, audit entries, notifications, a follow-up callback) are born on
 * the console and travel in the args; the rules (transitions, limits, budget, SLA policy matching) are
 * re-checked by the applier, so the server re-running them decides the same way or refuses.
 */

const id = z.string().min(1);
const ms = z.number().int();
const actor = { at: ms, by: id };

export const casesMutationSchemas = {
  /** `auditId` names the audit entry of the change (absent in changes recorded before they were audited). */
  'cases.updateSettings': z.object({ settings: caseSettingsSchema, ...actor, auditId: id.optional() }),
  'sla.setPolicies': z.object({ policies: slaPolicyListSchema, ...actor, auditId: id.optional() }),
  'calendar.save': z.object({ versionId: id, content: calendarContentSchema, note: z.string(), ...actor }),
  'tickets.create': z.object({
    ticketId: id,
    createdEventId: id,
    slaEventId: id,
    priority: z.enum(TICKET_PRIORITIES),
    category: z.string(),
    subject: z.string(),
    description: z.string(),
    channel: z.string(),
    customerId: id.nullable(),
    callbackId: id.nullable(),
    attemptId: id.nullable(),
    assigneeId: id.nullable(),
    ...actor,
  }),
  'tickets.transition': z.object({
    ticketId: id,
    eventId: id,
    to: z.enum(TICKET_STATUSES),
    reason: z.string(),
    /** Resolving: the follow-up callback to schedule (null: none, with `followUpSkipped` saying why). */
    followUpCallbackId: id.nullable(),
    followUpSkipped: z.enum(['customer_asked', 'no_customer', 'not_resolving']).nullable(),
    ...actor,
  }),
  'tickets.assign': z.object({ ticketId: id, eventId: id, assigneeId: id.nullable(), ...actor }),
  'tickets.update': z.object({
    ticketId: id,
    priorityEventId: id,
    categoryEventId: id,
    slaEventId: id,
    priority: z.enum(TICKET_PRIORITIES).nullable(),
    category: z.string().nullable(),
    ...actor,
  }),
  'tickets.comment': z.object({
    ticketId: id,
    eventId: id,
    /** A reply to a new ticket also opens it; this is that status event's id. */
    openEventId: id,
    body: z.string(),
    visibility: z.enum(['reply', 'internal']),
    ...actor,
  }),
  'tickets.recordBreach': z.object({
    ticketId: id,
    eventId: id,
    clock: z.enum(['first_response', 'resolution']),
    dueAt: ms,
    /** Ids for the notifications: the assignee's first, then one per supervisor (by id order). */
    notificationIds: z.array(id),
    at: ms,
    by: id.nullable(),
  }),
  'vouchers.request': z.object({
    voucherId: id,
    code: z.string(),
    requestKey: id,
    eventId: id,
    auditId: id,
    notificationIds: z.array(id),
    customerId: id,
    ticketId: id.nullable(),
    kind: z.enum(VOUCHER_KINDS),
    percentOff: z.number().int().nullable(),
    amountFen: z.number().int().nullable(),
    points: z.number().int().nullable(),
    reasonCode: z.enum(VOUCHER_REASON_CODES),
    note: z.string(),
    expiresAt: ms,
    ...actor,
  }),
  'vouchers.approve': z.object({ voucherId: id, eventId: id, auditId: id, notificationId: id, ...actor }),
  'vouchers.reject': z.object({ voucherId: id, eventId: id, auditId: id, notificationId: id, reason: z.string(), ...actor }),
  'vouchers.void': z.object({ voucherId: id, eventId: id, auditId: id, reason: z.string(), ...actor }),
  'vouchers.redeem': z.object({ voucherId: id, eventId: id, auditId: id, ...actor }),
  'notifications.markRead': z.object({ ids: z.array(id), ...actor }),
  /** The demo's tickets and vouchers (first run with demo data), generated from the seed like demo.load. */
  'demo.loadCases': z.object({ seed: z.number().int(), now: ms, agentIds: z.array(id), supervisorId: id }),
} as const;

import { z } from 'zod';
import { caseSettingsSchema, VOUCHER_REASON_CODES } from '../cases/settings';
import { calendarContentSchema, slaPolicyListSchema, TICKET_PRIORITIES } from '../sla';
import { TICKET_STATUSES } from '../tickets';
import { VOUCHER_KINDS, VOUCHER_STATES } from '../vouchers/policy';
import type { CaseSettings } from '../cases/settings';
import type { SlaPolicy } from '../sla';
import { byId, empty, epochMs, id, returns, type ContractFor } from './common';
import type { CasesMethod } from './methods';
import type {
  AttainmentRow,
  CalendarView,
  NotificationView,
  SlaBoard,
  SpendSummary,
  TicketDetail,
  TicketPage,
  VoucherQuote,
  VoucherRequestResult,
  VoucherView,
} from './views-cases';

/* The ticket, SLA, calendar, voucher and notification methods of the contract (merged in api.ts). */

const categoryKey = z.string().trim().min(1).max(40);
const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(1).max(100_000_000_00);

export const ticketListSchema = z
  .object({
    /** 'active' = new, open, pending customer. */
    scope: z.enum(['active', 'mine', 'all', ...TICKET_STATUSES]).default('active'),
    category: categoryKey.optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: id.optional(),
    customerId: id.optional(),
    search: z.string().trim().max(64).default(''),
    sort: z.enum(['due', 'created', 'updated', 'priority']).default('due'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

const boardFilter = z
  .object({
    category: categoryKey.optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: id.optional(),
    /** Tickets created in [from, to). */
    from: epochMs.optional(),
    to: epochMs.optional(),
  })
  .strict();

const voucherTerms = {
  kind: z.enum(VOUCHER_KINDS),
  percentOff: z.number().int().min(1).max(99).nullable().default(null),
  amountFen: fen.nullable().default(null),
  points: z.number().int().min(1).max(100_000_000).nullable().default(null),
};

export const casesContract = {
  'tickets.list': returns<TicketPage>()(ticketListSchema),
  'tickets.get': returns<TicketDetail>()(byId),
  'tickets.create': returns<TicketDetail>()(
    z
      .object({
        customerId: id.nullable().default(null),
        /** Raised from a call: the callback and the attempt it came from. */
        callbackId: id.nullable().default(null),
        attemptId: id.nullable().default(null),
        subject: text(120),
        description: z.string().trim().max(5000).default(''),
        category: categoryKey,
        priority: z.enum(TICKET_PRIORITIES),
        channel: z.enum(['phone', 'callback', 'app', 'email', 'web', 'other']).default('phone'),
        assigneeId: id.nullable().optional(),
      })
      .strict(),
  ),
  'tickets.transition': returns<TicketDetail>()(
    z
      .object({
        id,
        to: z.enum(TICKET_STATUSES),
        reason: z.string().trim().max(500).default(''),
        /** When resolving: schedule the complaint follow-up (default) or not, because the customer asked. */
        followUp: z.enum(['schedule', 'skip']).default('schedule'),
      })
      .strict(),
  ),
  'tickets.assign': returns<TicketDetail>()(z.object({ id, assigneeId: id.nullable() }).strict()),
  'tickets.update': returns<TicketDetail>()(
    z
      .object({ id, priority: z.enum(TICKET_PRIORITIES).optional(), category: categoryKey.optional() })
      .strict()
      .refine((v) => v.priority !== undefined || v.category !== undefined, { message: 'nothing to change' }),
  ),
  'tickets.comment': returns<TicketDetail>()(
    z.object({ id, body: text(5000), visibility: z.enum(['reply', 'internal']) }).strict(),
  ),
  'tickets.board': returns<SlaBoard>()(boardFilter),
  'tickets.attainment': returns<AttainmentRow[]>()(
    boardFilter.extend({ groupBy: z.enum(['agent', 'category', 'week']) }).strict(),
  ),
  'tickets.sweep': returns<{ recorded: number }>()(empty),
  'cases.getSettings': returns<CaseSettings>()(empty),
  'cases.updateSettings': returns<CaseSettings>()(caseSettingsSchema),
  'sla.getPolicies': returns<SlaPolicy[]>()(empty),
  'sla.setPolicies': returns<SlaPolicy[]>()(z.object({ policies: slaPolicyListSchema }).strict()),
  'calendar.get': returns<CalendarView>()(empty),
  'calendar.save': returns<CalendarView>()(
    z.object({ content: calendarContentSchema, note: z.string().trim().max(200).default('') }).strict(),
  ),
  'calendar.importYear': returns<CalendarView>()(z.object({ json: z.string().min(2).max(1_000_000) }).strict()),
  'vouchers.quote': returns<VoucherQuote>()(z.object({ customerId: id, ...voucherTerms }).strict()),
  'vouchers.request': returns<VoucherRequestResult>()(
    z
      .object({
        /** Made once per dialog by the requester: a retry or double click sends the same key. */
        requestKey: id,
        customerId: id,
        ticketId: id.nullable().default(null),
        ...voucherTerms,
        reasonCode: z.enum(VOUCHER_REASON_CODES),
        note: z.string().trim().max(500).default(''),
        expiresAt: epochMs.nullable().default(null),
      })
      .strict(),
  ),
  'vouchers.approve': returns<VoucherView>()(byId),
  'vouchers.reject': returns<VoucherView>()(z.object({ id, reason: text(500) }).strict()),
  'vouchers.void': returns<VoucherView>()(z.object({ id, reason: text(500) }).strict()),
  'vouchers.redeem': returns<VoucherView>()(byId),
  'vouchers.list': returns<{ rows: VoucherView[]; total: number }>()(
    z
      .object({
        state: z.enum(VOUCHER_STATES).optional(),
        ticketId: id.optional(),
        customerId: id.optional(),
        mine: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'vouchers.spend': returns<SpendSummary>()(
    z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional() }).strict(),
  ),
  'notifications.list': returns<{ rows: NotificationView[]; unread: number }>()(
    z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  'notifications.markRead': returns<{ unread: number }>()(
    z.object({ ids: z.union([z.array(id).min(1).max(500), z.literal('all')]) }).strict(),
  ),
} as const satisfies ContractFor<CasesMethod>;

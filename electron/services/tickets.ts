import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { AttainmentRow, SlaBoard, TicketDetail, TicketPage, TicketRow } from '../../core/contract/views-cases';
import { categoryLabel } from '../../core/cases/settings';
import { maskPhone } from '../../core/rules/phone';
import { canReopenClosed, deriveTicket, TRANSITIONS, type TicketState } from '../../core/tickets';
import { calendarById, getCaseSettings } from '../../db/repos/case-settings';
import { getCustomer } from '../../db/repos/customers';
import { inTransaction } from '../../db/repos/stmt';
import {
  atRiskRows,
  attainmentRows,
  breachedRows,
  followUpsOf,
  getTicketRow,
  listTicketRows,
  ticketEvents,
  ticketsNeedingBreachCheck,
  type BoardQuery,
  type TicketProjectionRow,
} from '../../db/repos/tickets';
import { listUsers } from '../../db/repos/users';
import { getMeta } from '../../db/repos/meta';
import { listVoucherRows } from '../../db/repos/vouchers';
import { currentUser, type ServiceContext } from './context';
import { recipientsForBreach } from './mutations/tickets';
import { runMutation } from './mutations/registry';
import { toVoucherView } from './vouchers';

/** The short reference agents read out on the phone. */
export const ticketCode = (id: string) => `TK-${id.slice(-6).toUpperCase()}`;

/** A ticket row with its clocks derived live as of `now` (the projection's copy may be minutes old). */
function toRow(ctx: ServiceContext, r: TicketProjectionRow, now: number): { row: TicketRow; state: TicketState } {
  const state = deriveTicket(ticketEvents(ctx.db, r.id), (id) => calendarById(ctx.db, id), now);
  return {
    state,
    row: {
      id: r.id,
      code: ticketCode(r.id),
      subject: state.subject,
      category: state.category,
      priority: state.priority,
      status: state.status,
      channel: state.channel,
      customerId: r.customerId,
      customerName: r.customerName,
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
      assigneeId: state.assigneeId,
      assigneeName: r.assigneeName,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
      nextDueAt: state.nextDueAt,
      nextWarnAt: [state.firstResponse, state.resolution]
        .filter((c) => c.status === 'running' && c.warnAt !== null)
        .reduce<number | null>((m, c) => (m === null ? c.warnAt : Math.min(m, c.warnAt!)), null),
      level: state.level,
      escalated: state.escalated,
      firstResponse: state.firstResponse,
      resolution: state.resolution,
    },
  };
}

const SCOPES: Record<string, readonly string[] | null> = {
  active: ['new', 'open', 'pending_customer'],
  mine: ['new', 'open', 'pending_customer'],
  all: null,
};

export function listTickets(ctx: ServiceContext, input: ParsedInputOf<'tickets.list'>): TicketPage {
  const me = currentUser(ctx);
  const now = ctx.now();
  const statuses = input.scope in SCOPES ? SCOPES[input.scope]! : [input.scope];
  const { rows, total } = listTicketRows(ctx.db, {
    statuses,
    assigneeId: input.scope === 'mine' ? me.id : input.assigneeId,
    category: input.category,
    priority: input.priority,
    customerId: input.customerId,
    search: input.search,
    sort: input.sort,
    offset: input.offset,
    limit: input.limit,
  });
  return { rows: rows.map((r) => toRow(ctx, r, now).row), total, offset: input.offset, now };
}

export function ticketDetail(ctx: ServiceContext, id: string): TicketDetail {
  currentUser(ctx);
  const now = ctx.now();
  const r = getTicketRow(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  const { row, state } = toRow(ctx, r, now);
  const users = new Map(listUsers(ctx.db).map((u) => [u.id, u.name]));
  const settings = getCaseSettings(ctx.db);
  const allowed = TRANSITIONS[state.status].filter(
    (to) => !(state.status === 'closed' && to === 'open' && !canReopenClosed(state.closedAt ?? now, now, settings.reopenWindowDays)),
  );
  const customer = r.customerId ? getCustomer(ctx.db, r.customerId) : undefined;
  return {
    ticket: {
      ...row,
      description: state.description,
      callbackId: state.callbackId,
      attemptId: state.attemptId,
      firstRespondedAt: state.firstRespondedAt,
      resolvedAt: state.resolvedAt,
      closedAt: state.closedAt,
      reopenCount: state.reopenCount,
      calendarVersion: calendarVersionNumber(ctx, state.calendarVersionId),
      policyId: state.policyId,
    },
    events: ticketEvents(ctx.db, id).map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorId ? (users.get(e.actorId) ?? null) : null,
      data: e.data as Record<string, unknown>,
    })),
    allowedTransitions: [...allowed],
    vouchers: listVoucherRows(ctx.db, { ticketId: id, offset: 0, limit: 100 }).rows.map((v) => toVoucherView(v, now)),
    followUps: followUpsOf(ctx.db, id),
    customer: customer
      ? {
          id: customer.id,
          name: customer.name,
          phoneMasked: maskPhone(customer.phone),
          serviceRefused: customer.consentService === 'refused',
          dnc: customer.dncUntil !== null && customer.dncUntil > now,
        }
      : null,
    now,
  };
}

function calendarVersionNumber(ctx: ServiceContext, id: string | null): number | null {
  if (!id) return null;
  const row = ctx.db.$client.prepare('SELECT version FROM calendar_versions WHERE id = ?').get(id) as { version: number } | undefined;
  return row?.version ?? 0;
}

export function createTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.create'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  let customerId = input.customerId;
  if (input.callbackId) {
    const cb = ctx.db.$client.prepare('SELECT customer_id AS customerId FROM callbacks WHERE id = ?').get(input.callbackId) as
      | { customerId: string }
      | undefined;
    if (!cb) throw new AppError('NOT_FOUND', 'That callback does not exist.');
    if (customerId !== null && customerId !== cb.customerId) throw new AppError('BAD_INPUT', 'The callback belongs to another customer.');
    customerId = cb.customerId;
  }
  const ticketId = ctx.newId();
  runMutation(
    ctx.db,
    'tickets.create',
    {
      ticketId,
      createdEventId: ctx.newId(),
      slaEventId: ctx.newId(),
      priority: input.priority,
      category: input.category,
      subject: input.subject,
      description: input.description,
      channel: input.callbackId ? 'callback' : input.channel,
      customerId,
      callbackId: input.callbackId,
      attemptId: input.attemptId,
      // The agent who raises a ticket owns it unless they hand it to someone.
      assigneeId: input.assigneeId === undefined ? me.id : input.assigneeId,
      at: now,
      by: me.id,
    },
    now,
  );
  return ticketDetail(ctx, ticketId);
}

export function transitionTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.transition'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  const resolving = input.to === 'resolved';
  const row = getTicketRow(ctx.db, input.id);
  if (!row) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  const skipped = !resolving ? 'not_resolving' : !row.customerId ? 'no_customer' : input.followUp === 'skip' ? 'customer_asked' : null;
  runMutation(
    ctx.db,
    'tickets.transition',
    {
      ticketId: input.id,
      eventId: ctx.newId(),
      to: input.to,
      reason: input.reason,
      followUpCallbackId: skipped ? null : ctx.newId(),
      followUpSkipped: skipped,
      at: now,
      by: me.id,
    },
    now,
  );
  return ticketDetail(ctx, input.id);
}

export function assignTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.assign'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(ctx.db, 'tickets.assign', { ticketId: input.id, eventId: ctx.newId(), assigneeId: input.assigneeId, at: now, by: me.id }, now);
  return ticketDetail(ctx, input.id);
}

export function updateTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.update'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(
    ctx.db,
    'tickets.update',
    {
      ticketId: input.id,
      priorityEventId: ctx.newId(),
      categoryEventId: ctx.newId(),
      slaEventId: ctx.newId(),
      priority: input.priority ?? null,
      category: input.category ?? null,
      at: now,
      by: me.id,
    },
    now,
  );
  return ticketDetail(ctx, input.id);
}

export function commentTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.comment'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  runMutation(
    ctx.db,
    'tickets.comment',
    { ticketId: input.id, eventId: ctx.newId(), openEventId: ctx.newId(), body: input.body, visibility: input.visibility, at: now, by: me.id },
    now,
  );
  return ticketDetail(ctx, input.id);
}

function supervisorOnly(ctx: ServiceContext): void {
  if (currentUser(ctx).role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can see the SLA board.');
}

export function slaBoard(ctx: ServiceContext, input: ParsedInputOf<'tickets.board'>): SlaBoard {
  supervisorOnly(ctx);
  const now = ctx.now();
  const q: BoardQuery = input;
  const live = (rows: TicketProjectionRow[]) => rows.map((r) => toRow(ctx, r, now).row);
  const breached = live(breachedRows(ctx.db, now, q)).sort((a, b) => timeLeft(a, now) - timeLeft(b, now));
  const atRisk = live(atRiskRows(ctx.db, now, q)).filter((r) => r.level === 'warning');
  return { atRisk, breached, now };
}

/** Calendar time to the next breach; breached rows sort most overdue first (most negative). */
function timeLeft(r: TicketRow, now: number): number {
  if (r.nextDueAt !== null) return r.nextDueAt - now;
  const over = Math.max(r.firstResponse.breachedByMinutes, r.resolution.breachedByMinutes);
  return -over * 60_000;
}

export function attainment(ctx: ServiceContext, input: ParsedInputOf<'tickets.attainment'>): AttainmentRow[] {
  supervisorOnly(ctx);
  const { groupBy, ...q } = input;
  const settings = getCaseSettings(ctx.db);
  const locale = getMeta(ctx.db, 'locale') === 'en' ? 'en' : 'zh-CN';
  const names = new Map(listUsers(ctx.db).map((u) => [u.id, u.name]));
  const pct = (met: number, done: number) => (done === 0 ? null : met / done);
  return attainmentRows(ctx.db, groupBy, q).map((r) => ({
    key: r.key,
    label:
      groupBy === 'agent' ? (r.key ? (names.get(r.key) ?? r.key) : '') : groupBy === 'category' ? categoryLabel(settings, r.key, locale) : r.key,
    tickets: r.tickets,
    firstResponseDone: r.frDone,
    firstResponseMet: r.frMet,
    firstResponsePct: pct(r.frMet, r.frDone),
    resolutionDone: r.resDone,
    resolutionMet: r.resMet,
    resolutionPct: pct(r.resMet, r.resDone),
  }));
}

/**
 * Records every breach not yet recorded (escalation + notifications). The renderer calls it with its
 * notification poll; it is cheap when nothing is due (one indexed query).
 */
export function sweepBreaches(ctx: ServiceContext): { recorded: number } {
  const now = ctx.now();
  let recorded = 0;
  const by = currentUserIdOrNull(ctx);
  inTransaction(ctx.db, () => {
    for (const id of ticketsNeedingBreachCheck(ctx.db, now)) {
      const state = deriveTicket(ticketEvents(ctx.db, id), (v) => calendarById(ctx.db, v), now);
      for (const clock of state.pendingBreaches) {
        const dueAt = (clock === 'first_response' ? state.firstResponse.breachedAt : state.resolution.breachedAt) ?? now;
        const notificationIds = Array.from({ length: recipientsForBreach(ctx.db, state.assigneeId) }, () => ctx.newId());
        const done = runMutation(ctx.db, 'tickets.recordBreach', { ticketId: id, eventId: ctx.newId(), clock, dueAt, notificationIds, at: now, by }, now);
        if (done) recorded++;
      }
    }
  });
  return { recorded };
}

function currentUserIdOrNull(ctx: ServiceContext): string | null {
  try {
    return currentUser(ctx).id;
  } catch {
    return null;
  }
}

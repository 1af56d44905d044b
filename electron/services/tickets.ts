import type { ParsedInputOf } from '../../core/contract/api';
import { AppError } from '../../core/contract/result';
import type { AttainmentRow, SlaBoard, SyncDelayedBreachView, TicketDetail, TicketPage, TicketRow } from '../../core/contract/views-cases';
import { categoryLabel } from '../../core/cases/settings';
import { maskPhone } from '../../core/rules/phone';
import { breachesToRecord, canReopenClosed, deriveTicket, nextWarnAt, syncDelayedBreaches, ticketCode, TRANSITIONS, type TicketEvent, type TicketState } from '../../core/tickets';
import { calendarById, calendarVersionOf, getCaseSettings } from '../../db/repos/case-settings';
import { getCallback } from '../../db/repos/callbacks';
import { getCustomer } from '../../db/repos/customers';
import { inTransaction } from '../../db/repos/stmt';
import {
  atRiskRows,
  attainmentRows,
  breachedRows,
  eventsOfTickets,
  followUpsOf,
  getTicketRow,
  listTicketRows,
  ticketEvents,
  ticketsNeedingBreachCheck,
  ticketsWithBreachSince,
  type BoardQuery,
  type TicketProjectionRow,
} from '../../db/repos/tickets';
import { listUsers } from '../../db/repos/users';
import { getMeta } from '../../db/repos/meta';
import { listVoucherRows } from '../../db/repos/vouchers';
import { currentSupervisor, currentUser, type ServiceContext } from './context';
import { breachRecipients as breachRecipientsQ } from '../../core/mutations/tickets';
import { onDb } from '../../db/store';

const breachRecipients = onDb(breachRecipientsQ);
import { runMutation } from './mutations/registry';
import { toVoucherView } from './vouchers';


const deriveNow = (ctx: ServiceContext, events: TicketEvent[], now: number) => deriveTicket(events, (id) => calendarById(ctx.db, id), now);

/** A ticket row with its clocks derived live as of `now` (the projection's copy may be minutes old). */
function toRow(r: TicketProjectionRow, state: TicketState): TicketRow {
  return {
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
      nextWarnAt: nextWarnAt(state),
      level: state.level,
      escalated: state.escalated,
      firstResponse: state.firstResponse,
      resolution: state.resolution,
  };
}

/** Rows of a page, every ticket derived as of `now` from events read in one query. */
function liveRows(ctx: ServiceContext, rows: TicketProjectionRow[], now: number): TicketRow[] {
  const events = eventsOfTickets(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toRow(r, deriveNow(ctx, events.get(r.id)!, now)));
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
  return { rows: liveRows(ctx, rows, now), total, offset: input.offset, now };
}

export function ticketDetail(ctx: ServiceContext, id: string): TicketDetail {
  currentUser(ctx);
  const now = ctx.now();
  const r = getTicketRow(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'That ticket does not exist.');
  const events = ticketEvents(ctx.db, id);
  const state = deriveNow(ctx, events, now);
  const row = toRow(r, state);
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
      calendarVersion: state.calendarVersionId ? calendarVersionOf(ctx.db, state.calendarVersionId) : null,
      policyId: state.policyId,
    },
    events: events.map((e) => ({
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


export function createTicket(ctx: ServiceContext, input: ParsedInputOf<'tickets.create'>): TicketDetail {
  const me = currentUser(ctx);
  const now = ctx.now();
  let customerId = input.customerId;
  if (input.callbackId) {
    const cb = getCallback(ctx.db, input.callbackId);
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

const supervisorOnly = (ctx: ServiceContext) => currentSupervisor(ctx, 'see the SLA board');

export function slaBoard(ctx: ServiceContext, input: ParsedInputOf<'tickets.board'>): SlaBoard {
  supervisorOnly(ctx);
  const now = ctx.now();
  const q: BoardQuery = input;
  const live = (rows: TicketProjectionRow[]) => liveRows(ctx, rows, now);
  const syncDelayed = syncDelayedOnBoard(ctx, q, now);
  // A ticket escalated only by a breach that sync delay caused is not breached: it shows apart.
  const delayedOnly = new Set(syncDelayed.filter((d) => d.row.level !== 'breached').map((d) => d.row.id));
  const breached = live(breachedRows(ctx.db, now, q))
    .filter((r) => !delayedOnly.has(r.id))
    .sort((a, b) => timeLeft(a, now) - timeLeft(b, now));
  const atRisk = live(atRiskRows(ctx.db, now, q)).filter((r) => r.level === 'warning');
  return { atRisk, breached, syncDelayed, now };
}

/** How far back the board looks for breaches caused by sync delay. */
const SYNC_DELAY_WINDOW_MS = 30 * 24 * 3_600_000;

function syncDelayedOnBoard(ctx: ServiceContext, q: BoardQuery, now: number): SyncDelayedBreachView[] {
  const rows = ticketsWithBreachSince(ctx.db, now - SYNC_DELAY_WINDOW_MS, q);
  const events = eventsOfTickets(ctx.db, rows.map((r) => r.id));
  const out: SyncDelayedBreachView[] = [];
  for (const r of rows) {
    const history = events.get(r.id)!;
    const state = deriveNow(ctx, history, now);
    for (const d of syncDelayedBreaches(history, state)) out.push({ row: toRow(r, state), ...d });
  }
  return out.sort((a, b) => b.recordedAt - a.recordedAt);
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
    const ids = ticketsNeedingBreachCheck(ctx.db, now);
    const events = eventsOfTickets(ctx.db, ids);
    for (const id of ids) {
      const state = deriveNow(ctx, events.get(id)!, now);
      for (const { clock, dueAt } of breachesToRecord(state)) {
        const notificationIds = breachRecipients(ctx.db, state.assigneeId).map(() => ctx.newId());
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

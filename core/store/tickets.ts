import { deriveTicket, nextWarnAt, type TicketEvent, type TicketState } from '../tickets';
import type { CalendarContent } from '../sla';
import { calendarLookup } from './case-settings';
import { all, get, type Q, write } from './sql';

/*
 * Ticket events (the facts) and the tickets projection (rewritten from them by every ticket mutation).
 */

export function* insertTicketEvent(e: TicketEvent): Q<void> {
  yield* write('INSERT INTO ticket_events (id, ticket_id, at, actor_id, type, data) VALUES (?, ?, ?, ?, ?, ?)', [
    e.id,
    e.ticketId,
    e.at,
    e.actorId,
    e.type,
    JSON.stringify(e.data),
  ]);
}

export interface TicketEventRow {
  id: string;
  ticketId: string;
  at: number;
  actorId: string | null;
  type: string;
  data: string;
}

export const EVENT_COLUMNS = `id, ticket_id AS "ticketId", at, actor_id AS "actorId", type, data`;
export const toTicketEvent = (r: TicketEventRow): TicketEvent => ({ ...r, data: JSON.parse(r.data) }) as TicketEvent;

/** A ticket's events in the order they happened (ties broken by id, which is time-ordered). */
export function* ticketEvents(ticketId: string): Q<TicketEvent[]> {
  const rows = yield* all<TicketEventRow>(`SELECT ${EVENT_COLUMNS} FROM ticket_events WHERE ticket_id = ? ORDER BY at, id`, [ticketId]);
  return rows.map(toTicketEvent);
}

/** The calendars a ticket's SLA events name, ready for core's synchronous lookup. */
export function calendarsOf(events: readonly TicketEvent[]): Q<(id: string) => CalendarContent | undefined> {
  const ids = events.flatMap((e) => (e.type === 'sla_applied' ? [e.data.calendarVersionId] : []));
  return calendarLookup(ids);
}

/** Derives a ticket's state as of `at` from the given events. */
export function* deriveFromEvents(events: readonly TicketEvent[], at: number): Q<TicketState> {
  return deriveTicket(events, yield* calendarsOf(events), at);
}

export function* ticketExists(id: string): Q<boolean> {
  return (yield* get('SELECT 1 AS one FROM tickets WHERE id = ?', [id])) !== undefined;
}

/**
 * The projection row a new ticket's events hang from (ticket_events references tickets): a stub that
 * writeTicketProjection fills in right after the events are in.
 */
export function* reserveTicketRow(id: string): Q<void> {
  yield* write(
    `INSERT INTO tickets (id, subject, category, priority, channel, status, created_at, updated_at, first_response_status,
       resolution_status, derived) VALUES (?, '', '', 'P4', '', 'new', 0, 0, 'not_started', 'not_started', '{}')`,
    [id],
  );
}

const isStopped = (status: string) => status === 'met' || status === 'missed';

/** Writes the derived state of one ticket into the projection (insert or replace). */
export function* writeTicketProjection(s: TicketState): Q<void> {
  const breachedNow = s.firstResponse.level === 'breached' || s.resolution.level === 'breached';
  yield* write(
    `INSERT INTO tickets (id, customer_id, callback_id, attempt_id, subject, category, priority, channel, status, assignee_id,
        created_at, created_by, updated_at, first_responded_at, resolved_at, closed_at, reopen_count, calendar_version_id,
        policy_id, next_due_at, next_warn_at, first_response_status, resolution_status, first_response_minutes,
        resolution_minutes, breached, escalated, derived)
     VALUES (@id, @customerId, @callbackId, @attemptId, @subject, @category, @priority, @channel, @status, @assigneeId,
        @createdAt, @createdBy, @updatedAt, @firstRespondedAt, @resolvedAt, @closedAt, @reopenCount, @calendarVersionId,
        @policyId, @nextDueAt, @nextWarnAt, @frStatus, @resStatus, @frMinutes, @resMinutes, @breached, @escalated, @derived)
     ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, callback_id = excluded.callback_id,
        attempt_id = excluded.attempt_id, created_at = excluded.created_at, created_by = excluded.created_by, subject = excluded.subject, category = excluded.category, priority = excluded.priority,
        channel = excluded.channel, status = excluded.status, assignee_id = excluded.assignee_id, updated_at = excluded.updated_at,
        first_responded_at = excluded.first_responded_at, resolved_at = excluded.resolved_at, closed_at = excluded.closed_at,
        reopen_count = excluded.reopen_count, calendar_version_id = excluded.calendar_version_id, policy_id = excluded.policy_id,
        next_due_at = excluded.next_due_at, next_warn_at = excluded.next_warn_at,
        first_response_status = excluded.first_response_status, resolution_status = excluded.resolution_status,
        first_response_minutes = excluded.first_response_minutes, resolution_minutes = excluded.resolution_minutes,
        breached = excluded.breached, escalated = excluded.escalated, derived = excluded.derived`,
    {
      id: s.id,
      customerId: s.customerId,
      callbackId: s.callbackId,
      attemptId: s.attemptId,
      subject: s.subject,
      category: s.category,
      priority: s.priority,
      channel: s.channel,
      status: s.status,
      assigneeId: s.assigneeId,
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      updatedAt: s.updatedAt,
      firstRespondedAt: s.firstRespondedAt,
      resolvedAt: s.resolvedAt,
      closedAt: s.closedAt,
      reopenCount: s.reopenCount,
      calendarVersionId: s.calendarVersionId,
      policyId: s.policyId,
      nextDueAt: s.nextDueAt,
      nextWarnAt: nextWarnAt(s),
      frStatus: s.firstResponse.status,
      resStatus: s.resolution.status,
      frMinutes: isStopped(s.firstResponse.status) ? s.firstResponse.consumedMinutes : null,
      resMinutes: isStopped(s.resolution.status) ? s.resolution.consumedMinutes : null,
      breached: breachedNow ? 1 : 0,
      escalated: s.escalated ? 1 : 0,
      derived: JSON.stringify({ firstResponse: s.firstResponse, resolution: s.resolution, level: s.level }),
    },
  );
}

export interface TicketProjectionRow {
  id: string;
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  callbackId: string | null;
  attemptId: string | null;
  subject: string;
  category: string;
  priority: TicketState['priority'];
  channel: string;
  status: TicketState['status'];
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  firstRespondedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  reopenCount: number;
  calendarVersionId: string | null;
  policyId: string | null;
  nextDueAt: number | null;
  nextWarnAt: number | null;
  breached: number;
  escalated: number;
  derived: string;
}

export const TICKET_COLUMNS = `t.id, t.customer_id AS "customerId", c.name AS "customerName", c.phone, t.callback_id AS "callbackId",
  t.attempt_id AS "attemptId", t.subject, t.category, t.priority, t.channel, t.status, t.assignee_id AS "assigneeId",
  u.name AS "assigneeName", t.created_at AS "createdAt", t.created_by AS "createdBy", t.updated_at AS "updatedAt",
  t.first_responded_at AS "firstRespondedAt", t.resolved_at AS "resolvedAt", t.closed_at AS "closedAt", t.reopen_count AS "reopenCount",
  t.calendar_version_id AS "calendarVersionId", t.policy_id AS "policyId", t.next_due_at AS "nextDueAt", t.next_warn_at AS "nextWarnAt",
  t.breached, t.escalated, t.derived`;
export const TICKET_FROM = `tickets t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.assignee_id`;

export function getTicketRow(id: string): Q<TicketProjectionRow | undefined> {
  return get<TicketProjectionRow>(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.id = ?`, [id]);
}

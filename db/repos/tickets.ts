import { nextWarnAt, type TicketEvent, type TicketState } from '../../core/tickets';
import type { Db } from '../open';
import { stmt } from './stmt';

/*
 * Ticket events (the facts) and the tickets projection (rewritten from them by every ticket mutation).
 */

export function insertTicketEvent(db: Db, e: TicketEvent): void {
  stmt(db, 'INSERT INTO ticket_events (id, ticket_id, at, actor_id, type, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.id,
    e.ticketId,
    e.at,
    e.actorId,
    e.type,
    JSON.stringify(e.data),
  );
}

interface EventRow {
  id: string;
  ticketId: string;
  at: number;
  actorId: string | null;
  type: string;
  data: string;
}

const toEvent = (r: EventRow): TicketEvent => ({ ...r, data: JSON.parse(r.data) }) as TicketEvent;

/** A ticket's events in the order they happened (ties broken by id, which is time-ordered). */
export function ticketEvents(db: Db, ticketId: string): TicketEvent[] {
  return (
    stmt(
      db,
      `SELECT id, ticket_id AS ticketId, at, actor_id AS actorId, type, data FROM ticket_events WHERE ticket_id = ? ORDER BY at, id`,
    ).all(ticketId) as EventRow[]
  ).map(toEvent);
}

/** The events of several tickets in one indexed read, each ticket's in the order they happened. */
export function eventsOfTickets(db: Db, ids: readonly string[]): Map<string, TicketEvent[]> {
  const out = new Map<string, TicketEvent[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT id, ticket_id AS ticketId, at, actor_id AS actorId, type, data FROM ticket_events
      WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY ticket_id, at, id`,
  ).all(JSON.stringify(ids)) as EventRow[];
  for (const r of rows) out.get(r.ticketId)!.push(toEvent(r));
  return out;
}

export function ticketExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM tickets WHERE id = ?').get(id) !== undefined;
}

/**
 * The projection row a new ticket's events hang from (ticket_events references tickets): a stub that
 * writeTicketProjection fills in right after the events are in.
 */
export function reserveTicketRow(db: Db, id: string): void {
  stmt(
    db,
    `INSERT INTO tickets (id, subject, category, priority, channel, status, created_at, updated_at, first_response_status,
       resolution_status, derived) VALUES (?, '', '', 'P4', '', 'new', 0, 0, 'not_started', 'not_started', '{}')`,
  ).run(id);
}

/** Writes the derived state of one ticket into the projection (insert or replace). */
export function writeTicketProjection(db: Db, s: TicketState): void {
  const breachedNow = s.firstResponse.level === 'breached' || s.resolution.level === 'breached';
  stmt(
    db,
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
  ).run({
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
  });
}

const isStopped = (status: string) => status === 'met' || status === 'missed';


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

export const TICKET_COLUMNS = `t.id, t.customer_id AS customerId, c.name AS customerName, c.phone, t.callback_id AS callbackId,
  t.attempt_id AS attemptId, t.subject, t.category, t.priority, t.channel, t.status, t.assignee_id AS assigneeId,
  u.name AS assigneeName, t.created_at AS createdAt, t.created_by AS createdBy, t.updated_at AS updatedAt,
  t.first_responded_at AS firstRespondedAt, t.resolved_at AS resolvedAt, t.closed_at AS closedAt, t.reopen_count AS reopenCount,
  t.calendar_version_id AS calendarVersionId, t.policy_id AS policyId, t.next_due_at AS nextDueAt, t.next_warn_at AS nextWarnAt,
  t.breached, t.escalated, t.derived`;
export const TICKET_FROM = `tickets t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.assignee_id`;

export function getTicketRow(db: Db, id: string): TicketProjectionRow | undefined {
  return stmt(db, `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.id = ?`).get(id) as TicketProjectionRow | undefined;
}

export interface TicketQuery {
  statuses: readonly string[] | null;
  assigneeId?: string;
  category?: string;
  priority?: string;
  customerId?: string;
  search: string;
  sort: 'due' | 'created' | 'updated' | 'priority';
  offset: number;
  limit: number;
}

const SORTS: Record<TicketQuery['sort'], string> = {
  // Running clocks first by how soon they breach; paused and stopped tickets after, newest first.
  due: 't.next_due_at IS NULL, t.next_due_at, t.created_at DESC, t.id',
  created: 't.created_at DESC, t.id DESC',
  updated: 't.updated_at DESC, t.id DESC',
  priority: 't.priority, t.next_due_at IS NULL, t.next_due_at, t.id',
};

export function listTicketRows(db: Db, q: TicketQuery): { rows: TicketProjectionRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  if (q.statuses) {
    where.push('t.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(q.statuses);
  }
  for (const [key, column] of [
    ['assigneeId', 't.assignee_id'],
    ['category', 't.category'],
    ['priority', 't.priority'],
    ['customerId', 't.customer_id'],
  ] as const) {
    if (q[key] !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = q[key];
    }
  }
  if (q.search) {
    where.push(`(t.subject LIKE @like ESCAPE '\\' OR c.name LIKE @like ESCAPE '\\' OR substr(t.id, -6) = lower(@tail) OR c.phone LIKE @phoneTail)`);
    const escaped = q.search.replace(/[\\%_]/g, (m) => `\\${m}`);
    params.like = `%${escaped}%`;
    params.tail = q.search.replace(/^TK-/i, '');
    params.phoneTail = /^\d{3,11}$/.test(q.search) ? `%${q.search}` : '\u0000';
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(
    db,
    `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} ${clause} ORDER BY ${SORTS[q.sort]} LIMIT @limit OFFSET @offset`,
  ).all(params) as TicketProjectionRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM ${TICKET_FROM} ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

export interface BoardQuery {
  category?: string;
  priority?: string;
  assigneeId?: string;
  from?: number;
  to?: number;
}

function boardWhere(q: BoardQuery): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.category !== undefined) {
    where.push('t.category = @category');
    params.category = q.category;
  }
  if (q.priority !== undefined) {
    where.push('t.priority = @priority');
    params.priority = q.priority;
  }
  if (q.assigneeId !== undefined) {
    where.push('t.assignee_id = @assigneeId');
    params.assigneeId = q.assigneeId;
  }
  if (q.from !== undefined) {
    where.push('t.created_at >= @from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('t.created_at < @to');
    params.to = q.to;
  }
  return { clause: where.map((w) => ` AND ${w}`).join(''), params };
}

/** Active tickets inside their warning window (not yet breached), soonest breach first. */
export function atRiskRows(db: Db, now: number, q: BoardQuery): TicketProjectionRow[] {
  const { clause, params } = boardWhere(q);
  return stmt(
    db,
    `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM}
      WHERE t.status IN ('new', 'open') AND t.breached = 0 AND t.escalated = 0
        AND t.next_due_at > @now AND t.next_warn_at <= @now ${clause}
      ORDER BY t.next_due_at, t.id LIMIT 500`,
  ).all({ ...params, now }) as TicketProjectionRow[];
}

/** Unresolved tickets over a target (recorded, or running past due now), most overdue first. */
export function breachedRows(db: Db, now: number, q: BoardQuery): TicketProjectionRow[] {
  const { clause, params } = boardWhere(q);
  return stmt(
    db,
    `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM}
      WHERE t.status IN ('new', 'open', 'pending_customer')
        AND (t.breached = 1 OR t.escalated = 1 OR t.next_due_at <= @now) ${clause}
      ORDER BY t.next_due_at IS NULL, t.next_due_at, t.id LIMIT 500`,
  ).all({ ...params, now }) as TicketProjectionRow[];
}

/** Tickets whose clocks may need a breach recorded: running past due, or over target and not escalated. */
export function ticketsNeedingBreachCheck(db: Db, now: number): string[] {
  return (
    stmt(
      db,
      `SELECT id FROM tickets WHERE status IN ('new', 'open') AND next_due_at <= @now
       UNION SELECT id FROM tickets WHERE breached = 1 AND escalated = 0`,
    ).all({ now }) as { id: string }[]
  ).map((r) => r.id);
}

export interface AttainmentSqlRow {
  key: string;
  tickets: number;
  frDone: number;
  frMet: number;
  resDone: number;
  resMet: number;
}

/** SLA attainment grouped by agent, category or ISO week (Beijing), over tickets created in the filter. */
export function attainmentRows(db: Db, groupBy: 'agent' | 'category' | 'week', q: BoardQuery): AttainmentSqlRow[] {
  const { clause, params } = boardWhere(q);
  // Beijing is UTC+8 all year (no DST), so a week key can be computed in SQL: Monday of the ticket's week.
  const key = {
    agent: `coalesce(t.assignee_id, '')`,
    category: 't.category',
    week: `date((t.created_at / 1000) + 8 * 3600, 'unixepoch', '-6 days', 'weekday 1')`,
  }[groupBy];
  return stmt(
    db,
    `SELECT ${key} AS key, count(*) AS tickets,
            sum(t.first_response_status IN ('met', 'missed')) AS frDone, sum(t.first_response_status = 'met') AS frMet,
            sum(t.resolution_status IN ('met', 'missed')) AS resDone, sum(t.resolution_status = 'met') AS resMet
       FROM tickets t WHERE 1 = 1 ${clause} GROUP BY key ORDER BY key`,
  ).all(params) as AttainmentSqlRow[];
}

/** Open follow-up callbacks scheduled for a ticket. */
export function followUpsOf(db: Db, ticketId: string): { id: string; dueAt: number | null; state: 'open' | 'closed'; outcome: string | null }[] {
  return stmt(db, `SELECT id, due_at AS dueAt, state, outcome FROM callbacks WHERE ticket_id = ? ORDER BY created_at`).all(ticketId) as {
    id: string;
    dueAt: number | null;
    state: 'open' | 'closed';
    outcome: string | null;
  }[];
}

export interface TicketBrief {
  id: string;
  subject: string;
  category: string;
  priority: string;
  status: string;
  createdAt: number;
  resolvedAt: number | null;
}

const BRIEF = `id, subject, category, priority, status, created_at AS createdAt, resolved_at AS resolvedAt`;

/** The ticket a follow-up callback was scheduled for. */
export function ticketOfCallback(db: Db, callbackId: string): TicketBrief | undefined {
  return stmt(db, `SELECT ${BRIEF} FROM tickets WHERE id = (SELECT ticket_id FROM callbacks WHERE id = ?)`).get(callbackId) as TicketBrief | undefined;
}

/** A customer's most recent tickets, for the profile beside a call. */
export function customerTickets(db: Db, customerId: string, limit = 10): TicketBrief[] {
  return stmt(db, `SELECT ${BRIEF} FROM tickets WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?`).all(customerId, limit) as TicketBrief[];
}

import { type TicketEvent } from '../../core/tickets';
import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/tickets';
import { onDb } from '../store';
import * as callbacksStore from '../../core/store/callbacks';
import { TICKET_COLUMNS, TICKET_FROM, EVENT_COLUMNS, toTicketEvent } from '../../core/store/tickets';
import type { TicketEventRow, TicketProjectionRow } from '../../core/store/tickets';

/*
 * Ticket events (the facts) and the tickets projection (rewritten from them by every ticket mutation).
 */

/** The events of several tickets in one indexed read, each ticket's in the order they happened. */
export function eventsOfTickets(db: Db, ids: readonly string[]): Map<string, TicketEvent[]> {
  const out = new Map<string, TicketEvent[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT id, ticket_id AS ticketId, at, actor_id AS actorId, type, data FROM ticket_events
      WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY ticket_id, at, id`,
  ).all(JSON.stringify(ids)) as TicketEventRow[];
  for (const r of rows) out.get(r.ticketId)!.push(toTicketEvent(r));
  return out;
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

/** Tickets (matching the board's filter) with a breach recorded since `since`, most recent first. */
export function ticketsWithBreachSince(db: Db, since: number, q: BoardQuery): TicketProjectionRow[] {
  const { clause, params } = boardWhere(q);
  return stmt(
    db,
    `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM}
      WHERE t.id IN (SELECT ticket_id FROM ticket_events WHERE type = 'breach_recorded' AND at >= @since) ${clause}
      ORDER BY t.updated_at DESC, t.id LIMIT 500`,
  ).all({ ...params, since }) as TicketProjectionRow[];
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

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertTicketEvent = onDb(store.insertTicketEvent);
export const ticketEvents = onDb(store.ticketEvents);
export const ticketExists = onDb(store.ticketExists);
export const reserveTicketRow = onDb(store.reserveTicketRow);
export const writeTicketProjection = onDb(store.writeTicketProjection);
export const getTicketRow = onDb(store.getTicketRow);
export const followUpsOf = onDb(callbacksStore.followUpsOf);
export { TICKET_COLUMNS, TICKET_FROM, EVENT_COLUMNS, toTicketEvent };
export type { TicketProjectionRow };

import type { QueueFilter, QueueSort } from '../../core/contract/api';
import type { CallbackRecord, CustomerRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { CALLABLE_SQL } from './callable-sql';
import { CALLBACK_COLUMNS } from './callbacks';
import { stmt } from './stmt';

export interface QueueListRow extends CallbackRecord {
  customerName: string;
  phone: string;
  timezone: string;
  phoneStatus: CustomerRecord['phoneStatus'];
  consentService: CustomerRecord['consentService'];
  consentSurvey: CustomerRecord['consentSurvey'];
  consentMarketing: CustomerRecord['consentMarketing'];
  dncUntil: number | null;
  capUntil: number | null;
}

export interface QueueListParams {
  filter: QueueFilter;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  now: number;
  agentId: string;
  zones: string[];
}

const SORT_SQL: Record<QueueSort, string> = {
  // Same order as core/rules/queue-order.ts: overdue first, priority, due time, creation, id.
  queue: `(CASE WHEN cb.due_at IS NOT NULL AND cb.due_at <= @now THEN 0 ELSE 1 END) {dir}, cb.priority {dir},
          (CASE WHEN cb.due_at IS NOT NULL AND cb.due_at <= @now THEN cb.due_at ELSE 0 END) {dir}, cb.created_at {dir}, cb.id {dir}`,
  due: `cb.due_at IS NULL, cb.due_at {dir}, cb.id {dir}`,
  priority: `cb.priority {dir}, cb.due_at IS NULL, cb.due_at, cb.id`,
  attempts: `cb.attempts {dir}, cb.id`,
  name: `c.name COLLATE NOCASE {dir}, cb.id`,
  created: `cb.created_at {dir}, cb.id {dir}`,
};

function whereClause(filter: QueueFilter): string {
  const where: string[] = [];
  switch (filter.status) {
    case 'open':
      where.push(`cb.state = 'open'`);
      break;
    case 'callable':
      where.push(CALLABLE_SQL);
      break;
    case 'blocked':
      where.push(`cb.state = 'open' AND NOT ${CALLABLE_SQL}`);
      break;
    case 'closed':
      where.push(`cb.state = 'closed'`);
      break;
    case 'all':
      break;
  }
  if (filter.reasons.length) where.push(`cb.reason IN (SELECT value FROM json_each(@reasons))`);
  if (filter.priorities.length) where.push(`cb.priority IN (SELECT value FROM json_each(@priorities))`);
  if (filter.search) where.push(`(c.name LIKE @search ESCAPE '\\' OR c.phone LIKE @phoneSearch ESCAPE '\\')`);
  if (filter.mine) where.push(`cb.lease_agent_id = @agentId AND cb.lease_expires_at > @now`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** One page of the queue, filtered and sorted in SQL; callability details are added by the service. */
export function listQueue(db: Db, p: QueueListParams): { rows: QueueListRow[]; total: number } {
  const where = whereClause(p.filter);
  const digits = p.filter.search.replace(/\D/g, '');
  const params = {
    now: p.now,
    agentId: p.agentId,
    zones: JSON.stringify(p.zones),
    reasons: JSON.stringify(p.filter.reasons),
    priorities: JSON.stringify(p.filter.priorities),
    search: `%${escapeLike(p.filter.search)}%`,
    // Only a phone's last digits may be searched: the full number is never typed into a shared screen.
    phoneSearch: digits.length >= 4 ? `%${escapeLike(digits)}` : '\u0000',
    offset: p.offset,
    limit: p.limit,
  };
  const order = SORT_SQL[p.sort].replaceAll('{dir}', p.direction === 'desc' ? 'DESC' : 'ASC');
  // Sort only the keys of the page (rowid + order terms), joining the customer only if the filter or
  // the sort reads it (the foreign key guarantees the join never drops a callback), then read 200 rows.
  const from = /\bc\./.test(where) || /\bc\./.test(order) ? 'callbacks cb JOIN customers c ON c.id = cb.customer_id' : 'callbacks cb';
  const rows = stmt(
    db,
    `SELECT ${CALLBACK_COLUMNS}, c.name AS customerName, c.phone, c.timezone, c.phone_status AS phoneStatus,
            c.consent_service AS consentService, c.consent_survey AS consentSurvey, c.consent_marketing AS consentMarketing,
            c.dnc_until AS dncUntil, c.cap_until AS capUntil
       FROM callbacks cb JOIN customers c ON c.id = cb.customer_id
      WHERE cb.rowid IN (SELECT cb.rowid FROM ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset)
      ORDER BY ${order}`,
  ).all(params) as QueueListRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM ${from} ${where}`).get(params) as { n: number }).n;
  return { rows, total };
}

export function queueCounts(db: Db, now: number, agentId: string, zones: string[], dayStart: number) {
  const params = { now, agentId, zones: JSON.stringify(zones), dayStart };
  return stmt(
    db,
    `SELECT
       (SELECT count(*) FROM callbacks WHERE state = 'open') AS open,
       (SELECT count(*) FROM callbacks cb JOIN customers c ON c.id = cb.customer_id WHERE ${CALLABLE_SQL}) AS callableNow,
       (SELECT count(*) FROM callbacks WHERE state = 'open' AND due_at IS NOT NULL AND due_at <= @now) AS overdue,
       (SELECT count(*) FROM callbacks WHERE state = 'closed' AND closed_at >= @dayStart) AS closedToday`,
  ).get(params) as { open: number; callableNow: number; overdue: number; closedToday: number };
}

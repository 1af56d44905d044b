import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/audit';
import { onDb } from '../store';
import type { AuditEntry } from '../../core/store/audit';

export interface AuditQuery {
  action?: string;
  actorId?: string;
  subjectId?: string;
  from?: number;
  to?: number;
  offset: number;
  limit: number;
}

export interface AuditRow extends AuditEntry {
  actorName: string | null;
  subjectName: string | null;
}

export function listAudit(db: Db, q: AuditQuery): { rows: AuditRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    params[key] = value;
  };
  add('a.action = @action', 'action', q.action);
  add('a.actor_id = @actorId', 'actorId', q.actorId);
  add('a.subject_id = @subjectId', 'subjectId', q.subjectId);
  add('a.at >= @from', 'from', q.from);
  add('a.at < @to', 'to', q.to);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(
    db,
    `SELECT a.id, a.at, a.actor_id AS actorId, a.action, a.subject_type AS subjectType, a.subject_id AS subjectId,
            a.details, u.name AS actorName, coalesce(c.name, v.code,
              CASE WHEN a.subject_type = 'faq' THEN
                (SELECT r.question_zh FROM faq_revisions r WHERE r.entry_id = a.subject_id ORDER BY r.revision DESC LIMIT 1) END) AS subjectName
       FROM audit_log a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN customers c ON a.subject_type = 'customer' AND c.id = a.subject_id
       LEFT JOIN vouchers v ON a.subject_type = 'voucher' AND v.id = a.subject_id
       ${clause} ORDER BY a.at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
  ).all(params) as (Omit<AuditRow, 'details'> & { details: string })[];
  const total = (stmt(db, `SELECT count(*) AS n FROM audit_log a ${clause}`).get(params) as { n: number }).n;
  return { rows: rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })), total };
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertAudit = onDb(store.insertAudit);
export type { AuditEntry };

import type { AttemptRecord, DncRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { stmt } from './stmt';

export function insertAttempt(db: Db, a: AttemptRecord & { surveySkipReason?: string | null }): void {
  stmt(
    db,
    `INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, notes, callback_at, survey_skip_reason, reason)
     VALUES (@id, @callbackId, @customerId, @agentId, @startedAt, @endedAt, @disposition, @notes, @callbackAt, @surveySkipReason,
       (SELECT reason FROM callbacks WHERE id = @callbackId))`,
  ).run({ surveySkipReason: null, ...a });
}

export function attemptTimesSince(db: Db, customerId: string, since: number): number[] {
  return (
    stmt(db, 'SELECT started_at AS t FROM call_attempts WHERE customer_id = ? AND started_at > ? ORDER BY started_at').all(
      customerId,
      since,
    ) as { t: number }[]
  ).map((r) => r.t);
}

export interface HistoryEntry extends AttemptRecord {
  agentName: string | null;
  reason: string;
}

export function contactHistory(db: Db, customerId: string, limit = 200): HistoryEntry[] {
  return stmt(
    db,
    `SELECT a.id, a.callback_id AS callbackId, a.customer_id AS customerId, a.agent_id AS agentId,
            a.started_at AS startedAt, a.ended_at AS endedAt, a.disposition, a.notes, a.callback_at AS callbackAt,
            u.name AS agentName, cb.reason
       FROM call_attempts a
       JOIN callbacks cb ON cb.id = a.callback_id
       LEFT JOIN users u ON u.id = a.agent_id
      WHERE a.customer_id = ? ORDER BY a.started_at DESC LIMIT ?`,
  ).all(customerId, limit) as HistoryEntry[];
}

export function insertDnc(db: Db, d: DncRecord): void {
  stmt(
    db,
    `INSERT INTO dnc_entries (id, customer_id, phone, source, created_at, created_by, expires_at)
     VALUES (@id, @customerId, @phone, @source, @createdAt, @createdBy, @expiresAt)`,
  ).run(d);
}

export function dncEntriesFor(db: Db, customerId: string): DncRecord[] {
  return stmt(
    db,
    `SELECT id, customer_id AS customerId, phone, source, created_at AS createdAt, created_by AS createdBy,
            expires_at AS expiresAt FROM dnc_entries WHERE customer_id = ? ORDER BY created_at DESC`,
  ).all(customerId) as DncRecord[];
}

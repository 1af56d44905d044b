import type { AttemptRecord, DncRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/attempts';
import { onDb } from '../store';

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

export function dncEntriesFor(db: Db, customerId: string): DncRecord[] {
  return stmt(
    db,
    `SELECT id, customer_id AS customerId, phone, source, created_at AS createdAt, created_by AS createdBy,
            expires_at AS expiresAt FROM dnc_entries WHERE customer_id = ? ORDER BY created_at DESC`,
  ).all(customerId) as DncRecord[];
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertAttempt = onDb(store.insertAttempt);
export const attemptTimesSince = onDb(store.attemptTimesSince);
export const insertDnc = onDb(store.insertDnc);

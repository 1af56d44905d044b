import type { CallbackOutcome } from '../domain/model';
import type { CallbackRecord } from '../domain/records';
import { all, get, inList, run, type Q, write } from './sql';

/* Callbacks as the appliers read and write them (the queue's reads stay in db/repos). */

export const CALLBACK_COLUMNS = `cb.id, cb.customer_id AS "customerId", cb.reason, cb.priority, cb.due_at AS "dueAt", cb.state,
  cb.outcome, cb.attempts, cb.failed_attempts AS "failedAttempts", cb.lease_agent_id AS "leaseAgentId",
  cb.lease_expires_at AS "leaseExpiresAt", cb.notes, cb.source, cb.import_batch_id AS "importBatchId",
  cb.created_at AS "createdAt", cb.closed_at AS "closedAt"`;

export function* insertCallback(c: CallbackRecord): Q<void> {
  yield* write(
    `INSERT INTO callbacks (id, customer_id, reason, priority, due_at, state, outcome, attempts, failed_attempts,
       lease_agent_id, lease_expires_at, notes, source, import_batch_id, created_at, closed_at, timezone, ticket_id)
     VALUES (@id, @customerId, @reason, @priority, @dueAt, @state, @outcome, @attempts, @failedAttempts,
       @leaseAgentId, @leaseExpiresAt, @notes, @source, @importBatchId, @createdAt, @closedAt,
       (SELECT timezone FROM customers WHERE id = @customerId), @ticketId)`,
    { ticketId: null, ...c },
  );
}

export function getCallback(id: string): Q<CallbackRecord | undefined> {
  return get<CallbackRecord>(`SELECT ${CALLBACK_COLUMNS} FROM callbacks cb WHERE cb.id = ?`, [id]);
}

export function* setLease(id: string, agentId: string | null, expiresAt: number | null): Q<void> {
  yield* write('UPDATE callbacks SET lease_agent_id = ?, lease_expires_at = ? WHERE id = ?', [agentId, expiresAt, id]);
}

export function* closeCallback(
  id: string,
  change: { outcome: CallbackOutcome; attempts: number; failedAttempts: number; closedAt: number },
): Q<void> {
  yield* write(
    `UPDATE callbacks SET state = 'closed', outcome = @outcome, attempts = @attempts, failed_attempts = @failedAttempts,
       closed_at = @closedAt, lease_agent_id = NULL, lease_expires_at = NULL WHERE id = @id`,
    { id, ...change },
  );
}

export function* rescheduleCallback(id: string, change: { dueAt: number; attempts: number; failedAttempts: number }): Q<void> {
  yield* write(
    `UPDATE callbacks SET due_at = @dueAt, attempts = @attempts, failed_attempts = @failedAttempts,
       lease_agent_id = NULL, lease_expires_at = NULL WHERE id = @id`,
    { id, ...change },
  );
}

/** Cancels a customer's other open callbacks for the given reasons; returns how many. */
export function* cancelOpenCallbacks(customerId: string, reasons: readonly string[], exceptId: string, at: number): Q<number> {
  if (reasons.length === 0) return 0;
  const list = inList('reason', reasons);
  return yield* run(
    `UPDATE callbacks SET state = 'closed', outcome = 'cancelled_dnc', closed_at = @at, lease_agent_id = NULL, lease_expires_at = NULL
      WHERE customer_id = @customerId AND state = 'open' AND id <> @exceptId AND reason IN ${list.sql}`,
    { customerId, exceptId, at, ...list.params },
  );
}

export function* openDuplicateExists(customerId: string, reason: string, dueAt: number | null): Q<boolean> {
  const row = yield* get(
    `SELECT 1 AS one FROM callbacks WHERE customer_id = @customerId AND state = 'open' AND reason = @reason AND due_at IS @dueAt LIMIT 1`,
    { customerId, reason, dueAt },
  );
  return row !== undefined;
}

/** Callbacks scheduled as follow-ups of a ticket. */
export function followUpsOf(ticketId: string): Q<{ id: string; dueAt: number | null; state: 'open' | 'closed'; outcome: string | null }[]> {
  return all(`SELECT id, due_at AS "dueAt", state, outcome FROM callbacks WHERE ticket_id = ? ORDER BY created_at`, [ticketId]);
}

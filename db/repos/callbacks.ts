import type { CallbackFacts, CallbackOutcome, ConsentState, CustomerFacts, Priority } from '../../core/domain/model';
import type { CallbackRecord } from '../../core/domain/records';
import type { Db } from '../open';
import { CALLABLE_SQL } from './callable-sql';
import { stmt } from './stmt';

export const CALLBACK_COLUMNS = `cb.id, cb.customer_id AS customerId, cb.reason, cb.priority, cb.due_at AS dueAt, cb.state,
  cb.outcome, cb.attempts, cb.failed_attempts AS failedAttempts, cb.lease_agent_id AS leaseAgentId,
  cb.lease_expires_at AS leaseExpiresAt, cb.notes, cb.source, cb.import_batch_id AS importBatchId,
  cb.created_at AS createdAt, cb.closed_at AS closedAt`;

export function insertCallback(db: Db, c: CallbackRecord): void {
  stmt(
    db,
    `INSERT INTO callbacks (id, customer_id, reason, priority, due_at, state, outcome, attempts, failed_attempts,
       lease_agent_id, lease_expires_at, notes, source, import_batch_id, created_at, closed_at)
     VALUES (@id, @customerId, @reason, @priority, @dueAt, @state, @outcome, @attempts, @failedAttempts,
       @leaseAgentId, @leaseExpiresAt, @notes, @source, @importBatchId, @createdAt, @closedAt)`,
  ).run(c);
}

export function getCallback(db: Db, id: string): CallbackRecord | undefined {
  return stmt(db, `SELECT ${CALLBACK_COLUMNS} FROM callbacks cb WHERE cb.id = ?`).get(id) as CallbackRecord | undefined;
}

export function setLease(db: Db, id: string, agentId: string | null, expiresAt: number | null): void {
  stmt(db, 'UPDATE callbacks SET lease_agent_id = ?, lease_expires_at = ? WHERE id = ?').run(agentId, expiresAt, id);
}

/** The callback this agent currently holds, if its lease is still running. */
export function activeLeaseOf(db: Db, agentId: string, now: number): CallbackRecord | undefined {
  return stmt(
    db,
    `SELECT ${CALLBACK_COLUMNS} FROM callbacks cb
      WHERE cb.lease_agent_id = ? AND cb.lease_expires_at > ? AND cb.state = 'open'
      ORDER BY cb.lease_expires_at DESC LIMIT 1`,
  ).get(agentId, now) as CallbackRecord | undefined;
}

export function closeCallback(
  db: Db,
  id: string,
  change: { outcome: CallbackOutcome; attempts: number; failedAttempts: number; closedAt: number },
): void {
  stmt(
    db,
    `UPDATE callbacks SET state = 'closed', outcome = @outcome, attempts = @attempts, failed_attempts = @failedAttempts,
       closed_at = @closedAt, lease_agent_id = NULL, lease_expires_at = NULL WHERE id = @id`,
  ).run({ id, ...change });
}

export function rescheduleCallback(db: Db, id: string, change: { dueAt: number; attempts: number; failedAttempts: number }): void {
  stmt(
    db,
    `UPDATE callbacks SET due_at = @dueAt, attempts = @attempts, failed_attempts = @failedAttempts,
       lease_agent_id = NULL, lease_expires_at = NULL WHERE id = @id`,
  ).run({ id, ...change });
}

/** Cancels a customer's other open callbacks for the given reasons; returns how many. */
export function cancelOpenCallbacks(db: Db, customerId: string, reasons: readonly string[], exceptId: string, at: number): number {
  if (reasons.length === 0) return 0;
  return stmt(
    db,
    `UPDATE callbacks SET state = 'closed', outcome = 'cancelled_dnc', closed_at = @at, lease_agent_id = NULL, lease_expires_at = NULL
      WHERE customer_id = @customerId AND state = 'open' AND id <> @exceptId AND reason IN (SELECT value FROM json_each(@reasons))`,
  ).run({ customerId, reasons: JSON.stringify(reasons), exceptId, at }).changes;
}

export function openDuplicateExists(db: Db, customerId: string, reason: string, dueAt: number | null): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM callbacks WHERE customer_id = @customerId AND state = 'open' AND reason = @reason AND due_at IS @dueAt LIMIT 1`,
    ).get({ customerId, reason, dueAt }) !== undefined
  );
}

export interface PickParams {
  now: number;
  agentId: string;
  zones: string[];
}

/** The picked callback with the facts the core guard needs about it and its customer, from the pick's own row. */
export interface PickCandidate {
  callback: CallbackFacts;
  customer: CustomerFacts & { capUntil: number | null };
}

// The columns electron/services/facts.ts maps from full records (toCallbackFacts, toCustomerFacts), read
// as an array (better-sqlite3 raw mode): building a keyed object costs about a microsecond per column.
const PICK_COLUMNS = `cb.id, cb.reason, cb.priority, cb.due_at, cb.state, cb.lease_agent_id, cb.lease_expires_at, cb.created_at,
  c.id, c.phone_status, c.timezone, c.consent_service, c.consent_survey, c.consent_marketing, c.dnc_until, c.cap_until`;

type PickRow = [
  id: string,
  reason: CallbackFacts['reason'],
  priority: Priority,
  dueAt: number | null,
  state: CallbackFacts['state'],
  leaseAgentId: string | null,
  leaseExpiresAt: number | null,
  createdAt: number,
  customerId: string,
  phoneStatus: CustomerFacts['phoneStatus'],
  timezone: string,
  consentService: ConsentState,
  consentSurvey: ConsentState,
  consentMarketing: ConsentState,
  dncUntil: number | null,
  capUntil: number | null,
];

const toCandidate = (r: PickRow): PickCandidate => ({
  callback: { id: r[0], reason: r[1], priority: r[2], dueAt: r[3], state: r[4], leaseAgentId: r[5], leaseExpiresAt: r[6], createdAt: r[7] },
  customer: {
    id: r[8],
    phoneStatus: r[9],
    timezone: r[10],
    consents: { service: r[11], survey: r[12], marketing: r[13] },
    dncUntil: r[14],
    capUntil: r[15],
  },
});

/**
 * The most urgent callable callback, in the order of core/rules/queue-order.ts: each priority's overdue
 * range first, then each priority's as-soon-as-callable rows. Each step is one partial-index seek. The
 * row carries the guard's facts, so the caller can re-check it without reading it again.
 */
export function pickNextCandidate(db: Db, p: PickParams, skipIds: readonly string[] = []): PickCandidate | undefined {
  if (p.zones.length === 0) return undefined;
  const params = { now: p.now, agentId: p.agentId, zones: JSON.stringify(p.zones), skip: JSON.stringify(skipIds) };
  // Two cached statement texts per range: without the clause (first try) and with it (after a rejection).
  const skip = skipIds.length > 0 ? 'AND cb.id NOT IN (SELECT value FROM json_each(@skip))' : '';
  const overdue = stmt(
    db,
    `SELECT ${PICK_COLUMNS} FROM callbacks cb INDEXED BY callbacks_queue_due CROSS JOIN customers c ON c.id = cb.customer_id
      WHERE cb.state = 'open' AND cb.due_at IS NOT NULL AND cb.priority = @priority AND cb.due_at <= @now
        AND ${CALLABLE_SQL} ${skip}
      ORDER BY cb.due_at, cb.created_at, cb.id LIMIT 1`,
  );
  const asap = stmt(
    db,
    `SELECT ${PICK_COLUMNS} FROM callbacks cb INDEXED BY callbacks_queue_asap CROSS JOIN customers c ON c.id = cb.customer_id
      WHERE cb.state = 'open' AND cb.due_at IS NULL AND cb.priority = @priority
        AND ${CALLABLE_SQL} ${skip}
      ORDER BY cb.created_at, cb.id LIMIT 1`,
  );
  for (const query of [overdue.raw(true), asap.raw(true)]) {
    for (const priority of [1, 2, 3, 4, 5] satisfies Priority[]) {
      const row = query.get({ ...params, priority }) as PickRow | undefined;
      if (row) return toCandidate(row);
    }
  }
  return undefined;
}

/** The id of pickNextCandidate's callback. */
export function pickNextCallable(db: Db, p: PickParams, skipIds: readonly string[] = []): string | undefined {
  return pickNextCandidate(db, p, skipIds)?.callback.id;
}

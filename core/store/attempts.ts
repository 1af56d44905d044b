import type { AttemptRecord, DncRecord } from '../domain/records';
import { all, get, type Q, write } from './sql';

export function* insertAttempt(a: AttemptRecord & { surveySkipReason?: string | null; leaseConflict?: string | null }): Q<void> {
  // The call's reason is copied onto the attempt for the reports' covering index.
  yield* write(
    `INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, notes, callback_at, survey_skip_reason, reason, lease_conflict)
     VALUES (@id, @callbackId, @customerId, @agentId, @startedAt, @endedAt, @disposition, @notes, @callbackAt, @surveySkipReason,
       (SELECT reason FROM callbacks WHERE id = @callbackId), @leaseConflict)`,
    { surveySkipReason: null, leaseConflict: null, ...a },
  );
}

/** Who recorded the callback's latest attempt (undefined: nobody yet). */
export function* lastAttemptAgent(callbackId: string): Q<string | undefined> {
  const row = yield* get<{ agentId: string }>(
    'SELECT agent_id AS "agentId" FROM call_attempts WHERE callback_id = ? AND lease_conflict IS NULL ORDER BY started_at DESC, id DESC LIMIT 1',
    [callbackId],
  );
  return row?.agentId;
}

export function* attemptTimesSince(customerId: string, since: number): Q<number[]> {
  const rows = yield* all<{ t: number }>(
    'SELECT started_at AS t FROM call_attempts WHERE customer_id = ? AND started_at > ? ORDER BY started_at',
    [customerId, since],
  );
  return rows.map((r) => r.t);
}

export function* insertDnc(d: DncRecord): Q<void> {
  yield* write(
    `INSERT INTO dnc_entries (id, customer_id, phone, source, created_at, created_by, expires_at)
     VALUES (@id, @customerId, @phone, @source, @createdAt, @createdBy, @expiresAt)`,
    d,
  );
}

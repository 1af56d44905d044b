import type { AttemptRecord, DncRecord } from '../domain/records';
import { all, run, type Q } from './sql';

export function* insertAttempt(a: AttemptRecord & { surveySkipReason?: string | null }): Q<void> {
  // The call's reason is copied onto the attempt for the reports' covering index.
  yield* run(
    `INSERT INTO call_attempts (id, callback_id, customer_id, agent_id, started_at, ended_at, disposition, notes, callback_at, survey_skip_reason, reason)
     VALUES (@id, @callbackId, @customerId, @agentId, @startedAt, @endedAt, @disposition, @notes, @callbackAt, @surveySkipReason,
       (SELECT reason FROM callbacks WHERE id = @callbackId))`,
    { surveySkipReason: null, ...a },
  );
}

export function* attemptTimesSince(customerId: string, since: number): Q<number[]> {
  const rows = yield* all<{ t: number }>(
    'SELECT started_at AS t FROM call_attempts WHERE customer_id = ? AND started_at > ? ORDER BY started_at',
    [customerId, since],
  );
  return rows.map((r) => r.t);
}

export function* insertDnc(d: DncRecord): Q<void> {
  yield* run(
    `INSERT INTO dnc_entries (id, customer_id, phone, source, created_at, created_by, expires_at)
     VALUES (@id, @customerId, @phone, @source, @createdAt, @createdBy, @expiresAt)`,
    d,
  );
}

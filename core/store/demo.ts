import type { Reason } from '../domain/model';
import { all, type Q, write } from './sql';

/* The demo loaders' reads and writes beyond the ordinary appliers' (core/mutations/demo-cases.ts). */

/** The profile tag the demo gives customers who complained before. */
export const COMPLAINED_TAG = '曾投诉';

/**
 * Customers tagged 曾投诉, in id order, each with their first complaint follow-up callback that follows
 * no ticket yet and what its note says (null when none).
 */
export function* complainants(): Q<{ id: string; name: string; followUp: { callbackId: string; queuedAt: number; notes: string } | null }[]> {
  const rows = yield* all<{ id: string; name: string; callbackId: string | null; queuedAt: number | null; notes: string | null }>(
    `SELECT c.id, c.name, f.id AS "callbackId", f.created_at AS "queuedAt", f.notes
       FROM customers c
       LEFT JOIN callbacks f ON f.id = (SELECT id FROM callbacks WHERE customer_id = c.id AND reason = 'complaint_followup' AND ticket_id IS NULL
                                        ORDER BY created_at, id LIMIT 1)
      WHERE c.tags LIKE @tag
      ORDER BY c.id`,
    { tag: `%"${COMPLAINED_TAG}"%` },
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    followUp: r.callbackId !== null && r.queuedAt !== null ? { callbackId: r.callbackId, queuedAt: r.queuedAt, notes: r.notes ?? '' } : null,
  }));
}

/** The follow-up callback a resolved ticket scheduled (what {ticket_subject} reads on that call). */
export function* linkFollowUp(callbackId: string, ticketId: string): Q<void> {
  yield* write('UPDATE callbacks SET ticket_id = ? WHERE id = ? AND ticket_id IS NULL', [ticketId, callbackId]);
}

export interface ReachedCall {
  attemptId: string;
  callbackId: string;
  customerId: string;
  agentId: string;
  reason: Reason;
  startedAt: number;
  endedAt: number;
}

/** Demo calls that reached the customer and have no questionnaire yet, in attempt id order. */
export function reachedDemoCalls(): Q<ReachedCall[]> {
  return all<ReachedCall>(
    `SELECT a.id AS "attemptId", a.callback_id AS "callbackId", a.customer_id AS "customerId", a.agent_id AS "agentId",
            cb.reason, a.started_at AS "startedAt", a.ended_at AS "endedAt"
       FROM call_attempts a JOIN callbacks cb ON cb.id = a.callback_id
      WHERE a.disposition = 'reached' AND cb.source = 'demo'
        AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.callback_id = a.callback_id)
      ORDER BY a.id`,
  );
}

import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../database/open';

/** Who did what to which account; the same `audit_log` the consoles show (and will sync). */
export interface AuditEntry {
  at: number;
  /** The account that acted; 'system' for the admin command line, the login's account on a failed sign-in. */
  actorId: string;
  action:
    | 'auth.sign_in'
    | 'auth.sign_in_failed'
    | 'auth.sign_out'
    | 'auth.refresh_reused'
    | 'account.created'
    | 'account.password_reset'
    | 'account.disabled'
    | 'team.created';
  subjectType: 'account' | 'team';
  subjectId: string;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR = 'system';

export async function writeAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (id, at, actor_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [uuidv7(), e.at, e.actorId, e.action, e.subjectType, e.subjectId, JSON.stringify(e.details ?? {})],
  );
}

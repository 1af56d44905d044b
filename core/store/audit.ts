import { type Q, write } from './sql';

export interface AuditEntry {
  id: string;
  at: number;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export function* insertAudit(e: AuditEntry): Q<void> {
  yield* write(
    `INSERT INTO audit_log (id, at, actor_id, action, subject_type, subject_id, details)
     VALUES (@id, @at, @actorId, @action, @subjectType, @subjectId, @details)`,
    { ...e, details: JSON.stringify(e.details) },
  );
}

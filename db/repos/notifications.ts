import type { Db } from '../open';
import { stmt } from './stmt';

export interface NotificationRecord {
  id: string;
  userId: string;
  at: number;
  kind: string;
  ticketId: string | null;
  voucherId: string | null;
  data: Record<string, unknown>;
}

export function insertNotification(db: Db, n: NotificationRecord): void {
  stmt(db, 'INSERT INTO notifications (id, user_id, at, kind, ticket_id, voucher_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    n.id,
    n.userId,
    n.at,
    n.kind,
    n.ticketId,
    n.voucherId,
    JSON.stringify(n.data),
  );
}

export interface NotificationRow extends NotificationRecord {
  readAt: number | null;
  ticketSubject: string | null;
}

export function listNotifications(db: Db, userId: string, unreadOnly: boolean, limit: number): NotificationRow[] {
  return (
    stmt(
      db,
      `SELECT n.id, n.user_id AS userId, n.at, n.kind, n.ticket_id AS ticketId, n.voucher_id AS voucherId, n.data,
              n.read_at AS readAt, t.subject AS ticketSubject
         FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id
        WHERE n.user_id = @userId AND (@unreadOnly = 0 OR n.read_at IS NULL)
        ORDER BY n.at DESC, n.id DESC LIMIT @limit`,
    ).all({ userId, unreadOnly: unreadOnly ? 1 : 0, limit }) as (Omit<NotificationRow, 'data'> & { data: string })[]
  ).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export function unreadCount(db: Db, userId: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
}

/** Marks the user's own notifications read; others' ids are ignored. */
export function markRead(db: Db, userId: string, ids: readonly string[], at: number): void {
  stmt(
    db,
    `UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL AND id IN (SELECT value FROM json_each(@ids))`,
  ).run({ userId, at, ids: JSON.stringify(ids) });
}

export function unreadIds(db: Db, userId: string): string[] {
  return (stmt(db, 'SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL').all(userId) as { id: string }[]).map((r) => r.id);
}

/**
 * One notification per recipient, with the ids the mutation carries, matched in order. The service mints
 * as many ids as it counts recipients; a recipient without an id (the team changed meanwhile) is skipped.
 */
export function notifyEach(db: Db, userIds: readonly string[], ids: readonly string[], n: Omit<NotificationRecord, 'id' | 'userId'>): void {
  userIds.forEach((userId, i) => {
    const id = ids[i];
    if (id) insertNotification(db, { ...n, id, userId });
  });
}

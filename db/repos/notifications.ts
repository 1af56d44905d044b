import type { Db } from '../open';
import { stmt } from './stmt';
import * as store from '../../core/store/notifications';
import { onDb } from '../store';
import type { NotificationRecord } from '../../core/store/notifications';

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

export function unreadIds(db: Db, userId: string): string[] {
  return (stmt(db, 'SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL').all(userId) as { id: string }[]).map((r) => r.id);
}

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const insertNotification = onDb(store.insertNotification);
export const markRead = onDb(store.markRead);
export const notifyEach = onDb(store.notifyEach);
export type { NotificationRecord };

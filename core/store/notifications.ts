import { inList, type Q, write } from './sql';

export interface NotificationRecord {
  id: string;
  userId: string;
  at: number;
  kind: string;
  ticketId: string | null;
  voucherId: string | null;
  data: Record<string, unknown>;
}

export function* insertNotification(n: NotificationRecord): Q<void> {
  yield* write('INSERT INTO notifications (id, user_id, at, kind, ticket_id, voucher_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    n.id,
    n.userId,
    n.at,
    n.kind,
    n.ticketId,
    n.voucherId,
    JSON.stringify(n.data),
  ]);
}

/** Marks the user's own notifications read; others' ids are ignored. */
export function* markRead(userId: string, ids: readonly string[], at: number): Q<void> {
  if (ids.length === 0) return;
  const list = inList('id', ids);
  yield* write(`UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL AND id IN ${list.sql}`, {
    userId,
    at,
    ...list.params,
  });
}

/**
 * One notification per recipient, with the ids the mutation carries, matched in order. The service mints
 * as many ids as it counts recipients; a recipient without an id (the team changed meanwhile) is skipped.
 */
export function* notifyEach(userIds: readonly string[], ids: readonly string[], n: Omit<NotificationRecord, 'id' | 'userId'>): Q<void> {
  for (const [i, userId] of userIds.entries()) {
    const id = ids[i];
    if (id) yield* insertNotification({ ...n, id, userId });
  }
}
